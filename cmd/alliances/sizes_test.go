package main

import (
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestAnalyzeSortTopColumns: --sort orders by a metric, largest first;
// --top keeps the first N and those tied with the last; --columns picks the
// columns.
func TestAnalyzeSortTopColumns(t *testing.T) {
	store := exampleStore(t)
	out := mustCLI(t, "analyze", "--store", store, "--format", "csv", "--sort", "degree", "--top", "8", "--columns", "name,degree")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// The NetworkX degrees of testdata/demo_reference.json: cd44 30,
	// asso-ml 18, cp-aio 15, cp-cab 14, asso-tifawin 12, asso-jeunes-agadir
	// 10, asso-jeunes44 9, then ten actors with 8: the cut at 8 keeps the
	// ten tied at 8 (17 rows), ties in id order.
	want := [][]string{{"id", "name", "degree"}, {"cd44", "Conseil départemental de Loire-Atlantique", "30"},
		{"asso-ml", "Association Maroc–Loire Solidarités", "18"}, {"cp-aio", "Conseil préfectoral d'Agadir Ida Outanane", "15"},
		{"cp-cab", "Conseil provincial de Chtouka Aït Baha", "14"}, {"asso-tifawin", "Association Tifawin des femmes rurales", "12"},
		{"asso-jeunes-agadir", "Association Horizons Jeunes Agadir", "10"}, {"asso-jeunes44", "Jeunesse et Coopération 44", "9"}}
	tied := []string{"agadir", "anapec", "coop-argan", "ent-eau", "ent-num", "ibn-zohr", "ong-ssa", "region-pdl", "souss-massa", "univ-atl"}
	if len(recs) != len(want)+len(tied) {
		t.Fatalf("got %d rows, want %d:\n%s", len(recs), len(want)+len(tied), out)
	}
	for i, id := range tied {
		if r := recs[len(want)+i]; r[0] != id || r[2] != "8" {
			t.Errorf("row %d = %v, want %s with 8", len(want)+i, r, id)
		}
	}
	recs = recs[:len(want)]
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %v, want %v", i, recs[i], want[i])
		}
	}
	// JSON: the same order; every value of the sorted metric is ≥ the next.
	var res struct {
		Actors []map[string]any `json:"actors"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "analyze", "--store", store, "--format", "json", "--sort", "pagerank")), &res); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(res.Actors); i++ {
		if res.Actors[i-1]["pagerank"].(float64) < res.Actors[i]["pagerank"].(float64) {
			t.Errorf("--sort pagerank: %v before %v", res.Actors[i-1]["id"], res.Actors[i]["id"])
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--sort", "betweeness"}, `did you mean "betweenness"`},
		{[]string{"--top", "5"}, "--top needs --sort"},
		{[]string{"--columns", "name,pagerrank"}, `did you mean "pagerank"`},
	} {
		code, _, errs := cli(t, append([]string{"analyze", "--store", store}, c.args...)...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
}

// TestTablesFitTheTerminal: no line of a text table is wider than COLUMNS;
// the columns left out are named.
func TestTablesFitTheTerminal(t *testing.T) {
	store := exampleStore(t)
	for _, width := range []int{60, 100} {
		t.Setenv("COLUMNS", strconv.Itoa(width))
		for _, args := range [][]string{
			{"analyze"}, {"isolated"}, {"query", "alliances", "--min-families", "2"}, {"query", "partners", "cd44"},
		} {
			out := mustCLI(t, append(args, "--store", store)...)
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "Network:") || strings.HasPrefix(line, "(") || strings.HasPrefix(line, "  ") ||
					strings.HasPrefix(line, "Why") || strings.HasPrefix(line, "Every") || strings.Contains(line, "(s) ") {
					continue // prose, not the table
				}
				if n := utf8.RuneCountInString(strings.TrimRight(line, " ")); n > width {
					t.Errorf("COLUMNS=%d %v: a line of %d characters:\n%s", width, args, n, line)
				}
			}
		}
	}
	t.Setenv("COLUMNS", "60")
	if out := mustCLI(t, "analyze", "--store", store); !strings.Contains(out, "left out to fit the terminal: ") {
		t.Errorf("analyze at 60 columns does not say which columns it left out:\n%s", out)
	}
}

// TestIsolatedReason: --reason keeps the actors flagged for one of the
// reasons given.
func TestIsolatedReason(t *testing.T) {
	store := exampleStore(t)
	all := mustCLI(t, "isolated", "--store", store, "--format", "csv", "--suggest", "0")
	out := mustCLI(t, "isolated", "--store", store, "--format", "csv", "--suggest", "0", "--reason", "broker_dependent")
	rows, _ := csv.NewReader(strings.NewReader(out)).ReadAll()
	allRows, _ := csv.NewReader(strings.NewReader(all)).ReadAll()
	want := 0
	for _, r := range allRows[1:] {
		if strings.Contains(r[3], "broker_dependent") {
			want++
		}
	}
	if want == 0 || len(rows)-1 != want || len(rows) >= len(allRows) {
		t.Fatalf("--reason broker_dependent: %d rows, want %d of %d:\n%s", len(rows)-1, want, len(allRows)-1, out)
	}
	for _, r := range rows[1:] {
		if !strings.Contains(r[3], "broker_dependent") {
			t.Errorf("%s is not broker_dependent: %v", r[0], r[3])
		}
	}
	if code, _, errs := cli(t, "isolated", "--store", store, "--reason", "pendent"); code != 2 || !strings.Contains(errs, `did you mean "pendant"`) {
		t.Errorf("unknown reason: exit %d: %s", code, errs)
	}
}
