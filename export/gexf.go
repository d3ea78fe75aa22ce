package export

import (
	"fmt"
	"io"
	"strconv"
	"strings"

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

// GEXF writes d, the two-mode data, as a GEXF document for Gephi (version
// opts.GEXFVersion): node labels are the names, every field and attribute is
// a declared attribute, nodes are coloured by family (viz:color, the colours
// of the maps), edges carry their weight, and the link type as edge kind
// (which keeps parallel links of different types apart in Gephi) and label;
// participation edges have the kind "participation". See the package
// documentation for projects, direction and metrics.
func GEXF(w io.Writer, d *graph.Dataset, opts Options) error {
	doc, err := newGraphDoc(d, opts)
	if err != nil {
		return err
	}
	return writeGEXF(w, doc, opts)
}

// GEXF versions: their namespace URIs as Gephi writes them and as NetworkX
// looks for them (NetworkX 2.8 knows 1.2draft, NetworkX 3 also 1.3).
var gexfVersions = map[string]struct{ ns, viz, schema, version string }{
	"1.2": {"http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "http://www.gexf.net/1.2draft/gexf.xsd", "1.2"},
	"1.3": {"http://gexf.net/1.3", "http://gexf.net/1.3/viz", "http://gexf.net/1.3/gexf.xsd", "1.3"},
}

// GEXFVersions lists the GEXF versions written, the default first.
var GEXFVersions = []string{"1.2", "1.3"}

// writeGEXF writes doc as GEXF.
func writeGEXF(w io.Writer, doc *graphDoc, opts Options) error {
	version := opts.GEXFVersion
	if version == "" {
		version = GEXFVersions[0]
	}
	v, ok := gexfVersions[version]
	if !ok {
		return fmt.Errorf("export: %w: GEXF %q (want %s)", ErrVersion, version, strings.Join(GEXFVersions, " or "))
	}
	color := colors(doc)
	x := newXMLWriter(w)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>`, "\n",
		`<gexf xmlns="`, v.ns, `" xmlns:viz="`, v.viz, `" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="`, v.ns, " ", v.schema, `" version="`, v.version, `">`, "\n",
		"  <meta>\n    <creator>alliances</creator>\n",
		"    <description>")
	x.text(opts.describe(doc.description))
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
	err := doc.forEdges(func(e *edge) error {
		x.raw("      <edge")
		x.attr("id", e.id)
		x.attr("source", e.source)
		x.attr("target", e.target)
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
		return x.err
	})
	if err != nil {
		return err
	}
	x.raw("    </edges>\n  </graph>\n</gexf>\n")
	return x.flush()
}
