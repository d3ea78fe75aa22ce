package export

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// Options set what the writers add to the dataset.
type Options struct {
	// WithMetrics adds the per-actor metrics of Metrics (and, in JSON, the
	// whole Result) to the output.
	WithMetrics bool
	// Metrics is the analysis of the dataset; it is required with WithMetrics.
	Metrics *analysis.Result
	// GEXFVersion is the version of GEXF files: "1.2" (default, which every
	// version of Gephi and NetworkX reads) or "1.3" (GEXFVersions).
	GEXFVersion string
	// Slice describes the slice of the store that the data are
	// (graph.Slice.Network); nil for a whole store. JSON writes it as
	// "slice", GEXF and GraphML in their description.
	Slice *graph.SliceInfo
}

// describe returns what, the description of a document, followed by the
// slice it holds, if any.
func (o Options) describe(what string) string {
	if o.Slice == nil {
		return what
	}
	return what + " — slice: " + o.Slice.Text
}

// ErrNoMetrics is returned when WithMetrics is set without Metrics.
var ErrNoMetrics = errors.New("export: WithMetrics needs the metrics of an analysis")

// ErrVersion is wrapped by the error for a GEXF version that is not written.
var ErrVersion = errors.New("unsupported version")

// ProjectNodePrefix prefixes the node ids of projects in GEXF and GraphML.
const ProjectNodePrefix = "project:"

// AttrPrefix prefixes user attributes whose names would clash with a field.
const AttrPrefix = "attr:"

// MetricIDPrefix starts the ids of metric attributes in GEXF and GraphML.
const MetricIDPrefix = "metric."

// metrics returns the metrics to write, or nil.
func (o Options) metrics() (*analysis.Result, error) {
	if !o.WithMetrics {
		return nil, nil
	}
	if o.Metrics == nil {
		return nil, ErrNoMetrics
	}
	return o.Metrics, nil
}

// sorted returns a copy of d in the order of graph.Dataset.Sort, so that
// writers never reorder the caller's dataset. Keys are computed once (Sort
// builds them in every comparison), and equal keys keep their input order.
func sorted(d *graph.Dataset) *graph.Dataset {
	c := &graph.Dataset{
		Actors:         append([]graph.Actor{}, d.Actors...),
		Projects:       append([]graph.Project{}, d.Projects...),
		Links:          sortByKey(d.Links, graph.Link.Key),
		Participations: sortByKey(d.Participations, graph.Participation.Key),
	}
	slices.SortStableFunc(c.Actors, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(c.Projects, func(a, b graph.Project) int { return strings.Compare(a.ID, b.ID) })
	return c
}

// sortByKey returns a copy of xs sorted by key, stably.
func sortByKey[T any](xs []T, key func(T) string) []T {
	type keyed struct {
		key string
		i   int
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{key(x), i}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
	out := make([]T, len(xs))
	for j, k := range ks {
		out[j] = xs[k.i]
	}
	return out
}

// MetricColumns returns the names of the metric columns that --with-metrics
// adds, in order: analysis.ActorColumnNames.
func MetricColumns() []string { return analysis.ActorColumnNames() }

// formatFloat writes a number in its shortest exact form (0.5, 3, 1e-07).
func formatFloat(f float64) string { return analysis.Num(f).String() }

// metricIndex maps actor ids to their metrics.
func metricIndex(r *analysis.Result) map[string]*analysis.ActorMetrics {
	if r == nil {
		return nil
	}
	m := make(map[string]*analysis.ActorMetrics, len(r.Actors))
	for i := range r.Actors {
		m[r.Actors[i].ID] = &r.Actors[i]
	}
	return m
}

// reservedNames are the (normalized) attribute names that ingest reads as
// fields of a node of a GEXF or GraphML file; user attributes with these names
// are written with AttrPrefix. Keep in sync with ingest/graphml_mapping.go.
var reservedNames = func() map[string]bool {
	m := map[string]bool{"": true}
	for _, n := range []string{"id", "name", "nom", "label", "family", "famille", "country", "pays",
		"territory", "territoire", "level", "niveau", "kind", "programme", "program", "phase",
		"start", "debut", "end", "fin", "dimensions", "dimension", "targets", "target", "cibles", "cible"} {
		m[n] = true
	}
	return m
}()

// attrName returns the name under which a user attribute is written.
func attrName(name string, withMetrics bool) string {
	n := graph.Normalize(name)
	if reservedNames[n] || strings.HasPrefix(name, AttrPrefix) {
		return AttrPrefix + name
	}
	if withMetrics {
		for _, c := range analysis.ActorColumnNames() {
			if n == c || graph.Normalize(c) == n {
				return AttrPrefix + name
			}
		}
	}
	return name
}

// column is an attribute of the nodes or edges of a graph file.
type column struct {
	id, name string
	typ      string // "string", "int" or "double"
}

// node is a node of a graph file, with its values by column id.
type node struct {
	id, label string
	family    string // "" for projects
	project   bool
	values    map[string]string
}

// edge is an edge of a graph file.
type edge struct {
	id, source, target string
	weight             string // "" for participations
	typ                string // link type
	values             map[string]string
}

// graphDoc is a graph that GEXF and GraphML write, the two-mode data or the
// actor network: columns are declared only when some node or edge has a
// value for them.
type graphDoc struct {
	id, description string
	// eachEdge, when set, gives the edges one after another instead of
	// edges (the ties of a large network are not held as edges at once);
	// the edge it passes is reused.
	eachEdge           func(yield func(*edge) error) error
	nodeCols, edgeCols []column
	nodes              []node
	edges              []edge
}

// Fixed columns, by id.
const (
	colKind       = "n.kind"
	colLabel      = "n.label"
	colFamily     = "n.family"
	colCountry    = "n.country"
	colTerritory  = "n.territory"
	colLevel      = "n.level"
	colProgramme  = "n.programme"
	colPhase      = "n.phase"
	colStart      = "n.start"
	colEnd        = "n.end"
	colDimensions = "n.dimensions"
	colTargets    = "n.targets"
	colEdgeKind   = "e.kind"
	colEdgeType   = "e.type"
	colWeight     = "e.weight"
	colEdgeStart  = "e.start"
	colEdgeEnd    = "e.end"
	colRole       = "e.role"
	colDirected   = "e.directed"
)

var fixedNodeCols = []column{
	{colLabel, "label", "string"}, {colKind, "kind", "string"},
	{colFamily, "family", "string"}, {colCountry, "country", "string"},
	{colTerritory, "territory", "string"}, {colLevel, "level", "string"},
	{colProgramme, "programme", "string"}, {colPhase, "phase", "int"},
	{colStart, "start", "string"}, {colEnd, "end", "string"},
	{colDimensions, "dimensions", "string"}, {colTargets, "targets", "string"},
}

var fixedEdgeCols = []column{
	{colEdgeKind, "kind", "string"}, {colEdgeType, "type", "string"},
	{colWeight, "weight", "double"}, {colEdgeStart, "start", "string"},
	{colEdgeEnd, "end", "string"}, {colRole, "role", "string"},
	{colDirected, "directed", "boolean"},
}

// forEdges calls yield with every edge of doc.
func (doc *graphDoc) forEdges(yield func(*edge) error) error {
	if doc.eachEdge != nil {
		return doc.eachEdge(yield)
	}
	for i := range doc.edges {
		if err := yield(&doc.edges[i]); err != nil {
			return err
		}
	}
	return nil
}

// docBuilder fills the nodes and edges of a graphDoc, remembering which
// columns have values so that only those are declared.
type docBuilder struct {
	res     *analysis.Result
	metrics map[string]*analysis.ActorMetrics
	used    map[string]bool
	// User attributes: one column per written name, ids in name order.
	attrIDs   map[string]string // written name → column id
	written   map[string]string // attribute name → written name
	attrCols  []column
	fixedNode []column
}

// newDocBuilder prepares the columns of the user attributes found in attrs
// (called with each record's attributes).
func newDocBuilder(res *analysis.Result, attrs func(add func(map[string]string))) *docBuilder {
	b := &docBuilder{res: res, metrics: metricIndex(res), used: map[string]bool{},
		attrIDs: map[string]string{}, written: map[string]string{}}
	var names []string
	attrs(func(m map[string]string) {
		for k := range m {
			if n := b.nameOf(k); b.attrIDs[n] == "" {
				b.attrIDs[n] = "?"
				names = append(names, n)
			}
		}
	})
	sort.Strings(names)
	for i, n := range names {
		id := "n.attr" + strconv.Itoa(i)
		b.attrIDs[n] = id
		b.attrCols = append(b.attrCols, column{id, n, "string"})
	}
	return b
}

func (b *docBuilder) nameOf(k string) string {
	n, ok := b.written[k]
	if !ok {
		n = attrName(k, b.res != nil)
		b.written[k] = n
	}
	return n
}

// set sets a value, unless it is empty.
func (b *docBuilder) set(values map[string]string, col, v string) {
	if v != "" {
		values[col] = v
		b.used[col] = true
	}
}

func (b *docBuilder) setAttrs(values map[string]string, m map[string]string) {
	for k, v := range m {
		id := b.attrIDs[b.nameOf(k)]
		values[id] = v
		b.used[id] = true
	}
}

// actor returns the node of an actor with its fields, attributes and
// metrics; kind adds the column kind = actor.
func (b *docBuilder) actor(a graph.Actor, kind bool) node {
	n := node{id: a.ID, label: a.Name, family: a.Family, values: map[string]string{}}
	if kind {
		b.set(n.values, colKind, "actor")
	}
	b.set(n.values, colLabel, a.Name)
	b.set(n.values, colFamily, a.Family)
	b.set(n.values, colCountry, a.Country)
	b.set(n.values, colTerritory, a.Territory)
	b.set(n.values, colLevel, a.Level)
	b.setAttrs(n.values, a.Attrs)
	if m := b.metrics[a.ID]; m != nil {
		for _, c := range analysis.ActorColumns() {
			b.set(n.values, MetricIDPrefix+c.Name, c.Text(m))
		}
	}
	return n
}

// columns returns the columns of fixed that have values, then for nodes
// the attributes and the metrics.
func (b *docBuilder) columns(fixed []column, nodes bool) []column {
	var cols []column
	for _, c := range fixed {
		if b.used[c.id] {
			cols = append(cols, c)
		}
	}
	if !nodes {
		return cols
	}
	cols = append(cols, b.attrCols...)
	if b.res != nil {
		for _, c := range analysis.ActorColumns() {
			id := MetricIDPrefix + c.Name
			if b.used[id] {
				typ := "double"
				if c.Integer {
					typ = "int"
				}
				cols = append(cols, column{id, c.Name, typ})
			}
		}
	}
	return cols
}

// newGraphDoc builds the bipartite graph of d.
func newGraphDoc(d *graph.Dataset, opts Options) (*graphDoc, error) {
	res, err := opts.metrics()
	if err != nil {
		return nil, err
	}
	d = sorted(d)
	actorIDs := make(map[string]bool, len(d.Actors))
	for _, a := range d.Actors {
		actorIDs[a.ID] = true
	}
	for _, p := range d.Projects {
		if actorIDs[ProjectNodePrefix+p.ID] {
			return nil, fmt.Errorf("export: actor id %q is also the node id of project %q", ProjectNodePrefix+p.ID, p.ID)
		}
	}
	b := newDocBuilder(res, func(add func(map[string]string)) {
		for _, a := range d.Actors {
			add(a.Attrs)
		}
		for _, p := range d.Projects {
			add(p.Attrs)
		}
	})
	doc := &graphDoc{id: "alliances", description: "Cooperation data: actors and projects (kind), links and participations"}
	for _, a := range d.Actors {
		doc.nodes = append(doc.nodes, b.actor(a, true))
	}
	for _, p := range d.Projects {
		n := node{id: ProjectNodePrefix + p.ID, label: p.Name, project: true, values: map[string]string{}}
		b.set(n.values, colKind, "project")
		b.set(n.values, colLabel, p.Name)
		b.set(n.values, colProgramme, p.Programme)
		if p.Phase != 0 {
			b.set(n.values, colPhase, strconv.Itoa(p.Phase))
		}
		b.set(n.values, colStart, p.Start)
		b.set(n.values, colEnd, p.End)
		b.set(n.values, colDimensions, strings.Join(p.Dimensions, ";"))
		b.set(n.values, colTargets, strings.Join(p.Targets, ";"))
		b.set(n.values, colTerritory, p.Territory)
		b.setAttrs(n.values, p.Attrs)
		doc.nodes = append(doc.nodes, n)
	}
	doc.nodeCols = b.columns(fixedNodeCols, true)
	mixed := slices.ContainsFunc(d.Links, func(l graph.Link) bool { return l.Directed })
	for i, l := range d.Links {
		e := edge{id: "e" + strconv.Itoa(i), source: l.Source, target: l.Target,
			weight: formatFloat(weightOf(l)), typ: l.Type, values: map[string]string{}}
		b.set(e.values, colEdgeKind, "link")
		if mixed {
			b.set(e.values, colDirected, strconv.FormatBool(l.Directed))
		}
		b.set(e.values, colEdgeType, l.Type)
		b.set(e.values, colWeight, e.weight)
		b.set(e.values, colEdgeStart, l.Start)
		b.set(e.values, colEdgeEnd, l.End)
		doc.edges = append(doc.edges, e)
	}
	for i, p := range d.Participations {
		e := edge{id: "e" + strconv.Itoa(len(d.Links)+i), source: p.Actor, target: ProjectNodePrefix + p.Project,
			values: map[string]string{}}
		b.set(e.values, colEdgeKind, "participation")
		b.set(e.values, colRole, p.Role)
		b.set(e.values, colEdgeStart, p.Start)
		b.set(e.values, colEdgeEnd, p.End)
		doc.edges = append(doc.edges, e)
	}
	doc.edgeCols = b.columns(fixedEdgeCols, false)
	return doc, nil
}

// weightOf is the weight of a link, 1 when it is not positive.
func weightOf(l graph.Link) float64 {
	if l.Weight > 0 && !math.IsInf(l.Weight, 0) {
		return l.Weight
	}
	return 1
}
