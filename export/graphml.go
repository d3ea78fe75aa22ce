package export

import (
	"io"

	"github.com/alliances/alliances/graph"
)

// GraphML writes d, the two-mode data, as a GraphML document
// (http://graphml.graphdrawing.org/): every field and attribute is a data key
// declared with attr.name and attr.type, the actor name under "label" (which
// Gephi, yEd and Cytoscape show), the link weight under "weight". The graph is
// undirected; when some links are directed, every link has the boolean key
// "directed" (NetworkX and igraph read no graph that mixes directed and
// undirected edges). See the package documentation for projects,
// participations and metrics.
func GraphML(w io.Writer, d *graph.Dataset, opts Options) error {
	doc, err := newGraphDoc(d, opts)
	if err != nil {
		return err
	}
	return writeGraphML(w, doc, opts)
}

// writeGraphML writes doc as GraphML.
func writeGraphML(w io.Writer, doc *graphDoc, opts Options) error {
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
	x.raw(`  <graph id="`, doc.id, `" edgedefault="undirected">`, "\n")
	if opts.Slice != nil {
		x.raw("    <desc>")
		x.text(opts.describe(doc.description))
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
	err := doc.forEdges(func(e *edge) error {
		x.raw("    <edge")
		x.attr("id", e.id)
		x.attr("source", e.source)
		x.attr("target", e.target)
		x.raw(">\n")
		data(doc.edgeCols, e.values)
		x.raw("    </edge>\n")
		return x.err
	})
	if err != nil {
		return err
	}
	x.raw("  </graph>\n</graphml>\n")
	return x.flush()
}
