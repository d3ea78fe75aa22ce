package ingest

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/alliances/alliances/graph"
)

// GEXF file format structs, for GEXF 1.1, 1.2 (http://www.gexf.net/1.2draft)
// and 1.3 (http://gexf.net/1.3). Elements are matched by local name, so every
// namespace is accepted; the viz namespace and dynamics are ignored.

type gexfAttribute struct {
	ID      string  `xml:"id,attr"`
	Title   string  `xml:"title,attr"`
	Type    string  `xml:"type,attr"`
	Default *string `xml:"default"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	ID    string `xml:"id,attr"` // GEXF 1.1
	Value string `xml:"value,attr"`
}

// gexfNode is a node with its attribute values, at its place in the file.
type gexfNode struct {
	ID                *string
	Label, Start, End string
	AttValues         []gexfAttValue
	line, col         int
}

// gexfEdge is an edge with its attribute values, at its place in the file.
type gexfEdge struct {
	Source, Target, Type, Kind, Label, Weight, Start, End string
	AttValues                                             []gexfAttValue
	line, col                                             int
}

// gexfSource reads a GEXF 1.1, 1.2 or 1.3 file: nodes are actors (or projects,
// with the attribute kind=project), edges are links (or participations, when
// they join an actor and a project). Attributes are mapped by their title as
// in graphMLSource; a node's label is the actor's name. A link's type is the
// attribute "type", else the edge kind (GEXF 1.3), else its label; its weight
// is the edge weight; it is directed as the edge type says, else as the
// defaultedgetype of the graph ("mutual" counts as undirected). An edge type
// other than directed, undirected or mutual (NetworkX writes its edge
// attribute "type" there) is read as the kind of tie. The native start and
// end of nodes and edges are read when no attribute gives them. Nodes nested
// in nodes (hierarchical graphs) are read like the others.
//
// It reads the file in two passes: its attributes and nodes at once, its
// edges each time the source's edges are read.
func gexfSource(file string, open func() (io.ReadCloser, error)) (*graphSource, []Problem) {
	attrs := map[string]map[string]gexfAttribute{"node": {}, "edge": {}}
	var rawNodes []gexfNode
	defaultDirected := false
	probs, ok := scanGEXF(file, open, func(class string, a gexfAttribute) { attrs[class][a.ID] = a },
		func(directed bool) { defaultDirected = directed },
		func(n gexfNode) { rawNodes = append(rawNodes, n) }, nil)
	if !ok {
		return nil, probs
	}
	defaults := map[string][]gexfAttribute{} // by class, in id order
	for class, m := range attrs {
		for _, id := range graphSortedKeys(m) {
			if a := m[id]; a.Default != nil && !strings.HasPrefix(id, metricKeyPrefix) {
				defaults[class] = append(defaults[class], a)
			}
		}
	}
	resolve := func(class string, values []gexfAttValue, line, col int, probs *[]Problem) []graphAttr {
		var out []graphAttr
		seen := map[string]bool{}
		for _, v := range values {
			id := v.For
			if id == "" {
				id = v.ID
			}
			a, ok := attrs[class][id]
			if !ok {
				*probs = append(*probs, Problem{File: file, Line: line, Column: col, Field: id,
					Err:  fmt.Errorf("%w: attribute %q is not declared", ErrFormat, id),
					Hint: "declare every attribute in <attributes class=\"" + class + "\">"})
				continue
			}
			if seen[id] || strings.HasPrefix(id, metricKeyPrefix) {
				continue // dynamic attributes repeat a value: keep the first
			}
			seen[id] = true
			name := a.Title
			if name == "" {
				name = a.ID
			}
			out = append(out, graphAttr{name: name, value: v.Value})
		}
		for _, a := range defaults[class] {
			if seen[a.ID] {
				continue
			}
			name := a.Title
			if name == "" {
				name = a.ID
			}
			out = append(out, graphAttr{name: name, value: *a.Default})
		}
		return out
	}
	nodes := make([]graphNode, 0, len(rawNodes))
	for _, n := range rawNodes {
		gn := graphNode{label: n.Label, line: n.line, col: n.col}
		if n.ID != nil {
			gn.id, gn.hasID = *n.ID, true
		}
		gn.attrs = append(resolve("node", n.AttValues, gn.line, gn.col, &probs), spell(n.Start, n.End)...)
		nodes = append(nodes, gn)
	}
	g, ps := indexGraphNodes(file, nodes)
	probs = append(probs, ps...)
	g.edges = func(link func(graph.Link), part func(graph.Participation)) []Problem {
		var probs []Problem
		ps, _ := scanGEXF(file, open, nil, nil, nil, func(e gexfEdge) {
			ge := graphEdge{source: e.Source, target: e.Target, directed: defaultDirected,
				weight: e.Weight, kind: e.Kind, label: e.Label, line: e.line, col: e.col}
			switch strings.TrimSpace(e.Type) {
			case "":
			case "directed":
				ge.directed = true
			case "undirected", "mutual":
				ge.directed = false
			default:
				// Not GEXF, but what NetworkX writes for an edge attribute
				// "type": read it as the kind of tie.
				if ge.kind == "" {
					ge.kind = e.Type
				}
			}
			ge.attrs = append(resolve("edge", e.AttValues, ge.line, ge.col, &probs), spell(e.Start, e.End)...)
			probs = append(probs, g.edge(file, ge, link, part)...)
		})
		return append(probs, ps...)
	}
	return g, probs
}

// scanGEXF reads the elements of a GEXF file, calling attr with each declared
// attribute, directed with the default edge type of the graph, node with
// each node once the file is read (in the order they start) and edge with
// each edge as it ends; nil functions are not called. It reports false when
// the file is not GEXF or not well-formed XML.
func scanGEXF(file string, open func() (io.ReadCloser, error), attr func(class string, a gexfAttribute),
	directed func(bool), node func(gexfNode), edge func(gexfEdge)) ([]Problem, bool) {
	var probs []Problem
	var nodes []gexfNode
	// owners is the stack of open nodes and edges: attribute values belong to
	// the innermost one. Nodes nested in nodes (hierarchical graphs) are read
	// like the others.
	type owner struct {
		i int       // the node's position in nodes
		e *gexfEdge // the edge, or nil for a node
	}
	var owners []owner
	fatal, ok := scanXML(file, open, gexfXML, func(dec *xml.Decoder, tok xml.Token, line, col int) *Problem {
		if ee, ok := tok.(xml.EndElement); ok {
			if (ee.Name.Local == "node" || ee.Name.Local == "edge") && len(owners) > 0 {
				if o := owners[len(owners)-1]; o.e != nil && edge != nil {
					edge(*o.e)
				}
				owners = owners[:len(owners)-1]
			}
			return nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			return nil
		}
		value := func(name string) string { v, _ := xmlAttrValue(se.Attr, name); return v }
		switch se.Name.Local {
		case "graph":
			if v, ok := xmlAttrValue(se.Attr, "defaultedgetype"); ok && directed != nil {
				switch strings.TrimSpace(v) {
				case "directed":
					directed(true)
				case "undirected", "mutual":
					directed(false)
				default:
					probs = append(probs, Problem{File: file, Line: line, Column: col, Field: "defaultedgetype",
						Err:  fmt.Errorf("%w: defaultedgetype=%q", ErrBadValue, v),
						Hint: `defaultedgetype is "directed", "undirected" or "mutual"`})
				}
			}
		case "attributes":
			var as gexfAttributes
			if err := dec.DecodeElement(&as, &se); err != nil {
				p := xmlProblem(file, dec, err, "GEXF attributes")
				return &p
			}
			class := strings.TrimSpace(as.Class)
			if attr == nil || (class != "node" && class != "edge") {
				return nil
			}
			for _, a := range as.Attributes {
				attr(class, a)
			}
		case "node":
			n := gexfNode{line: line, col: col}
			if node != nil {
				n.Label, n.Start, n.End = value("label"), value("start"), value("end")
				if id, ok := xmlAttrValue(se.Attr, "id"); ok {
					n.ID = &id
				}
			}
			nodes = append(nodes, n)
			owners = append(owners, owner{i: len(nodes) - 1})
		case "edge":
			e := &gexfEdge{line: line, col: col}
			if edge != nil {
				*e = gexfEdge{Source: value("source"), Target: value("target"), Type: value("type"),
					Kind: value("kind"), Label: value("label"), Weight: value("weight"), Start: value("start"), End: value("end"),
					line: line, col: col}
			}
			owners = append(owners, owner{e: e})
		case "attvalue":
			if len(owners) == 0 {
				return nil
			}
			o := owners[len(owners)-1]
			v := gexfAttValue{For: value("for"), ID: value("id"), Value: value("value")}
			switch {
			case o.e != nil && edge != nil:
				o.e.AttValues = append(o.e.AttValues, v)
			case o.e == nil && node != nil:
				nodes[o.i].AttValues = append(nodes[o.i].AttValues, v)
			}
		}
		return nil
	})
	if !ok {
		return []Problem{*fatal}, false
	}
	if node != nil {
		for _, n := range nodes {
			node(n)
		}
	}
	return probs, true
}

// spell turns the native start and end of a GEXF node or edge (dynamic
// graphs) into attributes, read after the declared attributes.
func spell(start, end string) []graphAttr {
	var out []graphAttr
	if start != "" {
		out = append(out, graphAttr{name: "start", value: start})
	}
	if end != "" {
		out = append(out, graphAttr{name: "end", value: end})
	}
	return out
}
