package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/outfile"
	"github.com/alliances/alliances/sanitize"
)

// The network writers write the actor network that alliances analyze
// measures (graph.Network): one node per actor, one undirected edge per tie,
// whose weight is the weight the analysis uses, with what the tie is made of.
// A tool that reads the file recomputes the metrics written with it.

// Tie columns, by id. The weight column is the one of the two-mode files,
// so that GEXF writes it as the native edge weight.
const (
	colDistance       = "e.distance"
	colLinks          = "e.links"
	colLinkWeight     = "e.link_weight"
	colLinkTypes      = "e.link_types"
	colSharedProjects = "e.shared_projects"
	colProjects       = "e.projects"
)

var tieCols = []column{
	{colWeight, "weight", "double"}, {colDistance, "distance", "double"},
	{colLinks, "links", "int"}, {colLinkWeight, "link_weight", "double"}, {colLinkTypes, "link_types", "string"},
	{colSharedProjects, "shared_projects", "int"}, {colProjects, "projects", "string"},
}

// TieColumns are the columns of a tie in every network export, in order:
//
//	weight           the tie weight: link_weight + shared_projects (docs/metrics.md)
//	distance         1/weight, the length of the tie in weighted path metrics
//	links            the number of declared links between the two actors
//	link_weight      the sum of their weights
//	link_types       their distinct types, sorted, separated by ";"
//	shared_projects  the number of projects both actors take part in
//	projects         the ids of those projects, sorted, separated by ";"
func TieColumns() []string {
	out := make([]string, len(tieCols))
	for i, c := range tieCols {
		out[i] = c.name
	}
	return out
}

// setTieValues sets the values of the tie columns of t in values, by column
// id (empty lists are left out). Projects and link types are joined with
// ";", as dimensions in the two-mode files.
func setTieValues(values map[string]string, t graph.Tie) {
	clear(values)
	shared := len(t.Projects)
	values[colWeight] = formatFloat(t.Weight)
	values[colDistance] = formatFloat(1 / t.Weight)
	values[colLinks] = strconv.Itoa(t.Links)
	values[colLinkWeight] = formatFloat(t.Weight - float64(shared))
	values[colSharedProjects] = strconv.Itoa(shared)
	if len(t.Types) > 0 {
		values[colLinkTypes] = strings.Join(t.Types, ";")
	}
	if shared > 0 {
		values[colProjects] = strings.Join(t.Projects, ";")
	}
}

// newNetworkDoc builds the graph of the actor network; its edges are made
// from the ties as they are written.
func newNetworkDoc(net *graph.Network, opts Options) (*graphDoc, error) {
	res, err := opts.metrics()
	if err != nil {
		return nil, err
	}
	b := newDocBuilder(res, func(add func(map[string]string)) {
		for _, a := range net.Actors {
			add(a.Attrs)
		}
	})
	doc := &graphDoc{id: "network", description: "Cooperation network: actors tied by declared links and shared projects, as alliances analyzes it"}
	for _, a := range net.Actors {
		doc.nodes = append(doc.nodes, b.actor(a, false))
	}
	doc.nodeCols = b.columns(fixedNodeCols, true)
	for _, t := range net.Ties {
		b.used[colWeight], b.used[colDistance], b.used[colLinks], b.used[colLinkWeight], b.used[colSharedProjects] = true, true, true, true, true
		b.used[colLinkTypes] = b.used[colLinkTypes] || len(t.Types) > 0
		b.used[colProjects] = b.used[colProjects] || len(t.Projects) > 0
	}
	doc.edgeCols = b.columns(tieCols, false)
	doc.eachEdge = func(yield func(*edge) error) error {
		e := &edge{values: map[string]string{}}
		for i, t := range net.Ties {
			e.id, e.source, e.target = "t"+strconv.Itoa(i), t.A, t.B
			setTieValues(e.values, t)
			e.weight = e.values[colWeight]
			if err := yield(e); err != nil {
				return err
			}
		}
		return nil
	}
	return doc, nil
}

// NetworkGEXF writes the actor network as GEXF (version opts.GEXFVersion):
// actors coloured by family as on the maps, ties with their weight as the
// native edge weight and the other tie columns (TieColumns) as attributes;
// with WithMetrics, the metrics as node attributes.
func NetworkGEXF(w io.Writer, net *graph.Network, opts Options) error {
	doc, err := newNetworkDoc(net, opts)
	if err != nil {
		return err
	}
	return writeGEXF(w, doc, opts)
}

// NetworkGraphML writes the actor network as an undirected GraphML graph:
// actor fields and attributes as node keys, the tie columns (TieColumns) as
// edge keys; with WithMetrics, the metrics as node keys.
func NetworkGraphML(w io.Writer, net *graph.Network, opts Options) error {
	doc, err := newNetworkDoc(net, opts)
	if err != nil {
		return err
	}
	return writeGraphML(w, doc, opts)
}

type jsonTie struct {
	A              string   `json:"a"`
	B              string   `json:"b"`
	Weight         float64  `json:"weight"`
	Distance       float64  `json:"distance"`
	Links          int      `json:"links"`
	LinkWeight     float64  `json:"link_weight"`
	LinkTypes      []string `json:"link_types"`
	SharedProjects int      `json:"shared_projects"`
	Projects       []string `json:"projects"`
}

// NetworkJSON writes the actor network as indented JSON:
// {"network": "actors", "actors": […], "ties": [{"a", "b", "weight",
// "distance", "links", "link_weight", "link_types", "shared_projects",
// "projects"}]}, "slice" for a slice, and with WithMetrics "metrics": the
// analysis.Result. The
// ties are written one after another, never held as JSON at once.
func NetworkJSON(w io.Writer, net *graph.Network, opts Options) error {
	res, err := opts.metrics()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	// value writes v indented at the given depth, without the final newline
	// of the encoder.
	var werr error
	value := func(v any, prefix string) {
		if werr != nil {
			return
		}
		var b bytes.Buffer
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		e.SetIndent(prefix, "  ")
		if werr = e.Encode(v); werr == nil {
			_, werr = bw.Write(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
		}
	}
	raw := func(s string) {
		if werr == nil {
			_, werr = bw.WriteString(s)
		}
	}
	actors := net.Actors
	if actors == nil {
		actors = []graph.Actor{}
	}
	raw("{\n  \"network\": \"actors\",\n  \"actors\": ")
	value(actors, "  ")
	raw(",\n  \"ties\": [")
	for i, t := range net.Ties {
		if i > 0 {
			raw(",")
		}
		raw("\n    ")
		value(jsonTie{A: t.A, B: t.B, Weight: t.Weight, Distance: 1 / t.Weight, Links: t.Links,
			LinkWeight: t.Weight - float64(len(t.Projects)), LinkTypes: nonNil(t.Types),
			SharedProjects: len(t.Projects), Projects: nonNil(t.Projects)}, "    ")
	}
	if len(net.Ties) > 0 {
		raw("\n  ")
	}
	raw("]")
	if opts.Slice != nil {
		raw(",\n  \"slice\": ")
		value(opts.Slice, "  ")
	}
	if res != nil {
		raw(",\n  \"metrics\": ")
		value(res, "  ")
	}
	raw("\n}\n")
	if werr != nil {
		return werr
	}
	return bw.Flush()
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// NetworkCSV writes the actor network into the directory dir (created if
// needed) as actors.csv (the actor columns of CSV, and the metrics with
// WithMetrics) and ties.csv (source, target, then the tie columns:
// TieColumns), and returns the paths written. Gephi's spreadsheet
// import reads them as a nodes table and an edges table.
func NetworkCSV(dir string, net *graph.Network, opts Options) ([]string, error) {
	res, err := opts.metrics()
	if err != nil {
		return nil, err
	}
	out, err := outfile.OpenDir(dir, outfile.Options{})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer out.Discard()
	header, rows := actorRows(net.Actors, res)
	if err := out.Write("actors.csv", csvTable(header, rows)); err != nil {
		return nil, fmt.Errorf("export: actors.csv: %w", err)
	}
	header = append([]string{"source", "target"}, TieColumns()...)
	ties := func(f io.Writer) error {
		w := csv.NewWriter(f)
		if err := w.Write(header); err != nil {
			return err
		}
		v := map[string]string{}
		row := make([]string, 0, len(header))
		for _, t := range net.Ties {
			setTieValues(v, t)
			row = append(row[:0], t.A, t.B)
			for _, c := range tieCols {
				row = append(row, v[c.id])
			}
			if err := w.Write(sanitize.CSVRecord(row)); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	}
	if err := out.Write("ties.csv", ties); err != nil {
		return nil, fmt.Errorf("export: ties.csv: %w", err)
	}
	paths, err := out.Commit()
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return paths, nil
}
