package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
)

// This file maps the nodes and edges of a graph file (GraphML or GEXF), once
// their attributes are resolved by name, to the domain. The format readers in
// graphml.go and gexf.go only deal with XML.
//
// Conventions, shared with package export:
//   - a node whose attribute "kind" is "project" (or "projet") is a Project; its
//     id is the node id without the "project:" prefix that export adds so that
//     project ids never collide with actor ids. Every other node is an Actor.
//   - an edge between an actor and a project is a Participation; an edge between
//     two actors is a Link.
//   - an attribute name with the prefix "attr:" is a user attribute whose name
//     would otherwise clash with a field (export writes an actor attribute
//     "family" as "attr:family").

// projectNodePrefix prefixes the node ids of projects in GraphML and GEXF files.
const projectNodePrefix = "project:"

// attrPrefix marks user attributes whose names clash with reserved names.
const attrPrefix = "attr:"

// graphAttr is one attribute of a node or an edge, by name.
type graphAttr struct {
	name, value string
}

// graphNode is a node of a graph file with its attributes resolved by name.
type graphNode struct {
	id    string
	label string // native label (GEXF), "" when absent
	attrs []graphAttr
	line  int
	col   int
	hasID bool
	group bool // a box around other nodes (yEd): neither actor nor project
}

// graphEdge is an edge of a graph file with its attributes resolved by name.
type graphEdge struct {
	source, target string
	directed       bool
	weight         string // native weight attribute (GEXF), "" when absent
	kind           string // native kind (GEXF 1.3)
	label          string // native label (GEXF)
	attrs          []graphAttr
	line, col      int
}

// graphField returns the canonical field name of an attribute name, or "".
func graphField(name string, aliases map[string]string) string {
	return aliases[graph.Normalize(name)]
}

var actorFields = map[string]string{
	"name": "name", "nom": "name", "label": "label",
	"family": "family", "famille": "family",
	"country": "country", "pays": "country",
	"territory": "territory", "territoire": "territory",
	"level": "level", "niveau": "level",
	"kind": "kind",
}

var projectFields = map[string]string{
	"name": "name", "nom": "name", "label": "label",
	"programme": "programme", "program": "programme",
	"phase": "phase",
	"start": "start", "debut": "start",
	"end": "end", "fin": "end",
	"dimensions": "dimensions", "dimension": "dimensions",
	"targets": "targets", "target": "targets", "cibles": "targets", "cible": "targets",
	"territory": "territory", "territoire": "territory",
	"kind": "kind",
}

var edgeFields = map[string]string{
	"type":   "type",
	"weight": "weight", "poids": "weight",
	"start": "start", "debut": "start",
	"end": "end", "fin": "end",
	"role": "role",
	"kind": "kind",
	// The direction as an attribute, as export writes it when links mix
	// directions (NetworkX and igraph read no mixed graph).
	"directed": "directed",
}

// isProjectKind reports whether the value of a "kind" attribute marks a project.
func isProjectKind(v string) bool {
	switch graph.Normalize(v) {
	case "project", "projet":
		return true
	}
	return false
}

// isActorKind reports whether the value of a "kind" attribute marks an actor.
func isActorKind(v string) bool {
	switch graph.Normalize(v) {
	case "", "actor", "acteur":
		return true
	}
	return false
}

// graphSource is a graph file (GraphML, GEXF) read in two passes: its nodes,
// actors and projects, at once; its edges, links and participations, as a
// stream, each time edges is called, so that the edges of a large file are
// never all in memory.
type graphSource struct {
	nodes  *graph.Dataset // Actors and Projects, in file order
	byNode map[string]nodeRef
	// edges reads the edges of the file again, calling link and part with
	// each link and participation, and returns the problems of the edges.
	edges func(link func(graph.Link), part func(graph.Participation)) []Problem
}

// nodeRef is what an edge needs to know of the node at one of its ends.
type nodeRef struct {
	project bool
	group   bool
	id      string // domain id
	line    int
}

// indexGraphNodes maps the nodes of a graph file to actors and projects,
// reporting every problem found, and indexes them for the edges.
func indexGraphNodes(file string, nodes []graphNode) (*graphSource, []Problem) {
	g := &graphSource{nodes: &graph.Dataset{}, byNode: make(map[string]nodeRef, len(nodes))}
	d := g.nodes
	var probs []Problem
	bad := func(line, col int, field string, err error, hint, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Column: col, Field: field,
			Err: fmt.Errorf("%w: %s", err, fmt.Sprintf(format, args...)), Hint: hint})
	}
	projectIDs := make(map[string]int)
	for _, n := range nodes {
		if !n.hasID || strings.TrimSpace(n.id) == "" {
			probs = append(probs, Problem{File: file, Line: n.line, Column: n.col, Field: "id",
				Err: fmt.Errorf("%w: node without an id", ErrBadValue), Hint: "give every node a unique id attribute"})
			continue
		}
		if prev, ok := g.byNode[n.id]; ok {
			probs = append(probs, Problem{File: file, Line: n.line, Column: n.col, Field: "id",
				Err:  fmt.Errorf("%w: node id %q", ErrDuplicate, n.id),
				Hint: fmt.Sprintf("node %q is already defined at line %d", n.id, prev.line)})
			continue
		}
		if n.group {
			g.byNode[n.id] = nodeRef{group: true, id: n.id, line: n.line}
			continue
		}
		project := false
		for _, a := range n.attrs {
			if graphField(a.name, actorFields) == "kind" && isProjectKind(a.value) {
				project = true
			}
		}
		if project {
			p, ps := nodeProject(file, n)
			probs = append(probs, ps...)
			if strings.TrimSpace(p.ID) == "" {
				probs = append(probs, Problem{File: file, Line: n.line, Column: n.col, Field: "id",
					Err:  fmt.Errorf("%w: project node %q has no project id", ErrBadValue, n.id),
					Hint: "give project nodes an id such as project:P1"})
				continue
			}
			if line, dup := projectIDs[p.ID]; dup {
				bad(n.line, n.col, "id", ErrDuplicate,
					fmt.Sprintf("the node at line %d is already project %q", line, p.ID), "project %q", p.ID)
				continue
			}
			projectIDs[p.ID] = n.line
			g.byNode[n.id] = nodeRef{project: true, id: p.ID, line: n.line}
			d.Projects = append(d.Projects, p)
			continue
		}
		a := nodeActor(file, n)
		g.byNode[n.id] = nodeRef{id: a.ID, line: n.line}
		d.Actors = append(d.Actors, a)
	}
	return g, probs
}

// edge maps an edge of the file to a link or a participation, passed to
// link or part, or returns its problems.
func (g *graphSource) edge(file string, e graphEdge, link func(graph.Link), part func(graph.Participation)) []Problem {
	var probs []Problem
	bad := func(line, col int, field string, err error, hint, format string, args ...any) {
		probs = append(probs, Problem{File: file, Line: line, Column: col, Field: field,
			Err: fmt.Errorf("%w: %s", err, fmt.Sprintf(format, args...)), Hint: hint})
	}
	values := map[string]string{}
	for _, a := range e.attrs {
		if f := graphField(a.name, edgeFields); f != "" {
			if _, seen := values[f]; !seen {
				values[f] = a.value
			}
		}
	}
	w := e.weight
	if v, ok := values["weight"]; ok && w == "" {
		w = v
	}
	weight, werr := graphWeight(w)
	src, okS := g.byNode[e.source]
	dst, okT := g.byNode[e.target]
	if !okS || !okT {
		missing := e.source
		field := "source"
		if okS {
			missing, field = e.target, "target"
		}
		probs = append(probs, Problem{File: file, Line: e.line, Column: e.col, Field: field,
			Err:  fmt.Errorf("%w: edge %s %q is not a node of the file", ErrUnknownActor, field, missing),
			Hint: "every edge must join two nodes declared in the same file"})
		if werr != nil {
			bad(e.line, e.col, "weight", ErrBadValue,
				"weights are positive numbers; larger means a stronger tie", "weight %q: %v", w, werr)
		}
		return probs
	}
	origin := graph.Provenance{File: file, Line: e.line}
	switch {
	case src.group || dst.group:
		group := src.id
		if dst.group {
			group = dst.id
		}
		bad(e.line, e.col, "target", ErrBadValue,
			"a group box is not an actor: draw the edge to an actor inside the group",
			"edge to the group node %q", group)
	case src.project && dst.project:
		bad(e.line, e.col, "target", ErrBadValue,
			"edges join two actors (a link) or an actor and a project (a participation)",
			"edge between two projects %q and %q", src.id, dst.id)
	case src.project || dst.project:
		actor, project := src.id, dst.id
		if src.project {
			actor, project = dst.id, src.id
		}
		part(graph.Participation{
			Actor: actor, Project: project, Role: values["role"],
			Start: values["start"], End: values["end"], Origin: origin,
		})
	default:
		if k := values["kind"]; graph.Normalize(k) == "participation" {
			bad(e.line, e.col, "kind", ErrBadValue,
				"a participation edge must join an actor and a node with kind=project",
				"participation edge between two actors %q and %q", src.id, dst.id)
			return probs
		}
		typ, ok := values["type"]
		if !ok {
			typ = e.kind
			if typ == "" {
				typ = e.label
			}
		}
		if werr != nil {
			bad(e.line, e.col, "weight", ErrBadValue,
				"weights are positive numbers; larger means a stronger tie", "weight %q: %v", w, werr)
			return probs
		}
		directed := e.directed
		if v, ok := values["directed"]; ok {
			d, ok := parseXMLBool(v)
			if !ok {
				bad(e.line, e.col, "directed", ErrBadValue, `directed is "true" or "false"`, "directed=%q", v)
				return probs
			}
			directed = d
		}
		link(graph.Link{
			Source: src.id, Target: dst.id, Type: typ, Weight: weight, Directed: directed,
			Start: values["start"], End: values["end"], Origin: origin,
		})
	}
	return probs
}

// graphWeight reads a tie weight: empty means 1, otherwise a finite number > 0
// (a decimal comma is accepted).
func graphWeight(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 1, nil
	}
	w, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil {
		return 0, fmt.Errorf("not a number")
	}
	if math.IsNaN(w) || math.IsInf(w, 0) || w <= 0 {
		return 0, fmt.Errorf("must be a finite number > 0")
	}
	return w, nil
}

// nodeActor maps a node to an actor.
func nodeActor(file string, n graphNode) graph.Actor {
	a := graph.Actor{ID: n.id, Origin: graph.Provenance{File: file, Line: n.line}}
	label := n.label
	hasName := false
	for _, at := range n.attrs {
		switch graphField(at.name, actorFields) {
		case "name":
			if !hasName {
				a.Name, hasName = at.value, true
				continue
			}
		case "label":
			if label == "" {
				label = at.value
				continue
			}
		case "family":
			if a.Family == "" {
				a.Family = at.value
				continue
			}
		case "country":
			if a.Country == "" {
				a.Country = at.value
				continue
			}
		case "territory":
			if a.Territory == "" {
				a.Territory = at.value
				continue
			}
		case "level":
			if a.Level == "" {
				a.Level = at.value
				continue
			}
		case "kind":
			if isActorKind(at.value) {
				continue
			}
		}
		graphSetAttr(&a.Attrs, at)
	}
	if !hasName {
		a.Name = label
	} else if label != "" && label != a.Name && label != n.id {
		graphSetAttr(&a.Attrs, graphAttr{name: "label", value: label})
	}
	return a
}

// nodeProject maps a node with kind=project to a project.
func nodeProject(file string, n graphNode) (graph.Project, []Problem) {
	p := graph.Project{ID: strings.TrimPrefix(n.id, projectNodePrefix), Origin: graph.Provenance{File: file, Line: n.line}}
	var probs []Problem
	label := n.label
	hasName := false
	for _, at := range n.attrs {
		switch graphField(at.name, projectFields) {
		case "kind":
			continue
		case "name":
			if !hasName {
				p.Name, hasName = at.value, true
				continue
			}
		case "label":
			if label == "" {
				label = at.value
				continue
			}
		case "programme":
			if p.Programme == "" {
				p.Programme = at.value
				continue
			}
		case "phase":
			if strings.TrimSpace(at.value) == "" {
				continue
			}
			ph, err := strconv.Atoi(strings.TrimSpace(at.value))
			if err != nil || ph < 0 {
				probs = append(probs, Problem{File: file, Line: n.line, Column: n.col, Field: at.name,
					Err:  fmt.Errorf("%w: phase %q of project %q", ErrBadValue, at.value, p.ID),
					Hint: "a phase is a whole number ordering the projects of a programme (1, 2, 3…)"})
				continue
			}
			p.Phase = ph
			continue
		case "start":
			if p.Start == "" {
				p.Start = at.value
				continue
			}
		case "end":
			if p.End == "" {
				p.End = at.value
				continue
			}
		case "dimensions":
			if p.Dimensions == nil {
				p.Dimensions = graphList(at.value)
				continue
			}
		case "targets":
			if p.Targets == nil {
				p.Targets = graphList(at.value)
				continue
			}
		case "territory":
			if p.Territory == "" {
				p.Territory = at.value
				continue
			}
		}
		graphSetAttr(&p.Attrs, at)
	}
	if !hasName {
		p.Name = label
	} else if label != "" && label != p.Name && label != n.id {
		graphSetAttr(&p.Attrs, graphAttr{name: "label", value: label})
	}
	return p, probs
}

// graphSetAttr stores a user attribute, removing the "attr:" escape prefix.
func graphSetAttr(m *map[string]string, at graphAttr) {
	if *m == nil {
		*m = make(map[string]string)
	}
	name := strings.TrimPrefix(at.name, attrPrefix)
	if _, ok := (*m)[name]; !ok {
		(*m)[name] = at.value
	}
}

// graphList splits a list value written "a;b;c" (also "a|b" or "a, b", and the
// GEXF liststring form "[a, b]"), dropping empty items. It returns nil for an
// empty list.
func graphList(s string) []string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]") {
		s = s[1 : len(s)-1]
	}
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == ',' }) {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
