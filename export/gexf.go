package export

import (
	"io"
	"strconv"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render/palette"
)

// projectColor is the colour of project nodes.
const projectColor = "#333333"

// colors gives every node of doc its colour: actors the colour of their
// family on the maps of alliances (package palette), so that Gephi shows
// the same colours.
func colors(doc *graphDoc) map[string]string {
	var families []string
	for _, n := range doc.nodes {
		if !n.project {
			families = append(families, n.family)
		}
	}
	pal := palette.New(families)
	out := make(map[string]string, len(doc.nodes))
	for _, n := range doc.nodes {
		if n.project {
			out[n.id] = projectColor
		} else {
			out[n.id] = pal.Color(n.family)
		}
	}
	return out
}

// rgb splits "#RRGGBB" into its components.
func rgb(hex string) (r, g, b string) {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	return strconv.Itoa(int(v >> 16 & 0xff)), strconv.Itoa(int(v >> 8 & 0xff)), strconv.Itoa(int(v & 0xff))
}

// gexfType is the GEXF name of a column type.
func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

// GEXF writes d as a GEXF 1.3 document for Gephi: node labels are the names,
// every field and attribute is a declared attribute, nodes are coloured by
// family (viz:color, the colours of the maps), edges carry their type
// ("directed" or "undirected"), their weight, and the link type as edge kind
// (which keeps parallel links of different types apart in Gephi) and label;
// participation edges have the kind "participation". See the package
// documentation for projects and metrics.
func GEXF(w io.Writer, d *graph.Dataset, opts Options) error {
	doc, err := newGraphDoc(d, opts)
	if err != nil {
		return err
	}
	color := colors(doc)
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`, "\n",
		"  <meta>\n    <creator>alliances</creator>\n",
		"    <description>")
	x.text(opts.description())
	x.raw("</description>\n",
		"  </meta>\n",
		`  <graph defaultedgetype="undirected" mode="static">`, "\n")
	declare := func(class string, cols []column) {
		if len(cols) == 0 {
			return
		}
		x.raw(`    <attributes class="`, class, `" mode="static">`, "\n")
		for _, c := range cols {
			x.raw("      <attribute")
			x.attr("id", c.id)
			x.attr("title", c.name)
			x.attr("type", gexfType(c.typ))
			x.raw("/>\n")
		}
		x.raw("    </attributes>\n")
	}
	// The label is native in GEXF, and so are the weight and the kind of edges.
	var nodeCols, edgeCols []column
	for _, c := range doc.nodeCols {
		if c.id != colLabel {
			nodeCols = append(nodeCols, c)
		}
	}
	for _, c := range doc.edgeCols {
		if c.id != colWeight && c.id != colEdgeType && c.id != colEdgeKind {
			edgeCols = append(edgeCols, c)
		}
	}
	declare("node", nodeCols)
	declare("edge", edgeCols)
	attvalues := func(cols []column, values map[string]string) {
		open := false
		for _, c := range cols {
			v, ok := values[c.id]
			if !ok {
				continue
			}
			if !open {
				x.raw("        <attvalues>\n")
				open = true
			}
			x.raw("          <attvalue")
			x.attr("for", c.id)
			x.attr("value", v)
			x.raw("/>\n")
		}
		if open {
			x.raw("        </attvalues>\n")
		}
	}
	x.raw("    <nodes>\n")
	for _, n := range doc.nodes {
		x.raw("      <node")
		x.attr("id", n.id)
		if n.label != "" {
			x.attr("label", n.label)
		}
		x.raw(">\n")
		attvalues(nodeCols, n.values)
		r, g, b := rgb(color[n.id])
		x.raw(`        <viz:color r="`, r, `" g="`, g, `" b="`, b, `"/>`, "\n")
		x.raw("      </node>\n")
	}
	x.raw("    </nodes>\n    <edges>\n")
	for _, e := range doc.edges {
		x.raw("      <edge")
		x.attr("id", e.id)
		x.attr("source", e.source)
		x.attr("target", e.target)
		if e.directed {
			x.attr("type", "directed")
		} else {
			x.attr("type", "undirected")
		}
		if e.weight != "" {
			x.attr("weight", e.weight)
		}
		if e.values[colEdgeKind] == "participation" {
			x.attr("kind", "participation")
		} else if e.typ != "" {
			x.attr("kind", e.typ)
			x.attr("label", e.typ)
		}
		x.raw(">\n")
		attvalues(edgeCols, e.values)
		x.raw("      </edge>\n")
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.flush()
}
