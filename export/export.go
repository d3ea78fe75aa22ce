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
	// Slice describes the slice of the store that d is (graph.Slice.Network);
	// nil for a whole store. JSON writes it as "slice", GEXF and GraphML in
	// their description.
	Slice *graph.SliceInfo
}

// description is the description of the document: what it holds and, for a
// slice, which.
func (o Options) description() string {
	const what = "Cooperation network: actors and projects (kind), links and participations"
	if o.Slice == nil {
		return what
	}
	return what + " — slice: " + o.Slice.Text
}

// ErrNoMetrics is returned when WithMetrics is set without Metrics.
var ErrNoMetrics = errors.New("export: WithMetrics needs the metrics of an analysis")

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
	directed           bool
	weight             string // "" for participations
	typ                string // link type
	values             map[string]string
}

// graphDoc is the bipartite graph that GEXF and GraphML write: columns are
// declared only when some node or edge has a value for them.
type graphDoc struct {
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
	// User attributes: one column per written name, ids in name order.
	attrCols := map[string]string{} // written name → column id
	written := map[string]string{}  // attribute name → written name
	nameOf := func(k string) string {
		n, ok := written[k]
		if !ok {
			n = attrName(k, res != nil)
			written[k] = n
		}
		return n
	}
	var attrNames []string
	addAttrs := func(m map[string]string) {
		for k := range m {
			n := nameOf(k)
			if _, ok := attrCols[n]; !ok {
				attrCols[n] = ""
				attrNames = append(attrNames, n)
			}
		}
	}
	for _, a := range d.Actors {
		addAttrs(a.Attrs)
	}
	for _, p := range d.Projects {
		addAttrs(p.Attrs)
	}
	sort.Strings(attrNames)
	var cols []column
	for i, n := range attrNames {
		id := "n.attr" + strconv.Itoa(i)
		attrCols[n] = id
		cols = append(cols, column{id, n, "string"})
	}
	used := map[string]bool{colKind: true}
	set := func(values map[string]string, col, v string) {
		if v != "" {
			values[col] = v
			used[col] = true
		}
	}
	setAttrs := func(values map[string]string, m map[string]string) {
		for k, v := range m {
			id := attrCols[nameOf(k)]
			values[id] = v
			used[id] = true
		}
	}
	doc := &graphDoc{}
	metrics := metricIndex(res)
	for _, a := range d.Actors {
		n := node{id: a.ID, label: a.Name, family: a.Family, values: map[string]string{colKind: "actor"}}
		set(n.values, colLabel, a.Name)
		set(n.values, colFamily, a.Family)
		set(n.values, colCountry, a.Country)
		set(n.values, colTerritory, a.Territory)
		set(n.values, colLevel, a.Level)
		setAttrs(n.values, a.Attrs)
		if m := metrics[a.ID]; m != nil {
			for _, c := range analysis.ActorColumns() {
				set(n.values, MetricIDPrefix+c.Name, c.Text(m))
			}
		}
		doc.nodes = append(doc.nodes, n)
	}
	for _, p := range d.Projects {
		n := node{id: ProjectNodePrefix + p.ID, label: p.Name, project: true, values: map[string]string{colKind: "project"}}
		set(n.values, colLabel, p.Name)
		set(n.values, colProgramme, p.Programme)
		if p.Phase != 0 {
			set(n.values, colPhase, strconv.Itoa(p.Phase))
		}
		set(n.values, colStart, p.Start)
		set(n.values, colEnd, p.End)
		set(n.values, colDimensions, strings.Join(p.Dimensions, ";"))
		set(n.values, colTargets, strings.Join(p.Targets, ";"))
		set(n.values, colTerritory, p.Territory)
		setAttrs(n.values, p.Attrs)
		doc.nodes = append(doc.nodes, n)
	}
	for _, c := range fixedNodeCols {
		if used[c.id] {
			doc.nodeCols = append(doc.nodeCols, c)
		}
	}
	doc.nodeCols = append(doc.nodeCols, cols...)
	if res != nil {
		for _, c := range analysis.ActorColumns() {
			id := MetricIDPrefix + c.Name
			if used[id] {
				typ := "double"
				if c.Integer {
					typ = "int"
				}
				doc.nodeCols = append(doc.nodeCols, column{id, c.Name, typ})
			}
		}
	}
	for i, l := range d.Links {
		e := edge{id: "e" + strconv.Itoa(i), source: l.Source, target: l.Target, directed: l.Directed,
			weight: formatFloat(weightOf(l)), typ: l.Type, values: map[string]string{colEdgeKind: "link"}}
		used[colEdgeKind] = true
		set(e.values, colEdgeType, l.Type)
		set(e.values, colWeight, e.weight)
		set(e.values, colEdgeStart, l.Start)
		set(e.values, colEdgeEnd, l.End)
		doc.edges = append(doc.edges, e)
	}
	for i, p := range d.Participations {
		e := edge{id: "e" + strconv.Itoa(len(d.Links)+i), source: p.Actor, target: ProjectNodePrefix + p.Project,
			values: map[string]string{colEdgeKind: "participation"}}
		used[colEdgeKind] = true
		set(e.values, colRole, p.Role)
		set(e.values, colEdgeStart, p.Start)
		set(e.values, colEdgeEnd, p.End)
		doc.edges = append(doc.edges, e)
	}
	for _, c := range fixedEdgeCols {
		if used[c.id] {
			doc.edgeCols = append(doc.edgeCols, c)
		}
	}
	return doc, nil
}

// weightOf is the weight of a link, 1 when it is not positive.
func weightOf(l graph.Link) float64 {
	if l.Weight > 0 && !math.IsInf(l.Weight, 0) {
		return l.Weight
	}
	return 1
}
