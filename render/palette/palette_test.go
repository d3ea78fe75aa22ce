package palette

import (
	"slices"
	"testing"

	"github.com/alliances/alliances/graph"
)

func TestPalette(t *testing.T) {
	p := New([]string{"syndicat", "ong", "", "cultuel", "syndicat", "collectivite"})
	tests := []struct{ family, want string }{
		{"collectivite", "#0072B2"}, // Okabe–Ito blue
		{"ong", "#009E73"},
		{"autre", "#56B4E9"},   // built-in, even when absent
		{"cultuel", Extra(0)},  // first other family by name
		{"syndicat", Extra(1)}, // second
		{"", Unknown},          // no family
		{"inconnue", Unknown},  // not among families
	}
	for _, tc := range tests {
		if got := p.Color(tc.family); got != tc.want {
			t.Errorf("Color(%q) = %s, want %s", tc.family, got, tc.want)
		}
	}
	want := append(slices.Clone(graph.Families), "cultuel", "syndicat")
	if got := p.Families(); !slices.Equal(got, want) {
		t.Errorf("Families() = %v, want %v", got, want)
	}
	// Every built-in family has its own colour, and none is an extra one.
	seen := map[string]string{}
	for _, f := range graph.Families {
		c := p.Color(f)
		if other, dup := seen[c]; dup || c == Unknown || slices.Contains(extra, c) {
			t.Errorf("%s coloured %s, like %q or an extra family", f, c, other)
		}
		seen[c] = f
	}
	if Extra(len(extra)) != Extra(0) {
		t.Errorf("extra colours do not repeat after the last")
	}
}
