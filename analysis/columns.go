package analysis

import (
	"slices"
	"strconv"
)

// ActorColumn is one per-actor metric as a named column: the flat form of
// ActorMetrics that CSV tables, graph-file attributes and store properties
// use.
type ActorColumn struct {
	// Name is the JSON key of the metric in ActorMetrics; the brokerage
	// roles are brokerage_coordinator, brokerage_itinerant,
	// brokerage_representative, brokerage_gatekeeper and brokerage_liaison.
	Name string
	// Integer reports whether the metric is a count or a label (degree,
	// core, brokerage roles, community), never undefined.
	Integer bool
	// Value returns the metric of m, Undefined when it is undefined.
	Value func(m *ActorMetrics) Num
}

// Text returns the value of the column for m in machine form: integers in
// decimal, other numbers in their shortest form that reads back exactly
// (0.5, 3, 1e-07), and "" when the value is undefined.
func (c ActorColumn) Text(m *ActorMetrics) string {
	v := c.Value(m)
	if c.Integer && v.Defined() {
		return strconv.FormatInt(int64(v), 10)
	}
	return v.String()
}

// ActorColumns returns every scalar per-actor metric of docs/metrics.md as a column,
// in the order of the fields of ActorMetrics after ID, Name and Family; this
// order is the column order of "alliances analyze --format csv".
func ActorColumns() []ActorColumn { return slices.Clone(actorColumns) }

// ActorColumnNames returns the names of ActorColumns, in order.
func ActorColumnNames() []string {
	out := make([]string, len(actorColumns))
	for i, c := range actorColumns {
		out[i] = c.Name
	}
	return out
}

func columnInt(n int) Num { return Num(float64(n)) }

var actorColumns = []ActorColumn{
	{"degree", true, func(m *ActorMetrics) Num { return columnInt(m.Degree) }},
	{"strength", false, func(m *ActorMetrics) Num { return m.Strength }},
	{"betweenness", false, func(m *ActorMetrics) Num { return m.Betweenness }},
	{"closeness", false, func(m *ActorMetrics) Num { return m.Closeness }},
	{"harmonic", false, func(m *ActorMetrics) Num { return m.Harmonic }},
	{"eigenvector", false, func(m *ActorMetrics) Num { return m.Eigenvector }},
	{"pagerank", false, func(m *ActorMetrics) Num { return m.PageRank }},
	{"core", true, func(m *ActorMetrics) Num { return columnInt(m.Core) }},
	{"clustering", false, func(m *ActorMetrics) Num { return m.Clustering }},
	{"constraint", false, func(m *ActorMetrics) Num { return m.Constraint }},
	{"effective_size", false, func(m *ActorMetrics) Num { return m.EffectiveSize }},
	{"ei_index", false, func(m *ActorMetrics) Num { return m.EIIndex }},
	{"partner_diversity", false, func(m *ActorMetrics) Num { return m.PartnerDiversity }},
	{"brokerage_coordinator", true, func(m *ActorMetrics) Num { return columnInt(m.Brokerage.Coordinator) }},
	{"brokerage_itinerant", true, func(m *ActorMetrics) Num { return columnInt(m.Brokerage.Itinerant) }},
	{"brokerage_representative", true, func(m *ActorMetrics) Num { return columnInt(m.Brokerage.Representative) }},
	{"brokerage_gatekeeper", true, func(m *ActorMetrics) Num { return columnInt(m.Brokerage.Gatekeeper) }},
	{"brokerage_liaison", true, func(m *ActorMetrics) Num { return columnInt(m.Brokerage.Liaison) }},
	{"community", true, func(m *ActorMetrics) Num { return columnInt(m.Community) }},
}
