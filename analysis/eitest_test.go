package analysis

import (
	"math"
	"testing"

	"github.com/alliances/alliances/graph"
)

// permute calls f with every permutation of xs (Heap's algorithm).
func permute(xs []string, f func([]string)) {
	var gen func(k int)
	gen = func(k int) {
		if k == 1 {
			f(xs)
			return
		}
		for i := 0; i < k-1; i++ {
			gen(k - 1)
			if k%2 == 0 {
				xs[i], xs[k-1] = xs[k-1], xs[i]
			} else {
				xs[0], xs[k-1] = xs[k-1], xs[0]
			}
		}
		gen(k - 1)
	}
	gen(len(xs))
}

// The expected E-I index is the mean over every assignment of the families
// to the actors, enumerated here (7! = 5,040 labellings): an independent
// computation of the closed form of TestEI.
func TestEIExpectedIsMeanOverAllLabellings(t *testing.T) {
	ids := []string{"a", "b", "c", "d", "e", "f", "g"}
	fams := []string{"association", "association", "association", "entreprise", "entreprise", "collectivite", ""}
	ties := [][2]string{{"a", "b"}, {"a", "c"}, {"b", "c"}, {"c", "d"}, {"d", "e"}, {"e", "f"}, {"f", "g"}, {"a", "g"}, {"b", "e"}}
	assign := map[string]string{}
	for i, id := range ids {
		assign[id] = fams[i]
	}
	got := TestEI(smallNetwork(assign, ties...), 1)

	var sum, count, higher float64
	permute(append([]string(nil), fams...), func(p []string) {
		m := map[string]string{}
		for i, id := range ids {
			m[id] = p[i]
		}
		r, err := Analyze(smallNetwork(m, ties...), Options{})
		if err != nil {
			t.Fatal(err)
		}
		ei := float64(r.Network.EIIndex.Network)
		sum += ei
		count++
		if ei >= float64(got.Observed)-1e-12 {
			higher++
		}
	})
	if want := sum / count; math.Abs(float64(got.Expected)-want) > 1e-12 {
		t.Errorf("expected E-I = %v, mean over all %v labellings = %v", got.Expected, count, want)
	}
	// The permutation p-value estimates the exact share of labellings at
	// least as open as the observed one.
	if exact := higher / count; math.Abs(float64(got.PHigher)-exact) > 0.03 {
		t.Errorf("p (E-I ≥ observed) = %v, exact share over all labellings = %v", got.PHigher, exact)
	}
	if math.Abs(float64(got.Mean)-float64(got.Expected)) > 4*float64(got.SD)/math.Sqrt(float64(got.Permutations)) {
		t.Errorf("permutation mean %v far from the expected value %v (sd %v)", got.Mean, got.Expected, got.SD)
	}
}

// Two cliques of two families, joined by one tie: the network is far more
// closed than chance, which only the lower tail can say.
func TestEIClosedNetwork(t *testing.T) {
	fam := map[string]string{}
	var ties [][2]string
	for _, g := range []struct{ prefix, family string }{{"a", "association"}, {"e", "entreprise"}} {
		for i := range 8 {
			fam[g.prefix+string(rune('0'+i))] = g.family
			for j := range i {
				ties = append(ties, [2]string{g.prefix + string(rune('0'+j)), g.prefix + string(rune('0'+i))})
			}
		}
	}
	ties = append(ties, [2]string{"a0", "e0"})
	got := TestEI(smallNetwork(fam, ties...), 7)
	// 56 internal ties, 1 external: (1 − 56) / 57.
	if want := -55.0 / 57; math.Abs(float64(got.Observed)-want) > 1e-12 {
		t.Errorf("observed = %v, want %v", got.Observed, want)
	}
	// 2 families of 8 among 16: 1 − 2 · 2·8·7 / (16·15) = 1 − 224/240.
	if want := 1 - 224.0/240; math.Abs(float64(got.Expected)-want) > 1e-12 {
		t.Errorf("expected = %v, want %v", got.Expected, want)
	}
	if got.Permutations != MaxEIPermutations {
		t.Errorf("permutations = %d, want %d on a small network", got.Permutations, MaxEIPermutations)
	}
	if float64(got.PLower) > 0.001 || float64(got.PHigher) < 0.999 {
		t.Errorf("p lower = %v, p higher = %v: want a significantly closed network", got.PLower, got.PHigher)
	}
	if again := TestEI(smallNetwork(fam, ties...), 7); again != got {
		t.Errorf("the same seed gave %+v then %+v", got, again)
	}
}

func TestEIWithoutTies(t *testing.T) {
	got := TestEI(graph.NewNetwork(&graph.Dataset{Actors: []graph.Actor{{ID: "a"}, {ID: "b"}}}), 1)
	if !math.IsNaN(float64(got.Expected)) || !math.IsNaN(float64(got.PHigher)) || got.Permutations != 0 {
		t.Errorf("without ties: %+v, want undefined values", got)
	}
}
