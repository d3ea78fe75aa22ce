package analysis

import (
	"context"
	"math"
	"testing"
)

// TestLargeNetworkKernelsOnReferences forces the kernels of networks above
// the exact limit (bit-parallel closeness and harmonic, bidirectional path
// sampling) on the unweighted reference networks, disconnected ones and
// isolates included: closeness and harmonic must still equal NetworkX's
// (testdata/gen_reference.py) and betweenness must be within the reported
// bound.
func TestLargeNetworkKernelsOnReferences(t *testing.T) {
	for _, name := range []string{"karate", "florentine", "kite", "davis", "disconnected"} {
		ref, net := loadReference(t, name)
		res, err := Analyze(net, Options{Seed: 3, ExactLimit: 1, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if res.Parameters.Betweenness != "sampled" {
			t.Fatalf("%s: betweenness %q, want sampled", name, res.Parameters.Betweenness)
		}
		for _, a := range res.Actors {
			want := ref.Expected.Actors[a.ID]
			if !closeTo(a.Closeness, want["closeness"]) || !closeTo(a.Harmonic, want["harmonic"]) {
				t.Errorf("%s %s: closeness %v harmonic %v, want %v %v", name, a.ID,
					float64(a.Closeness), float64(a.Harmonic), show(want["closeness"]), show(want["harmonic"]))
			}
			if d := math.Abs(float64(a.Betweenness) - *want["betweenness"]); d > res.Parameters.ErrorBound {
				t.Errorf("%s %s: sampled betweenness %v, exact %v, beyond the bound %v", name, a.ID,
					float64(a.Betweenness), *want["betweenness"], res.Parameters.ErrorBound)
			}
		}
	}
}

// TestBitParallelMatchesBreadthFirst compares the bit-parallel distance sums
// with one breadth-first search per source on a network whose size is not a
// multiple of the batch width.
func TestBitParallelMatchesBreadthFirst(t *testing.T) {
	g := newAdjacency(blockNetwork(1000, 1500, 4, 8, 11)) // sparse: many components
	sum, harm := bitParallelDistances(context.Background(), g, 3)
	p := newPassBuffers(g, nil)
	for s := range g.n {
		p.run(s)
		var want int64
		var wantH float64
		for _, v := range p.order[1:] {
			want += int64(p.hops[v])
			wantH += 1 / float64(p.hops[v])
		}
		if sum[s] != want || math.Abs(harm[s]-wantH) > 1e-9 {
			t.Fatalf("node %d: distance sum %d harmonic %v, want %d %v", s, sum[s], harm[s], want, wantH)
		}
	}
}
