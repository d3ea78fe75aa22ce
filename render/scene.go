package render

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render/palette"
)

// A scene is the content of one map before it is written as DOT: the nodes
// and edges of the view with their visual attributes decided.
type scene struct {
	opts    Options
	tx      texts
	pal     palette.Palette
	title   string
	actors  []sceneActor
	project []sceneProject
	edges   []sceneEdge
	// metric range over the actors of the view, for the legend
	vmin, vmax float64
	ties       int
	wmin, wmax float64
	labelled   int    // number of labelled actors
	bare       bool   // write DOT without legend, names and tooltips
	styleOf    *style // sizes of the whole map, for a cluster laid out alone
	rank       []int  // actors in labelling priority order
	// ghosts are faint actors of other slices (Input.Ghosts).
	ghosts []sceneActor
	// layoutN is the number of actors of the shared layout, which sets
	// the scale and node sizes of views that share it.
	layoutN int
}

type sceneActor struct {
	node    string
	a       graph.Actor
	value   float64 // NaN when undefined
	label   bool
	centre  bool
	entered bool
	ghost   bool
	flagged bool
	grey    bool
	reasons []string
	cluster string
}

type sceneProject struct {
	node string
	p    graph.Project
}

type edgeKind int

const (
	edgeTie edgeKind = iota
	edgeParticipation
	edgeSuggestion
)

type sceneEdge struct {
	kind    edgeKind
	a, b    string // node names
	weight  float64
	tooltip string
}

// actorNode and projectNode name the DOT nodes. Names are built from the
// position of the actor or project in the network, so that no user text has
// to be escaped in a node name; the text travels in labels and tooltips.
func actorNode(i int) string   { return fmt.Sprintf("a%d", i) }
func projectNode(i int) string { return fmt.Sprintf("p%d", i) }

// newScene selects and decorates the nodes and edges of the view.
func newScene(in Input, opts Options) (*scene, error) {
	if in.Network == nil {
		return nil, fmt.Errorf("%w: no network", ErrMissingInput)
	}
	opts, err := opts.normalized()
	if err != nil {
		return nil, err
	}
	net := in.Network
	s := &scene{opts: opts, tx: textsByLang[opts.Lang], pal: newPalette(net, in.Ghosts)}
	values, err := metricValues(in, opts.SizeBy)
	if err != nil {
		return nil, err
	}
	idx := make(map[string]int, len(net.Actors))
	for i, a := range net.Actors {
		idx[a.ID] = i
	}
	pidx := make(map[string]int, len(net.Projects))
	for i, p := range net.Projects {
		pidx[p.ID] = i
	}

	// Which actors are in the view.
	in1 := make([]bool, len(net.Actors))
	centre := -1
	switch opts.View {
	case ViewNetwork, ViewIsolated:
		for i := range in1 {
			in1[i] = true
		}
	case ViewEgo:
		c, ok := idx[opts.Actor]
		if !ok {
			return nil, fmt.Errorf("%w: %q", ErrUnknownActor, opts.Actor)
		}
		centre = c
		egoActors(net, idx, c, opts.Depth, in1)
	case ViewProject:
		if _, ok := pidx[opts.Project]; !ok {
			return nil, fmt.Errorf("%w: %q", ErrUnknownProject, opts.Project)
		}
		for _, id := range net.Members()[opts.Project] {
			if i, ok := idx[id]; ok {
				in1[i] = true
			}
		}
	case ViewBipartite:
		for _, p := range net.Participations {
			if i, ok := idx[p.Actor]; ok {
				if _, ok := pidx[p.Project]; ok {
					in1[i] = true
				}
			}
		}
	}

	flags := make(map[string]analysis.IsolatedActor)
	suggested := make(map[string]bool)
	if opts.View == ViewIsolated {
		if in.Isolated == nil {
			return nil, fmt.Errorf("%w: the isolated view needs the isolated actors", ErrMissingInput)
		}
		for _, ia := range in.Isolated.Actors {
			flags[ia.ID] = ia
			if opts.Suggestions {
				for _, sg := range ia.Suggestions {
					suggested[sg.ID] = true
				}
			}
		}
	}

	s.vmin, s.vmax = math.Inf(1), math.Inf(-1)
	for i, a := range net.Actors {
		if !in1[i] {
			continue
		}
		sa := sceneActor{node: actorNode(i), a: a, value: values[a.ID], centre: i == centre}
		if v := sa.value; !math.IsNaN(v) {
			s.vmin, s.vmax = math.Min(s.vmin, v), math.Max(s.vmax, v)
		}
		if opts.View == ViewIsolated {
			if ia, ok := flags[a.ID]; ok {
				sa.flagged, sa.reasons = true, ia.Reasons
			} else {
				// Suggested partners keep their family colour, so that
				// the map shows which families would join.
				sa.grey = !suggested[a.ID]
			}
		}
		switch opts.Cluster {
		case "country":
			sa.cluster = a.Country
		case "territory":
			sa.cluster = a.Territory
		}
		s.actors = append(s.actors, sa)
	}
	s.chooseLabels()
	if len(in.Entered) > 0 {
		entered := make(map[string]bool, len(in.Entered))
		for _, id := range in.Entered {
			entered[id] = true
		}
		for i := range s.actors {
			s.actors[i].entered = entered[s.actors[i].a.ID]
		}
	}
	if s.sharesLayout() {
		s.layoutN = len(net.Actors)
		if in.Layout != nil {
			s.layoutN = max(in.Layout.Len(), len(net.Actors))
		}
		for i, a := range in.Ghosts {
			if _, ok := idx[a.ID]; ok {
				continue // in the view: not a ghost
			}
			s.ghosts = append(s.ghosts, sceneActor{node: fmt.Sprintf("g%d", i), a: a, value: math.NaN(), ghost: true})
		}
	}

	// Ties among the actors of the view.
	pos := make(map[string]int, len(s.actors)) // actor id → index in net.Actors, for view members
	for _, sa := range s.actors {
		pos[sa.a.ID] = idx[sa.a.ID]
	}
	s.wmin, s.wmax = math.Inf(1), math.Inf(-1)
	for _, t := range net.Ties {
		i, okA := pos[t.A]
		j, okB := pos[t.B]
		if !okA || !okB || opts.View == ViewBipartite {
			continue
		}
		s.edges = append(s.edges, sceneEdge{kind: edgeTie, a: actorNode(i), b: actorNode(j), weight: t.Weight, tooltip: tieTooltip(net.Actors[i], net.Actors[j], t)})
		s.ties++
		s.wmin, s.wmax = math.Min(s.wmin, t.Weight), math.Max(s.wmax, t.Weight)
	}

	// Projects and participations.
	switch opts.View {
	case ViewBipartite:
		for _, p := range net.Projects {
			s.project = append(s.project, sceneProject{node: projectNode(pidx[p.ID]), p: p})
		}
		for _, p := range net.Participations {
			i, okA := pos[p.Actor]
			j, okP := pidx[p.Project]
			if !okA || !okP {
				continue
			}
			tip := net.Actors[i].Label() + " → " + net.Projects[j].Label()
			if p.Role != "" {
				tip += " (" + p.Role + ")"
			}
			s.edges = append(s.edges, sceneEdge{kind: edgeParticipation, a: actorNode(i), b: projectNode(j), weight: 1, tooltip: tip})
		}
	case ViewIsolated:
		if opts.Suggestions {
			for _, ia := range in.Isolated.Actors {
				i, ok := idx[ia.ID]
				if !ok {
					continue
				}
				for _, sg := range ia.Suggestions {
					j, ok := idx[sg.ID]
					if !ok {
						continue
					}
					tip := fmt.Sprintf("%s → %s (%.2f): %s", net.Actors[i].Label(), net.Actors[j].Label(), sg.Score, sg.Why)
					s.edges = append(s.edges, sceneEdge{kind: edgeSuggestion, a: actorNode(i), b: actorNode(j), weight: 1, tooltip: tip})
				}
			}
		}
	}
	s.title = opts.Title
	if s.title == "" {
		s.title = s.tx.titles[opts.View]
		switch opts.View {
		case ViewEgo:
			s.title = fmt.Sprintf(s.title, net.Actors[centre].Label(), opts.Depth)
		case ViewProject:
			s.title = fmt.Sprintf(s.title, net.Projects[pidx[opts.Project]].Label())
		}
	}
	return s, nil
}

// egoActors marks in in the actors at most depth ties away from c
// (breadth-first search).
func egoActors(net *graph.Network, idx map[string]int, c, depth int, in []bool) {
	adj := make([][]int, len(net.Actors))
	for _, t := range net.Ties {
		a, okA := idx[t.A]
		b, okB := idx[t.B]
		if okA && okB {
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}
	in[c] = true
	frontier := []int{c}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []int
		for _, u := range frontier {
			for _, v := range adj[u] {
				if !in[v] {
					in[v] = true
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
}

// chooseLabels marks the actors to label: the top ones by metric value
// (undefined values last, ties broken by id); in the isolated view flagged
// actors come first.
func (s *scene) chooseLabels() {
	n := s.opts.Labels
	switch {
	case n == LabelsAll:
		n = len(s.actors)
	case n == LabelsNone:
		n = 0
	case n == LabelsDefault && len(s.actors) <= 40:
		n = len(s.actors)
	case n == LabelsDefault:
		n = 20
	}
	if n > len(s.actors) {
		n = len(s.actors)
	}
	order := make([]int, len(s.actors))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool {
		a, b := s.actors[order[x]], s.actors[order[y]]
		if a.centre != b.centre {
			return a.centre
		}
		if a.flagged != b.flagged {
			return a.flagged
		}
		an, bn := math.IsNaN(a.value), math.IsNaN(b.value)
		if an != bn {
			return bn
		}
		if !an && a.value != b.value {
			return a.value > b.value
		}
		return a.a.ID < b.a.ID
	})
	s.rank = order
	for _, i := range order[:n] {
		s.actors[i].label = true
	}
	s.labelled = n
}

func tieTooltip(a, b graph.Actor, t graph.Tie) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s – %s: %s %s", a.Label(), b.Label(), "weight", formatNum(t.Weight))
	if len(t.Types) > 0 {
		sb.WriteString("; " + strings.Join(t.Types, ", "))
	}
	if len(t.Projects) > 0 {
		sb.WriteString("; projects " + strings.Join(t.Projects, ", "))
	}
	return sb.String()
}

// metricValues returns the value of metric key for every actor: NaN when
// undefined. "degree" and "strength" are computed from the network when no
// metrics are given.
func metricValues(in Input, key string) (map[string]float64, error) {
	out := make(map[string]float64, len(in.Network.Actors))
	if in.Metrics == nil {
		switch key {
		case "degree", "strength":
		default:
			return nil, fmt.Errorf("%w: sizing by %q needs computed metrics", ErrMissingInput, key)
		}
		for _, a := range in.Network.Actors {
			out[a.ID] = 0
		}
		for _, t := range in.Network.Ties {
			v := 1.0
			if key == "strength" {
				v = t.Weight
			}
			if _, ok := out[t.A]; ok {
				out[t.A] += v
			}
			if _, ok := out[t.B]; ok {
				out[t.B] += v
			}
		}
		return out, nil
	}
	col, ok := metricColumn(key)
	if !ok && len(in.Metrics.Actors) > 0 {
		return nil, fmt.Errorf("%w: %q (want a numeric key of the analysis JSON, such as degree, betweenness or brokerage.liaison)", ErrUnknownMetric, key)
	}
	for i := range in.Metrics.Actors { // none when !ok
		m := &in.Metrics.Actors[i]
		if v := col.Value(m); v.Defined() {
			out[m.ID] = float64(v)
		} else {
			out[m.ID] = math.NaN()
		}
	}
	for _, a := range in.Network.Actors {
		if _, ok := out[a.ID]; !ok {
			out[a.ID] = math.NaN()
		}
	}
	return out, nil
}

// metricColumn returns the per-actor metric that key names: a numeric key
// of the analysis JSON ("degree"), the dotted path of a nested one
// ("brokerage.liaison"), the key of a nested one alone ("liaison"), or its
// column name in "alliances analyze --format csv" ("brokerage_liaison"). The
// only nested metrics are the brokerage roles, the columns brokerage_<role>.
func metricColumn(key string) (analysis.ActorColumn, bool) {
	for _, c := range analysis.ActorColumns() {
		path := c.Name
		if role, ok := strings.CutPrefix(c.Name, "brokerage_"); ok {
			if key == role || key == c.Name {
				return c, true
			}
			path = "brokerage." + role
		}
		if key == path {
			return c, true
		}
	}
	return analysis.ActorColumn{}, false
}

// formatNum writes v with at most three significant decimals and no
// trailing zeros.
func formatNum(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	s := fmt.Sprintf("%.3f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}
