package neo4jstore

import (
	"context"
	"slices"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var _ graph.NetworkReader = (*Store)(nil)

// ActorsByID returns the stored actors whose ids are given, sorted by id:
// UNWIND $ids with MATCH on the indexed id, in batches of BatchSize ids, in
// one read transaction.
func (s *Store) ActorsByID(ctx context.Context, ids []string) ([]graph.Actor, error) {
	var out []graph.Actor
	err := s.readIDs(ctx, stActorsByID, ids, func() { out = nil }, func(rec *neo4j.Record) error {
		a, err := actorFromProps(mapValue(rec, "props"))
		out = append(out, a)
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

// Memberships returns the participations of the given actors, sorted by
// actor then project.
func (s *Store) Memberships(ctx context.Context, actors []string) ([]graph.Membership, error) {
	return s.memberships(ctx, stMemberships, actors, func(a, b graph.Membership) int {
		return cmp2(a.Actor, b.Actor, a.Project, b.Project)
	})
}

// Participants returns the participations in the given projects, sorted by
// project then actor.
func (s *Store) Participants(ctx context.Context, projects []string) ([]graph.Membership, error) {
	return s.memberships(ctx, stParticipants, projects, func(a, b graph.Membership) int {
		return cmp2(a.Project, b.Project, a.Actor, b.Actor)
	})
}

func (s *Store) memberships(ctx context.Context, name string, ids []string, order func(a, b graph.Membership) int) ([]graph.Membership, error) {
	var out []graph.Membership
	err := s.readIDs(ctx, name, ids, func() { out = nil }, func(rec *neo4j.Record) error {
		out = append(out, graph.Membership{Actor: stringValue(rec, "actor"), Project: stringValue(rec, "project")})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, order)
	return slices.Compact(out), nil
}

// LinksOf returns the links with an end among actors, sorted by key.
func (s *Store) LinksOf(ctx context.Context, actors []string) ([]graph.Link, error) {
	var out []graph.Link
	err := s.readIDs(ctx, stLinksOf, actors, func() { out = nil }, func(rec *neo4j.Record) error {
		l, err := linkFromProps(stringValue(rec, "source"), stringValue(rec, "target"), mapValue(rec, "props"))
		out = append(out, l)
		return err
	})
	if err != nil {
		return nil, err
	}
	// A link between two actors of different batches comes once per batch.
	slices.SortFunc(out, func(a, b graph.Link) int { return strings.Compare(a.Key(), b.Key()) })
	return slices.CompactFunc(out, func(a, b graph.Link) bool { return a.Key() == b.Key() }), nil
}

// readIDs runs the statement name, which takes $ids, for the distinct ids
// given, in batches of BatchSize, in one read transaction, calling f with
// each record; reset starts again when the driver retries the transaction.
func (s *Store) readIDs(ctx context.Context, name string, ids []string, reset func(), f func(*neo4j.Record) error) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	return s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		reset()
		return batches(ids, func(b []string) error {
			return s.stream(ctx, tx, name, map[string]any{"ids": b}, f)
		})
	})
}

func cmp2(a1, b1, a2, b2 string) int {
	if c := strings.Compare(a1, b1); c != 0 {
		return c
	}
	return strings.Compare(a2, b2)
}
