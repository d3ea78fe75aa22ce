package query

import (
	"context"
	"math/bits"
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
	family := make([]string, v.Len())
	for i := range family {
		if v.Known(i) {
			family[i] = v.Actor(i).Family
		}
	}
	for k, a := range from {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		ra := v.Rank(a)
		keep := func(j int) bool { return family[j] == fam2 && (fam1 != fam2 || v.Rank(j) > ra) }
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
	// Countries by position, numbered; a pair of countries by the product of
	// their numbers.
	codes := map[string]int{}
	country := make([]int, v.Len()) // -1: no country
	for i := range country {
		country[i] = -1
		if c := v.Actor(i).Country; c != "" && v.Known(i) {
			n, ok := codes[c]
			if !ok {
				n = len(codes)
				codes[c] = n
			}
			country[i] = n
		}
	}
	names := make([]string, len(codes))
	for c, n := range codes {
		names[n] = c
	}
	type pairState struct {
		p        *CountryPair
		actors   []uint64        // bit set of positions
		projects map[string]bool // shared across the border
	}
	pairs := map[int]*pairState{}
	for k, a := range all {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		ra, ca := v.Rank(a), country[a]
		// Only the cross-border ties are made whole; the others are counted.
		if ca < 0 {
			res.WithoutCountry += v.Degree(a, func(j int) bool { return v.Rank(j) > ra })
			continue
		}
		res.WithoutCountry += v.Degree(a, func(j int) bool { return country[j] < 0 && v.Rank(j) > ra })
		ties, partners := v.Ties(a, func(j int) bool {
			cb := country[j]
			return cb >= 0 && cb != ca && v.Rank(j) > ra
		})
		for t, tie := range ties {
			b := partners[t]
			if yield != nil {
				if err := yield(tieInfo(v, tie, a, b)); err != nil {
					return nil, err
				}
			}
			lo, hi := names[ca], names[country[b]]
			if hi < lo {
				lo, hi = hi, lo
			}
			key := codes[lo]*len(names) + codes[hi]
			st := pairs[key]
			if st == nil {
				st = &pairState{p: &CountryPair{A: lo, B: hi, Projects: []string{}},
					actors: make([]uint64, (len(country)+63)/64), projects: map[string]bool{}}
				pairs[key] = st
			}
			st.p.Ties++
			st.p.Weight += tie.Weight
			st.actors[a/64] |= 1 << (a % 64)
			st.actors[b/64] |= 1 << (b % 64)
			for _, pr := range tie.Projects {
				st.projects[pr] = true
			}
		}
	}
	for _, st := range pairs {
		for _, w := range st.actors {
			st.p.Actors += bits.OnesCount64(w)
		}
		for pr := range st.projects {
			st.p.Projects = append(st.p.Projects, pr)
		}
		sort.Strings(st.p.Projects)
		res.Pairs = append(res.Pairs, *st.p)
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
