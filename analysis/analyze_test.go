package analysis

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync/atomic"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// blockNetwork returns a stochastic block model network: n actors in the
// first k families of graph.Families, about m ties, a tie inside a family
// being inFamily times likelier than across, weights 1 to 5; the same
// arguments give the same network.
func blockNetwork(n, m, k int, inFamily float64, seed uint64) *graph.Network {
	return graph.NewNetwork(blockDataset(n, m, k, inFamily, seed))
}

func blockDataset(n, m, k int, inFamily float64, seed uint64) *graph.Dataset {
	rng := rand.New(rand.NewPCG(seed, 1))
	d := &graph.Dataset{}
	fam := make([]int, n)
	for i := range n {
		fam[i] = i % k
		d.Actors = append(d.Actors, graph.Actor{ID: fmt.Sprintf("a%06d", i), Family: graph.Families[fam[i]]})
	}
	pIn := inFamily / (inFamily + float64(k-1))
	seen := make(map[[2]int]bool, m)
	for len(seen) < m {
		u := rng.IntN(n)
		var v int
		if rng.Float64() < pIn {
			v = fam[u] + k*rng.IntN((n-fam[u]+k-1)/k)
		} else {
			v = rng.IntN(n)
		}
		if u == v || v >= n {
			continue
		}
		key := [2]int{min(u, v), max(u, v)}
		if seen[key] {
			continue
		}
		seen[key] = true
		d.Links = append(d.Links, graph.Link{
			Source: d.Actors[u].ID, Target: d.Actors[v].ID, Weight: float64(1 + rng.IntN(5)),
		})
	}
	return d
}

// TestAnalyzeIsDeterministic checks that the JSON bytes do not depend on the
// number of workers nor on the run, in exact and sampled modes.
func TestAnalyzeIsDeterministic(t *testing.T) {
	net := blockNetwork(600, 2400, 4, 8, 7)
	for _, weighted := range []bool{false, true} {
		for _, limit := range []int{0, 100} {
			var first []byte
			for _, workers := range []int{1, 2, 5, 1} {
				res, err := Analyze(net, Options{Weighted: weighted, Seed: 42, ExactLimit: limit, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				b, err := json.Marshal(res)
				if err != nil {
					t.Fatal(err)
				}
				if first == nil {
					first = b
				} else if !bytes.Equal(first, b) {
					t.Fatalf("weighted=%v limit=%d: workers=%d gives other bytes", weighted, limit, workers)
				}
			}
		}
	}
}

// TestSampledBetweennessWithinBound forces sampling on a 2,000-actor network
// and checks every estimate against exact Brandes betweenness with the error
// bound that Analyze reports (Riondato–Kornaropoulos, ε = 0.01 on the n(n−1)
// scale, with probability 0.9; the seed is fixed, so the test is stable).
func TestSampledBetweennessWithinBound(t *testing.T) {
	// Four families with few ties across, and one broker tied to 10 actors
	// of each: the broker's betweenness is large, the others' small.
	d := blockDataset(2000, 8000, 4, 400, 3)
	d.Actors = append(d.Actors, graph.Actor{ID: "broker", Family: "institution"})
	for i := range 40 {
		d.Links = append(d.Links, graph.Link{Source: "broker", Target: d.Actors[i*37].ID, Weight: 2})
	}
	net := graph.NewNetwork(d)
	// Weighted, betweenness stays exact above the limit.
	exactW, err := Analyze(net, Options{Weighted: true, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	limitW, err := Analyze(net, Options{Weighted: true, Seed: 5, ExactLimit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if limitW.Parameters.Betweenness != "exact" {
		t.Errorf("weighted above the limit: betweenness %q, want exact", limitW.Parameters.Betweenness)
	}
	for i, a := range limitW.Actors {
		if a.Betweenness != exactW.Actors[i].Betweenness {
			t.Fatalf("weighted %s: betweenness %v above the limit, %v below", a.ID, a.Betweenness, exactW.Actors[i].Betweenness)
		}
	}
	{
		weighted := false
		exact, err := Analyze(net, Options{Weighted: weighted, Seed: 5})
		if err != nil {
			t.Fatal(err)
		}
		sampled, err := Analyze(net, Options{Weighted: weighted, Seed: 5, ExactLimit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		p := sampled.Parameters
		if exact.Parameters.Betweenness != "exact" || p.Betweenness != "sampled" {
			t.Fatalf("betweenness modes %q and %q", exact.Parameters.Betweenness, p.Betweenness)
		}
		if p.Samples < 10000 || p.ErrorBound <= 0.01 || p.ErrorBound > 0.0101 || p.Delta != 0.1 {
			t.Fatalf("parameters %+v", p)
		}
		var worst, maxB float64
		for i, a := range sampled.Actors {
			e := float64(exact.Actors[i].Betweenness)
			worst = max(worst, math.Abs(float64(a.Betweenness)-e))
			maxB = max(maxB, e)
			if a.Closeness != exact.Actors[i].Closeness || math.Abs(float64(a.Harmonic-exact.Actors[i].Harmonic)) > 1e-9 {
				t.Fatalf("%s: sampling changed closeness or harmonic", a.ID)
			}
		}
		if worst > p.ErrorBound {
			t.Errorf("weighted=%v: largest error %v > bound %v", weighted, worst, p.ErrorBound)
		}
		// The estimate must carry information: the bound is much smaller
		// than the largest betweenness.
		if maxB < 5*p.ErrorBound {
			t.Errorf("largest betweenness %v too small to test the bound %v", maxB, p.ErrorBound)
		}
		t.Logf("weighted=%v: %d samples, largest error %.5f, bound %.5f, largest betweenness %.4f",
			weighted, p.Samples, worst, p.ErrorBound, maxB)
	}
}

func TestAnalyzeRejectsBadWeights(t *testing.T) {
	for _, w := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		net := &graph.Network{
			Actors: []graph.Actor{{ID: "a"}, {ID: "b"}},
			Ties:   []graph.Tie{{A: "a", B: "b", Weight: w}},
		}
		if _, err := Analyze(net, Options{}); !errors.Is(err, ErrWeight) {
			t.Errorf("weight %v: error %v, want ErrWeight", w, err)
		}
	}
	dup := &graph.Network{
		Actors: []graph.Actor{{ID: "a"}, {ID: "b"}},
		Ties:   []graph.Tie{{A: "a", B: "b", Weight: 1}, {A: "a", B: "b", Weight: 2}},
	}
	if _, err := Analyze(dup, Options{}); !errors.Is(err, ErrDuplicateTie) {
		t.Errorf("duplicate ties: error %v, want ErrDuplicateTie", err)
	}
	if _, err := Analyze(nil, Options{}); err == nil {
		t.Error("nil network: no error")
	}
}

// TestAnalyzeSmallNetworks checks the undefined values of tiny networks.
func TestAnalyzeSmallNetworks(t *testing.T) {
	tests := []struct {
		name   string
		actors []string
		ties   [][2]string
		want   string // JSON of the network object
	}{
		{
			name: "empty",
			want: `{"actors":0,"ties":0,"density":null,"components":0,"largest_component_share":null,` +
				`"transitivity":null,"average_clustering":null,"degree_centralization":null,` +
				`"betweenness_centralization":null,"degree_assortativity":null,`,
		},
		{
			name:   "one actor",
			actors: []string{"a"},
			want: `{"actors":1,"ties":0,"density":null,"components":1,"largest_component_share":1,` +
				`"transitivity":null,"average_clustering":0,"degree_centralization":null,` +
				`"betweenness_centralization":null,"degree_assortativity":null,`,
		},
		{
			// A regular network: assortativity is 0/0.
			name:   "triangle",
			actors: []string{"a", "b", "c"},
			ties:   [][2]string{{"a", "b"}, {"b", "c"}, {"a", "c"}},
			want: `{"actors":3,"ties":3,"density":1,"components":1,"largest_component_share":1,` +
				`"transitivity":1,"average_clustering":1,"degree_centralization":0,` +
				`"betweenness_centralization":0,"degree_assortativity":null,`,
		},
		{
			// The star is the most centralized network.
			name:   "star",
			actors: []string{"a", "b", "c", "d"},
			ties:   [][2]string{{"a", "b"}, {"a", "c"}, {"a", "d"}},
			want: `{"actors":4,"ties":3,"density":0.5,"components":1,"largest_component_share":1,` +
				`"transitivity":0,"average_clustering":0,"degree_centralization":1,` +
				`"betweenness_centralization":1,"degree_assortativity":-1,`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &graph.Dataset{}
			for _, a := range tt.actors {
				d.Actors = append(d.Actors, graph.Actor{ID: a, Family: "ong"})
			}
			for _, e := range tt.ties {
				d.Links = append(d.Links, graph.Link{Source: e[0], Target: e[1], Weight: 1})
			}
			res, err := Analyze(graph.NewNetwork(d), Options{Weighted: true})
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(res.Network)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte(tt.want)) {
				t.Errorf("network\n got %s\nwant %s…", b, tt.want)
			}
			if len(res.Actors) != len(tt.actors) {
				t.Errorf("%d actors, want %d", len(res.Actors), len(tt.actors))
			}
		})
	}
}

// TestCommunitiesNumberedBySmallestActor checks that Louvain separates two
// cliques joined by one tie, and numbers them in order of their first actor.
func TestCommunitiesNumberedBySmallestActor(t *testing.T) {
	d := &graph.Dataset{}
	clique := func(ids ...string) {
		for i, a := range ids {
			d.Actors = append(d.Actors, graph.Actor{ID: a})
			for _, b := range ids[i+1:] {
				d.Links = append(d.Links, graph.Link{Source: a, Target: b, Weight: 1})
			}
		}
	}
	clique("b1", "b2", "b3", "b4", "b5")
	clique("a1", "a2", "a3", "a4", "a5")
	d.Links = append(d.Links, graph.Link{Source: "a5", Target: "b1", Weight: 1})
	d.Actors = append(d.Actors, graph.Actor{ID: "z"})
	for seed := range int64(5) {
		res, err := Analyze(graph.NewNetwork(d), Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, a := range res.Actors {
			got = append(got, a.Community)
		}
		want := []int{0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("seed %d: communities %v, want %v", seed, got, want)
		}
		if res.Network.Communities != 3 {
			t.Errorf("seed %d: %d communities, want 3", seed, res.Network.Communities)
		}
	}
}

// cancelAfter is a context cancelled after its Err has been asked n times.
type cancelAfter struct {
	context.Context
	n atomic.Int64
}

func (c *cancelAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestAnalyzeContextCancelled: a cancelled analysis gives up with an error
// wrapping context.Canceled, before, during or after its searches.
func TestAnalyzeContextCancelled(t *testing.T) {
	net := graph.NewNetwork(storetest.Generate(300, 1500, 10, 100))
	for _, exact := range []int{0, 50} { // exact betweenness, then sampled
		for _, n := range []int64{0, 1, 10, 100} {
			ctx := &cancelAfter{Context: context.Background()}
			ctx.n.Store(n)
			res, err := AnalyzeContext(ctx, net, Options{ExactLimit: exact, Workers: 2})
			if !errors.Is(err, context.Canceled) || res != nil {
				t.Errorf("exact limit %d, cancelled after %d checks: %v, %v; want an error wrapping context.Canceled", exact, n, res != nil, err)
			}
		}
	}
	if _, err := AnalyzeContext(context.Background(), net, Options{}); err != nil {
		t.Fatal(err)
	}
}
