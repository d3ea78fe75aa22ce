package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/embedded"
	"github.com/alliances/alliances/query"
)

// TestStreamedJSON checks that the JSON that partners, between and
// cross-border write tie by tie is byte for byte what writeJSON writes of
// the whole answer, computed here on the network loaded from the store.
func TestStreamedJSON(t *testing.T) {
	store := exampleStore(t)
	s, err := embedded.OpenReadOnly(store)
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Load(context.Background())
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	n := graph.NewNetwork(d)
	whole := func(v any, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := writeJSON(&b, v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"partners", "cd44"}, whole(query.Partners(n, "cd44", 1))},
		{[]string{"partners", "cd44", "--depth", "3"}, whole(query.Partners(n, "cd44", 3))},
		{[]string{"partners", "asso-tiznit"}, whole(query.Partners(n, "asso-tiznit", 1))}, // an isolate: no tie
		{[]string{"between", "ong", "collectivite"}, whole(query.Between(n, "ong", "collectivite"))},
		{[]string{"between", "autre", "ong"}, whole(query.Between(n, "autre", "ong"))}, // none
		{[]string{"cross-border"}, whole(query.CrossBorder(n))},
	} {
		code, out, errs := cli(t, append([]string{"query", "--store", store, "--format", "json"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, errs)
		}
		if out != c.want {
			t.Errorf("%v: streamed JSON differs from the whole answer:\n got %s\nwant %s", c.args, out, c.want)
		}
	}
}

// TestCountAndLimit checks --count and --limit against the whole answers.
func TestCountAndLimit(t *testing.T) {
	store := exampleStore(t)
	_, out, _ := cli(t, "query", "--store", store, "--format", "json", "partners", "cd44", "--depth", "2")
	var ego query.Ego
	if err := json.Unmarshal([]byte(out), &ego); err != nil {
		t.Fatal(err)
	}
	byDist := map[int]int{}
	for _, a := range ego.Actors {
		byDist[a.Distance]++
	}
	code, out, errs := cli(t, "query", "--store", store, "--format", "json", "partners", "cd44", "--depth", "2", "--count")
	var counts struct {
		Actors, Ties int
		ByDistance   []int `json:"by_distance"`
	}
	if err := json.Unmarshal([]byte(out), &counts); code != 0 || err != nil {
		t.Fatalf("--count: exit %d, %v, %s", code, err, errs)
	}
	if counts.Actors != len(ego.Actors) || counts.Ties != len(ego.Ties) || len(counts.ByDistance) != 3 ||
		counts.ByDistance[0] != 1 || counts.ByDistance[1] != byDist[1] || counts.ByDistance[2] != byDist[2] {
		t.Errorf("--count: %+v; the ego network has %d actors (%v by distance), %d ties", counts, len(ego.Actors), byDist, len(ego.Ties))
	}

	code, out, errs = cli(t, "query", "--store", store, "--format", "json", "partners", "cd44", "--depth", "2", "--limit", "4")
	var limited struct {
		query.Ego
		Limit      int `json:"limit"`
		ActorCount int `json:"actor_count"`
		TieCount   int `json:"tie_count"`
	}
	if err := json.Unmarshal([]byte(out), &limited); code != 0 || err != nil {
		t.Fatalf("--limit: exit %d, %v", code, err)
	}
	if len(limited.Actors) != 4 || len(limited.Ties) != 4 || limited.ActorCount != len(ego.Actors) || limited.TieCount != len(ego.Ties) ||
		limited.Actors[3] != ego.Actors[3] || !strings.Contains(errs, "4 of ") {
		t.Errorf("--limit 4: %d actors, %d ties, counts %d and %d (want 4, 4, %d, %d); stderr %q",
			len(limited.Actors), len(limited.Ties), limited.ActorCount, limited.TieCount, len(ego.Actors), len(ego.Ties), errs)
	}

	// CSV rows are written as they come, at most --limit of them.
	code, out, _ = cli(t, "query", "--store", store, "--format", "csv", "between", "ong", "collectivite", "--limit", "3")
	if code != 0 || strings.Count(out, "\n") != 4 || !strings.HasPrefix(out, "a,a_family,b,b_family,weight,made_of\n") {
		t.Errorf("between --limit 3 as CSV: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "query", "--store", store, "between", "ong", "collectivite", "--count")
	if code != 0 || out != "8 tie(s) between ong and collectivite\n" {
		t.Errorf("between --count: exit %d, %q", code, out)
	}
	for _, args := range [][]string{
		{"partners", "cd44", "--limit", "-1"},
		{"path", "cd44", "afd", "--count"},
		{"alliances", "--limit", "3"},
	} {
		if code, _, _ := cli(t, append([]string{"query", "--store", store}, args...)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
