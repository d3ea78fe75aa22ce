package storetest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"testing"

	"github.com/alliances/alliances/graph"
)

// memStore is the simplest store that keeps the contract: a dataset in
// memory, replaced whole by each Put. It checks that the suite asks for
// nothing beyond the contract, and stands for a store in the examples.
type memStore struct {
	d       *graph.Dataset
	metrics map[string]map[string]float64
	ingests []graph.IngestRecord
	mutant  string // for checking by hand that the suite catches broken stores
}

func (m *memStore) Put(ctx context.Context, d *graph.Dataset) error {
	if err := ctx.Err(); err != nil && m.mutant != "ignore-context" {
		return err
	}
	check := func() error {
		for _, a := range d.Actors {
			if a.ID == "" {
				return fmt.Errorf("empty actor id")
			}
		}
		for _, p := range d.Projects {
			if p.ID == "" {
				return fmt.Errorf("empty project id")
			}
		}
		for _, l := range d.Links {
			if l.Source == "" || l.Target == "" {
				return fmt.Errorf("link without source or target")
			}
		}
		for _, p := range d.Participations {
			if p.Actor == "" || p.Project == "" {
				return fmt.Errorf("participation without actor or project")
			}
		}
		return nil
	}
	next := clone(m.d)
	if m.mutant == "merge-attrs" {
		old := next.ActorIndex()
		for _, a := range d.Actors {
			if i, ok := old[a.ID]; ok && a.Attrs != nil {
				for k, v := range next.Actors[i].Attrs {
					if _, ok := a.Attrs[k]; !ok {
						a.Attrs[k] = v
					}
				}
			}
		}
	}
	next.Merge(clone(d))
	if m.mutant == "partial" {
		// Writes the actors before validating the rest.
		m.d.Merge(&graph.Dataset{Actors: clone(d).Actors})
	}
	if err := check(); err != nil {
		return err
	}
	if m.mutant == "unsorted" {
		sort.Slice(next.Actors, func(i, j int) bool { return next.Actors[i].Name < next.Actors[j].Name })
	}
	m.d = next
	return nil
}

// PutBatches gathers the parts and puts them at once. It cannot tell
// whether anything changed.
func (m *memStore) PutBatches(ctx context.Context, b graph.Batches, mode graph.PutMode) (graph.PutResult, error) {
	if err := ctx.Err(); err != nil && m.mutant != "ignore-context" {
		return graph.PutResult{}, err
	}
	var kept []*graph.Dataset
	var order graph.BatchOrder
	err := b(func(part *graph.Dataset) error {
		if err := order.Check(part); err != nil && m.mutant != "batches-any-order" {
			return err
		}
		if m.mutant != "batches-keep-parts" {
			part = clone(part)
		}
		kept = append(kept, part)
		if m.mutant == "batches-partial" {
			return m.Put(ctx, part)
		}
		return nil
	})
	if err != nil {
		return graph.PutResult{}, fmt.Errorf("putting batches: %w", err)
	}
	all := &graph.Dataset{}
	for _, p := range kept {
		all.Actors = append(all.Actors, p.Actors...)
		all.Projects = append(all.Projects, p.Projects...)
		all.Links = append(all.Links, p.Links...)
		all.Participations = append(all.Participations, p.Participations...)
	}
	res := graph.PutResult{Changed: true, Absent: Absent(m.d, all)}
	old, metrics := m.d, m.metrics
	if mode == graph.Replace && m.mutant != "replace-keeps" {
		m.d = &graph.Dataset{}
		m.metrics = map[string]map[string]float64{}
		for id, v := range metrics {
			if slices.ContainsFunc(all.Actors, func(a graph.Actor) bool { return a.ID == id }) {
				m.metrics[id] = v
			}
		}
	}
	if err := m.Put(ctx, all); err != nil {
		m.d, m.metrics = old, metrics
		return graph.PutResult{}, err
	}
	return res, nil
}

func (m *memStore) Load(ctx context.Context) (*graph.Dataset, error) {
	return clone(m.d), ctx.Err()
}

func (m *memStore) LoadNodes(ctx context.Context) (*graph.Dataset, error) {
	d := clone(m.d)
	d.Links, d.Participations = []graph.Link{}, []graph.Participation{}
	return d, ctx.Err()
}

func (m *memStore) PutMetrics(ctx context.Context, metrics []graph.ActorMetrics) error {
	idx := m.d.ActorIndex()
	for _, am := range metrics {
		if _, ok := idx[am.ID]; !ok {
			return fmt.Errorf("unknown actor %q", am.ID)
		}
	}
	for _, am := range metrics {
		if m.mutant == "merge-metrics" && m.metrics[am.ID] != nil {
			for k, v := range am.Values {
				m.metrics[am.ID][k] = v
			}
			continue
		}
		m.metrics[am.ID] = am.Values
	}
	return ctx.Err()
}

func (m *memStore) Metrics(ctx context.Context) ([]graph.ActorMetrics, error) {
	out := []graph.ActorMetrics{}
	for id, v := range m.metrics {
		out = append(out, graph.ActorMetrics{ID: id, Values: v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, ctx.Err()
}

func (m *memStore) AddIngest(ctx context.Context, rec graph.IngestRecord) error {
	if err := ctx.Err(); err != nil && m.mutant != "ignore-context" {
		return err
	}
	if m.mutant == "ingests-shared" {
		m.ingests = append(m.ingests, rec)
		return nil
	}
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	var c graph.IngestRecord
	if err := json.Unmarshal(b, &c); err != nil {
		return err
	}
	if m.mutant == "ingests-last" {
		m.ingests = []graph.IngestRecord{c}
		return nil
	}
	m.ingests = append(m.ingests, c)
	return nil
}

func (m *memStore) Ingests(ctx context.Context) ([]graph.IngestRecord, error) {
	return append([]graph.IngestRecord{}, m.ingests...), ctx.Err()
}

func (m *memStore) Close() error { return nil }

// TestMemStore runs the suite on memStore. Each broken variant must make it
// fail, which is checked by hand:
//
//	for m in ignore-context merge-attrs partial unsorted merge-metrics \
//		batches-any-order batches-keep-parts batches-partial \
//		ingests-shared ingests-last; do
//		STORETEST_MUTANT=$m go test -count=1 ./graph/storetest && echo "$m not caught"
//	done
func TestMemStore(t *testing.T) {
	open := func(t *testing.T) graph.Store {
		return &memStore{d: &graph.Dataset{}, metrics: map[string]map[string]float64{}, mutant: os.Getenv("STORETEST_MUTANT")}
	}
	Run(t, open)
	RunQueries(t, open)
	RunReader(t, open)
}

// memStore reads its network as a graph.Network does.
func (m *memStore) network() *graph.Network { return graph.NewNetwork(m.d) }

func (m *memStore) ActorsByID(ctx context.Context, ids []string) ([]graph.Actor, error) {
	return m.network().ActorsByID(ctx, ids)
}

func (m *memStore) Memberships(ctx context.Context, actors []string) ([]graph.Membership, error) {
	return m.network().Memberships(ctx, actors)
}

func (m *memStore) Participants(ctx context.Context, projects []string) ([]graph.Membership, error) {
	return m.network().Participants(ctx, projects)
}

func (m *memStore) LinksOf(ctx context.Context, actors []string) ([]graph.Link, error) {
	return m.network().LinksOf(ctx, actors)
}
