package query

import (
	"context"
	"sort"

	"github.com/alliances/alliances/graph"
)

// Between returns the ties between an actor of family f1 and an actor of
// family f2, with A of family f1 and B of family f2; when f1 and f2 are the
// same family, the ties inside it, with A < B. Ties are sorted by the ids of
// A, then B.
func Between(n *graph.Network, f1, f2 string) ([]TieInfo, error) {
	out := []TieInfo{}
	err := BetweenOf(context.Background(), graph.NewView(n), f1, f2, func(t TieInfo) error {
		out = append(out, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// BetweenOf calls yield with each tie that Between returns, in its order, in
// the network of v, until yield returns an error, which it returns. It reads
// the records of the actors of family f1 only.
func BetweenOf(ctx context.Context, v *graph.View, f1, f2 string, yield func(TieInfo) error) error {
	all, actors, err := allActors(ctx, v)
	if err != nil {
		return err
	}
	fam1, err := family(actors, f1)
	if err != nil {
		return err
	}
	fam2, err := family(actors, f2)
	if err != nil {
		return err
	}
	var from []int
	for k, i := range all {
		if actors[k].Family == fam1 {
			from = append(from, i)
		}
	}
	if err := expand(ctx, v, from); err != nil {
		return err
	}
	for k, a := range from {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		id := v.ID(a)
		keep := func(j int) bool { return v.Actor(j).Family == fam2 && (fam1 != fam2 || v.ID(j) > id) }
		ties, partners := v.Ties(a, keep)
		for t := range ties {
			if err := yield(tieInfo(v, ties[t], a, partners[t])); err != nil {
				return err
			}
		}
	}
	return nil
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
	ties := []TieInfo{}
	res, err := CrossBorderOf(context.Background(), graph.NewView(n), func(t TieInfo) error {
		ties = append(ties, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Ties = ties
	return res, nil
}

// CrossBorderOf computes CrossBorder in the network of v, calling yield (when
// not nil) with each cross-border tie in the order of Ties instead of
// keeping them: the result has no Ties.
func CrossBorderOf(ctx context.Context, v *graph.View, yield func(TieInfo) error) (*CrossBorderResult, error) {
	all, _, err := allActors(ctx, v)
	if err != nil {
		return nil, err
	}
	if err := expand(ctx, v, all); err != nil {
		return nil, err
	}
	res := &CrossBorderResult{Pairs: []CountryPair{}}
	type key struct{ a, b string }
	pairs := map[key]*CountryPair{}
	actors := map[key]map[int]bool{}
	projects := map[key]map[string]bool{}
	for k, a := range all {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		id, ca := v.ID(a), v.Actor(a).Country
		ties, partners := v.Ties(a, func(j int) bool { return v.ID(j) > id })
		for t, tie := range ties {
			b := partners[t]
			cb := v.Actor(b).Country
			if ca == "" || cb == "" {
				res.WithoutCountry++
				continue
			}
			if ca == cb {
				continue
			}
			if yield != nil {
				if err := yield(tieInfo(v, tie, a, b)); err != nil {
					return nil, err
				}
			}
			k := key{ca, cb}
			if cb < ca {
				k = key{cb, ca}
			}
			p := pairs[k]
			if p == nil {
				p = &CountryPair{A: k.a, B: k.b, Projects: []string{}}
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
	return res, nil
}
