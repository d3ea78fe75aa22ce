package ingest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
)

func readJSONBytes(r *bytes.Reader, f string) (*graph.Dataset, []Problem) { return readJSON(r, f) }

// TestReadJSONExport reads what export.JSON writes with metrics: metrics are
// ignored, origins point at the records in the JSON file.
func TestReadJSONExport(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "a", Name: "Ville d'Agadez", Family: "collectivite", Attrs: map[string]string{"site": "agadez.ne"},
				Origin: graph.Provenance{File: "actors.csv", Line: 2}},
			{ID: "b", Name: "ONG Ñ", Family: "ong"},
		},
		Links:          []graph.Link{{Source: "a", Target: "b", Type: "funding", Weight: 0.25, Directed: true}},
		Projects:       []graph.Project{{ID: "P", Dimensions: []string{"local"}, Phase: 1}},
		Participations: []graph.Participation{{Actor: "b", Project: "P", Role: "lead"}},
	}
	var buf bytes.Buffer
	res := &analysis.Result{Actors: []analysis.ActorMetrics{{ID: "a", Degree: 1, Closeness: analysis.Undefined}}}
	if err := export.JSON(&buf, d, export.Options{WithMetrics: true, Metrics: res}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"closeness": null`)) {
		t.Fatalf("the export has no metrics:\n%s", buf.Bytes())
	}
	got, probs := readJSON(bytes.NewReader(buf.Bytes()), "x.json")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	sameDataset(t, got, d)
	lines := strings.Split(buf.String(), "\n")
	for _, a := range got.Actors {
		if a.Origin.File != "x.json" || !strings.Contains(lines[a.Origin.Line], `"id": "`+a.ID+`"`) {
			t.Errorf("actor %s: origin %+v is not the line after its opening brace", a.ID, a.Origin)
		}
	}
}

// TestReadJSONDefaults reads a minimal file, with a byte order mark as
// Windows editors write it: missing weights are 1, other members are ignored.
func TestReadJSONDefaults(t *testing.T) {
	in := "\ufeff" + `{"actors": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b"}], "extra": {"x": [1, 2]}}`
	d, probs := readJSON(strings.NewReader(in), "x.json")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if len(d.Links) != 1 || d.Links[0].Weight != 1 {
		t.Errorf("links %+v, want one link of weight 1", d.Links)
	}
	if d.Projects != nil || d.Participations != nil {
		t.Errorf("unexpected records %+v", d)
	}
}

func TestReadJSONProblems(t *testing.T) {
	cases := []problemCase{
		{"syntax", "{\"actors\": [\n  {\"id\": \"a\",}\n]}", ErrFormat, 2, 14, "", "invalid character '}'"},
		{"truncated", "{\"actors\": [\n  {\"id\": \"a\"}", ErrFormat, 2, 14, "", "unexpected end"},
		{"not an object", "\n[1, 2]", ErrFormat, 2, 1, "", "not an object"},
		{"empty", "", ErrFormat, 1, 1, "", "unexpected end"},
		{"actors not an array", `{"actors": {"id": "a"}}`, ErrFormat, 1, 12, "", "expected an array"},
		{"wrong type", "{\"actors\": [{\"id\": \"a\"}],\n \"links\": [\n  {\"source\": \"a\", \"target\": \"a\", \"weight\": \"lourd\"}]}", ErrBadValue, 3, 3, "weight", "string"},
		{"zero weight", "{\"links\": [\n\n  {\"source\": \"a\", \"target\": \"b\", \"weight\": 0}]}", ErrBadValue, 3, 0, "weight", "weight 0"},
		{"trailing comma", "{\"actors\": []},", ErrFormat, 1, 15, "", "after the JSON object"},
		{"two documents", "{\"actors\": []}\n{\"actors\": []}\n", ErrFormat, 2, 1, "", "after the JSON object"},
		{"phase not a number", "{\"projects\": [{\"id\": \"p\", \"phase\": \"one\"}]}", ErrBadValue, 1, 15, "phase", "string"},
		{"analysed network", "{\"network\": \"actors\", \"actors\": [{\"id\": \"a\"}],\n \"ties\": []}", ErrFormat, 2, 10, "ties", "actor network"},
	}
	checkProblems(t, cases, readJSONBytes)
}

// FuzzReadJSON checks that the reader never panics, that problems are
// located, and that whatever it accepts survives an export and a second read.
func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"actors": [{"id": "a", "attrs": {"x": "1"}}], "links": [{"source": "a", "target": "a", "weight": 2}], "metrics": {"actors": []}}`))
	f.Add([]byte(`{"projects": [{"id": "p", "dimensions": ["local"]}], "participations": [{"actor": "a", "project": "p"}]}`))
	f.Add([]byte(`{"actors": null, "links": [{"weight": 1e400}]}`))
	f.Add([]byte(`{"actors":[{"Attrs":{}}]}`)) // empty maps are read as nil, as export omits them
	f.Fuzz(func(t *testing.T, data []byte) {
		d, probs := readJSON(bytes.NewReader(data), "f")
		fuzzCheck(t, data, d, probs, export.JSON, readJSON)
	})
}
