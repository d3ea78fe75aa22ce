package main

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// map --by phase writes one map per phase, the small multiples and the
// timeline, from one layout of the union of the phases: the layout cache
// then holds exactly one layout.
func TestMapByPhase(t *testing.T) {
	store := demoStore(t)
	cache := t.TempDir()
	t.Setenv("ALLIANCES_CACHE", cache)
	dir := filepath.Join(t.TempDir(), "phases")
	code, out, errs := cli(t, "map", "--by", "phase", "-o", dir, "--store", store, "--engine", "embedded", "--date", "2026-01-15")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "4 slice(s) by phase; one layout of their union") || !strings.Contains(out, "wrote 6 files") {
		t.Errorf("stdout %q, stderr %q", out, errs)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"01-phase-1.svg", "02-phase-2.svg", "03-phase-3.svg", "04-phase-4.svg", "small-multiples.svg", "timeline.svg"}; !slices.Equal(names, want) {
		t.Errorf("files %v, want %v", names, want)
	}
	if layouts, _ := os.ReadDir(cache); len(layouts) != 1 {
		t.Errorf("%d layouts in the cache, want the one of the union", len(layouts))
	}
	for _, n := range names {
		b, _ := os.ReadFile(filepath.Join(dir, n))
		dec := xml.NewDecoder(strings.NewReader(string(b)))
		for {
			if _, err := dec.Token(); err != nil {
				if err.Error() != "EOF" {
					t.Errorf("%s: %v", n, err)
				}
				break
			}
		}
	}
	sm, _ := os.ReadFile(filepath.Join(dir, "small-multiples.svg"))
	// Phase 2 has 6 actors and 15 ties; 4 entered, 6 left
	// (testdata/compare_reference.json).
	if !strings.Contains(string(sm), "6 actors · 15 ties · +4 −6") {
		t.Errorf("the small multiples lack the counts of phase 2")
	}
}

// Bad --by: exit 2, nothing written.
func TestMapByErrors(t *testing.T) {
	store := demoStore(t)
	dir := filepath.Join(t.TempDir(), "out")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--by", "month"}, `unknown --by "month"`},
		{[]string{"--by", "period"}, "--by period needs --periods"},
		{[]string{"--periods", "2016:"}, "--periods goes with --by period"},
		{[]string{"--by", "phase", "--view", "ego", "--actor", "cd44"}, "--by draws the network view"},
		{[]string{"--by", "phase", "--format", "gif"}, `unknown --format "gif"`},
		{[]string{"--by", "phase", "--programme", "Autre"}, "--programme Autre: no project belongs to this programme"},
	} {
		code, _, errs := cli(t, append([]string{"map", "-o", dir, "--store", store}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("the output directory was created")
	}
}
