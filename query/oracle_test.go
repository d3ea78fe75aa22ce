package query

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/alliances/alliances/graph"
)

// The queries before they read a graph.View: a breadth-first search over
// the ties of a whole graph.Network (git history of this package). They are
// the reference that the answers of the View must match, byte for byte.

func oracleBFS(x *index, start, max int) map[int]int {
	dist := map[int]int{start: 0}
	frontier := []int{start}
	for d := 1; len(frontier) > 0 && (max < 0 || d <= max); d++ {
		var next []int
		for _, u := range frontier {
			for _, nb := range x.adj[u] {
				if _, seen := dist[nb.to]; !seen {
					dist[nb.to] = d
					next = append(next, nb.to)
				}
			}
		}
		frontier = next
	}
	return dist
}

func oraclePartners(n *graph.Network, id string, depth int) *Ego {
	x := newIndex(n)
	center := x.pos[id]
	dist := oracleBFS(x, center, depth)
	ego := &Ego{Center: x.ref(center), Depth: depth, Actors: []EgoActor{}, Ties: []TieInfo{}}
	for i, d := range dist {
		ego.Actors = append(ego.Actors, EgoActor{ActorRef: x.ref(i), Distance: d})
	}
	sort.Slice(ego.Actors, func(i, j int) bool {
		a, b := ego.Actors[i], ego.Actors[j]
		if a.Distance != b.Distance {
			return a.Distance < b.Distance
		}
		return a.ID < b.ID
	})
	for a := range dist {
		for _, nb := range x.adj[a] {
			if _, in := dist[nb.to]; in && x.ends[nb.tie][0] == a {
				ego.Ties = append(ego.Ties, x.tie(nb.tie, a))
			}
		}
	}
	sortTies(ego.Ties)
	return ego
}

func oraclePaths(n *graph.Network, from, to string, max int) []Path {
	x := newIndex(n)
	src, dst := x.pos[from], x.pos[to]
	toDst := oracleBFS(x, dst, -1)
	paths := []Path{}
	if _, ok := toDst[src]; !ok {
		return paths
	}
	var walk, ties []int
	var visit func(u int) bool
	visit = func(u int) bool {
		walk = append(walk, u)
		defer func() { walk = walk[:len(walk)-1] }()
		if u == dst {
			p := Path{Length: len(ties), Actors: make([]ActorRef, len(walk)), Ties: make([]TieInfo, len(ties))}
			for i, a := range walk {
				p.Actors[i] = x.ref(a)
			}
			for i, t := range ties {
				p.Ties[i] = x.tie(t, walk[i])
			}
			paths = append(paths, p)
			return max > 0 && len(paths) >= max
		}
		for _, nb := range x.adj[u] {
			if d, ok := toDst[nb.to]; ok && d == toDst[u]-1 {
				ties = append(ties, nb.tie)
				stop := visit(nb.to)
				ties = ties[:len(ties)-1]
				if stop {
					return true
				}
			}
		}
		return false
	}
	visit(src)
	return paths
}

func oracleBetween(n *graph.Network, fam1, fam2 string) []TieInfo {
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
	return out
}

func oracleCrossBorder(n *graph.Network) *CrossBorderResult {
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
			pairs[k], actors[k], projects[k] = p, map[int]bool{}, map[string]bool{}
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
	return res
}

// randomNetwork returns a network of projects of many sizes (dense
// co-participation) and sparse declared links, with families and countries.
func randomNetwork(rng *rand.Rand) *graph.Network {
	d := &graph.Dataset{}
	n := 3 + rng.IntN(60)
	fams := []string{"collectivite", "association", "ong", ""}
	countries := []string{"FR", "SN", "ML", ""}
	id := func(i int) string { return fmt.Sprintf("a%02d", i) }
	for i := range n {
		d.Actors = append(d.Actors, graph.Actor{ID: id(i), Name: "Acteur " + id(i),
			Family: fams[rng.IntN(len(fams))], Country: countries[rng.IntN(len(countries))]})
	}
	for p := range rng.IntN(6) {
		pid := fmt.Sprintf("p%d", p)
		d.Projects = append(d.Projects, graph.Project{ID: pid})
		for range 1 + rng.IntN(1+n/3) {
			d.Participations = append(d.Participations, graph.Participation{Actor: id(rng.IntN(n)), Project: pid})
		}
	}
	for range rng.IntN(2 * n) {
		d.Links = append(d.Links, graph.Link{Source: id(rng.IntN(n)), Target: id(rng.IntN(n)),
			Type: []string{"", "funding", "partnership"}[rng.IntN(3)], Weight: float64(1+rng.IntN(5)) / 2, Directed: rng.IntN(3) == 0})
	}
	d.Sort()
	return graph.NewNetwork(d)
}

func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	if string(g) != string(w) {
		t.Fatalf("%s:\n got %s\nwant %s", what, g, w)
	}
}

// TestAnswersAsBefore checks, on random networks, that every query reading
// a View gives the bytes that the queries over the whole network gave.
func TestAnswersAsBefore(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for round := range 200 {
		n := randomNetwork(rng)
		for range 4 {
			a := n.Actors[rng.IntN(len(n.Actors))].ID
			b := n.Actors[rng.IntN(len(n.Actors))].ID
			for depth := 1; depth <= 3; depth++ {
				got, err := Partners(n, a, depth)
				if err != nil {
					t.Fatal(err)
				}
				sameJSON(t, fmt.Sprintf("round %d: Partners(%s, %d)", round, a, depth), got, oraclePartners(n, a, depth))
			}
			for _, max := range []int{0, 1, 3} {
				got, err := Paths(n, a, b, max)
				if err != nil {
					t.Fatal(err)
				}
				sameJSON(t, fmt.Sprintf("round %d: Paths(%s, %s, %d)", round, a, b, max), got, oraclePaths(n, a, b, max))
			}
		}
		for _, f := range [][2]string{{"collectivite", "ong"}, {"ong", "ong"}, {"association", "collectivite"}} {
			got, err := Between(n, f[0], f[1])
			if err != nil {
				t.Fatal(err)
			}
			sameJSON(t, fmt.Sprintf("round %d: Between(%s, %s)", round, f[0], f[1]), got, oracleBetween(n, f[0], f[1]))
		}
		got, err := CrossBorder(n)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, fmt.Sprintf("round %d: CrossBorder", round), got, oracleCrossBorder(n))
	}
}
