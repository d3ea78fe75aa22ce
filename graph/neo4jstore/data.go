package neo4jstore

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Put upserts d in one write transaction: either every record is stored or,
// on any error or cancellation, the database is left as it was. Records
// replace stored records with the same key; the metric properties of actors
// are kept.
func (s *Store) Put(ctx context.Context, d *graph.Dataset) error {
	if err := validate(d); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("neo4jstore: put: %w", err)
	}
	// No batch may name the same record twice.
	u := dedupe(d)
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return s.upsert(ctx, tx, u, "")
	})
}

// PutBatches puts every part of b in one write transaction, as Put does,
// sending each part as it comes: the driver holds one part at a time, and
// the server holds the transaction. When the driver retries the transaction,
// b is read again from its first part. Changed is always true: the store
// does not compare the parts with what it holds.
//
// Every record it writes gets the property _put, a token drawn for this
// call; the stored records with another token (or none) are those that b
// does not hold, which it counts and, with graph.Replace, deletes (an absent
// actor or project that a link or participation of b still names becomes a
// placeholder, as if it had never been put).
func (s *Store) PutBatches(ctx context.Context, b graph.Batches, mode graph.PutMode) (graph.PutResult, error) {
	if err := ctx.Err(); err != nil {
		return graph.PutResult{}, fmt.Errorf("neo4jstore: put: %w", err)
	}
	token := rand.Text()
	var absent graph.Counts
	err := s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		var order graph.BatchOrder
		var failed error // the error of the last part, as opposed to one of b itself
		err := b(func(part *graph.Dataset) error {
			if err := order.Check(part); err != nil {
				failed = workError{fmt.Errorf("neo4jstore: put: %w", err)}
			} else if err := validate(part); err != nil {
				failed = workError{err}
			} else if err := ctx.Err(); err != nil {
				failed = err
			} else {
				failed = s.upsert(ctx, tx, part, token)
			}
			return failed
		})
		if err != nil && failed == nil {
			// An error of b (reading the input) is returned as b gave it.
			return workError{err}
		}
		if err != nil {
			return err
		}
		absent, err = s.absent(ctx, tx, token, mode)
		return err
	})
	if err != nil {
		return graph.PutResult{}, err
	}
	return graph.PutResult{Changed: true, Absent: absent}, nil
}

// absent counts the records that the put of token did not write, and with
// graph.Replace deletes them.
func (s *Store) absent(ctx context.Context, tx neo4j.ManagedTransaction, token string, mode graph.PutMode) (graph.Counts, error) {
	params := map[string]any{"token": token}
	if mode != graph.Replace {
		var c graph.Counts
		err := s.stream(ctx, tx, stCountAbsent, params, func(rec *neo4j.Record) error {
			c = graph.Counts{Actors: intValue(rec, "actors"), Projects: intValue(rec, "projects"),
				Links: intValue(rec, "links"), Participations: intValue(rec, "participations")}
			return nil
		})
		return c, err
	}
	// Ties first: an absent node that no tie of the put names is then free
	// of ties, and deleted.
	var c graph.Counts
	count := func(n *int) func(rec *neo4j.Record) error {
		return func(rec *neo4j.Record) error { *n = intValue(rec, "deleted"); return nil }
	}
	nodes := map[string]any{"token": token, "placeholder": placeholderProps(s.marker)}
	if err := s.stream(ctx, tx, stDeleteAbsentLinks, params, count(&c.Links)); err != nil {
		return c, err
	}
	if err := s.stream(ctx, tx, stDeleteAbsentParticipations, params, count(&c.Participations)); err != nil {
		return c, err
	}
	if err := s.stream(ctx, tx, stDeleteAbsentActors, nodes, count(&c.Actors)); err != nil {
		return c, err
	}
	return c, s.stream(ctx, tx, stDeleteAbsentProjects, nodes, count(&c.Projects))
}

func intValue(rec *neo4j.Record, key string) int {
	v, _ := rec.Get(key)
	n, _ := v.(int64)
	return int(n)
}

// upsert writes the records of u, which names no record twice, in batches of
// BatchSize rows, with the property _put set to token unless it is empty.
func (s *Store) upsert(ctx context.Context, tx neo4j.ManagedTransaction, u *graph.Dataset, token string) error {
	mark := func(props map[string]any) {
		if token != "" {
			props[putProp] = token
		}
	}
	if err := batches(u.Actors, func(b []graph.Actor) error {
		ids := make([]string, len(b))
		for i, a := range b {
			ids[i] = a.ID
		}
		old, err := s.attrNames(ctx, tx, stActorAttrKeys, ids)
		if err != nil {
			return err
		}
		rows := make([]map[string]any, len(b))
		for i, a := range b {
			rows[i] = map[string]any{"id": a.ID, "props": actorProps(a, old[a.ID], s.marker)}
			mark(rows[i]["props"].(map[string]any))
		}
		return s.exec(ctx, tx, stActorUpsert, map[string]any{"rows": rows})
	}); err != nil {
		return err
	}
	if err := batches(u.Projects, func(b []graph.Project) error {
		ids := make([]string, len(b))
		for i, p := range b {
			ids[i] = p.ID
		}
		old, err := s.attrNames(ctx, tx, stProjectAttrKeys, ids)
		if err != nil {
			return err
		}
		rows := make([]map[string]any, len(b))
		for i, p := range b {
			rows[i] = map[string]any{"id": p.ID, "props": projectProps(p, old[p.ID], s.marker)}
			mark(rows[i]["props"].(map[string]any))
		}
		return s.exec(ctx, tx, stProjectUpsert, map[string]any{"rows": rows})
	}); err != nil {
		return err
	}
	if err := batches(u.Links, func(b []graph.Link) error {
		rows := make([]map[string]any, len(b))
		for i, l := range b {
			rows[i] = linkRow(l, s.marker)
			mark(rows[i]["props"].(map[string]any))
		}
		return s.exec(ctx, tx, stLinkUpsert, map[string]any{"rows": rows})
	}); err != nil {
		return err
	}
	return batches(u.Participations, func(b []graph.Participation) error {
		rows := make([]map[string]any, len(b))
		for i, p := range b {
			rows[i] = participationRow(p, s.marker)
			mark(rows[i]["props"].(map[string]any))
		}
		return s.exec(ctx, tx, stParticipationUpsert, map[string]any{"rows": rows})
	})
}

// ErrUnknownActor is wrapped by the error of PutMetrics for metrics naming an
// actor that is not stored; nothing is written then.
var ErrUnknownActor = errors.New("unknown actor")

// dedupe returns the records of d with one record per key, the last one put
// winning as in Dataset.Merge, in the order of their first occurrence. d is
// not modified.
func dedupe(d *graph.Dataset) *graph.Dataset {
	return &graph.Dataset{
		Actors:         lastByKey(d.Actors, func(a graph.Actor) string { return a.ID }),
		Projects:       lastByKey(d.Projects, func(p graph.Project) string { return p.ID }),
		Links:          lastByKey(d.Links, graph.Link.Key),
		Participations: lastByKey(d.Participations, graph.Participation.Key),
	}
}

func lastByKey[T any](xs []T, key func(T) string) []T {
	at := make(map[string]int, len(xs))
	out := make([]T, 0, len(xs))
	for _, x := range xs {
		k := key(x)
		if i, ok := at[k]; ok {
			out[i] = x
			continue
		}
		at[k] = len(out)
		out = append(out, x)
	}
	return out
}

// ErrInvalidRecord is wrapped by the error of Put for a record whose key is
// incomplete; nothing is written then.
var ErrInvalidRecord = errors.New("invalid record")

// validate checks that every record of d has its key fields, and reports up
// to ten offending records at once.
func validate(d *graph.Dataset) error {
	var errs []error
	add := func(format string, args ...any) {
		if len(errs) < 10 {
			errs = append(errs, fmt.Errorf("neo4jstore: %w: "+format, append([]any{ErrInvalidRecord}, args...)...))
		}
	}
	for i, a := range d.Actors {
		if a.ID == "" {
			add("actor %d (%q) has no id", i+1, a.Name)
		}
	}
	for i, p := range d.Projects {
		if p.ID == "" {
			add("project %d (%q) has no id", i+1, p.Name)
		}
	}
	for i, l := range d.Links {
		if l.Source == "" || l.Target == "" {
			add("link %d (%q -> %q) lacks an endpoint", i+1, l.Source, l.Target)
		}
	}
	for i, p := range d.Participations {
		if p.Actor == "" || p.Project == "" {
			add("participation %d (%q in %q) lacks its actor or project", i+1, p.Actor, p.Project)
		}
	}
	return errors.Join(errs...)
}

// attrNames runs the attr-keys statement name for ids and returns, for each
// stored id, the names of its stored attributes.
func (s *Store) attrNames(ctx context.Context, tx neo4j.ManagedTransaction, name string, ids []string) (map[string][]string, error) {
	return s.stringLists(ctx, tx, name, ids, attrNamesProp)
}

// stringLists runs the statement name, which returns the columns id and
// column for the given ids, and returns the column's lists of strings by id.
func (s *Store) stringLists(ctx context.Context, tx neo4j.ManagedTransaction, name string, ids []string, column string) (map[string][]string, error) {
	res, err := s.run(ctx, tx, name, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	out := make(map[string][]string, len(ids))
	for res.Next(ctx) {
		rec := res.Record()
		id, _ := rec.Get("id")
		v, _ := rec.Get(column)
		idStr, ok := id.(string)
		if !ok {
			return nil, workError{fmt.Errorf("neo4jstore: node id %v is %T, want a string", id, id)}
		}
		r := &props{what: fmt.Sprintf("node %q", idStr), m: map[string]any{column: v}}
		out[idStr] = r.strings(column)
		if r.err != nil {
			return nil, workError{r.err}
		}
	}
	return out, res.Err()
}

// Load returns every stored record, sorted as by Dataset.Sort. Records are
// streamed from the server straight into the dataset.
func (s *Store) Load(ctx context.Context) (*graph.Dataset, error) { return s.load(ctx, true) }

// LoadNodes returns the stored actors and projects, sorted, with no links
// and no participations.
func (s *Store) LoadNodes(ctx context.Context) (*graph.Dataset, error) { return s.load(ctx, false) }

func (s *Store) load(ctx context.Context, ties bool) (*graph.Dataset, error) {
	var d graph.Dataset
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		// A retried transaction starts again from an empty dataset.
		d = graph.Dataset{
			Actors:         []graph.Actor{},
			Links:          []graph.Link{},
			Projects:       []graph.Project{},
			Participations: []graph.Participation{},
		}
		if err := s.stream(ctx, tx, stLoadActors, nil, func(rec *neo4j.Record) error {
			a, err := actorFromProps(mapValue(rec, "props"))
			d.Actors = append(d.Actors, a)
			return err
		}); err != nil {
			return err
		}
		if err := s.stream(ctx, tx, stLoadProjects, nil, func(rec *neo4j.Record) error {
			p, err := projectFromProps(mapValue(rec, "props"))
			d.Projects = append(d.Projects, p)
			return err
		}); err != nil {
			return err
		}
		if !ties {
			return nil
		}
		if err := s.stream(ctx, tx, stLoadLinks, nil, func(rec *neo4j.Record) error {
			l, err := linkFromProps(stringValue(rec, "source"), stringValue(rec, "target"), mapValue(rec, "props"))
			d.Links = append(d.Links, l)
			return err
		}); err != nil {
			return err
		}
		return s.stream(ctx, tx, stLoadParticipations, nil, func(rec *neo4j.Record) error {
			p, err := participationFromProps(stringValue(rec, "actor"), stringValue(rec, "project"), mapValue(rec, "props"))
			d.Participations = append(d.Participations, p)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	d.Sort()
	return &d, nil
}

// stream runs the statement name and calls f with each record as it
// arrives.
func (s *Store) stream(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any, f func(*neo4j.Record) error) error {
	res, err := s.run(ctx, tx, name, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		if err := f(res.Record()); err != nil {
			return workError{err}
		}
	}
	return res.Err()
}

func mapValue(rec *neo4j.Record, key string) map[string]any {
	v, _ := rec.Get(key)
	m, _ := v.(map[string]any)
	return m
}

func stringValue(rec *neo4j.Record, key string) string {
	v, _ := rec.Get(key)
	s, _ := v.(string)
	return s
}

// PutMetrics replaces the metric properties of the named actors, in one write
// transaction. Unknown actor ids and metric names reserved for actor fields
// are errors, and then nothing is written. Undefined values (NaN, ±Inf) are
// left out.
func (s *Store) PutMetrics(ctx context.Context, metrics []graph.ActorMetrics) error {
	byID := make(map[string]graph.ActorMetrics, len(metrics))
	for _, m := range metrics {
		for k := range m.Values {
			if err := checkMetricName(k); err != nil {
				return err
			}
		}
		byID[m.ID] = m
	}
	ms := make([]graph.ActorMetrics, 0, len(byID))
	for _, m := range byID {
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].ID < ms[j].ID })
	if len(ms) == 0 {
		return nil
	}
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return batches(ms, func(b []graph.ActorMetrics) error {
			ids := make([]string, len(b))
			for i, m := range b {
				ids[i] = m.ID
			}
			old, err := s.stringLists(ctx, tx, stMetricKeys, ids, metricKeysProp)
			if err != nil {
				return err
			}
			var unknown []string
			for _, id := range ids {
				if _, ok := old[id]; !ok {
					unknown = append(unknown, fmt.Sprintf("%q", id))
				}
			}
			if len(unknown) > 0 {
				if len(unknown) > 10 {
					unknown = append(unknown[:10], fmt.Sprintf("and %d more", len(unknown)-10))
				}
				return workError{fmt.Errorf("neo4jstore: %w: metrics for %s", ErrUnknownActor, strings.Join(unknown, ", "))}
			}
			rows := make([]map[string]any, len(b))
			for i, m := range b {
				values, err := metricsValues(m, old[m.ID])
				if err != nil {
					return workError{err}
				}
				rows[i] = map[string]any{"id": m.ID, "values": values}
			}
			return s.exec(ctx, tx, stMetricsUpsert, map[string]any{"rows": rows})
		})
	})
}

// Metrics returns the stored metrics of every actor that has some, sorted by
// actor id.
func (s *Store) Metrics(ctx context.Context) ([]graph.ActorMetrics, error) {
	var out []graph.ActorMetrics
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		out = []graph.ActorMetrics{}
		return s.stream(ctx, tx, stLoadMetrics, nil, func(rec *neo4j.Record) error {
			m, err := metricsFromProps(stringValue(rec, "id"), mapValue(rec, "props"))
			out = append(out, m)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
