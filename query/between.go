package query

import (
	"sort"

	"github.com/alliances/alliances/graph"
)

// Between returns the ties between an actor of family f1 and an actor of
// family f2, with A of family f1 and B of family f2; when f1 and f2 are the
// same family, the ties inside it, with A < B. Ties are sorted by the ids of
// A, then B.
func Between(n *graph.Network, f1, f2 string) ([]TieInfo, error) {
	fam1, err := family(n, f1)
	if err != nil {
		return nil, err
	}
	fam2, err := family(n, f2)
	if err != nil {
		return nil, err
	}
	x := newIndex(n)
	out := []TieInfo{}
	for t, e := range x.ends {
		a, b := e[0], e[1]
		if a < 0 {
			continue
		}
		fa, fb := n.Actors[a].Family, n.Actors[b].Family
		switch {
		case fa == fam1 && fb == fam2:
			out = append(out, x.tie(t, a))
		case fa == fam2 && fb == fam1:
			out = append(out, x.tie(t, b))
		}
	}
	sortTies(out)
	return out, nil
}

// CrossBorderResult lists the ties between actors of different countries.
type CrossBorderResult struct {
	// Ties are sorted by the ids of their ends (A < B).
	Ties []TieInfo `json:"ties"`
	// Pairs summarises the ties by pair of countries, the pair with the most
	// ties first (then the heaviest, then by countries).
	Pairs []CountryPair `json:"pairs"`
	// WithoutCountry counts the ties left out because an end has no country.
	WithoutCountry int `json:"without_country"`
}

// CountryPair summarises the ties between actors of two countries, A < B.
type CountryPair struct {
	A      string  `json:"country_a"`
	B      string  `json:"country_b"`
	Ties   int     `json:"ties"`
	Weight float64 `json:"weight"`
	// Actors counts the distinct actors of either country with such a tie.
	Actors int `json:"actors"`
	// Projects are the projects shared across the border, sorted.
	Projects []string `json:"projects"`
}

// CrossBorder returns the ties between actors of different countries and a
// summary per pair of countries. Ties with an end whose country is unknown
// are counted apart.
func CrossBorder(n *graph.Network) (*CrossBorderResult, error) {
	x := newIndex(n)
	res := &CrossBorderResult{Ties: []TieInfo{}, Pairs: []CountryPair{}}
	type key struct{ a, b string }
	pairs := map[key]*CountryPair{}
	actors := map[key]map[int]bool{}
	projects := map[key]map[string]bool{}
	for t, e := range x.ends {
		a, b := e[0], e[1]
		if a < 0 {
			continue
		}
		tie := n.Ties[t]
		ca, cb := n.Actors[a].Country, n.Actors[b].Country
		if ca == "" || cb == "" {
			res.WithoutCountry++
			continue
		}
		if ca == cb {
			continue
		}
		res.Ties = append(res.Ties, x.tie(t, a))
		if cb < ca {
			ca, cb = cb, ca
		}
		k := key{ca, cb}
		p := pairs[k]
		if p == nil {
			p = &CountryPair{A: ca, B: cb, Projects: []string{}}
			pairs[k] = p
			actors[k] = map[int]bool{}
			projects[k] = map[string]bool{}
		}
		p.Ties++
		p.Weight += tie.Weight
		actors[k][a], actors[k][b] = true, true
		for _, pr := range tie.Projects {
			projects[k][pr] = true
		}
	}
	for k, p := range pairs {
		p.Actors = len(actors[k])
		for pr := range projects[k] {
			p.Projects = append(p.Projects, pr)
		}
		sort.Strings(p.Projects)
		res.Pairs = append(res.Pairs, *p)
	}
	sort.Slice(res.Pairs, func(i, j int) bool {
		a, b := res.Pairs[i], res.Pairs[j]
		switch {
		case a.Ties != b.Ties:
			return a.Ties > b.Ties
		case a.Weight != b.Weight:
			return a.Weight > b.Weight
		case a.A != b.A:
			return a.A < b.A
		}
		return a.B < b.B
	})
	sortTies(res.Ties)
	return res, nil
}
