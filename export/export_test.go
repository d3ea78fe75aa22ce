package export

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample is a small cooperation network with every kind of record: French
// names, an attribute that clashes with a field, a directed link, a project
// whose id is also an actor id.
func sample() *graph.Dataset {
	return &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "mairie", Name: "Mairie de Rezé", Family: "collectivite", Country: "FR", Territory: "Loire-Atlantique",
				Level: "local", Attrs: map[string]string{"website": "https://reze.fr", "label": "Ville & <co>"}},
			{ID: "enda", Name: "ENDA \"Tiers Monde\"", Family: "ong", Country: "SN", Level: "international"},
			{ID: "P1", Name: "Coop P1", Family: "entreprise", Country: "SN"},
			{ID: "solo", Family: "réseau"},
		},
		Links: []graph.Link{
			{Source: "mairie", Target: "enda", Type: "funding", Weight: 2.5, Directed: true, Start: "2019"},
			{Source: "enda", Target: "P1", Type: "partenariat", Weight: 1},
		},
		Projects: []graph.Project{
			{ID: "P1", Name: "Eau potable", Programme: "Sahel", Phase: 2, Start: "2021", End: "2024",
				Dimensions: []string{"local", "inclusive"}, Targets: []string{"women"}, Territory: "Thiès"},
		},
		Participations: []graph.Participation{
			{Actor: "mairie", Project: "P1", Role: "lead", Start: "2021"},
			{Actor: "enda", Project: "P1", Role: "partner"},
		},
	}
}

// sampleMetrics are metrics for sample(), with undefined values.
func sampleMetrics() *analysis.Result {
	return &analysis.Result{Actors: []analysis.ActorMetrics{
		{ID: "P1", Degree: 1, Strength: 2, Betweenness: 0, Closeness: 0.6, Constraint: 1, Core: 1,
			Clustering: 0, EIIndex: 1, PartnerDiversity: 0, Harmonic: 1.5, Eigenvector: 0.4, PageRank: 0.2,
			EffectiveSize: 1, Community: 0},
		{ID: "enda", Degree: 2, Strength: 4.5, Betweenness: 1, Closeness: 1, Constraint: 0.5, Core: 1,
			Clustering: 0, EIIndex: 1, PartnerDiversity: 0.5, Harmonic: 2, Eigenvector: 0.7, PageRank: 0.4,
			EffectiveSize: 2, Community: 0, Brokerage: analysis.Brokerage{Liaison: 2, Itinerant: 1}},
		{ID: "mairie", Degree: 1, Strength: 3.5, Betweenness: 0, Closeness: 0.6, Constraint: 1, Core: 1,
			Clustering: 0, EIIndex: 1, PartnerDiversity: 0, Harmonic: 1.5, Eigenvector: 0.5, PageRank: 0.25,
			EffectiveSize: 1, Community: 1},
		{ID: "solo", Betweenness: 0, Closeness: 0, Constraint: analysis.Undefined, Clustering: 0,
			EIIndex: analysis.Undefined, PartnerDiversity: analysis.Undefined, Harmonic: 0, Eigenvector: 0,
			PageRank: 0.15, EffectiveSize: analysis.Undefined, Community: 2},
	}}
}

type writer func(io.Writer, *graph.Dataset, Options) error

var writers = map[string]writer{"gexf": GEXF, "graphml": GraphML, "json": JSON}

// TestGolden compares the output of every writer with its golden file; run
// go test ./export -update to rewrite them after a deliberate change, and
// review the diff.
func TestGolden(t *testing.T) {
	for name, write := range writers {
		for _, metrics := range []bool{false, true} {
			opts := Options{}
			file := "sample." + name
			if metrics {
				opts = Options{WithMetrics: true, Metrics: sampleMetrics()}
				file = "sample_metrics." + name
			}
			var buf bytes.Buffer
			if err := write(&buf, sample(), opts); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			golden(t, filepath.Join("testdata", file), buf.Bytes())
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n%s", path, got)
	}
}

// TestDeterministic checks that the order of the input does not change a byte
// of the output, and that writers leave the caller's dataset as it was.
func TestDeterministic(t *testing.T) {
	for name, write := range writers {
		a, b := sample(), sample()
		reverse(b.Actors)
		reverse(b.Links)
		reverse(b.Participations)
		before := sample()
		reverse(before.Actors)
		reverse(before.Links)
		reverse(before.Participations)
		var x, y bytes.Buffer
		opts := Options{WithMetrics: true, Metrics: sampleMetrics()}
		if err := write(&x, a, opts); err != nil {
			t.Fatal(err)
		}
		if err := write(&y, b, opts); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x.Bytes(), y.Bytes()) {
			t.Errorf("%s: the output depends on the order of the input", name)
		}
		if b.Actors[0].ID != before.Actors[0].ID || b.Links[0].Source != before.Links[0].Source {
			t.Errorf("%s: the writer reordered the caller's dataset", name)
		}
	}
}

func reverse[T any](xs []T) {
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
}

func TestErrors(t *testing.T) {
	for name, write := range writers {
		if err := write(io.Discard, sample(), Options{WithMetrics: true}); !errors.Is(err, ErrNoMetrics) {
			t.Errorf("%s without metrics: error %v, want ErrNoMetrics", name, err)
		}
	}
	if _, err := CSV(t.TempDir(), sample(), Options{WithMetrics: true}); !errors.Is(err, ErrNoMetrics) {
		t.Errorf("CSV without metrics: error %v, want ErrNoMetrics", err)
	}
	clash := sample()
	clash.Actors = append(clash.Actors, graph.Actor{ID: "project:P1"})
	for _, name := range []string{"gexf", "graphml"} {
		err := writers[name](io.Discard, clash, Options{})
		if err == nil || !strings.Contains(err.Error(), `"project:P1"`) {
			t.Errorf("%s: actor project:P1 next to project P1: error %v, want a clash", name, err)
		}
	}
	w := &failWriter{}
	for name, write := range writers {
		if err := write(w, sample(), Options{}); err == nil {
			t.Errorf("%s: a failing writer gives no error", name)
		}
	}
}

type failWriter struct{}

func (*failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// gexfFile is the part of the GEXF 1.2 and 1.3 schemas that Gephi relies on;
// the namespaces are checked apart (XMLName, Color.XMLName).
type gexfFile struct {
	XMLName xml.Name `xml:"gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		DefaultEdgeType string `xml:"defaultedgetype,attr"`
		Attributes      []struct {
			Class string `xml:"class,attr"`
			Attr  []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID        string `xml:"id,attr"`
			AttValues []struct {
				For string `xml:"for,attr"`
			} `xml:"attvalues>attvalue"`
			Color *struct {
				XMLName xml.Name
				R, G, B int `xml:",attr"`
			} `xml:"color"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Type   string `xml:"type,attr"`
			Weight string `xml:"weight,attr"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

// TestGEXFStructure checks what Gephi requires of a GEXF file of each version
// (https://gexf.net/schema.html): the namespace and version, attribute types
// of the schema, every attvalue declared for its class, unique node and edge
// ids, edges between declared nodes, no edge type that would make the graph
// mixed (NetworkX reads none), and the viz colour in the viz namespace.
func TestGEXFStructure(t *testing.T) {
	for _, v := range GEXFVersions {
		t.Run(v, func(t *testing.T) { testGEXFStructure(t, v) })
	}
}

func testGEXFStructure(t *testing.T, version string) {
	var buf bytes.Buffer
	if err := GEXF(&buf, sample(), Options{WithMetrics: true, Metrics: sampleMetrics(), GEXFVersion: version}); err != nil {
		t.Fatal(err)
	}
	var g gexfFile
	if err := xml.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	// The namespaces of GEXF 1.2 (as Gephi 0.9 writes it) and 1.3.
	ns := map[string]string{"1.2": "http://www.gexf.net/1.2draft", "1.3": "http://gexf.net/1.3"}[version]
	if g.XMLName.Space != ns || g.Version != version || g.Graph.DefaultEdgeType != "undirected" {
		t.Errorf("namespace %q, version %q, defaultedgetype %q", g.XMLName.Space, g.Version, g.Graph.DefaultEdgeType)
	}
	declared := map[string]map[string]bool{"node": {}, "edge": {}}
	types := map[string]bool{"integer": true, "long": true, "double": true, "float": true, "boolean": true, "string": true, "liststring": true}
	for _, as := range g.Graph.Attributes {
		for _, a := range as.Attr {
			if !types[a.Type] {
				t.Errorf("attribute %s has type %q, not a GEXF type", a.ID, a.Type)
			}
			declared[as.Class][a.ID] = true
		}
	}
	if len(declared["node"]) < 10 || len(declared["edge"]) < 2 {
		t.Errorf("too few declared attributes: %v", declared)
	}
	nodes := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		if nodes[n.ID] {
			t.Errorf("node id %q repeated", n.ID)
		}
		nodes[n.ID] = true
		for _, v := range n.AttValues {
			if !declared["node"][v.For] {
				t.Errorf("node %s: attvalue for undeclared %q", n.ID, v.For)
			}
		}
		if n.Color == nil || n.Color.XMLName.Space != ns+"/viz" {
			t.Errorf("node %s has no viz:color in %s/viz", n.ID, ns)
		}
	}
	if len(nodes) != 5 {
		t.Errorf("%d nodes, want 4 actors and 1 project", len(nodes))
	}
	edges := map[string]bool{}
	for _, e := range g.Graph.Edges {
		if edges[e.ID] || e.ID == "" {
			t.Errorf("edge id %q empty or repeated", e.ID)
		}
		edges[e.ID] = true
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s joins undeclared nodes %q–%q", e.ID, e.Source, e.Target)
		}
		if e.Type != "" {
			t.Errorf("edge %s has type %q: the direction of links is the attribute directed", e.ID, e.Type)
		}
	}
	if len(edges) != 4 {
		t.Errorf("%d edges, want 2 links and 2 participations", len(edges))
	}
}

// graphmlFile is the GraphML structure (http://graphml.graphdrawing.org/primer/graphml-primer.html),
// decoded strictly with namespaces.
type graphmlFile struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"http://graphml.graphdrawing.org/xmlns key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []struct {
				Key string `xml:"key,attr"`
			} `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns node"`
		Edges []struct {
			Source   string `xml:"source,attr"`
			Target   string `xml:"target,attr"`
			Directed string `xml:"directed,attr"`
			Data     []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"http://graphml.graphdrawing.org/xmlns data"`
		} `xml:"http://graphml.graphdrawing.org/xmlns edge"`
	} `xml:"http://graphml.graphdrawing.org/xmlns graph"`
}

// TestGraphMLStructure checks the GraphML rules that readers enforce: keys
// declared before use for the right domain with a GraphML type, edgedefault
// set, edges between declared nodes, directed="true" only on directed links
// (NetworkX refuses directed="false" in an undirected graph).
func TestGraphMLStructure(t *testing.T) {
	var buf bytes.Buffer
	if err := GraphML(&buf, sample(), Options{WithMetrics: true, Metrics: sampleMetrics()}); err != nil {
		t.Fatal(err)
	}
	var g graphmlFile
	if err := xml.Unmarshal(buf.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	types := map[string]bool{"boolean": true, "int": true, "long": true, "float": true, "double": true, "string": true}
	names := map[string]bool{}
	for _, k := range g.Keys {
		if !types[k.Type] {
			t.Errorf("key %s has type %q", k.ID, k.Type)
		}
		if _, dup := keys[k.ID]; dup {
			t.Errorf("key id %q repeated", k.ID)
		}
		keys[k.ID] = k.For
		if names[k.For+"/"+k.Name] {
			t.Errorf("attr.name %q repeated for %s", k.Name, k.For)
		}
		names[k.For+"/"+k.Name] = true
	}
	if g.Graph.EdgeDefault != "undirected" {
		t.Errorf("edgedefault %q", g.Graph.EdgeDefault)
	}
	nodes := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		nodes[n.ID] = true
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: data for key %q declared for %q", n.ID, d.Key, keys[d.Key])
			}
		}
	}
	directed := 0
	for _, e := range g.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s–%s joins undeclared nodes", e.Source, e.Target)
		}
		if e.Directed != "" {
			t.Errorf("edge %s–%s: directed=%q makes a mixed graph, which NetworkX and igraph refuse", e.Source, e.Target, e.Directed)
		}
		for _, d := range e.Data {
			if keys[d.Key] != "edge" {
				t.Errorf("edge: data for key %q declared for %q", d.Key, keys[d.Key])
			}
			if d.Key == "e.directed" && d.Value == "true" {
				directed++
			}
		}
	}
	if len(nodes) != 5 || len(g.Graph.Edges) != 4 || directed != 1 {
		t.Errorf("%d nodes, %d edges (%d directed), want 5, 4 (1)", len(nodes), len(g.Graph.Edges), directed)
	}
}

// TestXMLControlCharacters checks that characters XML 1.0 cannot hold do not
// make the file unreadable: they are replaced.
func TestXMLControlCharacters(t *testing.T) {
	d := &graph.Dataset{Actors: []graph.Actor{{ID: "a\x01", Name: "bell\x07"}}}
	for _, name := range []string{"gexf", "graphml"} {
		var buf bytes.Buffer
		if err := writers[name](&buf, d, Options{}); err != nil {
			t.Fatal(err)
		}
		var v struct{}
		if err := xml.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Errorf("%s: unreadable XML: %v\n%s", name, err, buf.Bytes())
		}
		if !bytes.Contains(buf.Bytes(), []byte("bell\uFFFD")) {
			t.Errorf("%s: the control character is not replaced:\n%s", name, buf.Bytes())
		}
	}
}

func TestMetricColumns(t *testing.T) {
	cols := MetricColumns()
	want := "degree strength betweenness closeness harmonic eigenvector pagerank core clustering constraint effective_size ei_index partner_diversity brokerage_coordinator brokerage_itinerant brokerage_representative brokerage_gatekeeper brokerage_liaison community"
	if got := strings.Join(cols, " "); got != want {
		t.Errorf("metric columns\n got %s\nwant %s", got, want)
	}
}

// TestLargeCounts checks that integer metrics are written as integers however
// large: a broker among thousands of partners has millions of brokerage
// pairs, and "1.234567e+06" is not a valid value of an int attribute.
func TestLargeCounts(t *testing.T) {
	m := sampleMetrics()
	m.Actors[1].Brokerage.Liaison = 1234567
	for name, write := range writers {
		var buf bytes.Buffer
		if err := write(&buf, sample(), Options{WithMetrics: true, Metrics: m}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Contains(buf.Bytes(), []byte("1234567")) || bytes.Contains(buf.Bytes(), []byte("e+06")) {
			t.Errorf("%s: the liaison count 1234567 is not written as an integer", name)
		}
	}
	dir := t.TempDir()
	if _, err := CSV(dir, sample(), Options{WithMetrics: true, Metrics: m}); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "actors.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(",1234567,")) {
		t.Errorf("actors.csv: the liaison count 1234567 is not written as an integer:\n%s", b)
	}
}
