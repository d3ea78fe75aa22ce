package analysis

import (
	"errors"
	"math"
	"testing"

	"github.com/alliances/alliances/graph"
)

// weightNetwork is a network of 6 actors in two triangles joined by a
// bridge, with the given tie weights (cycled).
func weightNetwork(ws ...float64) *graph.Network {
	ids := []string{"a", "b", "c", "d", "e", "f"}
	net := &graph.Network{}
	for i, id := range ids {
		net.Actors = append(net.Actors, graph.Actor{ID: id, Family: []string{"ong", "association"}[i%2]})
	}
	pairs := [][2]string{{"a", "b"}, {"a", "c"}, {"b", "c"}, {"c", "d"}, {"d", "e"}, {"d", "f"}, {"e", "f"}}
	for i, p := range pairs {
		net.Ties = append(net.Ties, graph.Tie{A: p[0], B: p[1], Weight: ws[i%len(ws)], Links: 1})
	}
	return net
}

// Issue #16, finding 3: a link of weight 9e307 made Louvain index out of
// range (the total weight overflowed float64).
func TestExtremeWeightsNeverPanic(t *testing.T) {
	for _, ws := range [][]float64{
		{9e307}, {9e307, 1}, {math.MaxFloat64}, {1e154, 1e154}, {5e-324}, {1e-300, 1},
		{graph.MaxWeight}, {graph.MinWeight, graph.MaxWeight}, {math.Inf(1)}, {math.NaN()}, {0}, {-1},
	} {
		for _, weighted := range []bool{false, true} {
			_, err := Analyze(weightNetwork(ws...), Options{Weighted: weighted, Seed: 1})
			inRange := true
			for _, w := range ws {
				inRange = inRange && graph.CheckWeight(w) == nil
			}
			if inRange && err != nil {
				t.Errorf("weights %v (weighted %v): %v", ws, weighted, err)
			}
			if err != nil && !errors.Is(err, ErrWeight) {
				t.Errorf("weights %v: error %v does not wrap ErrWeight", ws, err)
			}
		}
	}
}

// FuzzWeights is the extreme-weights family of issue #16: whatever the
// weights, Analyze returns a result or ErrWeight, never panics; weights
// that ingest accepts (graph.CheckWeight) always give a result, with
// finite modularity and community numbers within range.
func FuzzWeights(f *testing.F) {
	f.Add(9e307, 1.0, 1.0, int64(1))
	f.Add(1e15, 1e-9, 3.0, int64(2))
	f.Add(5e-324, 1.0, 2.0, int64(3))
	f.Add(math.MaxFloat64, math.MaxFloat64, 1.0, int64(4))
	f.Fuzz(func(t *testing.T, w1, w2, w3 float64, seed int64) {
		ws := []float64{w1, w2, w3}
		accepted := true
		for _, w := range ws {
			accepted = accepted && graph.CheckWeight(w) == nil
		}
		for _, weighted := range []bool{false, true} {
			res, err := Analyze(weightNetwork(ws...), Options{Weighted: weighted, Seed: seed})
			if err != nil {
				if !errors.Is(err, ErrWeight) || accepted {
					t.Fatalf("weights %v: %v", ws, err)
				}
				continue
			}
			n := res.Network
			if n.Communities < 1 || n.Communities > 6 {
				t.Fatalf("weights %v: %d communities", ws, n.Communities)
			}
			if accepted && math.IsInf(float64(n.Modularity), 0) {
				t.Fatalf("weights %v: modularity %v", ws, n.Modularity)
			}
		}
	})
}
