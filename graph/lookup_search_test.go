package graph

import (
	"reflect"
	"testing"
)

func TestLookupSearch(t *testing.T) {
	l := ActorLookup([]Actor{
		{ID: "cd44", Name: "Conseil départemental de Loire-Atlantique"},
		{ID: "cr-sm", Name: "Conseil régional Souss-Massa"},
		{ID: "asso-conseil", Name: "Association Conseil et Développement"},
		{ID: "deconseil", Name: "Déconseillé"},
		{ID: "conseil", Name: "Le conseil"},
	})
	ids := func(ms []Match) (out []string) {
		for _, m := range ms {
			out = append(out, m.ID)
		}
		return out
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		// The id itself, then names that start with it (in the given
		// order), then a word, then a part.
		{"CONSEIL", []string{"conseil", "cd44", "cr-sm", "asso-conseil", "deconseil"}},
		// Accents and case do not matter.
		{"conseil departemental", []string{"cd44"}},
		{"régional souss", []string{"cr-sm"}},
		{"", nil},
		// Nothing contains it: the "did you mean" of Find.
		{"consiel regional souss massa", []string{"cr-sm"}},
	} {
		if got := ids(l.Search(c.q)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	if m := l.Search("Le conseil"); len(m) != 1 || m[0].Rank != 0 {
		t.Errorf("Search of a whole name: %v, want one match of rank 0", m)
	}
}
