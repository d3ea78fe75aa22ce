package graph

import (
	"errors"
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"été", "ete", 2}, {"ong", "ngo", 2},
	} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	l := ActorLookup([]Actor{
		{ID: "cd44", Name: "Conseil départemental de Loire-Atlantique"},
		{ID: "nantes", Name: "Ville de Nantes"},
		{ID: "nantes-metropole", Name: "Nantes Métropole"},
		{ID: "agadir", Name: "Commune d'Agadir"},
		{ID: "enda", Name: "ENDA Tiers Monde"},
		{ID: "Enda-2", Name: "ENDA Tiers Monde"},
	})
	for _, tt := range []struct {
		q, want string
		err     error
		listed  []string // candidates the message names
	}{
		{q: "cd44", want: "cd44"},
		{q: "CD44", want: "cd44"}, // id, any case
		{q: "Conseil départemental de Loire-Atlantique", want: "cd44"}, // exact name
		{q: "conseil departemental de loire atlantique", want: "cd44"}, // no case, no accents
		{q: "Loire", want: "cd44"},                                     // unique part
		{q: "nantes", want: "nantes"},                                  // an id wins over parts
		{q: "métropole", want: "nantes-metropole"},                     // a unique part of a name
		{q: "Nant", err: ErrAmbiguous, listed: []string{"nantes", "nantes-metropole"}},
		{q: "ENDA Tiers Monde", err: ErrAmbiguous, listed: []string{"Enda-2", "enda"}},
		{q: "nantes2", err: ErrNotFound, listed: []string{`"nantes" (Ville de Nantes)`}},
		{q: "agadirr", err: ErrNotFound, listed: []string{"agadir"}},
		{q: "zzzzzz", err: ErrNotFound},
		{q: "  ", err: ErrNotFound},
	} {
		got, err := l.Find(tt.q)
		if tt.err == nil {
			if err != nil || got != tt.want {
				t.Errorf("Find(%q) = %q, %v; want %q", tt.q, got, err, tt.want)
			}
			continue
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("Find(%q) = %q, %v; want an error wrapping %v", tt.q, got, err, tt.err)
			continue
		}
		for _, c := range tt.listed {
			if !strings.Contains(err.Error(), c) {
				t.Errorf("Find(%q): %q does not name %s", tt.q, err, c)
			}
		}
		if tt.err == ErrNotFound && len(tt.listed) == 0 && strings.Contains(err.Error(), "did you mean") {
			t.Errorf("Find(%q): %q suggests something far away", tt.q, err)
		}
	}
	var le *LookupError
	if _, err := l.Find("nantes2"); !errors.As(err, &le) || le.Kind != "actor" || len(le.Candidates) == 0 || le.Candidates[0].ID != "nantes" {
		t.Errorf("Find(nantes2): %#v", err)
	}
	if _, err := ProjectLookup([]Project{{ID: "p1", Name: "Eau"}}).Find("eua"); err == nil || !strings.Contains(err.Error(), `unknown project "eua"`) {
		t.Errorf("project lookup: %v", err)
	}
}

func TestNearest(t *testing.T) {
	cmds := []string{"ingest", "analyze", "isolated", "query", "map", "report", "export", "demo"}
	for q, want := range map[string]string{"analyse": "analyze", "ingets": "ingest", "querry": "query", "xyzzy": ""} {
		got := Nearest(q, cmds)
		if want == "" && len(got) > 0 || want != "" && (len(got) == 0 || got[0] != want) {
			t.Errorf("Nearest(%q) = %v, want %q first", q, got, want)
		}
	}
}
