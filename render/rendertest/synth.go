// Package rendertest makes cooperation networks for the tests,
// benchmarks and examples of package render.
package rendertest

import (
	"fmt"
	"math/rand/v2"

	"github.com/alliances/alliances/graph"
)

var (
	families  = []string{"collectivite", "association", "ong", "entreprise", "institution", "autre"}
	famWeight = []int{25, 30, 20, 12, 10, 3}
	levels    = []string{"local", "regional", "national", "international"}
	lvlWeight = []int{50, 20, 20, 10}
	countries = []string{"FR", "SN", "ML", "BF", "MA", "TN"}
	places    = map[string][]string{
		"FR": {"Loire-Atlantique", "Isère", "Nord"},
		"SN": {"Dakar", "Saint-Louis"},
		"ML": {"Kayes", "Bamako"},
		"BF": {"Ouagadougou"},
		"MA": {"Souss-Massa"},
		"TN": {"Sfax"},
	}
	names = []string{"Ville de", "Conseil départemental", "Association", "ONG", "Coopérative", "Agence", "Fondation", "Réseau", "Université", "Entreprise"}
)

func pick(r *rand.Rand, xs []string, w []int) string {
	total := 0
	for _, v := range w {
		total += v
	}
	x := r.IntN(total)
	for i, v := range w {
		if x < v {
			return xs[i]
		}
		x -= v
	}
	return xs[len(xs)-1]
}

// Network returns a network of n actors with n/8 projects of 3 to 6
// participants each and declared links, m ties in all (co-participation
// and links), the same for the same seed. Ties follow preferential attachment inside six regional groups with
// a few ties across groups, so the map has hubs, groups and peripheral
// actors; one actor in 40 has no tie.
func Network(n, m int, seed uint64) *graph.Network {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	d := &graph.Dataset{}
	for i := 0; i < n; i++ {
		c := countries[r.IntN(len(countries))]
		a := graph.Actor{
			ID:        fmt.Sprintf("A%04d", i),
			Name:      fmt.Sprintf("%s %s %d", names[r.IntN(len(names))], places[c][r.IntN(len(places[c]))], i),
			Family:    pick(r, families, famWeight),
			Country:   c,
			Territory: places[c][r.IntN(len(places[c]))],
			Level:     pick(r, levels, lvlWeight),
		}
		d.Actors = append(d.Actors, a)
	}
	group := func(i int) int { return i % 6 }
	connected := func(i int) bool { return i%40 != 39 }
	linked := make(map[[2]int]bool)
	for p := 0; p < n/8; p++ {
		id := fmt.Sprintf("P%03d", p)
		d.Projects = append(d.Projects, graph.Project{ID: id, Name: fmt.Sprintf("Projet %d", p), Programme: "PRG", Phase: 1 + p%3})
		g := r.IntN(6)
		k := 3 + r.IntN(4)
		avail := 0 // actors of group g that may take part: tiny networks have few
		for a := g; a < n; a += 6 {
			if connected(a) {
				avail++
			}
		}
		k = min(k, avail)
		seen := make(map[int]bool)
		for len(seen) < k {
			a := g + 6*r.IntN((n-g+5)/6)
			if a >= n || !connected(a) || seen[a] {
				continue
			}
			for b := range seen {
				linked[[2]int{min(a, b), max(a, b)}] = true
			}
			seen[a] = true
			role := "partner"
			if len(seen) == 1 {
				role = "lead"
			}
			d.Participations = append(d.Participations, graph.Participation{Actor: d.Actors[a].ID, Project: id, Role: role})
		}
	}
	// Endpoints list for preferential attachment, per group.
	ends := make([][]int, 6)
	for k := 0; len(linked) < m && k < 20*m+100; k++ {
		a := r.IntN(n)
		if !connected(a) {
			continue
		}
		g := group(a)
		if r.IntN(20) == 0 {
			g = r.IntN(6)
		}
		var b int
		if len(ends[g]) > 0 && r.IntN(3) > 0 {
			b = ends[g][r.IntN(len(ends[g]))]
		} else {
			b = g + 6*r.IntN((n-g+5)/6)
		}
		if a == b || b >= n || !connected(b) {
			continue
		}
		key := [2]int{min(a, b), max(a, b)}
		if linked[key] {
			continue
		}
		linked[key] = true
		ends[group(a)] = append(ends[group(a)], a)
		ends[group(b)] = append(ends[group(b)], b)
		w := 1.0
		if r.IntN(5) == 0 {
			w = float64(1 + r.IntN(6))
		}
		d.Links = append(d.Links, graph.Link{Source: d.Actors[a].ID, Target: d.Actors[b].ID, Type: "partnership", Weight: w})
	}
	d.Sort()
	return graph.NewNetwork(d)
}
