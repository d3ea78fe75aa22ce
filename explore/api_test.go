package explore

import (
	"context"
	"encoding/csv"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// apiServer serves d through the handler of the explorer, as httptest
// addresses it (127.0.0.1).
func apiServer(t *testing.T, d *graph.Dataset) *httptest.Server {
	t.Helper()
	srv, err := New(context.Background(), d, graph.NewNetwork(d), gridPositions(d), Options{Analysis: analysis.Options{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewUnstartedServer(nil)
	_, port, _ := strings.Cut(hs.Listener.Addr().String(), ":")
	hs.Config.Handler = srv.Handler("127.0.0.1:0", port)
	hs.Start()
	t.Cleanup(hs.Close)
	return hs
}

// The table as CSV: every actor, sorted as asked, every digit of the
// metrics, and a name that a spreadsheet would run as a formula neutralised.
func TestTableCSV(t *testing.T) {
	d := exampleData(t)
	d.Actors = append(d.Actors, graph.Actor{ID: "zz-formula", Name: `=HYPERLINK("http://attacker.example","click")`, Family: "ong"})
	d.Sort()
	hs := apiServer(t, d)
	resp, err := http.Get(hs.URL + "/api/actors.csv?sort=betweenness&order=desc")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") {
		t.Errorf("Content-Disposition %q, want an attachment", cd)
	}
	rows, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	res, err := analysis.Analyze(graph.NewNetwork(d), analysis.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(res.Actors)+1 || strings.Join(rows[0], ",") != strings.Join(tableHeader(), ",") {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	bet := map[string]string{}
	for i := range res.Actors {
		bet[res.Actors[i].ID] = res.Actors[i].Betweenness.String()
	}
	col := 6 + 2 // id, name, family, country, territory, level, degree, strength, betweenness
	prev := math.Inf(1)
	for _, r := range rows[1:] {
		if r[col] != bet[r[0]] {
			t.Errorf("%s: betweenness %q, analyze gives %q", r[0], r[col], bet[r[0]])
		}
		if x, err := strconv.ParseFloat(r[col], 64); err == nil {
			if x > prev {
				t.Errorf("not sorted by betweenness, descending: %v after %v", x, prev)
			}
			prev = x
		}
		if r[0] == "zz-formula" && !strings.HasPrefix(r[1], "'=") {
			t.Errorf("formula name written as %q, want it neutralised with a leading apostrophe", r[1])
		}
	}
}
