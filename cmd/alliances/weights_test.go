package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/embedded"
)

// Issue #16, finding 3: "analyze --weighted panics (index out of range in
// Louvain) when the total weight overflows float64: a single link of weight
// 9e307, which ingest accepts".
func TestExtremeWeightsAreInvalidInput(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "actors.csv")
	os.WriteFile(actors, []byte("id,name,family\na,A,ong\nb,B,ong\nc,C,association\n"), 0o644)
	for _, w := range []string{"9e307", "1e16", "1e-10", "5e-324", "1.7976931348623157e308"} {
		links := filepath.Join(dir, "links.csv")
		os.WriteFile(links, []byte("source,target,weight\na,b,"+w+"\nb,c,1\n"), 0o644)
		for _, dry := range []string{"--dry-run", "--quiet"} {
			code, _, errs := cli(t, "ingest", "--store", filepath.Join(dir, "x.db"), dry, actors, links)
			if code != exitInvalid || !strings.Contains(errs, "links.csv:2:3") || !strings.Contains(errs, "out of range") {
				t.Errorf("weight %s %s: exit %d: %s", w, dry, code, errs)
			}
		}
	}
	// A store written before the check (or a Neo4j database filled by
	// others) may hold such a weight: the analysis says so, exit 3.
	store := filepath.Join(dir, "old.db")
	s, err := embedded.Open(store)
	if err != nil {
		t.Fatal(err)
	}
	d := &graph.Dataset{
		Actors: []graph.Actor{{ID: "a", Family: "ong"}, {ID: "b", Family: "ong"}, {ID: "c", Family: "association"}},
		Links:  []graph.Link{{Source: "a", Target: "b", Weight: 9e307}, {Source: "b", Target: "c", Weight: 9e307}},
	}
	if err := s.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, args := range [][]string{
		{"analyze", "--store", store, "--weighted"},
		{"analyze", "--store", store},
		{"report", "--store", store, "-o", filepath.Join(dir, "r"), "--no-maps"},
	} {
		code, _, errs := cli(t, args...)
		if code != exitInvalid || !strings.Contains(errs, "weight") {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
	}
}
