package render

import (
	"encoding/json"
	"testing"

	"github.com/alliances/alliances/analysis"
)

// TestMetricColumn checks that --size-by takes every numeric key of the
// analysis JSON of an actor, nested ones by path or alone, and nothing else.
func TestMetricColumn(t *testing.T) {
	m := analysis.ActorMetrics{ID: "a", Name: "A", Family: "ong", Degree: 2, Strength: 3.5, Betweenness: 0.25,
		Closeness: 0.5, Harmonic: 1.5, Eigenvector: 0.125, PageRank: 0.0625, Core: 3, Clustering: 0.75,
		Constraint: 0.375, EffectiveSize: 1.25, EIIndex: -0.5, PartnerDiversity: 0.875, Community: 4,
		Brokerage: analysis.Brokerage{Coordinator: 5, Itinerant: 6, Representative: 7, Gatekeeper: 8, Liaison: 9}}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal(b, &obj); err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{}
	for k, v := range obj {
		switch x := v.(type) {
		case float64:
			want[k] = x
		case map[string]any:
			for role, rv := range x {
				want[k+"."+role] = rv.(float64)
				want[role] = rv.(float64)
			}
		}
	}
	for key, w := range want {
		c, ok := metricColumn(key)
		if !ok {
			t.Errorf("metric %q not found", key)
			continue
		}
		if got := float64(c.Value(&m)); got != w {
			t.Errorf("metric %q = %v, want %v", key, got, w)
		}
	}
	for _, key := range []string{"id", "name", "family", "brokerage", "charisma", "brokerage.id", "liaison.brokerage", ""} {
		if c, ok := metricColumn(key); ok {
			t.Errorf("metric %q found as %s", key, c.Name)
		}
	}
}
