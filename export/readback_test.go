package export

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/examples"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/ingest"
	"github.com/alliances/alliances/internal/needs"
)

// readBack is what readback.py says a tool read from a file.
type readBack struct {
	Nodes               int                       `json:"nodes"`
	Edges               int                       `json:"edges"`
	Directed            bool                      `json:"directed"`
	NodeAttrs           map[string]map[string]any `json:"node_attrs"`
	EdgeAttrs           [][3]json.RawMessage      `json:"edge_attrs"`
	Betweenness         map[string]float64        `json:"betweenness"`
	BetweennessDistance map[string]float64        `json:"betweenness_distance"`
}

// example is the bundled example, read by ingest: 38 actors, 19 declared
// links (some directed), 6 projects, 42 participations.
func example(t *testing.T) *graph.Dataset {
	t.Helper()
	files := []string{"loire-souss/acteurs.csv", "loire-souss/projets.csv",
		"loire-souss/participations.csv", "loire-souss/liens.csv"}
	r, err := ingest.ReadFS(examples.LoireSouss, files, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r.Dataset
}

// TestReadBackWithNetworkXAndIgraph writes the bundled example's analysed
// network (GraphML, GEXF 1.2 and 1.3) and raw data (GraphML, GEXF), whose
// links mix directed and undirected ones, reads every file back with
// NetworkX and igraph (testdata/readback.py), and checks what a user of those
// tools gets: the counts of nodes and edges, an undirected graph, the
// attributes, and a betweenness recomputed by each tool from the file equal
// to the one exported, unweighted and weighted (distance = 1/weight).
func TestReadBackWithNetworkXAndIgraph(t *testing.T) {
	py := needs.PythonWith(t, "networkx", "igraph")
	d := example(t)
	net := graph.NewNetwork(d)
	dir := t.TempDir()
	directed := 0
	for _, l := range d.Links {
		if l.Directed {
			directed++
		}
	}
	if directed == 0 || directed == len(d.Links) {
		t.Fatalf("the example should mix directed and undirected links (%d of %d directed)", directed, len(d.Links))
	}
	results := map[bool]*analysis.Result{}
	for _, weighted := range []bool{false, true} {
		res, err := analysis.Analyze(net, analysis.Options{Seed: 1, Weighted: weighted})
		if err != nil {
			t.Fatal(err)
		}
		results[weighted] = res
	}
	write := func(name string, f func(io.Writer) error) {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The weighted analysis goes into the GEXF 1.3 file, the unweighted one
	// into the others.
	opts := Options{WithMetrics: true, Metrics: results[false]}
	write("network.graphml", func(w io.Writer) error { return NetworkGraphML(w, net, opts) })
	write("network-1.2.gexf", func(w io.Writer) error { return NetworkGEXF(w, net, opts) })
	o13 := Options{WithMetrics: true, Metrics: results[true], GEXFVersion: "1.3"}
	write("network-1.3.gexf", func(w io.Writer) error { return NetworkGEXF(w, net, o13) })
	write("twomode.graphml", func(w io.Writer) error { return GraphML(w, d, Options{}) })
	write("twomode.gexf", func(w io.Writer) error { return GEXF(w, d, Options{}) })

	out, err := exec.Command(py, "testdata/readback.py", dir).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("readback.py: %v\n%s", err, stderr)
	}
	var got map[string]map[string]readBack
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}

	// Counts: the analysed network has one edge per tie; the raw data one
	// edge per link and participation.
	for file, want := range map[string][2]int{
		"network.graphml": {len(net.Actors), len(net.Ties)}, "network-1.2.gexf": {len(net.Actors), len(net.Ties)},
		"network-1.3.gexf": {len(net.Actors), len(net.Ties)},
		"twomode.graphml":  {len(d.Actors) + len(d.Projects), len(d.Links) + len(d.Participations)},
		"twomode.gexf":     {len(d.Actors) + len(d.Projects), len(d.Links) + len(d.Participations)},
	} {
		for _, tool := range []string{"networkx", "igraph"} {
			r := got[file][tool]
			if r.Nodes != want[0] || r.Edges != want[1] || r.Directed {
				t.Errorf("%s read by %s: %d nodes, %d edges, directed %v; want %d, %d, undirected",
					file, tool, r.Nodes, r.Edges, r.Directed, want[0], want[1])
			}
		}
	}

	// Metrics recomputed from each file equal the exported ones.
	check := func(file, tool, what string, recomputed map[string]float64, res *analysis.Result) {
		t.Helper()
		if len(recomputed) != len(res.Actors) {
			t.Errorf("%s, %s: %s of %d nodes, want %d", file, tool, what, len(recomputed), len(res.Actors))
		}
		for _, a := range res.Actors {
			if v, ok := recomputed[a.ID]; !ok || math.Abs(v-float64(a.Betweenness)) > 1e-9 {
				t.Errorf("%s, %s: %s of %s recomputed from the file = %v, exported %v", file, tool, what, a.ID, v, a.Betweenness)
			}
		}
	}
	for _, file := range []string{"network.graphml", "network-1.2.gexf"} {
		check(file, "networkx", "betweenness", got[file]["networkx"].Betweenness, results[false])
		check(file, "igraph", "betweenness", got[file]["igraph"].Betweenness, results[false])
	}
	// Weighted paths have ties between float sums that igraph sees and
	// NetworkX 2.8 may miss (docs/metrics.md): igraph is the reference.
	check("network-1.3.gexf", "igraph", "weighted betweenness (distance)", got["network-1.3.gexf"]["igraph"].BetweennessDistance, results[true])

	// Attributes: the exported metric and fields of every node, and the
	// composition of every tie.
	for _, file := range []string{"network.graphml", "network-1.2.gexf"} {
		attrs := got[file]["networkx"].NodeAttrs
		for _, a := range results[false].Actors {
			n := attrs[a.ID]
			if n["family"] != a.Family || n["degree"] != float64(a.Degree) || n["community"] != float64(a.Community) {
				t.Errorf("%s: node %s = %v, want family %s, degree %d, community %d", file, a.ID, n, a.Family, a.Degree, a.Community)
			}
		}
		ties := map[[2]string]graph.Tie{}
		for _, tie := range net.Ties {
			ties[[2]string{tie.A, tie.B}] = tie
		}
		for _, e := range got[file]["networkx"].EdgeAttrs {
			var u, v string
			var data map[string]any
			json.Unmarshal(e[0], &u)
			json.Unmarshal(e[1], &v)
			json.Unmarshal(e[2], &data)
			tie, ok := ties[[2]string{u, v}]
			if !ok {
				tie, ok = ties[[2]string{v, u}]
			}
			if !ok {
				t.Errorf("%s: edge %s–%s is no tie", file, u, v)
				continue
			}
			projects, _ := data["projects"].(string)
			if data["weight"] != tie.Weight || data["links"] != float64(tie.Links) ||
				data["shared_projects"] != float64(len(tie.Projects)) || projects != strings.Join(tie.Projects, ";") ||
				data["link_weight"].(float64)+data["shared_projects"].(float64) != tie.Weight {
				t.Errorf("%s: tie %s–%s read as %v, want %+v", file, u, v, data, tie)
			}
		}
	}

	// The raw data keep the direction of every link as an attribute.
	dirs := 0
	for _, e := range got["twomode.graphml"]["networkx"].EdgeAttrs {
		var data map[string]any
		json.Unmarshal(e[2], &data)
		if data["directed"] == true {
			dirs++
		}
	}
	if dirs != directed {
		t.Errorf("twomode.graphml read by NetworkX: %d edges with directed=true, want %d", dirs, directed)
	}
}
