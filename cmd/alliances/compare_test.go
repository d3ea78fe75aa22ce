package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestCompareMatchesNetworkX checks every number of compare on the example,
// by phase, by year and by period, against testdata/compare_reference.json:
// testdata/gen_compare_reference.py cuts the slices from the CSV files itself
// (testdata/slicing.py) and measures them with NetworkX.
func TestCompareMatchesNetworkX(t *testing.T) {
	store := demoStore(t)
	var ref map[string]json.RawMessage
	b, err := os.ReadFile("testdata/compare_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	for by, args := range map[string][]string{
		"phase":  {"--by", "phase"},
		"year":   {"--by", "year"},
		"period": {"--by", "period", "--periods", "2012:2016,2017:2019,2020:"},
	} {
		t.Run(by, func(t *testing.T) {
			code, out, errs := cli(t, append([]string{"compare", "--store", store, "--format", "json"}, args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var got, want any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(ref[by], &want); err != nil {
				t.Fatal(err)
			}
			var diffs []string
			sameJSON("", got, want, &diffs)
			for _, d := range diffs[:min(len(diffs), 20)] {
				t.Error(d)
			}
		})
	}
}

// sameJSON compares got with want, key by key of want (keys of got that want
// lacks are not compared), numbers within 1e-9.
func sameJSON(path string, got, want any, diffs *[]string) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v, want an object", path, got))
			return
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "networkx" {
				continue
			}
			sameJSON(path+"."+k, g[k], w[k], diffs)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v\nwant %v", path, got, want))
			return
		}
		for i := range w {
			sameJSON(fmt.Sprintf("%s[%d]", path, i), g[i], w[i], diffs)
		}
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > 1e-9 {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v, want %v", path, got, want))
		}
	default:
		if fmt.Sprint(got) != fmt.Sprint(want) {
			*diffs = append(*diffs, fmt.Sprintf("%s: %v, want %v", path, got, want))
		}
	}
}

// Bad comparisons are usage errors that say what to do, and print nothing.
func TestCompareErrors(t *testing.T) {
	store := demoStore(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{}, "--by is required: phase, year or period"},
		{[]string{"--by", "month"}, `unknown --by "month"`},
		{[]string{"--by", "period"}, "--by period needs --periods"},
		{[]string{"--by", "period", "--periods", "2019:2016"}, "--periods 2019:2016: the period is reversed"},
		{[]string{"--by", "year", "--periods", "2016:"}, "--periods goes with --by period"},
		{[]string{"--by", "phase", "--programme", "Autre"}, "--programme Autre: no project belongs to this programme"},
		{[]string{"--by", "phase", "--table", "pairs"}, `unknown --table "pairs"`},
	} {
		code, out, errs := cli(t, append([]string{"compare", "--store", store}, tc.args...)...)
		if code != exitUsage || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want 2 and %q", tc.args, code, errs, out, tc.want)
		}
	}
	// A store whose projects have no phases: --by phase says so and
	// suggests --by year.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "participations.csv"), []byte("acteur;projet;rôle\na;p1;lead\nb;p1;partner\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "projets.csv"), []byte("id;nom;début\np1;Un;2016\n"), 0o644)
	flat := filepath.Join(dir, "flat.db")
	if code, _, errs := cli(t, "ingest", "--store", flat, "--quiet", filepath.Join(dir, "projets.csv"), filepath.Join(dir, "participations.csv")); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	code, _, errs := cli(t, "compare", "--store", flat, "--by", "phase")
	if code != exitUsage || !strings.Contains(errs, "no project has a phase in the store (1 project(s)): compare --by year slices by the start year of projects instead") {
		t.Errorf("no phases: exit %d, %q", code, errs)
	}
	if code, out, errs := cli(t, "compare", "--store", flat, "--by", "year"); code != 0 || !strings.Contains(out, "2016") {
		t.Errorf("--by year: exit %d: %s %s", code, out, errs)
	}
}
