package ingest

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/alliances/alliances/graph"
)

// GraphML file format structs (http://graphml.graphdrawing.org/xmlns). Only
// what alliances reads is declared; ports, hyperedges and nested graphs are
// skipped.

type graphmlKey struct {
	ID      string `xml:"id,attr"`
	For     string `xml:"for,attr"`
	Name    string `xml:"attr.name,attr"`
	Type    string `xml:"attr.type,attr"`
	YFiles  string `xml:"yfiles.type,attr"` // yEd graphics: the label is read, the rest skipped
	Default *struct {
		Value string `xml:",chardata"`
	} `xml:"default"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
	// Graphics is the label found in child elements (the graphics of yEd).
	Graphics yEdGraphics `xml:",any"`
}

// yEdGraphics collects the text of the first NodeLabel or EdgeLabel found in
// the elements it is decoded from.
type yEdGraphics struct{ label string }

func (g *yEdGraphics) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	depth, in := 1, false
	var b strings.Builder
	if start.Name.Local == "NodeLabel" || start.Name.Local == "EdgeLabel" {
		in = true
	}
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if g.label == "" && (t.Name.Local == "NodeLabel" || t.Name.Local == "EdgeLabel") {
				in = true
			}
		case xml.CharData:
			if in {
				b.Write(t)
			}
		case xml.EndElement:
			depth--
			if in && (t.Name.Local == "NodeLabel" || t.Name.Local == "EdgeLabel") {
				in = false
				if g.label == "" {
					g.label = strings.TrimSpace(b.String())
				}
			}
		}
	}
	return nil
}

// graphmlNode is a node with its data, at its place in the file.
type graphmlNode struct {
	ID        *string
	Data      []graphmlData
	group     bool // a yEd group or folder: a box around nodes, not an actor
	line, col int
}

// graphmlEdge is an edge with its data; directed is the edgedefault of its
// graph, before the edge's own directed attribute.
type graphmlEdge struct {
	Source, Target, Directed string
	Data                     []graphmlData
	directed                 bool
	line, col                int
}

// metricKeyPrefix starts the ids of the keys and attributes that export writes
// for metrics (--with-metrics); readers ignore them, since metrics are
// recomputed from the data.
const metricKeyPrefix = "metric."

// graphMLSource reads a GraphML file: nodes are actors (or projects, with the
// attribute kind=project), edges are links (or participations, when they join
// an actor and a project). Data keys are mapped by their attr.name: name or
// label, family, country, territory, level; other keys become attributes.
// Edges read type, weight, start, end and role; they are directed as their
// directed attribute says, else as the edgedefault of their graph. Nodes of
// nested graphs are read like the others. Files of yEd are read too: the node
// label of its graphics is the actor's name, the edge label the link type, and
// group nodes (boxes around other nodes) are not actors.
//
// It reads the file in two passes: its keys and nodes at once, its edges
// each time the source's edges are read.
func graphMLSource(file string, open func() (io.ReadCloser, error)) (*graphSource, []Problem) {
	keys := map[string]graphmlKey{}
	var rawNodes []graphmlNode
	probs, ok := scanGraphML(file, open, func(k graphmlKey) { keys[k.ID] = k },
		func(n graphmlNode) { rawNodes = append(rawNodes, n) }, nil)
	if !ok {
		return nil, probs
	}
	defaults := map[string][]graphmlKey{} // by domain, in key id order
	for _, id := range graphSortedKeys(keys) {
		k := keys[id]
		if k.Default == nil || k.YFiles != "" || strings.HasPrefix(k.ID, metricKeyPrefix) {
			continue
		}
		for _, domain := range []string{"node", "edge"} {
			if k.For == domain || k.For == "all" {
				defaults[domain] = append(defaults[domain], k)
			}
		}
	}
	// resolve returns the attributes of a node or an edge by name, with the
	// declared defaults, and the label that yEd keeps in its graphics.
	resolve := func(domain string, data []graphmlData, line, col int, probs *[]Problem) ([]graphAttr, string) {
		var out []graphAttr
		label := ""
		seen := map[string]bool{}
		for _, dt := range data {
			k, ok := keys[dt.Key]
			if !ok {
				*probs = append(*probs, Problem{File: file, Line: line, Column: col, Field: dt.Key,
					Err:  fmt.Errorf("%w: data key %q is not declared", ErrFormat, dt.Key),
					Hint: "declare every data key with a <key id=… for=… attr.name=…> element"})
				continue
			}
			if k.YFiles != "" {
				if label == "" {
					label = dt.Graphics.label
				}
				continue
			}
			if strings.HasPrefix(k.ID, metricKeyPrefix) {
				continue
			}
			name := k.Name
			if name == "" {
				name = k.ID
			}
			seen[k.ID] = true
			out = append(out, graphAttr{name: name, value: dt.Value})
		}
		for _, k := range defaults[domain] {
			if seen[k.ID] {
				continue
			}
			name := k.Name
			if name == "" {
				name = k.ID
			}
			out = append(out, graphAttr{name: name, value: k.Default.Value})
		}
		return out, label
	}
	nodes := make([]graphNode, 0, len(rawNodes))
	for _, n := range rawNodes {
		gn := graphNode{line: n.line, col: n.col, group: n.group}
		if n.ID != nil {
			gn.id, gn.hasID = *n.ID, true
		}
		gn.attrs, gn.label = resolve("node", n.Data, gn.line, gn.col, &probs)
		nodes = append(nodes, gn)
	}
	g, ps := indexGraphNodes(file, nodes)
	probs = append(probs, ps...)
	g.edges = func(link func(graph.Link), part func(graph.Participation)) []Problem {
		var probs []Problem
		ps, _ := scanGraphML(file, open, nil, nil, func(e graphmlEdge) {
			ge := graphEdge{source: e.Source, target: e.Target, directed: e.directed, line: e.line, col: e.col}
			if e.Directed != "" {
				d, ok := parseXMLBool(e.Directed)
				if !ok {
					probs = append(probs, Problem{File: file, Line: ge.line, Column: ge.col, Field: "directed",
						Err:  fmt.Errorf("%w: directed=%q", ErrBadValue, e.Directed),
						Hint: `directed is "true" or "false"`})
					return
				}
				ge.directed = d
			}
			ge.attrs, ge.label = resolve("edge", e.Data, ge.line, ge.col, &probs)
			probs = append(probs, g.edge(file, ge, link, part)...)
		})
		return append(probs, ps...)
	}
	return g, probs
}

// scanGraphML reads the elements of a GraphML file, calling key, node and
// edge (when not nil) with each key, node and edge as it is read whole. It
// reports false when the file is not GraphML or not well-formed XML.
func scanGraphML(file string, open func() (io.ReadCloser, error), key func(graphmlKey), node func(graphmlNode), edge func(graphmlEdge)) ([]Problem, bool) {
	var directedStack []bool
	// owners is the stack of open node, edge and graph elements: <data>
	// belongs to the innermost one. Nodes of nested graphs (yEd groups) are
	// read like the others; nodes are passed to node when the file has been
	// read, in the order they start, edges when they end.
	type owner struct {
		kind byte // 'n' node, 'e' edge, 'o' other
		i    int  // the node's position in nodes
		e    *graphmlEdge
	}
	var owners []owner
	var nodes []graphmlNode
	fatal, ok := scanXML(file, open, graphMLXML, func(dec *xml.Decoder, tok xml.Token, line, col int) *Problem {
		if ee, ok := tok.(xml.EndElement); ok {
			switch ee.Name.Local {
			case "graph":
				if len(directedStack) > 0 {
					directedStack = directedStack[:len(directedStack)-1]
				}
				fallthrough
			case "node", "edge", "hyperedge", "port", "endpoint":
				if len(owners) > 0 {
					if o := owners[len(owners)-1]; o.kind == 'e' && edge != nil {
						edge(*o.e)
					}
					owners = owners[:len(owners)-1]
				}
			}
			return nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		switch se.Name.Local {
		case "key":
			var k graphmlKey
			if err := dec.DecodeElement(&k, &se); err != nil {
				p := xmlProblem(file, dec, err, "GraphML key")
				return &p
			}
			if key != nil {
				key(k)
			}
		case "graph":
			dir := len(directedStack) > 0 && directedStack[len(directedStack)-1]
			if def, ok := xmlAttrValue(se.Attr, "edgedefault"); ok {
				dir = strings.TrimSpace(def) == "directed"
			}
			directedStack = append(directedStack, dir)
			owners = append(owners, owner{kind: 'o'})
		case "node":
			if node == nil {
				owners = append(owners, owner{kind: 'o'})
				return nil
			}
			n := graphmlNode{line: line, col: col}
			if id, ok := xmlAttrValue(se.Attr, "id"); ok {
				n.ID = &id
			}
			if f, ok := xmlAttrValue(se.Attr, "yfiles.foldertype"); ok && (f == "group" || f == "folder") {
				n.group = true
			}
			nodes = append(nodes, n)
			owners = append(owners, owner{kind: 'n', i: len(nodes) - 1})
		case "edge":
			e := &graphmlEdge{line: line, col: col,
				directed: len(directedStack) > 0 && directedStack[len(directedStack)-1]}
			e.Source, _ = xmlAttrValue(se.Attr, "source")
			e.Target, _ = xmlAttrValue(se.Attr, "target")
			e.Directed, _ = xmlAttrValue(se.Attr, "directed")
			owners = append(owners, owner{kind: 'e', e: e})
		case "hyperedge", "port", "endpoint":
			owners = append(owners, owner{kind: 'o'})
		case "data":
			if len(owners) == 0 {
				if err := dec.Skip(); err != nil {
					p := xmlProblem(file, dec, err, "GraphML data")
					return &p
				}
				return nil
			}
			o := owners[len(owners)-1]
			if (o.kind == 'n' && node != nil) || (o.kind == 'e' && edge != nil) {
				var dt graphmlData
				if err := dec.DecodeElement(&dt, &se); err != nil {
					p := xmlProblem(file, dec, err, "GraphML data")
					return &p
				}
				if o.kind == 'n' {
					nodes[o.i].Data = append(nodes[o.i].Data, dt)
				} else {
					o.e.Data = append(o.e.Data, dt)
				}
			} else if err := dec.Skip(); err != nil {
				p := xmlProblem(file, dec, err, "GraphML data")
				return &p
			}
		}
		return nil
	})
	if !ok {
		return []Problem{*fatal}, false
	}
	for _, n := range nodes {
		node(n)
	}
	return nil, true
}

func graphSortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
