package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exampleStore ingests the bundled example into a new store.
func exampleStore(t *testing.T) string {
	t.Helper()
	store := filepath.Join(t.TempDir(), "a.db")
	mustCLI(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...)
	return store
}

// TestLookupsOnTheCommandLine: actors and projects are named by id, name or
// part of a name; ambiguous names list the candidates, unknown ones get "did
// you mean"; commands too; analyse runs analyze.
func TestLookupsOnTheCommandLine(t *testing.T) {
	store := exampleStore(t)
	byID := mustCLI(t, "query", "partners", "cd44", "--store", store, "--format", "csv")
	for _, q := range []string{"Conseil départemental de Loire-Atlantique", "conseil departemental de loire-atlantique", "CD44"} {
		if got := mustCLI(t, "query", "partners", q, "--store", store, "--format", "csv"); got != byID {
			t.Errorf("query partners %q differs from query partners cd44:\n%s", q, got)
		}
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"query", "partners", "nantes2"}, []string{`unknown actor "nantes2"`, `did you mean "nantes" (Ville de Nantes)`}},
		{[]string{"query", "path", "Loire", "nantes"}, []string{`actor "Loire" is ambiguous`, `"cd44"`, `"region-pdl"`}},
		{[]string{"map", "-o", filepath.Join(t.TempDir(), "m.dot"), "--view", "project", "--project", "eau potabel"}, []string{`unknown project "eau potabel"`, `did you mean "p1-eau"`}},
		{[]string{"map", "-o", filepath.Join(t.TempDir(), "m.dot"), "--view", "ego", "--actor", "Vile de Nantes"}, []string{`unknown actor "Vile de Nantes"`, `"nantes" (Ville de Nantes)`}},
		{[]string{"query", "partner", "cd44"}, []string{`unknown query "partner" (did you mean "partners"?)`}},
		{[]string{"analize"}, []string{`unknown command "analize" (did you mean "analyze"?)`}},
	} {
		code, _, errs := cli(t, append(c.args, "--store", store)...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage): %s", c.args, code, errs)
		}
		for _, w := range c.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: error %q does not say %q", c.args, errs, w)
			}
		}
	}
	// A project named by (part of) its name draws the project's map.
	dot := filepath.Join(t.TempDir(), "p.dot")
	mustCLI(t, "map", "-o", dot, "--view", "project", "--project", "Eau potable et assainissement", "--store", store)
	if b, err := os.ReadFile(dot); err != nil || !strings.Contains(string(b), "p1-eau") && !strings.Contains(string(b), "Eau potable") {
		t.Errorf("the project map of p1-eau does not name it: %v", err)
	}
	if a, b := mustCLI(t, "analyse", "--store", store, "--format", "csv"), mustCLI(t, "analyze", "--store", store, "--format", "csv"); a != b {
		t.Error("analyse and analyze differ")
	}
}
