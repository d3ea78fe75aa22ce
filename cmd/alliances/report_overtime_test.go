package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The report of the example has the section "Over time" by phase, with its
// figures and tables/over-time.json (the numbers of compare --by phase,
// checked against NetworkX by TestCompareMatchesNetworkX); --by none and a
// slice of one phase leave it out.
func TestReportOverTime(t *testing.T) {
	store := demoStore(t)
	t.Setenv("ALLIANCES_CACHE", t.TempDir())
	dir := filepath.Join(t.TempDir(), "rapport")
	if code, _, errs := cli(t, "report", "-o", dir, "--store", store, "--lang", "fr", "--date", "2026-01-15", "--engine", "embedded"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "report.md"))
	for _, want := range []string{"## 7. Dans la durée", "selon ses 4 phases successives", "| phase 2 | 6 | 15 | 1 |",
		"compte 2 acteurs\u00a0: Association Maroc–Loire Solidarités, Conseil départemental de Loire-Atlantique",
		"maps/over-time-slices.svg", "maps/over-time-chart.svg", "Plus forts changements de rang"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "report.html"))
	if !strings.Contains(string(html), `<section id="over-time">`) || !strings.Contains(string(html), `url(#ot1-cell0)`) {
		t.Error("report.html lacks the section or its inline figure")
	}
	var res struct {
		By     string
		Slices []struct{ Label string }
	}
	b, err := os.ReadFile(filepath.Join(dir, "tables", "over-time.json"))
	if err != nil || json.Unmarshal(b, &res) != nil || res.By != "phase" || len(res.Slices) != 4 {
		t.Errorf("tables/over-time.json: %v %+v", err, res)
	}
	for _, args := range [][]string{{"--by", "none"}, {"--phase", "2"}} {
		dir := filepath.Join(t.TempDir(), "r")
		if code, _, errs := cli(t, append([]string{"report", "-o", dir, "--store", store, "--no-maps"}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		md, _ := os.ReadFile(filepath.Join(dir, "report.md"))
		if strings.Contains(string(md), "Over time") {
			t.Errorf("%v: the report has a section over time", args)
		}
	}
	// --by year: the five start years of the programme's projects.
	dir = filepath.Join(t.TempDir(), "years")
	if code, _, errs := cli(t, "report", "-o", dir, "--store", store, "--no-maps", "--by", "year"); code != 0 {
		t.Fatalf("--by year: exit %d: %s", code, errs)
	}
	md, _ = os.ReadFile(filepath.Join(dir, "report.md"))
	if !strings.Contains(string(md), "by the year in which they start (5 years)") {
		t.Errorf("--by year: %s", md)
	}
	if code, _, errs := cli(t, "report", "-o", filepath.Join(t.TempDir(), "x"), "--store", store, "--by", "decade"); code != exitUsage || !strings.Contains(errs, `unknown --by "decade"`) {
		t.Errorf("--by decade: exit %d %q", code, errs)
	}
}
