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

// readGEXF reads a GEXF 1.1, 1.2 or 1.3 file: nodes are actors (or projects,
// with the attribute kind=project), edges are links (or participations, when
// they join an actor and a project). Attributes are mapped by their title as
// in readGraphML; a node's label is the actor's name. A link's type is the
// attribute "type", else the edge kind (GEXF 1.3), else its label; its weight
// is the edge weight; it is directed as the edge type says, else as the
// defaultedgetype of the graph ("mutual" counts as undirected). An edge type
// other than directed, undirected or mutual (NetworkX writes its edge
// attribute "type" there) is read as the kind of tie. The native start and
// end of nodes and edges are read when no attribute gives them. Nodes nested
// in nodes (hierarchical graphs) are read like the others.
func readGEXF(r io.Reader, file string) (*graph.Dataset, []Problem) {
	dec := newXMLDecoder(r)
	attrs := map[string]map[string]gexfAttribute{"node": {}, "edge": {}}
	var nodes []graphNode
	var edges []graphEdge
	var rawNodes []gexfNode
	var rawEdges []gexfEdge
	defaultDirected := false
	var probs []Problem
	// owners is the stack of open nodes and edges: attribute values belong to
	// the innermost one. Nodes nested in nodes (hierarchical graphs) are read
	// like the others.
	type owner struct {
		edge bool
		i    int
	}
	var owners []owner
	root := false
	for {
		line, col := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, []Problem{xmlProblem(file, dec, err, "GEXF")}
		}
		if ee, ok := tok.(xml.EndElement); ok {
			if (ee.Name.Local == "node" || ee.Name.Local == "edge") && len(owners) > 0 {
				owners = owners[:len(owners)-1]
			}
			continue
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if !root {
			if se.Name.Local != "gexf" {
				return nil, []Problem{rootProblem(file, line, col, se.Name.Local, "gexf", "a GEXF file (.gexf)")}
			}
			root = true
			continue
		}
		attr := func(name string) string { v, _ := xmlAttrValue(se.Attr, name); return v }
		switch se.Name.Local {
		case "graph":
			if v, ok := xmlAttrValue(se.Attr, "defaultedgetype"); ok {
				switch strings.TrimSpace(v) {
				case "directed":
					defaultDirected = true
				case "undirected", "mutual":
					defaultDirected = false
				default:
					probs = append(probs, Problem{File: file, Line: line, Column: col, Field: "defaultedgetype",
						Err:  fmt.Errorf("%w: defaultedgetype=%q", ErrBadValue, v),
						Hint: `defaultedgetype is "directed", "undirected" or "mutual"`})
				}
			}
		case "attributes":
			var as gexfAttributes
			if err := dec.DecodeElement(&as, &se); err != nil {
				return nil, []Problem{xmlProblem(file, dec, err, "GEXF attributes")}
			}
			class := strings.TrimSpace(as.Class)
			if attrs[class] == nil {
				continue
			}
			for _, a := range as.Attributes {
				attrs[class][a.ID] = a
			}
		case "node":
			n := gexfNode{Label: attr("label"), Start: attr("start"), End: attr("end"), line: line, col: col}
			if id, ok := xmlAttrValue(se.Attr, "id"); ok {
				n.ID = &id
			}
			rawNodes = append(rawNodes, n)
			owners = append(owners, owner{false, len(rawNodes) - 1})
		case "edge":
			rawEdges = append(rawEdges, gexfEdge{Source: attr("source"), Target: attr("target"), Type: attr("type"),
				Kind: attr("kind"), Label: attr("label"), Weight: attr("weight"), Start: attr("start"), End: attr("end"),
				line: line, col: col})
			owners = append(owners, owner{true, len(rawEdges) - 1})
		case "attvalue":
			if len(owners) == 0 {
				continue
			}
			v := gexfAttValue{For: attr("for"), ID: attr("id"), Value: attr("value")}
			if o := owners[len(owners)-1]; o.edge {
				rawEdges[o.i].AttValues = append(rawEdges[o.i].AttValues, v)
			} else {
				rawNodes[o.i].AttValues = append(rawNodes[o.i].AttValues, v)
			}
		}
	}
	if !root {
		return nil, []Problem{{File: file, Line: 1, Err: fmt.Errorf("%w: empty GEXF file", ErrFormat),
			Hint: "this reader expects a GEXF file (.gexf)"}}
	}
	defaults := map[string][]gexfAttribute{} // by class, in id order
	for class, m := range attrs {
		for _, id := range graphSortedKeys(m) {
			if a := m[id]; a.Default != nil && !strings.HasPrefix(id, metricKeyPrefix) {
				defaults[class] = append(defaults[class], a)
			}
		}
	}
	resolve := func(class string, values []gexfAttValue, line, col int) []graphAttr {
		var out []graphAttr
		seen := map[string]bool{}
		for _, v := range values {
			id := v.For
			if id == "" {
				id = v.ID
			}
			a, ok := attrs[class][id]
			if !ok {
				probs = append(probs, Problem{File: file, Line: line, Column: col, Field: id,
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
	for _, n := range rawNodes {
		gn := graphNode{label: n.Label, line: n.line, col: n.col}
		if n.ID != nil {
			gn.id, gn.hasID = *n.ID, true
		}
		gn.attrs = append(resolve("node", n.AttValues, gn.line, gn.col), spell(n.Start, n.End)...)
		nodes = append(nodes, gn)
	}
	for _, e := range rawEdges {
		ge := graphEdge{source: e.Source, target: e.Target, directed: defaultDirected,
			weight: e.Weight, kind: e.Kind, label: e.Label, line: e.line, col: e.col}
		switch strings.TrimSpace(e.Type) {
		case "":
		case "directed":
			ge.directed = true
		case "undirected", "mutual":
			ge.directed = false
		default:
			// Not GEXF, but what NetworkX writes for an edge attribute "type":
			// read it as the kind of tie.
			if ge.kind == "" {
				ge.kind = e.Type
			}
		}
		ge.attrs = append(resolve("edge", e.AttValues, ge.line, ge.col), spell(e.Start, e.End)...)
		edges = append(edges, ge)
	}
	d, ps := buildGraphDataset(file, nodes, edges)
	return d, append(probs, ps...)
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
