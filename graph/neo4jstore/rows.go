package neo4jstore

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/alliances/alliances/graph"
)

// Property names of the schema (see the package documentation).
const (
	attrPrefix      = "attr_"
	attrNamesProp   = "attribute_names"
	metricKeysProp  = "metric_keys"
	placeholderProp = "_placeholder"
	putProp         = "_put" // the token of the PutBatches that last wrote the record
	originFileProp  = "origin_file"
	originLineProp  = "origin_line"
)

// reservedActorProps are the properties of an :Actor node that are not
// metrics; PutMetrics refuses metric names among them or starting with
// attrPrefix or "_".
var reservedActorProps = map[string]bool{
	"id": true, "name": true, "family": true, "country": true, "territory": true,
	"level": true, attrNamesProp: true, metricKeysProp: true,
	originFileProp: true, originLineProp: true,
}

// optString is s, or nil (which removes the property) when s is empty.
func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// optInt is n, or nil when n is zero.
func optInt(n int) any {
	if n == 0 {
		return nil
	}
	return int64(n)
}

// optList is xs as a list property, or nil when it is empty.
func optList(xs []string) any {
	if len(xs) == 0 {
		return nil
	}
	return append([]string{}, xs...)
}

// setAttrs adds the attributes to props as attr_<name> properties with their
// sorted names in attribute_names, and removes (sets to nil) the stored
// attributes listed in old that attrs no longer has.
func setAttrs(props map[string]any, attrs map[string]string, old []string) {
	for _, k := range old {
		if _, ok := attrs[k]; !ok {
			props[attrPrefix+k] = nil
		}
	}
	names := make([]string, 0, len(attrs))
	for k, v := range attrs {
		props[attrPrefix+k] = v
		names = append(names, k)
	}
	sort.Strings(names)
	props[attrNamesProp] = optList(names)
}

func setOrigin(props map[string]any, o graph.Provenance) {
	props[originFileProp] = optString(o.File)
	props[originLineProp] = optInt(o.Line)
}

// actorProps returns the properties of the :Actor node of a, for
// SET a += props: absent fields and the attributes listed in oldAttrs that a
// no longer has are nil, so that the node is replaced by a while its metric
// properties are kept. marker is added as is (nil outside tests).
func actorProps(a graph.Actor, oldAttrs []string, marker map[string]any) map[string]any {
	p := map[string]any{
		"id":            a.ID,
		"name":          optString(a.Name),
		"family":        optString(a.Family),
		"country":       optString(a.Country),
		"territory":     optString(a.Territory),
		"level":         optString(a.Level),
		placeholderProp: nil,
	}
	setAttrs(p, a.Attrs, oldAttrs)
	setOrigin(p, a.Origin)
	for k, v := range marker {
		p[k] = v
	}
	return p
}

// projectProps is actorProps for a project.
func projectProps(pr graph.Project, oldAttrs []string, marker map[string]any) map[string]any {
	p := map[string]any{
		"id":            pr.ID,
		"name":          optString(pr.Name),
		"programme":     optString(pr.Programme),
		"phase":         optInt(pr.Phase),
		"start":         optString(pr.Start),
		"end":           optString(pr.End),
		"dimensions":    optList(pr.Dimensions),
		"targets":       optList(pr.Targets),
		"territory":     optString(pr.Territory),
		placeholderProp: nil,
	}
	setAttrs(p, pr.Attrs, oldAttrs)
	setOrigin(p, pr.Origin)
	for k, v := range marker {
		p[k] = v
	}
	return p
}

// placeholderProps are the properties of a node created for an actor or
// project that a link or participation names but that is not stored.
func placeholderProps(marker map[string]any) map[string]any {
	p := map[string]any{placeholderProp: true}
	for k, v := range marker {
		p[k] = v
	}
	return p
}

// linkKey is the key property of a link's relationship: the JSON array
// [source, target, type, "u"|"d"], endpoints sorted for undirected links, so
// that it identifies the link as graph.Link.Key does.
func linkKey(l graph.Link) string {
	s, t := l.Source, l.Target
	if !l.Directed && t < s {
		s, t = t, s
	}
	dir := "u"
	if l.Directed {
		dir = "d"
	}
	b, _ := json.Marshal([]string{s, t, l.Type, dir}) // strings always marshal
	return string(b)
}

// linkRow is the row of the link_upsert statement for l.
func linkRow(l graph.Link, marker map[string]any) map[string]any {
	props := map[string]any{
		"key":      linkKey(l),
		"type":     optString(l.Type),
		"weight":   l.Weight,
		"directed": l.Directed,
		"start":    optString(l.Start),
		"end":      optString(l.End),
	}
	setOrigin(props, l.Origin)
	for k, v := range props {
		if v == nil {
			delete(props, k) // SET r = props: nil values are simply left out
		}
	}
	return map[string]any{
		"source":      l.Source,
		"target":      l.Target,
		"key":         props["key"],
		"props":       props,
		"placeholder": placeholderProps(marker),
	}
}

// participationRow is the row of the participation_upsert statement for p.
func participationRow(p graph.Participation, marker map[string]any) map[string]any {
	props := map[string]any{
		"role":  optString(p.Role),
		"start": optString(p.Start),
		"end":   optString(p.End),
	}
	setOrigin(props, p.Origin)
	for k, v := range props {
		if v == nil {
			delete(props, k)
		}
	}
	return map[string]any{
		"actor":       p.Actor,
		"project":     p.Project,
		"props":       props,
		"placeholder": placeholderProps(marker),
	}
}

// checkMetricName reports whether name can be stored as a metric property.
func checkMetricName(name string) error {
	if name == "" || reservedActorProps[name] || strings.HasPrefix(name, attrPrefix) || strings.HasPrefix(name, "_") {
		return fmt.Errorf("neo4jstore: metric name %q is reserved for actor fields", name)
	}
	return nil
}

// metricsValues returns the properties that replace the metrics of an actor
// whose stored metric names are old: the new values, metric_keys, and nil for
// the old metrics that m no longer has. Undefined values (NaN, ±Inf) are left
// out, as graph.ActorMetrics says.
func metricsValues(m graph.ActorMetrics, old []string) (map[string]any, error) {
	p := make(map[string]any, len(m.Values)+len(old)+1)
	for _, k := range old {
		if checkMetricName(k) == nil {
			p[k] = nil
		}
	}
	keys := make([]string, 0, len(m.Values))
	for k, v := range m.Values {
		if err := checkMetricName(k); err != nil {
			return nil, err
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		p[k] = v
		keys = append(keys, k)
	}
	sort.Strings(keys)
	p[metricKeysProp] = keys
	return p, nil
}

// props reads typed properties of one record and remembers the first error.
type props struct {
	what string // e.g. `actor "a1"`, for errors
	m    map[string]any
	err  error
}

func (r *props) fail(key string, v any, want string) {
	if r.err == nil {
		r.err = fmt.Errorf("neo4jstore: %s: property %s is %T, want %s", r.what, key, v, want)
	}
}

func (r *props) str(key string) string {
	v, ok := r.m[key]
	if !ok || v == nil {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		r.fail(key, v, "a string")
	}
	return s
}

func (r *props) integer(key string) int {
	switch v := r.m[key].(type) {
	case nil:
		return 0
	case int64:
		return int(v)
	case float64:
		if v == math.Trunc(v) {
			return int(v)
		}
	}
	r.fail(key, r.m[key], "an integer")
	return 0
}

func (r *props) float(key string) float64 {
	switch v := r.m[key].(type) {
	case nil:
		return 0
	case float64:
		return v
	case int64:
		return float64(v)
	}
	r.fail(key, r.m[key], "a number")
	return 0
}

func (r *props) boolean(key string) bool {
	switch v := r.m[key].(type) {
	case nil:
		return false
	case bool:
		return v
	}
	r.fail(key, r.m[key], "a boolean")
	return false
}

func (r *props) strings(key string) []string {
	var out []string
	switch v := r.m[key].(type) {
	case nil:
		return nil
	case []string:
		out = append(out, v...)
	case []any:
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				r.fail(key, x, "a list of strings")
				return nil
			}
			out = append(out, s)
		}
	default:
		r.fail(key, v, "a list of strings")
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (r *props) attrs() map[string]string {
	names := r.strings(attrNamesProp)
	if len(names) == 0 {
		return nil
	}
	out := make(map[string]string, len(names))
	for _, k := range names {
		out[k] = r.str(attrPrefix + k)
	}
	return out
}

func (r *props) origin() graph.Provenance {
	return graph.Provenance{File: r.str(originFileProp), Line: r.integer(originLineProp)}
}

// actorFromProps is the inverse of actorProps.
func actorFromProps(m map[string]any) (graph.Actor, error) {
	r := &props{what: "actor", m: m}
	a := graph.Actor{ID: r.str("id")}
	r.what = fmt.Sprintf("actor %q", a.ID)
	a.Name = r.str("name")
	a.Family = r.str("family")
	a.Country = r.str("country")
	a.Territory = r.str("territory")
	a.Level = r.str("level")
	a.Attrs = r.attrs()
	a.Origin = r.origin()
	return a, r.err
}

// projectFromProps is the inverse of projectProps.
func projectFromProps(m map[string]any) (graph.Project, error) {
	r := &props{what: "project", m: m}
	p := graph.Project{ID: r.str("id")}
	r.what = fmt.Sprintf("project %q", p.ID)
	p.Name = r.str("name")
	p.Programme = r.str("programme")
	p.Phase = r.integer("phase")
	p.Start = r.str("start")
	p.End = r.str("end")
	p.Dimensions = r.strings("dimensions")
	p.Targets = r.strings("targets")
	p.Territory = r.str("territory")
	p.Attrs = r.attrs()
	p.Origin = r.origin()
	return p, r.err
}

// linkFromProps is the inverse of linkRow: source and target are the ids of the
// relationship's start and end nodes.
func linkFromProps(source, target string, m map[string]any) (graph.Link, error) {
	r := &props{what: fmt.Sprintf("link %q -> %q", source, target), m: m}
	l := graph.Link{
		Source:   source,
		Target:   target,
		Type:     r.str("type"),
		Weight:   r.float("weight"),
		Directed: r.boolean("directed"),
		Start:    r.str("start"),
		End:      r.str("end"),
		Origin:   r.origin(),
	}
	return l, r.err
}

// participationFromProps is the inverse of participationRow.
func participationFromProps(actor, project string, m map[string]any) (graph.Participation, error) {
	r := &props{what: fmt.Sprintf("participation %q in %q", actor, project), m: m}
	p := graph.Participation{
		Actor:   actor,
		Project: project,
		Role:    r.str("role"),
		Start:   r.str("start"),
		End:     r.str("end"),
		Origin:  r.origin(),
	}
	return p, r.err
}

// metricsFromProps is the inverse of metricsValues: the metrics listed in
// metric_keys of an actor node's properties.
func metricsFromProps(id string, m map[string]any) (graph.ActorMetrics, error) {
	r := &props{what: fmt.Sprintf("metrics of actor %q", id), m: m}
	keys := r.strings(metricKeysProp)
	out := graph.ActorMetrics{ID: id, Values: make(map[string]float64, len(keys))}
	for _, k := range keys {
		if _, ok := m[k]; ok {
			out.Values[k] = r.float(k)
		}
	}
	return out, r.err
}
