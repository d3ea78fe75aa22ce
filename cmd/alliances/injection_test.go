package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/embedded"
)

// hostileNames are the names of issue #16, finding 9: spreadsheet formulas
// (OWASP CSV injection), a right-to-left override, C1 controls and a name of
// 16 KB, which ingest accepts; and terminal escapes and non-characters,
// which it refuses (graph.CheckText) but a store filled otherwise (an older
// store, a Neo4j database written by other tools) may hold.
var (
	acceptedNames = []string{
		`=HYPERLINK("http://evil.example","x")`,
		"+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0",
		"@SUM(1+1)",
		"\t=1+1",
		"'=already quoted",
		"rlo\u202Egnp.exe",
		"c1\u0085\u009bx",
		strings.Repeat("N", 16384),
	}
	refusedNames = []string{
		"esc\x1b[31mRED\x07bel",
		"nonchar\uFFFEx\uFDD0",
	}
)

// hostileActors writes an actors table with the accepted names and a chain
// of links between them.
func hostileActors(t *testing.T, dir string) []string {
	t.Helper()
	families := []string{"association", "ong", "entreprise", "institution", "collectivite"}
	var actors, links strings.Builder
	actors.WriteString("id;nom;famille\n")
	links.WriteString("source;target\n")
	for i, n := range acceptedNames {
		id := "a" + string(rune('a'+i))
		actors.WriteString(id + `;"` + strings.ReplaceAll(n, `"`, `""`) + `";` + families[i%len(families)] + "\n")
		if i > 0 {
			links.WriteString("a" + string(rune('a'+i-1)) + ";" + id + "\n")
		}
	}
	a, l := filepath.Join(dir, "acteurs.csv"), filepath.Join(dir, "liens.csv")
	os.WriteFile(a, []byte(actors.String()), 0o644)
	os.WriteFile(l, []byte(links.String()), 0o644)
	return []string{a, l}
}

// addRefusedNames puts actors with the refused names into the embedded
// store, as another tool could, tied to actor "aa".
func addRefusedNames(t *testing.T, store string) {
	t.Helper()
	s, err := embedded.Open(store)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := &graph.Dataset{}
	for i, n := range refusedNames {
		id := "r" + string(rune('a'+i))
		d.Actors = append(d.Actors, graph.Actor{ID: id, Name: n, Family: "ong"})
		d.Links = append(d.Links, graph.Link{Source: "aa", Target: id, Weight: 1})
	}
	if err := s.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
}

// unsafeForPeople reports the first character of s that a terminal, an
// SVG or a spreadsheet user must not get from the data.
func unsafeForPeople(s string) (rune, bool) {
	for _, r := range s {
		if (r < ' ' && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) ||
			(r >= 0x2066 && r <= 0x2069) || r == 0xfffe || r == 0xffff || (r >= 0xfdd0 && r <= 0xfdef) {
			return r, true
		}
	}
	return 0, false
}

func TestHostileNamesNeverReachPeople(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "alliances.db")
	files := hostileActors(t, dir)
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, files...)...); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	// The export of what ingest accepted reads back unchanged: the
	// neutralisation of CSV cells is undone by ingest.
	exp := filepath.Join(dir, "export")
	if code, _, errs := cli(t, "export", "--two-mode", "--store", store, "--to", "csv", "-o", exp); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(filepath.Join(exp, "actors.csv"))
	checkNoFormula(t, "export actors.csv", string(b))
	again := filepath.Join(dir, "again.db")
	csvs, _ := filepath.Glob(filepath.Join(exp, "*.csv"))
	if code, _, errs := cli(t, append([]string{"ingest", "--store", again, "--quiet"}, csvs...)...); code != 0 {
		t.Fatalf("the export does not ingest again: %s", errs)
	}
	_, j1, _ := cli(t, "export", "--two-mode", "--store", store, "--to", "json")
	_, j2, _ := cli(t, "export", "--two-mode", "--store", again, "--to", "json")
	if strings.Count(names(t, j1), "\n") < len(acceptedNames)-1 || names(t, j1) != names(t, j2) {
		t.Errorf("names changed by export and ingest:\n%s\n%s", names(t, j1), names(t, j2))
	}

	addRefusedNames(t, store)
	// Terminal tables.
	for _, args := range [][]string{
		{"analyze", "--store", store},
		{"isolated", "--store", store, "--suggest", "2"},
		{"query", "--store", store, "partners", "aa", "--depth", "3"},
	} {
		code, out, errs := cli(t, args...)
		if code != 0 {
			t.Fatalf("%v: %s", args, errs)
		}
		if r, bad := unsafeForPeople(out + errs); bad {
			t.Errorf("%v: %U reaches the terminal", args, r)
		}
	}
	// CSV: no cell starts a formula, in the command's output, the export
	// and the report's tables.
	_, out, _ := cli(t, "analyze", "--store", store, "--format", "csv")
	checkNoFormula(t, "analyze --format csv", out)
	exp2 := filepath.Join(dir, "export2")
	if code, _, errs := cli(t, "export", "--two-mode", "--store", store, "--to", "csv", "-o", exp2); code != 0 {
		t.Fatal(errs)
	}
	b, _ = os.ReadFile(filepath.Join(exp2, "actors.csv"))
	checkNoFormula(t, "export actors.csv", string(b))
	rep := filepath.Join(dir, "report")
	for _, engine := range []string{"embedded", "native"} {
		if engine == "native" && !nativeGraphviz() {
			continue
		}
		if code, _, errs := cli(t, "report", "--store", store, "-o", rep, "--engine", engine, "--quiet"); code != 0 {
			t.Fatalf("report (%s engine) fails on hostile names: %s", engine, errs)
		}
	}
	tables, _ := filepath.Glob(filepath.Join(rep, "tables", "*.csv"))
	for _, f := range tables {
		b, _ := os.ReadFile(f)
		checkNoFormula(t, f, string(b))
	}
	html, _ := os.ReadFile(filepath.Join(rep, "report.html"))
	if r, bad := unsafeForPeople(string(html)); bad {
		t.Errorf("report.html holds %U", r)
	}
}

// names returns the "name" lines of an export's JSON.
func names(t *testing.T, js string) string {
	var out []string
	for _, l := range strings.Split(js, "\n") {
		if strings.Contains(l, `"name"`) {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return strings.Join(out, "\n")
}

func checkNoFormula(t *testing.T, what, text string) {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, rec := range recs {
		for _, c := range rec {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) && !isPlainNumber(c) {
				t.Errorf("%s: cell %.40q starts a formula", what, c)
			}
		}
	}
}

func isPlainNumber(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return s != "" && strings.Trim(s, "0123456789.,eE+-") == ""
}

func nativeGraphviz() bool {
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if fi, err := os.Stat(filepath.Join(dir, "dot")); err == nil && !fi.IsDir() {
			return true
		}
	}
	return false
}
