package analysis

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestActorColumns checks that every column reads the field of ActorMetrics
// that its name says: the JSON key (brokerage_<role> for brokerage.<role>),
// so that CSV columns, graph-file attributes and store properties carry the
// values of "alliances analyze --format json".
func TestActorColumns(t *testing.T) {
	m := ActorMetrics{ID: "a", Name: "A", Family: "ong", Degree: 1, Strength: 2.5, Betweenness: 0.125,
		Closeness: 0.75, Harmonic: 1.5, Eigenvector: 0.3, PageRank: 0.2, Core: 4, Clustering: Undefined,
		Constraint: 0.45, EffectiveSize: 1.25, EIIndex: -0.5, PartnerDiversity: 0.625,
		Brokerage: Brokerage{Coordinator: 5, Itinerant: 6, Representative: 7, Gatekeeper: 8, Liaison: 1234567},
		Community: 9}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var js map[string]any
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	brokerage := js["brokerage"].(map[string]any)
	cols := ActorColumns()
	// Every scalar metric, every brokerage role: all but id, name, family
	// and the brokerage object itself.
	if want := len(js) - 4 + len(brokerage); len(cols) != want {
		t.Errorf("%d columns, want %d", len(cols), want)
	}
	names := ActorColumnNames()
	for i, c := range cols {
		if names[i] != c.Name {
			t.Errorf("ActorColumnNames()[%d] = %q, want %q", i, names[i], c.Name)
		}
		var want any
		if role, ok := strings.CutPrefix(c.Name, "brokerage_"); ok {
			want = brokerage[role]
		} else {
			want = js[c.Name]
		}
		got := c.Value(&m)
		switch w := want.(type) {
		case nil:
			if got.Defined() {
				t.Errorf("%s = %v, want undefined", c.Name, got)
			}
		case float64:
			if float64(got) != w {
				t.Errorf("%s = %v, want %v", c.Name, got, w)
			}
			// The float metrics of m are all fractional, the counts whole.
			if c.Integer != (w == math.Trunc(w)) {
				t.Errorf("%s: Integer = %v", c.Name, c.Integer)
			}
		default:
			t.Errorf("column %s: no metric %q in the JSON of ActorMetrics", c.Name, c.Name)
		}
	}
}

func TestActorColumnText(t *testing.T) {
	m := ActorMetrics{Strength: 2.5, Closeness: 1e-7, Clustering: Undefined, Eigenvector: Num(math.Inf(1)),
		Brokerage: Brokerage{Liaison: 1234567}, Degree: 3}
	want := map[string]string{
		"strength":          "2.5",
		"closeness":         "1e-07",
		"clustering":        "",
		"eigenvector":       "",
		"brokerage_liaison": "1234567", // not 1.234567e+06: an integer column
		"degree":            "3",
		"betweenness":       "0",
	}
	for _, c := range ActorColumns() {
		w, ok := want[c.Name]
		if !ok {
			continue
		}
		if got := c.Text(&m); got != w {
			t.Errorf("%s: Text = %q, want %q", c.Name, got, w)
		}
	}
}
