package export

import (
	"io"

	"github.com/alliances/alliances/graph"
)

// GraphML writes d as a GraphML document (http://graphml.graphdrawing.org/):
// every field and attribute is a data key declared with attr.name and
// attr.type, the actor name under "label" (which Gephi, yEd and Cytoscape show),
// the tie weight under "weight". The graph is undirected by default and
// directed links carry directed="true" (a mixed graph, as GraphML allows;
// NetworkX reads only files without directed links). See the package
// documentation for projects, participations and metrics.
func GraphML(w io.Writer, d *graph.Dataset, opts Options) error {
	doc, err := newGraphDoc(d, opts)
	if err != nil {
		return err
	}
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`, "\n")
	keys := func(domain string, cols []column) {
		for _, c := range cols {
			x.raw("  <key")
			x.attr("id", c.id)
			x.attr("for", domain)
			x.attr("attr.name", c.name)
			x.attr("attr.type", c.typ)
			x.raw("/>\n")
		}
	}
	keys("node", doc.nodeCols)
	keys("edge", doc.edgeCols)
	x.raw(`  <graph id="alliances" edgedefault="undirected">`, "\n")
	if opts.Slice != nil {
		x.raw("    <desc>")
		x.text(opts.description())
		x.raw("</desc>\n")
	}
	data := func(cols []column, values map[string]string) {
		for _, c := range cols {
			v, ok := values[c.id]
			if !ok {
				continue
			}
			x.raw(`      <data key="`)
			x.text(c.id)
			x.raw(`">`)
			x.text(v)
			x.raw("</data>\n")
		}
	}
	for _, n := range doc.nodes {
		x.raw("    <node")
		x.attr("id", n.id)
		x.raw(">\n")
		data(doc.nodeCols, n.values)
		x.raw("    </node>\n")
	}
	for _, e := range doc.edges {
		x.raw("    <edge")
		x.attr("id", e.id)
		x.attr("source", e.source)
		x.attr("target", e.target)
		if e.directed {
			x.attr("directed", "true")
		}
		x.raw(">\n")
		data(doc.edgeCols, e.values)
		x.raw("    </edge>\n")
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.flush()
}
