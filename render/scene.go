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
	// omitted counts, by family, the actors of the view left out of an
	// overview (see overview); omittedTies the ties left out.
	omitted     map[string]int
	omittedTies int
	viewActors  int // actors of the view before an overview
	// community is the fill colour of each actor, by id, when colouring
	// by community; communities lists them for the legend.
	key              []keyRow
	flaggedCount     int
	community        map[string]string
	communities      []communityKey
	otherCommunities bool
}

type sceneActor struct {
	node    string
	a       graph.Actor
	value   float64 // NaN when undefined
	label   bool
	centre  bool
	entered bool
	number  int // of a flagged actor, in the key of the isolated view
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

	filterActors(net, idx, opts, in1, centre)

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
	if opts.ColourBy == "community" {
		if err := s.colourByCommunity(in); err != nil {
			return nil, err
		}
	}
	s.chooseLabels()
	s.viewActors = len(s.actors)
	if s.large(net) {
		s.overview(in.Isolated)
	}
	if opts.View == ViewIsolated {
		sugg := make(map[string][]string)
		names := make(map[string]string, len(net.Actors))
		for _, a := range net.Actors {
			names[a.ID] = a.Label()
		}
		for _, ia := range in.Isolated.Actors {
			for _, sg := range ia.Suggestions {
				sugg[ia.ID] = append(sugg[ia.ID], sg.ID)
			}
		}
		s.numberFlagged(sugg, names)
	}
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
		if s.omitted != nil {
			s.layoutN = len(s.actors) // an overview is drawn at its own scale
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
			if s.omitted != nil && (in1[idx[t.A]] && in1[idx[t.B]]) {
				s.omittedTies++
			}
			continue
		}
		s.edges = append(s.edges, sceneEdge{kind: edgeTie, a: actorNode(i), b: actorNode(j), weight: t.Weight, tooltip: tieTooltip(net.Actors[i], net.Actors[j], t)})
		s.ties++
		s.wmin, s.wmax = math.Min(s.wmin, t.Weight), math.Max(s.wmax, t.Weight)
	}

	if s.omitted != nil {
		s.backbone()
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
			// Only between actors of the view: an overview or a filter
			// leaves some out.
			for _, ia := range in.Isolated.Actors {
				i, ok := pos[ia.ID]
				if !ok {
					continue
				}
				for _, sg := range ia.Suggestions {
					j, ok := pos[sg.ID]
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

// Sizes above which a view is drawn as an overview (see overview): a map of
// more actors or ties is not readable, takes minutes to draw and gives
// files that viewers refuse (H2020: 36k actors, 800k ties).
const (
	// LargeActors is the number of actors above which a view is an
	// overview.
	LargeActors = 10000
	// LargeTies is the number of ties above which a view is an overview.
	LargeTies = 60000
	// OverviewActors is the number of actors that an overview draws.
	OverviewActors = 300
	// OverviewTies is the number of strongest ties of each actor that an
	// overview draws.
	OverviewTies = 3
)

// large reports whether the view is too large to be drawn whole.
func (s *scene) large(net *graph.Network) bool {
	if len(s.actors) > LargeActors || (s.opts.OverviewAbove > 0 && len(s.actors) > s.opts.OverviewAbove) ||
		(s.opts.View == ViewEgo && len(s.actors) > 2*OverviewActors) {
		return true
	}
	if len(s.actors) <= OverviewActors {
		return false
	}
	in := make(map[string]bool, len(s.actors))
	for _, sa := range s.actors {
		in[sa.a.ID] = true
	}
	ties := 0
	for _, t := range net.Ties {
		if in[t.A] && in[t.B] {
			ties++
		}
	}
	return ties > LargeTies
}

// overview keeps the OverviewActors first actors of the view in labelling
// order (flagged actors first in the isolated view, then by the size
// metric), with the suggested partners of the flagged actors kept, and
// counts the others by family for the legend. They are drawn at their
// positions in the whole layout.
func (s *scene) overview(iso *analysis.IsolatedResult) {
	keep := make([]bool, len(s.actors))
	n := 0
	byID := make(map[string]int, len(s.actors))
	for i, sa := range s.actors {
		byID[sa.a.ID] = i
	}
	flags := make(map[string][]string)
	if iso != nil && s.opts.View == ViewIsolated && s.opts.Suggestions {
		for _, ia := range iso.Actors {
			for _, sg := range ia.Suggestions {
				flags[ia.ID] = append(flags[ia.ID], sg.ID)
			}
		}
	}
	for _, i := range s.rank {
		if n >= OverviewActors {
			break
		}
		if !keep[i] {
			keep[i] = true
			n++
		}
		for _, id := range flags[s.actors[i].a.ID] {
			if j, ok := byID[id]; ok && !keep[j] {
				keep[j] = true
				n++
			}
		}
	}
	s.omitted = make(map[string]int)
	kept := s.actors[:0]
	for i, sa := range s.actors {
		if keep[i] {
			kept = append(kept, sa)
		} else {
			s.omitted[sa.a.Family]++
		}
	}
	s.actors = kept
	s.vmin, s.vmax = math.Inf(1), math.Inf(-1)
	for _, sa := range s.actors {
		if v := sa.value; !math.IsNaN(v) {
			s.vmin, s.vmax = math.Min(s.vmin, v), math.Max(s.vmax, v)
		}
	}
	for i := range s.actors {
		s.actors[i].label = false
	}
	s.chooseLabels()
}

// backbone keeps, of the ties among the actors of an overview, the
// OverviewTies strongest of each actor (ties of equal weight in the order
// of the other actor): the hubs of a large network are nearly all tied to
// each other, and all their ties would hide the map.
func (s *scene) backbone() {
	inc := make(map[string][]int)
	for i, e := range s.edges {
		if e.kind == edgeTie {
			inc[e.a] = append(inc[e.a], i)
			inc[e.b] = append(inc[e.b], i)
		}
	}
	keep := make([]bool, len(s.edges))
	centre := s.centreNode()
	for i, e := range s.edges {
		keep[i] = centre != "" && (e.a == centre || e.b == centre) // an ego view keeps its centre's ties
	}
	for node, es := range inc {
		other := func(i int) string {
			if s.edges[i].a == node {
				return s.edges[i].b
			}
			return s.edges[i].a
		}
		sort.Slice(es, func(x, y int) bool {
			a, b := s.edges[es[x]], s.edges[es[y]]
			if a.weight != b.weight {
				return a.weight > b.weight
			}
			return other(es[x]) < other(es[y])
		})
		for _, i := range es[:min(len(es), OverviewTies)] {
			keep[i] = true
		}
	}
	kept := s.edges[:0]
	s.ties = 0
	s.wmin, s.wmax = math.Inf(1), math.Inf(-1)
	for i, e := range s.edges {
		if e.kind == edgeTie && !keep[i] {
			s.omittedTies++
			continue
		}
		kept = append(kept, e)
		if e.kind == edgeTie {
			s.ties++
			s.wmin, s.wmax = math.Min(s.wmin, e.weight), math.Max(s.wmax, e.weight)
		}
	}
	s.edges = kept
}

// filterActors applies Options.MinDegree and Options.Component to the
// actors in the view, both computed on the whole network; the centre of an
// ego view (centre ≥ 0) stays.
func filterActors(net *graph.Network, idx map[string]int, opts Options, in []bool, centre int) {
	if opts.MinDegree <= 0 && opts.Component != "main" {
		return
	}
	adj := make([][]int, len(net.Actors))
	for _, t := range net.Ties {
		a, okA := idx[t.A]
		b, okB := idx[t.B]
		if okA && okB && a != b {
			adj[a] = append(adj[a], b)
			adj[b] = append(adj[b], a)
		}
	}
	keep := make([]bool, len(net.Actors))
	for i := range keep {
		keep[i] = len(adj[i]) >= opts.MinDegree
	}
	if opts.Component == "main" {
		comp := make([]int, len(net.Actors))
		for i := range comp {
			comp[i] = -1
		}
		best, bestSize := -1, 0
		for s := range net.Actors {
			if comp[s] >= 0 {
				continue
			}
			comp[s] = s
			size, stack := 0, []int{s}
			for len(stack) > 0 {
				u := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				size++
				for _, v := range adj[u] {
					if comp[v] < 0 {
						comp[v] = s
						stack = append(stack, v)
					}
				}
			}
			if size > bestSize {
				best, bestSize = s, size
			}
		}
		for i := range keep {
			keep[i] = keep[i] && comp[i] == best
		}
	}
	for i := range in {
		if i != centre {
			in[i] = in[i] && keep[i]
		}
	}
}

// ColouredCommunities is how many communities, the largest
// (analysis.RankCommunities), a map coloured by community gives a colour of
// their own; the others are grey.
const ColouredCommunities = 10

// communityColours are the colours of the ColouredCommunities largest
// communities: the Okabe–Ito colours, then Paul Tol's muted ones.
var communityColours = [ColouredCommunities]string{"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#882255", "#44AA99", "#332288"}

// colourByCommunity fills s.community: the colour of every actor of the
// view by its community in in.Metrics, the ten largest communities of the
// network in communityColours (largest first, ties by community number)
// and the others grey.
func (s *scene) colourByCommunity(in Input) error {
	if in.Metrics == nil {
		return fmt.Errorf("%w: colouring by community needs computed metrics", ErrMissingInput)
	}
	comm := make(map[string]int, len(in.Metrics.Actors))
	for _, m := range in.Metrics.Actors {
		comm[m.ID] = m.Community
	}
	ranked := analysis.RankCommunities(in.Metrics.Actors)
	colour := make(map[int]string)
	for i, c := range ranked[:min(len(ranked), len(communityColours))] {
		colour[c.Community] = communityColours[i]
	}
	s.community = make(map[string]string, len(s.actors))
	seen := make(map[int]bool)
	for _, sa := range s.actors {
		c, ok := comm[sa.a.ID]
		col := colour[c]
		if !ok || col == "" {
			col = palette.Unknown
			c = -1
		}
		s.community[sa.a.ID] = col
		seen[c] = true
	}
	for i, c := range ranked[:min(len(ranked), len(communityColours))] {
		if seen[c.Community] {
			s.communities = append(s.communities, communityKey{colour[c.Community], i + 1, c.Actors})
		}
	}
	s.otherCommunities = seen[-1]
	return nil
}

// communityKey is a community in the legend: its colour, its rank by size
// and its number of actors.
type communityKey struct {
	colour     string
	rank, size int
}

// fill returns the fill colour of an actor.
func (s *scene) fill(sa sceneActor) string {
	switch {
	case sa.ghost:
		return ghostColor
	case sa.grey:
		return greyColor
	case s.community != nil:
		return s.community[sa.a.ID]
	}
	return s.pal.Color(sa.a.Family)
}
