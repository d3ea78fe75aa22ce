package analysis

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/alliances/alliances/graph"
)

// isolationNetwork is the hand-made network of the isolation tests:
//
//	main component (9 actors):
//	  h (collectivite, Agadir, MA) – a1 (association) – o1 (ong) – h: a triangle
//	  o1 – e1 (entreprise): e1 is a pendant
//	  h – i1 (institution) – i2 (institution): a chain hanging from h
//	  o1 – s1, s1 – s2, s2 – s3, s3 – s1: a clique of ong hanging from o1
//	second component: x1 (association) – x2 (entreprise) – x3 (ong)
//	isolates: z1 (ong, Agadir, MA), z2 (no family)
//
// Articulation points of the main component and the pieces left by their
// removal: h → {i1, i2} (2) and {a1, o1, e1, s1, s2, s3} (6); i1 → {i2} and
// the 7 others; o1 → {e1}, {s1, s2, s3}, {h, a1, i1, i2} (4); s1 → {s2, s3}
// and the 6 others. Actors outside the largest piece of one of these
// removals: i1, i2, e1, s1, s2, s3.
func isolationNetwork() *graph.Network {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "h", Name: "Commune d'Agadir", Family: "collectivite", Territory: "Agadir", Country: "ma"},
			{ID: "a1", Family: "association"}, {ID: "o1", Family: "ong"}, {ID: "e1", Family: "entreprise"},
			{ID: "i1", Family: "institution"}, {ID: "i2", Family: "institution"},
			{ID: "s1", Family: "ong"}, {ID: "s2", Family: "ong"}, {ID: "s3", Family: "ong"},
			{ID: "x1", Family: "association"}, {ID: "x2", Family: "entreprise"}, {ID: "x3", Family: "ong"},
			{ID: "z1", Family: "ong", Territory: " agadir", Country: "MA"}, {ID: "z2"},
		},
	}
	for _, t := range [][2]string{
		{"h", "a1"}, {"a1", "o1"}, {"o1", "h"}, {"o1", "e1"}, {"h", "i1"}, {"i1", "i2"},
		{"o1", "s1"}, {"s1", "s2"}, {"s2", "s3"}, {"s3", "s1"},
		{"x1", "x2"}, {"x2", "x3"},
	} {
		d.Links = append(d.Links, graph.Link{Source: t[0], Target: t[1], Weight: 1})
	}
	return graph.NewNetwork(d)
}

func reasonsByID(r *IsolatedResult) map[string][]string {
	m := map[string][]string{}
	for _, a := range r.Actors {
		m[a.ID] = a.Reasons
	}
	return m
}

func TestIsolatedReasons(t *testing.T) {
	r := Isolated(isolationNetwork(), IsolationOptions{})
	want := map[string][]string{
		"e1": {ReasonPendant, ReasonBrokerDependent},
		"i1": {ReasonBrokerDependent},
		"i2": {ReasonPendant, ReasonSingleFamily, ReasonBrokerDependent},
		"s1": {ReasonSingleFamily, ReasonBrokerDependent},
		"s2": {ReasonSingleFamily, ReasonBrokerDependent},
		"s3": {ReasonSingleFamily, ReasonBrokerDependent},
		"x1": {ReasonPendant, ReasonOutsideMain},
		"x2": {ReasonOutsideMain},
		"x3": {ReasonPendant, ReasonOutsideMain},
		"z1": {ReasonIsolate},
		"z2": {ReasonIsolate},
	}
	if got := reasonsByID(r); !reflect.DeepEqual(got, want) {
		t.Errorf("reasons:\n got %v\nwant %v", got, want)
	}
	for i := 1; i < len(r.Actors); i++ {
		if r.Actors[i-1].ID >= r.Actors[i].ID {
			t.Errorf("actors not in id order: %s before %s", r.Actors[i-1].ID, r.Actors[i].ID)
		}
	}
	for _, a := range r.Actors {
		if a.Suggestions == nil || len(a.Suggestions) != 0 {
			t.Errorf("%s: suggestions %v with Suggest = 0, want an empty list", a.ID, a.Suggestions)
		}
	}
}

// TestIsolatedComponents checks the main-component tie-break and the
// broker_dependent rule on small shapes.
func TestIsolatedComponents(t *testing.T) {
	tests := []struct {
		name  string
		ties  [][2]string
		actor []string
		want  map[string][]string
	}{{
		// two components of 2 actors: the main one holds the smallest id, k1.
		name: "equal components", actor: []string{"m1", "m2", "k1", "k2"},
		ties: [][2]string{{"m1", "m2"}, {"k1", "k2"}},
		want: map[string][]string{
			"k1": {ReasonPendant}, "k2": {ReasonPendant},
			"m1": {ReasonPendant, ReasonOutsideMain}, "m2": {ReasonPendant, ReasonOutsideMain},
		},
	}, {
		// removing b leaves {a} and {c}, equally large: both are cut off.
		name: "path of three", actor: []string{"a", "b", "c"},
		ties: [][2]string{{"a", "b"}, {"b", "c"}},
		want: map[string][]string{
			"a": {ReasonPendant, ReasonBrokerDependent}, "c": {ReasonPendant, ReasonBrokerDependent},
		},
	}, {
		// a cycle has no articulation point; the pendant d hangs on a.
		name: "cycle with a tail", actor: []string{"a", "b", "c", "d"},
		ties: [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"a", "d"}},
		want: map[string][]string{"d": {ReasonPendant, ReasonBrokerDependent}},
	}, {
		// a (the root of the search) separates {b} from {c, d, e}; c leaves
		// {a, b} and {d, e}, equally large, so all four are cut off; d
		// separates {e}. Only c stays in the largest piece every time.
		name: "tree", actor: []string{"a", "b", "c", "d", "e"},
		ties: [][2]string{{"a", "b"}, {"a", "c"}, {"c", "d"}, {"d", "e"}},
		want: map[string][]string{
			"a": {ReasonBrokerDependent}, "b": {ReasonPendant, ReasonBrokerDependent},
			"d": {ReasonBrokerDependent}, "e": {ReasonPendant, ReasonBrokerDependent},
		},
	}, {
		name: "no ties", actor: []string{"b", "a"},
		want: map[string][]string{"a": {ReasonIsolate}, "b": {ReasonIsolate}},
	}, {
		name: "empty", want: map[string][]string{},
	}}
	families := []string{"ong", "association", "collectivite", "entreprise"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &graph.Dataset{}
			for i, id := range tc.actor {
				d.Actors = append(d.Actors, graph.Actor{ID: id, Family: families[i%len(families)]})
			}
			for _, e := range tc.ties {
				d.Links = append(d.Links, graph.Link{Source: e[0], Target: e[1], Weight: 1})
			}
			if got := reasonsByID(Isolated(graph.NewNetwork(d), IsolationOptions{Suggest: 2})); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("reasons:\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

// TestBrokerDependentBruteForce compares the linear-time articulation rule
// with its definition — remove each actor in turn and look at the pieces — on
// random sparse networks.
func TestBrokerDependentBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 200; trial++ {
		n := 2 + rng.IntN(25)
		d := &graph.Dataset{}
		for i := 0; i < n; i++ {
			d.Actors = append(d.Actors, graph.Actor{ID: fmt.Sprintf("%02d", i)})
		}
		m := rng.IntN(2 * n)
		for k := 0; k < m; k++ {
			a, b := rng.IntN(n), rng.IntN(n)
			d.Links = append(d.Links, graph.Link{Source: fmt.Sprintf("%02d", a), Target: fmt.Sprintf("%02d", b), Weight: 1})
		}
		net := graph.NewNetwork(d)
		g := newAdjacency(net)
		comp, main := mainComponent(g)
		got := brokerDependent(g, comp, main)
		want := bruteBrokerDependent(g, comp, main)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d, ties %v:\n got %v\nwant %v", trial, net.Ties, got, want)
		}
	}
}

// bruteBrokerDependent removes every node x of the main component and flags
// the nodes outside the unique largest piece left.
func bruteBrokerDependent(g *adjacency, comp []int32, main int32) []bool {
	dep := make([]bool, g.n)
	for x := 0; x < g.n; x++ {
		if comp[x] != main {
			continue
		}
		piece := make([]int, g.n)
		for i := range piece {
			piece[i] = -1
		}
		var sizes []int
		for s := 0; s < g.n; s++ {
			if s == x || comp[s] != main || piece[s] >= 0 {
				continue
			}
			id := len(sizes)
			piece[s] = id
			queue := []int{s}
			for h := 0; h < len(queue); h++ {
				nb, _ := g.neighbours(queue[h])
				for _, u := range nb {
					if int(u) != x && piece[u] < 0 {
						piece[u] = id
						queue = append(queue, int(u))
					}
				}
			}
			sizes = append(sizes, len(queue))
		}
		largest, count, at := 0, 0, -1
		for i, s := range sizes {
			switch {
			case s > largest:
				largest, count, at = s, 1, i
			case s == largest:
				count++
			}
		}
		for v := 0; v < g.n; v++ {
			if piece[v] >= 0 && (count > 1 || piece[v] != at) {
				dep[v] = true
			}
		}
	}
	return dep
}

// TestIsolatedSuggestions checks scores and explanations computed by hand
// with the weights of isolated_suggest.go. The largest degree is 4 (o1), so
// "well connected" adds log(1+d)/log(5): 0.861353 for d = 3 and 0.682606 for
// d = 2.
//
// e1 (entreprise, one partner o1 of family ong):
//   - h: complementary (collectivite) 3 + one common partner (o1) 1 + 0.861
//     = 4.861;
//   - a1: complementary (association) 3 + common o1 1 + 0.683 = 4.683;
//   - i1: complementary (institution) 3 + 0.683 = 3.683;
//   - s1 (ong, like o1): not complementary, common o1 1 + 0.861 = 1.861.
//
// z1 (ong, Agadir, MA, isolate): h scores complementary 3 + same territory 2
// + same country 1 + in the main component 1.5 + 0.861 = 8.361.
func TestIsolatedSuggestions(t *testing.T) {
	net := isolationNetwork()
	r := Isolated(net, IsolationOptions{Suggest: 3})
	got := map[string][]Suggestion{}
	for _, a := range r.Actors {
		got[a.ID] = a.Suggestions
	}
	wantE1 := []Suggestion{
		{ID: "h", Name: "Commune d'Agadir", Family: "collectivite", Score: 4.861,
			Why: "complementary family: entreprise ↔ collectivite; 1 common partner (o1); well connected (3 partners)"},
		{ID: "a1", Name: "a1", Family: "association", Score: 4.683,
			Why: "complementary family: entreprise ↔ association; 1 common partner (o1); well connected (2 partners)"},
		{ID: "i1", Name: "i1", Family: "institution", Score: 3.683,
			Why: "complementary family: entreprise ↔ institution; well connected (2 partners)"},
	}
	if !reflect.DeepEqual(got["e1"], wantE1) {
		t.Errorf("suggestions for e1:\n got %+v\nwant %+v", got["e1"], wantE1)
	}
	if len(got["z1"]) == 0 || got["z1"][0].ID != "h" || got["z1"][0].Score != 8.361 ||
		got["z1"][0].Why != "complementary family: ong ↔ collectivite; same territory Agadir; same country MA; in the main component; well connected (3 partners)" {
		t.Errorf("first suggestion for z1 = %+v, want h scored 8.361 for family, territory, country and main component", got["z1"])
	}

	idx := byID(net)
	g := newAdjacency(net)
	for _, a := range r.Actors {
		if len(a.Suggestions) > 3 {
			t.Errorf("%s: %d suggestions, want at most 3", a.ID, len(a.Suggestions))
		}
		for i, s := range a.Suggestions {
			if s.ID == a.ID || g.weight(idx[a.ID], idx[s.ID]) > 0 {
				t.Errorf("%s: suggested %s, which is itself or an existing partner", a.ID, s.ID)
			}
			if s.Score <= 0 || s.Why == "" {
				t.Errorf("%s: suggestion %+v without score or explanation", a.ID, s)
			}
			if i > 0 {
				p := a.Suggestions[i-1]
				if p.Score < s.Score || (p.Score == s.Score && p.ID > s.ID) {
					t.Errorf("%s: suggestions not ordered by score then id: %+v before %+v", a.ID, p, s)
				}
			}
		}
	}
	// Same input, same bytes.
	b1, _ := json.Marshal(r)
	b2, _ := json.Marshal(Isolated(isolationNetwork(), IsolationOptions{Suggest: 3}))
	if string(b1) != string(b2) {
		t.Error("two runs on the same network give different JSON")
	}
}

// TestIsolatedSharedDimensions checks that shared project dimensions and
// targets are scored and explained.
func TestIsolatedSharedDimensions(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{{ID: "a", Family: "ong"}, {ID: "b", Family: "ong"}, {ID: "c", Family: "ong"}},
		Projects: []graph.Project{
			{ID: "p", Dimensions: []string{"inclusive", "local"}, Targets: []string{"youth"}},
			{ID: "q", Dimensions: []string{"Inclusive"}, Targets: []string{"youth", "women"}},
		},
		Participations: []graph.Participation{{Actor: "a", Project: "p"}, {Actor: "c", Project: "q"}},
	}
	r := Isolated(graph.NewNetwork(d), IsolationOptions{Suggest: 5})
	// a and c are isolates sharing dimension inclusive and target youth:
	// 2 × 0.5 = 1; b shares nothing and has no other reason, so it is not
	// suggested.
	want := []Suggestion{{ID: "c", Name: "c", Family: "ong", Score: 1, Why: "shares dimension inclusive, target youth"}}
	if !reflect.DeepEqual(r.Actors[0].Suggestions, want) {
		t.Errorf("suggestions for a = %+v, want %+v", r.Actors[0].Suggestions, want)
	}
}

// BenchmarkIsolated runs isolation with suggestions on a synthetic network of
// the size of the H2020 data (35,000 actors, 8,000 projects of 2–40
// participants).
func BenchmarkIsolated(b *testing.B) {
	net := syntheticNetwork(35000, 8000, 40)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Isolated(net, IsolationOptions{Suggest: 5})
	}
}

// BenchmarkComplementarity runs the complementarity metrics on the same
// network.
func BenchmarkComplementarity(b *testing.B) {
	net := syntheticNetwork(35000, 8000, 40)
	g := newAdjacency(net)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		complementarity(net, g, Options{Weighted: true})
	}
}

// syntheticNetwork builds a deterministic random network of n actors and
// projects whose participants are drawn with a preference for low ids (a few
// actors take part in many projects, as universities do in H2020).
func syntheticNetwork(n, projects, maxSize int) *graph.Network {
	rng := rand.New(rand.NewPCG(7, 11))
	d := &graph.Dataset{}
	territories := []string{"Agadir", "Loire-Atlantique", "Souss-Massa", "Nantes", "Paris", ""}
	countries := []string{"MA", "FR", "DE", "IT", "ES", ""}
	for i := 0; i < n; i++ {
		d.Actors = append(d.Actors, graph.Actor{
			ID:        fmt.Sprintf("A%06d", i),
			Family:    graph.Families[rng.IntN(len(graph.Families))],
			Territory: territories[rng.IntN(len(territories))],
			Country:   countries[rng.IntN(len(countries))],
		})
	}
	dims := []string{"development", "local", "sustainable", "inclusive"}
	for p := 0; p < projects; p++ {
		id := fmt.Sprintf("P%05d", p)
		d.Projects = append(d.Projects, graph.Project{ID: id, Dimensions: []string{dims[rng.IntN(4)]}})
		size := 2 + rng.IntN(maxSize-1)
		for k := 0; k < size; k++ {
			x := rng.Float64()
			a := int(x * x * x * float64(n))
			d.Participations = append(d.Participations, graph.Participation{Actor: fmt.Sprintf("A%06d", a), Project: id})
		}
	}
	return graph.NewNetwork(d)
}

// TestIsolatedSuggestionsDiversified checks that suggestions span families
// when candidates of another family are nearly as good. The isolate v (ong,
// FR) sees the main component i1 – i2 – i3 – a1 (institutions in FR, an
// association). Largest degree 2, so "well connected" adds 1 for degree 2 and
// log 2/log 3 = 0.631 for degree 1:
//
//	i2, i3: complementary 3 + same country 1 + main component 1.5 + 1 = 6.5
//	i1: 3 + 1 + 1.5 + 0.631 = 6.131
//	a1: 3 + 1.5 + 0.631 = 5.131 (at least half of 6.5)
//
// With two places, the best institution (i2, before i3 by id) and the best
// association are suggested rather than i2 and i3; with three, i3 fills the
// last place by score.
func TestIsolatedSuggestionsDiversified(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "v", Family: "ong", Country: "FR"},
			{ID: "i1", Family: "institution", Country: "FR"}, {ID: "i2", Family: "institution", Country: "FR"},
			{ID: "i3", Family: "institution", Country: "FR"}, {ID: "a1", Family: "association"},
		},
		Links: []graph.Link{
			{Source: "i1", Target: "i2", Weight: 1}, {Source: "i2", Target: "i3", Weight: 1}, {Source: "i3", Target: "a1", Weight: 1},
		},
	}
	for _, tc := range []struct {
		k    int
		want []string
	}{{1, []string{"i2 6.5"}}, {2, []string{"i2 6.5", "a1 5.131"}}, {3, []string{"i2 6.5", "i3 6.5", "a1 5.131"}}} {
		r := Isolated(graph.NewNetwork(d), IsolationOptions{Suggest: tc.k})
		var got []string
		for _, a := range r.Actors {
			if a.ID != "v" {
				continue
			}
			for _, s := range a.Suggestions {
				got = append(got, fmt.Sprintf("%s %v", s.ID, s.Score))
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("k=%d: suggestions for v = %v, want %v", tc.k, got, tc.want)
		}
	}
}

// FuzzIsolated builds a network from arbitrary bytes (each pair of bytes a
// tie between actors named by their values modulo 16, families and territories
// from the actor number) and checks that isolation and the complementarity
// metrics do not panic and keep their invariants: reasons in their documented order,
// suggestions never an existing partner, at most k of them.
func FuzzIsolated(f *testing.F) {
	f.Add([]byte{0, 1, 1, 2, 2, 0, 3, 4}, uint8(3))
	f.Add([]byte{}, uint8(1))
	f.Add([]byte{5, 5, 1, 2, 2, 3, 3, 4, 4, 1, 9, 10}, uint8(0))
	order := map[string]int{ReasonIsolate: 0, ReasonPendant: 1, ReasonOutsideMain: 2, ReasonSingleFamily: 3, ReasonBrokerDependent: 4}
	f.Fuzz(func(t *testing.T, ties []byte, k uint8) {
		d := &graph.Dataset{}
		for i := 0; i < 16; i++ {
			d.Actors = append(d.Actors, graph.Actor{
				ID: fmt.Sprintf("a%02d", i), Family: graph.Families[i%7%len(graph.Families)],
				Territory: []string{"", "Agadir", "Nantes"}[i%3],
			})
		}
		for i := 0; i+1 < len(ties); i += 2 {
			d.Links = append(d.Links, graph.Link{
				Source: fmt.Sprintf("a%02d", ties[i]%16), Target: fmt.Sprintf("a%02d", ties[i+1]%16), Weight: float64(1 + ties[i]%3),
			})
		}
		net := graph.NewNetwork(d)
		g := newAdjacency(net)
		complementarity(net, g, Options{Weighted: k%2 == 1})
		r := Isolated(net, IsolationOptions{Suggest: int(k % 8)})
		idx := byID(net)
		for _, a := range r.Actors {
			for i := 1; i < len(a.Reasons); i++ {
				if order[a.Reasons[i-1]] >= order[a.Reasons[i]] {
					t.Fatalf("%s: reasons %v out of order", a.ID, a.Reasons)
				}
			}
			if len(a.Suggestions) > int(k%8) {
				t.Fatalf("%s: %d suggestions for k = %d", a.ID, len(a.Suggestions), k%8)
			}
			for _, s := range a.Suggestions {
				if s.ID == a.ID || g.weight(idx[a.ID], idx[s.ID]) > 0 {
					t.Fatalf("%s: suggested %s, itself or a partner", a.ID, s.ID)
				}
			}
		}
	})
}
