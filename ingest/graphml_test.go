package ingest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
)

// networkxDataset is what testdata/graphml_networkx.graphml and
// testdata/gexf_networkx.gexf hold; both were written by NetworkX 2.8.8 from
// the same graph (testdata/graphml_gexf_networkx.py). Families are kept as
// written ("collectivité"): Read maps them to the vocabulary.
func networkxDataset(file string, lines map[string]int) *graph.Dataset {
	o := func(k string) graph.Provenance { return graph.Provenance{File: file, Line: lines[k]} }
	return &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "coop", Name: "Coopérative Ñandú", Family: "entreprise", Country: "BF", Origin: o("coop")},
			{ID: "enda", Name: "ENDA Tiers Monde", Family: "ong", Country: "SN", Level: "international", Origin: o("enda")},
			{ID: "mairie-nantes", Name: "Mairie de Nantes", Family: "collectivité", Country: "FR",
				Territory: "Loire-Atlantique", Level: "local", Attrs: map[string]string{"website": "https://nantes.fr"},
				Origin: o("mairie-nantes")},
		},
		Links: []graph.Link{
			{Source: "enda", Target: "coop", Type: "technical support", Weight: 1, Origin: o("enda-coop")},
			{Source: "mairie-nantes", Target: "enda", Type: "funding", Weight: 2.5, Start: "2019", Origin: o("mairie-enda")},
		},
		Projects: []graph.Project{
			{ID: "P1", Name: "Eau potable", Programme: "Sahel", Phase: 2, Start: "2021", End: "2024",
				Dimensions: []string{"local", "inclusive"}, Targets: []string{"women", "youth"}, Origin: o("P1")},
		},
		Participations: []graph.Participation{
			{Actor: "coop", Project: "P1", Role: "partner", Origin: o("coop-P1")},
			{Actor: "mairie-nantes", Project: "P1", Role: "lead", Start: "2021", Origin: o("mairie-P1")},
		},
	}
}

func readTestFile(t *testing.T, name string, read func(r *bytes.Reader, file string) (*graph.Dataset, []Problem)) *graph.Dataset {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	d, probs := read(bytes.NewReader(data), name)
	if len(probs) > 0 {
		t.Fatalf("%s: unexpected problems %v", name, probs)
	}
	return d
}

func TestReadGraphMLNetworkX(t *testing.T) {
	got := readTestFile(t, "graphml_networkx.graphml", func(r *bytes.Reader, f string) (*graph.Dataset, []Problem) { return readGraphML(r, f) })
	want := networkxDataset("graphml_networkx.graphml", map[string]int{
		"mairie-nantes": 23, "enda": 31, "coop": 37, "P1": 42,
		"mairie-enda": 52, "mairie-P1": 57, "enda-coop": 61, "coop-P1": 64})
	if !equalDatasets(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestReadGraphMLYEd reads a file drawn in yEd: names and link types are the
// labels of its graphics, the other graphics are skipped, the nodes inside a
// group are actors but the group box is not.
func TestReadGraphMLYEd(t *testing.T) {
	got := readTestFile(t, "graphml_yed.graphml", func(r *bytes.Reader, f string) (*graph.Dataset, []Problem) { return readGraphML(r, f) })
	f := "graphml_yed.graphml"
	want := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "n0", Name: "Commune de Kaolack", Family: "collectivité", Origin: graph.Provenance{File: f, Line: 14}},
			{ID: "n1", Name: "Femmes\nsolidaires", Family: "association", Origin: graph.Provenance{File: f, Line: 26}},
			{ID: "n2::n0", Name: "ENDA", Family: "ong", Origin: graph.Provenance{File: f, Line: 44}},
		},
		Links: []graph.Link{
			{Source: "n0", Target: "n1", Type: "subvention", Weight: 1, Directed: true, Origin: graph.Provenance{File: f, Line: 51}},
			{Source: "n2::n0", Target: "n0", Weight: 1, Directed: true, Origin: graph.Provenance{File: f, Line: 50}},
		},
	}
	if !equalDatasets(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// equalDatasets compares datasets field by field, provenance included.
func equalDatasets(a, b *graph.Dataset) bool {
	var x, y bytes.Buffer
	if err := export.JSON(&x, a, export.Options{}); err != nil {
		return false
	}
	if err := export.JSON(&y, b, export.Options{}); err != nil {
		return false
	}
	return bytes.Equal(x.Bytes(), y.Bytes())
}

// graphmlDoc wraps nodes and edges in a GraphML document whose first element
// inside <graph> is on line 8.
func graphmlDoc(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <key id="ph" for="node" attr.name="phase" attr.type="int"/>
  <key id="ek" for="edge" attr.name="kind" attr.type="string"/>
  <graph edgedefault="undirected">
` + body + `
  </graph>
</graphml>
`
}

// problemCase is a malformed input and the problem it must produce.
type problemCase struct {
	name  string
	input string
	err   error
	line  int
	col   int    // 0: not checked
	field string // "": not checked
	text  string // a substring of the message
}

func checkProblems(t *testing.T, cases []problemCase, read func(*bytes.Reader, string) (*graph.Dataset, []Problem)) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, probs := read(bytes.NewReader([]byte(c.input)), "in.file")
			if len(probs) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(probs), probs)
			}
			p := probs[0]
			if !errors.Is(p, c.err) {
				t.Errorf("error %v, want %v", p.Err, c.err)
			}
			if p.File != "in.file" || p.Line != c.line {
				t.Errorf("at %s:%d, want in.file:%d (%v)", p.File, p.Line, c.line, p)
			}
			if c.col != 0 && p.Column != c.col {
				t.Errorf("column %d, want %d (%v)", p.Column, c.col, p)
			}
			if c.field != "" && p.Field != c.field {
				t.Errorf("field %q, want %q (%v)", p.Field, c.field, p)
			}
			if !strings.Contains(p.Error(), c.text) {
				t.Errorf("message %q does not say %q", p.Error(), c.text)
			}
			if p.Hint == "" {
				t.Errorf("no hint in %v", p)
			}
		})
	}
}

func TestReadGraphMLProblems(t *testing.T) {
	cases := []problemCase{
		{"not XML", "<graphml>\n<graph>\n<node id='a'>\n</graph>", ErrFormat, 4, 0, "", "element <node> closed by </graph>"},
		{"truncated", "<graphml>\n<graph>\n<node id='a'/>", ErrFormat, 3, 0, "", "unexpected EOF"},
		{"not GraphML", "<?xml version='1.0'?>\n<gexf/>", ErrFormat, 2, 1, "", "not <graphml>"},
		{"empty", "", ErrFormat, 1, 0, "", "empty GraphML"},
		{"node without id", graphmlDoc("    <node/>"), ErrBadValue, 8, 5, "id", "node without an id"},
		{"duplicate node", graphmlDoc("    <node id=\"a\"/>\n    <node id=\"a\"/>"), ErrDuplicate, 9, 5, "id", `node id "a"`},
		{"unknown target", graphmlDoc("    <node id=\"a\"/>\n    <edge source=\"a\" target=\"b\"/>"), ErrUnknownActor, 9, 5, "target", `"b"`},
		{"undeclared key", graphmlDoc("    <node id=\"a\">\n      <data key=\"nope\">x</data>\n    </node>"), ErrFormat, 8, 5, "nope", "not declared"},
		{"bad weight", graphmlDoc("    <node id=\"a\"/><node id=\"b\"/>\n    <edge source=\"a\" target=\"b\"><data key=\"w\">beaucoup</data></edge>"),
			ErrBadValue, 9, 5, "weight", "not a number"},
		{"negative weight", graphmlDoc("    <node id=\"a\"/><node id=\"b\"/>\n\n    <edge source=\"a\" target=\"b\"><data key=\"w\">-2</data></edge>"),
			ErrBadValue, 10, 5, "weight", "> 0"},
		{"bad directed", graphmlDoc("    <node id=\"a\"/><node id=\"b\"/>\n    <edge source=\"a\" target=\"b\" directed=\"maybe\"/>"),
			ErrBadValue, 9, 5, "directed", "maybe"},
		{"two projects", graphmlDoc("    <node id=\"p\"><data key=\"k\">project</data></node>\n    <node id=\"q\"><data key=\"k\">projet</data></node>\n    <edge source=\"p\" target=\"q\"/>"),
			ErrBadValue, 10, 5, "target", "two projects"},
		{"participation between actors", graphmlDoc("    <node id=\"a\"/><node id=\"b\"/>\n    <edge source=\"a\" target=\"b\"><data key=\"ek\">participation</data></edge>"),
			ErrBadValue, 9, 5, "kind", "participation edge between two actors"},
		{"edge to a yEd group", graphmlDoc("    <node id=\"g\" yfiles.foldertype=\"group\"><graph><node id=\"a\"/></graph></node>\n    <edge source=\"a\" target=\"g\"/>"),
			ErrBadValue, 9, 5, "target", `group node "g"`},
		{"bad phase", graphmlDoc("    <node id=\"p\"><data key=\"k\">project</data><data key=\"ph\">deux</data></node>"),
			ErrBadValue, 8, 5, "phase", `"deux"`},
	}
	checkProblems(t, cases, func(r *bytes.Reader, f string) (*graph.Dataset, []Problem) { return readGraphML(r, f) })
}

// TestReadGraphMLEveryProblem checks that one read reports every problem of
// the file, not only the first.
func TestReadGraphMLEveryProblem(t *testing.T) {
	in := "<graphml><key id=\"w\" for=\"edge\" attr.name=\"poids\"/><graph>\n<node id=\"a\"/>\n<node id=\"a\"/>\n" +
		"<edge source=\"a\" target=\"zz\"><data key=\"w\">lourd</data></edge>\n<node/>\n</graph></graphml>"
	_, probs := readGraphML(strings.NewReader(in), "bad.graphml")
	want := []struct {
		line int
		err  error
	}{{3, ErrDuplicate}, {5, ErrBadValue}, {4, ErrUnknownActor}, {4, ErrBadValue}}
	if len(probs) != len(want) {
		t.Fatalf("got %d problems, want %d: %v", len(probs), len(want), probs)
	}
	for i, w := range want {
		if probs[i].Line != w.line || !errors.Is(probs[i], w.err) {
			t.Errorf("problem %d: %v, want line %d, %v", i, probs[i], w.line, w.err)
		}
	}
}

func TestReadGraphMLDirectedAndDefaults(t *testing.T) {
	in := `<graphml>
  <key id="f" for="node" attr.name="famille"><default>ong</default></key>
  <key id="t" for="all" attr.name="type"/>
  <graph edgedefault="directed">
    <node id="a"/>
    <node id="b"><data key="f">association</data></node>
    <edge source="a" target="b"><data key="t">funding</data></edge>
    <edge source="b" target="a" directed="false"/>
  </graph>
</graphml>`
	d, probs := readGraphML(strings.NewReader(in), "x.graphml")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if d.Actors[0].Family != "ong" || d.Actors[1].Family != "association" {
		t.Errorf("families %q %q, want the key default ong for a and association for b", d.Actors[0].Family, d.Actors[1].Family)
	}
	if len(d.Links) != 2 {
		t.Fatalf("links %+v", d.Links)
	}
	for _, l := range d.Links {
		want := l.Source == "a" // the edge with directed="false" is b–a
		if l.Directed != want {
			t.Errorf("link %s→%s directed=%v, want %v", l.Source, l.Target, l.Directed, want)
		}
	}
}

func TestReadGraphMLLatin1(t *testing.T) {
	in := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><key id=\"n\" for=\"node\" attr.name=\"nom\"/><graph><node id=\"a\"><data key=\"n\">Comit\xe9</data></node></graph></graphml>"
	d, probs := readGraphML(strings.NewReader(in), "x.graphml")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if d.Actors[0].Name != "Comité" {
		t.Errorf("name %q, want Comité", d.Actors[0].Name)
	}
}

// FuzzReadGraphML checks that the reader never panics, that problems are
// located in the file, and that whatever it accepts survives an export and a
// second read unchanged.
func FuzzReadGraphML(f *testing.F) {
	if data, err := os.ReadFile("testdata/graphml_networkx.graphml"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(graphmlDoc("<node id=\"a\"/><edge source=\"a\" target=\"a\"/>")))
	f.Add([]byte("<graphml><graph edgedefault='directed'><node id='x'><graph><node id='y'/></graph></node></graph></graphml>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, probs := readGraphML(bytes.NewReader(data), "f")
		fuzzCheck(t, data, d, probs, export.GraphML, readGraphML)
	})
}

// fuzzCheck checks the result of reading arbitrary input: problems are
// located in the file and explained; an accepted file gives a dataset that
// survives write and a second read unchanged.
func fuzzCheck(t *testing.T, data []byte, d *graph.Dataset, probs []Problem,
	write func(io.Writer, *graph.Dataset, export.Options) error,
	read func(io.Reader, string) (*graph.Dataset, []Problem)) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, p := range probs {
		if p.File != "f" || p.Line < 0 || p.Line > lines || p.Err == nil {
			t.Errorf("badly located problem %#v in a file of %d lines", p, lines)
		}
		if p.Hint == "" {
			t.Errorf("problem without a hint: %v", p)
		}
		if !errors.Is(p, ErrFormat) && !errors.Is(p, ErrBadValue) && !errors.Is(p, ErrDuplicate) &&
			!errors.Is(p, ErrUnknownActor) && !errors.Is(p, ErrUnknownProject) {
			t.Errorf("problem without a sentinel: %v", p)
		}
	}
	if len(probs) > 0 || d == nil {
		return
	}
	var buf bytes.Buffer
	if err := write(&buf, d, export.Options{}); err != nil {
		if strings.Contains(err.Error(), "is also the node id of project") {
			return // an actor named like a project node: export refuses it
		}
		t.Fatalf("export of an accepted file: %v", err)
	}
	got, probs := read(bytes.NewReader(buf.Bytes()), "g")
	if len(probs) > 0 {
		t.Fatalf("reading the export of an accepted file: %v\n%s", probs, buf.Bytes())
	}
	sameDataset(t, got, d)
}
