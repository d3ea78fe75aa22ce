package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// demoStore ingests the bundled example into a temporary store.
func demoStore(t *testing.T) string {
	t.Helper()
	store := filepath.Join(t.TempDir(), "a.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return store
}

// TestSlicesMatchNetworkX checks slices of the example, from the French CSV
// files to the JSON of analyze, against NetworkX: testdata/slice_reference.json
// was computed by testdata/gen_slice_reference.py, which cuts each slice from
// the CSV files itself (its own reading of docs/slices.md) and analyses it
// with NetworkX.
func TestSlicesMatchNetworkX(t *testing.T) {
	store := demoStore(t)
	var ref struct {
		Slices []struct {
			Flags                 []string
			Projects, Actors      []string
			Ties                  [][3]any
			UndatedLinks          int `json:"undated_links"`
			Density               float64
			Components            int
			Degree, Core          map[string]int
			Strength, Betweenness map[string]float64
			Closeness, PageRank   map[string]float64
			Clustering            map[string]float64
		}
	}
	b, err := os.ReadFile("testdata/slice_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	if len(ref.Slices) < 5 {
		t.Fatalf("%d reference slices", len(ref.Slices))
	}
	for _, want := range ref.Slices {
		t.Run(strings.Join(want.Flags, " "), func(t *testing.T) {
			code, out, errs := cli(t, append([]string{"analyze", "--store", store, "--format", "json"}, want.Flags...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var got struct {
				Slice struct {
					Projects, Actors, Ties int
					UndatedLinks           int `json:"undated_links"`
				}
				Actors []struct {
					ID                               string
					Degree, Core                     int
					Strength, Betweenness, Closeness *float64
					PageRank                         *float64
					Clustering                       *float64
				}
				Network struct {
					Actors, Ties, Components int
					Density                  float64
				}
				Projects []struct{ ID string }
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			var ids, pids []string
			for _, a := range got.Actors {
				ids = append(ids, a.ID)
			}
			for _, p := range got.Projects {
				pids = append(pids, p.ID)
			}
			if !slices.Equal(ids, want.Actors) {
				t.Errorf("actors %v\nwant %v", ids, want.Actors)
			}
			if !slices.Equal(pids, want.Projects) {
				t.Errorf("projects %v, want %v", pids, want.Projects)
			}
			s, n := got.Slice, got.Network
			if s.Actors != len(want.Actors) || s.Ties != len(want.Ties) || s.Projects != len(want.Projects) || s.UndatedLinks != want.UndatedLinks {
				t.Errorf("slice %+v, want %d actors, %d ties, %d projects, %d undated links", s, len(want.Actors), len(want.Ties), len(want.Projects), want.UndatedLinks)
			}
			if n.Ties != len(want.Ties) || n.Components != want.Components || math.Abs(n.Density-want.Density) > 1e-12 {
				t.Errorf("network %+v, want %d ties, %d components, density %v", n, len(want.Ties), want.Components, want.Density)
			}
			near := func(metric, id string, g *float64, w float64) {
				if g == nil || math.Abs(*g-w) > 1e-9 {
					t.Errorf("%s of %s: %v, want %v", metric, id, deref(g), w)
				}
			}
			for _, a := range got.Actors {
				if a.Degree != want.Degree[a.ID] || a.Core != want.Core[a.ID] {
					t.Errorf("%s: degree %d core %d, want %d %d", a.ID, a.Degree, a.Core, want.Degree[a.ID], want.Core[a.ID])
				}
				near("strength", a.ID, a.Strength, want.Strength[a.ID])
				near("betweenness", a.ID, a.Betweenness, want.Betweenness[a.ID])
				near("closeness", a.ID, a.Closeness, want.Closeness[a.ID])
				near("pagerank", a.ID, a.PageRank, want.PageRank[a.ID])
				near("clustering", a.ID, a.Clustering, want.Clustering[a.ID])
			}
		})
	}
}

// Every reading command takes the slice flags and states its slice.
func TestSliceOnEveryCommand(t *testing.T) {
	store := demoStore(t)
	dir := t.TempDir()
	phase := []string{"--store", store, "--phase", "3"}
	for _, tc := range []struct {
		args []string
		want string // in stdout
	}{
		{[]string{"analyze"}, "Slice: phase 3 — 16 actor(s), 64 tie(s), 2 project(s)"},
		{[]string{"analyze", "--format", "json"}, `"slice": {`},
		{[]string{"isolated", "--format", "json"}, `"text": "phase 3"`},
		{[]string{"isolated"}, "Slice: phase 3"},
		{[]string{"query", "alliances"}, "Slice: phase 3"},
		{[]string{"query", "between", "ong", "collectivite", "--format", "json"}, `"ties": [`},
		{[]string{"query", "partners", "cd44", "--format", "json"}, `"slice": {`},
		{[]string{"export", "--to", "json"}, `"slice": {`},
		{[]string{"export", "--to", "gexf"}, "— slice: phase 3</description>"},
		{[]string{"export", "--to", "graphml"}, "<desc>Cooperation network: actors tied by declared links and shared projects, as alliances analyzes it — slice: phase 3</desc>"},
		{[]string{"export", "--two-mode", "--to", "graphml"}, "<desc>Cooperation data: actors and projects (kind), links and participations — slice: phase 3</desc>"},
	} {
		code, out, errs := cli(t, append(tc.args, phase...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, code, errs)
			continue
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%v: output lacks %q:\n%s", tc.args, tc.want, firstLines(out, 8))
		}
	}
	// CSV stays a plain table; the slice goes to stderr.
	code, out, errs := cli(t, append([]string{"analyze", "--format", "csv"}, phase...)...)
	if code != 0 || !strings.HasPrefix(out, "id,name,family,") || !strings.HasPrefix(errs, "Slice: phase 3") {
		t.Errorf("csv: exit %d, stdout %q…, stderr %q", code, firstLines(out, 1), errs)
	}
	// The map caption and the report state the slice.
	svg := filepath.Join(dir, "p3.svg")
	if code, _, errs := cli(t, append([]string{"map", "-o", svg, "--engine", "embedded", "--date", "2026-01-15"}, phase...)...); code != 0 {
		t.Fatalf("map: exit %d: %s", code, errs)
	}
	if b, _ := os.ReadFile(svg); !strings.Contains(string(b), "Slice: phase 3 · Source:") {
		t.Errorf("the map caption does not state the slice")
	}
	rep := filepath.Join(dir, "rep")
	if code, _, errs := cli(t, append([]string{"report", "-o", rep, "--lang", "fr", "--no-maps", "--date", "2026-01-15"}, phase...)...); code != 0 {
		t.Fatalf("report: exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(filepath.Join(rep, "report.md"))
	for _, want := range []string{"Ce rapport porte sur une tranche des données\u00a0: phase 3.", "Tranche des données", "--phase 3"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The project view keeps its --project.
	if code, _, errs := cli(t, "map", "-o", filepath.Join(dir, "p.dot"), "--view", "project", "--project", "p4-argan", "--store", store); code != 0 {
		t.Errorf("project view: exit %d: %s", code, errs)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// A slice that cannot be taken is a usage error that says why, and nothing
// is written.
func TestSliceErrors(t *testing.T) {
	store := demoStore(t)
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"analyze", "--phase", "9"}, "--phase 9: no project has this phase in the store; present: 1, 2, 3, 4"},
		{[]string{"analyze", "--programme", "Interreg"}, `--programme Interreg: no project belongs to this programme in the store; present: "Coopération Loire-Atlantique – Souss-Massa"`},
		{[]string{"isolated", "--target", "disabled", "--phase", "1"}, "--target disability: empties the slice: no project of the 1 selected by --phase 1 matches it"},
		{[]string{"analyze", "--dimension", "economy"}, `invalid value "economy" for flag -dimension: unknown dimension "economy": use development, local, sustainable, inclusive`},
		{[]string{"analyze", "--period", "2020:2016"}, "the period is reversed"},
		{[]string{"analyze", "--period", "2016-13"}, `"2016-13" is not a year or an ISO date`},
		{[]string{"analyze", "--phase", "two"}, `"two" is not a phase`},
		{[]string{"analyze", "--family", "fondation"}, "--family fondation: no actor is of this family in the store; present: association, collectivite, entreprise, institution, ong"},
		{[]string{"map", "-o", filepath.Join(dir, "x.svg"), "--period", "2030:"}, "--period 2030:: empties the slice: no project matches it"},
		{[]string{"report", "-o", filepath.Join(dir, "rep"), "--role", "sponsor"}, "--role sponsor: no participation has this role in the store; present:"},
		{[]string{"export", "--to", "csv", "-o", filepath.Join(dir, "csv"), "--country", "DE"}, "--country DE: no actor is in this country in the store; present: FR, MA"},
	} {
		code, out, errs := cli(t, append(tc.args, "--store", store)...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", tc.args, code, errs)
		}
		if !strings.Contains(errs, tc.want) {
			t.Errorf("%v: stderr %q\nwant it to hold %q", tc.args, errs, tc.want)
		}
		if out != "" {
			t.Errorf("%v: wrote %q", tc.args, out)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("files written: %v", entries)
	}
	// French family aliases name the families.
	if code, out, errs := cli(t, "analyze", "--store", store, "--family", "ONG,collectivité territoriale", "--format", "json"); code != 0 || !strings.Contains(out, `"family": [`) {
		t.Errorf("family aliases: exit %d: %s", code, errs)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// query coverage on the example, counted by hand from
// examples/loire-souss/projets.csv and participations.csv: the projects of
// five families are p1-eau (development, local; precarity) and p4-argan
// (sustainable, inclusive; women, precarity), so with --min-families 5 every
// dimension is covered and youth and disability are not.
func TestQueryCoverage(t *testing.T) {
	store := demoStore(t)
	code, out, errs := cli(t, "query", "coverage", "--min-families", "5", "--store", store, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Projects []struct {
			ID       string
			Alliance bool
		}
		Uncovered struct{ Dimensions, Targets []string }
		ByTarget  []struct {
			Value     string
			Projects  []string
			Alliances []string
		} `json:"by_target"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var alliances []string
	for _, p := range res.Projects {
		if p.Alliance {
			alliances = append(alliances, p.ID)
		}
	}
	if len(res.Projects) != 7 || !slices.Equal(alliances, []string{"p1-eau", "p4-argan"}) {
		t.Errorf("%d projects, alliances %v", len(res.Projects), alliances)
	}
	if len(res.Uncovered.Dimensions) != 0 || !slices.Equal(res.Uncovered.Targets, []string{"youth", "disability"}) {
		t.Errorf("uncovered %+v", res.Uncovered)
	}
	// youth: p3-jeunes, p6-tourisme and p7-jumelage.
	if y := res.ByTarget[0]; y.Value != "youth" || !slices.Equal(y.Projects, []string{"p3-jeunes", "p6-tourisme", "p7-jumelage"}) {
		t.Errorf("youth: %+v", y)
	}
	// The text and CSV forms; a slice applies.
	code, out, _ = cli(t, "query", "coverage", "--min-families", "5", "--store", store)
	if code != 0 || !strings.Contains(out, "Covered by no alliance of 5 families or more: dimensions none; target groups youth, disability") {
		t.Errorf("text: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "query", "coverage", "--store", store, "--format", "csv", "--phase", "4")
	if code != 0 || !strings.HasPrefix(out, "project,name,alliance,families,dimension:development,") || strings.Count(out, "\n") != 3 {
		t.Errorf("csv of phase 4: exit %d\n%s", code, out)
	}
}
