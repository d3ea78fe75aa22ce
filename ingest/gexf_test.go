package ingest

import (
	"bytes"
	"os"
	"testing"

	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
)

func readGEXFBytes(r *bytes.Reader, f string) (*graph.Dataset, []Problem) { return readGEXF(r, f) }

// TestReadGEXFNetworkX reads the GEXF 1.2 file that NetworkX writes: edge
// attribute "type" in the native type, start and end as spells, labels equal
// to ids for nodes with a "name" attribute.
func TestReadGEXFNetworkX(t *testing.T) {
	got := readTestFile(t, "gexf_networkx.gexf", readGEXFBytes)
	want := networkxDataset("gexf_networkx.gexf", map[string]int{
		"mairie-nantes": 27, "enda": 37, "coop": 44, "P1": 51,
		"mairie-enda": 63, "mairie-P1": 64, "enda-coop": 69, "coop-P1": 70})
	if !equalDatasets(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// TestReadGEXFGephi13 reads a GEXF 1.3 file: titles in French and English,
// attribute defaults, edge kinds, per-edge direction.
func TestReadGEXFGephi13(t *testing.T) {
	got := readTestFile(t, "gexf_gephi13.gexf", readGEXFBytes)
	f := "gexf_gephi13.gexf"
	want := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "asso-dakar", Name: "Association des jeunes de Dakar", Family: "association", Country: "SN",
				Level: "regional", Origin: graph.Provenance{File: f, Line: 32}},
			{ID: "cd44", Name: "Département de Loire-Atlantique", Family: "collectivite", Country: "FR",
				Level: "local", Attrs: map[string]string{"Budget": "1200000.5"}, Origin: graph.Provenance{File: f, Line: 22}},
		},
		Links: []graph.Link{
			{Source: "cd44", Target: "asso-dakar", Type: "funding", Weight: 3, Directed: true, Start: "2018",
				Origin: graph.Provenance{File: f, Line: 42}},
			{Source: "cd44", Target: "asso-dakar", Type: "partnership", Weight: 1,
				Origin: graph.Provenance{File: f, Line: 47}},
		},
	}
	if !equalDatasets(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

// gexfDoc wraps nodes and edges in a GEXF 1.3 document whose first line
// inside <graph> is line 9.
func gexfDoc(body string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="k" title="kind" type="string"/>
      <attribute id="ph" title="phase" type="integer"/>
    </attributes>
    <attributes class="edge"><attribute id="w" title="poids" type="double"/></attributes>
` + body + `
  </graph>
</gexf>
`
}

func TestReadGEXFProblems(t *testing.T) {
	cases := []problemCase{
		{"not XML", "<gexf>\n<graph>\n<nodes><node id='a'></nodes>", ErrFormat, 3, 0, "", "element <node> closed by </nodes>"},
		{"not GEXF", "<graphml/>", ErrFormat, 1, 1, "", "not <gexf>"},
		{"empty", "  ", ErrFormat, 1, 0, "", "empty GEXF"},
		{"node without id", gexfDoc("    <nodes><node label=\"x\"/></nodes>"), ErrBadValue, 9, 12, "id", "node without an id"},
		{"duplicate node", gexfDoc("<nodes>\n<node id=\"a\"/>\n<node id=\"a\"/>\n</nodes>"), ErrDuplicate, 11, 1, "id", `node id "a"`},
		{"unknown source", gexfDoc("<nodes><node id=\"a\"/></nodes>\n<edges><edge id=\"0\" source=\"zz\" target=\"a\"/></edges>"),
			ErrUnknownActor, 10, 8, "source", `"zz"`},
		{"undeclared attribute", gexfDoc("<nodes><node id=\"a\"><attvalues><attvalue for=\"nope\" value=\"1\"/></attvalues></node></nodes>"),
			ErrFormat, 9, 8, "nope", "not declared"},
		{"bad weight", gexfDoc("<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges>\n<edge source=\"a\" target=\"b\" weight=\"0\"/></edges>"),
			ErrBadValue, 11, 1, "weight", "> 0"},
		{"bad weight attribute", gexfDoc("<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"w\" value=\"x\"/></attvalues></edge></edges>"),
			ErrBadValue, 10, 8, "weight", "not a number"},
		{"bad defaultedgetype", "<gexf>\n<graph defaultedgetype=\"both\"></graph></gexf>", ErrBadValue, 2, 1, "defaultedgetype", "both"},
		{"bad phase", gexfDoc("<nodes><node id=\"project:p\"><attvalues><attvalue for=\"k\" value=\"project\"/><attvalue for=\"ph\" value=\"1.5\"/></attvalues></node></nodes>"),
			ErrBadValue, 9, 8, "phase", `"1.5"`},
		{"empty project id", gexfDoc("<nodes><node id=\"project:\"><attvalues><attvalue for=\"k\" value=\"project\"/></attvalues></node></nodes>"),
			ErrBadValue, 9, 8, "id", "no project id"},
	}
	checkProblems(t, cases, readGEXFBytes)
}

// TestReadGEXFProjects reads projects and participations as export writes
// them, including a project whose id is also an actor id.
func TestReadGEXFProjects(t *testing.T) {
	in := gexfDoc(`<nodes>
  <node id="X" label="Ville X"/>
  <node id="project:X" label="Projet X"><attvalues><attvalue for="k" value="project"/><attvalue for="ph" value="3"/></attvalues></node>
</nodes>
<edges><edge id="e0" source="X" target="project:X"/></edges>`)
	d, probs := readGEXF(bytes.NewReader([]byte(in)), "p.gexf")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	if len(d.Actors) != 1 || d.Actors[0].ID != "X" || d.Actors[0].Name != "Ville X" {
		t.Errorf("actors %+v", d.Actors)
	}
	if len(d.Projects) != 1 || d.Projects[0].ID != "X" || d.Projects[0].Name != "Projet X" || d.Projects[0].Phase != 3 {
		t.Errorf("projects %+v", d.Projects)
	}
	if len(d.Participations) != 1 || d.Participations[0].Actor != "X" || d.Participations[0].Project != "X" {
		t.Errorf("participations %+v", d.Participations)
	}
	if len(d.Links) != 0 {
		t.Errorf("links %+v, want none", d.Links)
	}
}

// FuzzReadGEXF checks that the reader never panics, that problems are
// located, and that whatever it accepts survives an export and a second read.
func FuzzReadGEXF(f *testing.F) {
	for _, name := range []string{"gexf_networkx.gexf", "gexf_gephi13.gexf"} {
		if data, err := os.ReadFile("testdata/" + name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(gexfDoc("<nodes><node id=\"a\"><nodes><node id=\"b\"/></nodes></node></nodes><edges><edge source=\"a\" target=\"b\" type=\"mutual\"/></edges>")))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, probs := readGEXF(bytes.NewReader(data), "f")
		fuzzCheck(t, data, d, probs, export.GEXF, readGEXF)
	})
}

// TestReadGEXFHierarchy reads the nodes of a hierarchical graph (nodes
// nested in nodes) like the others, each at its own line.
func TestReadGEXFHierarchy(t *testing.T) {
	in := gexfDoc(`<nodes>
  <node id="sn" label="Sénégal">
    <nodes>
      <node id="enda" label="ENDA"/>
    </nodes>
  </node>
</nodes>
<edges><edge source="sn" target="enda" type="mutual"/></edges>`)
	d, probs := readGEXF(bytes.NewReader([]byte(in)), "h.gexf")
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	want := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "enda", Name: "ENDA", Origin: graph.Provenance{File: "h.gexf", Line: 12}},
			{ID: "sn", Name: "Sénégal", Origin: graph.Provenance{File: "h.gexf", Line: 10}},
		},
		Links: []graph.Link{{Source: "sn", Target: "enda", Weight: 1, Origin: graph.Provenance{File: "h.gexf", Line: 16}}},
	}
	if !equalDatasets(d, want) {
		t.Errorf("got  %+v\nwant %+v", d, want)
	}
}
