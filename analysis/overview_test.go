package analysis

import (
	"context"
	"testing"
)

// The overview is the analysis, cut short: every value it has equals that of
// Analyze, exact and sampled, weighted or not.
func TestOverviewIsAnalyze(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"exact", Options{Seed: 3}},
		{"weighted", Options{Seed: 3, Weighted: true}},
		{"sampled", Options{Seed: 3, ExactLimit: 100}},
	} {
		net := blockNetwork(400, 1500, 4, 3, 7)
		full, err := Analyze(net, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		o, err := OverviewContext(context.Background(), net, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if o.Parameters != full.Parameters {
			t.Errorf("%s: parameters %+v, Analyze %+v", tc.name, o.Parameters, full.Parameters)
		}
		n, f := o.Network, full.Network
		if n.Actors != f.Actors || n.Ties != f.Ties || n.Density != f.Density || n.Components != f.Components ||
			n.LargestComponentShare != f.LargestComponentShare || n.EIIndex.Network != f.EIIndex.Network {
			t.Errorf("%s: network %+v\nAnalyze %+v", tc.name, n, f)
		}
		for v, a := range full.Actors {
			if o.Degree[v] != a.Degree || o.Betweenness[v] != a.Betweenness {
				t.Fatalf("%s: %s degree %d betweenness %v, Analyze %d %v", tc.name, a.ID, o.Degree[v], o.Betweenness[v], a.Degree, a.Betweenness)
			}
		}
	}
}
