package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/alliances/alliances/graph"
)

// RunReader checks the contract of graph.NetworkReader (graph/reader.go) on
// stores from open, which must implement it: after puts of the rich data,
// its changes and the fixture, each of its answers against the records that
// Load returns (CheckReader).
func RunReader(t *testing.T, open func(t *testing.T) graph.Store) {
	t.Helper()
	s := openStore(t, open)
	r, ok := s.(graph.NetworkReader)
	if !ok {
		t.Fatalf("the store %T is not a graph.NetworkReader", s)
	}
	CheckReader(t, "an empty store", r, mustLoad(t, s))
	mustPut(t, s, richData())
	mustPut(t, s, changes())
	mustPut(t, s, Fixture())
	CheckReader(t, "after three puts", r, mustLoad(t, s))
}

// CheckReader checks the answers of r against want, every record it holds
// (as Load returns them), for every actor and project, one at a time and
// all at once, and for ids that name nothing.
func CheckReader(t *testing.T, what string, r graph.NetworkReader, want *graph.Dataset) {
	t.Helper()
	ctx := context.Background()
	var actors, projects []string
	for _, a := range want.Actors {
		actors = append(actors, a.ID)
	}
	for _, p := range want.Projects {
		projects = append(projects, p.ID)
	}
	// Ids met in participations and links only, and ids of nothing.
	for _, p := range want.Participations {
		actors, projects = append(actors, p.Actor), append(projects, p.Project)
	}
	for _, l := range want.Links {
		actors = append(actors, l.Source, l.Target)
	}
	actors = append(actors, "inconnu", "nantes\x01", "")
	projects = append(projects, "P-inconnu", "")
	slices.Sort(actors)
	actors = slices.Compact(actors)
	slices.Sort(projects)
	projects = slices.Compact(projects)

	nodes, err := r.LoadNodes(ctx)
	if err != nil {
		t.Fatalf("%s: LoadNodes: %v", what, err)
	}
	checkSame(t, what, "LoadNodes().Actors", nodes.Actors, want.Actors)

	// Each actor alone, then all of them (in reverse order, repeated).
	asks := [][]string{}
	for _, id := range actors {
		asks = append(asks, []string{id})
	}
	all := slices.Clone(actors)
	slices.Reverse(all)
	asks = append(asks, append(all, all...))
	for _, ids := range asks {
		in := map[string]bool{}
		for _, id := range ids {
			in[id] = true
		}
		got, err := r.ActorsByID(ctx, ids)
		if err != nil {
			t.Fatalf("%s: ActorsByID(%q): %v", what, ids, err)
		}
		var wantActors []graph.Actor
		for _, a := range want.Actors {
			if in[a.ID] {
				wantActors = append(wantActors, a)
			}
		}
		checkSame(t, what, fmt.Sprintf("ActorsByID(%q)", ids), got, wantActors)

		ms, err := r.Memberships(ctx, ids)
		if err != nil {
			t.Fatalf("%s: Memberships(%q): %v", what, ids, err)
		}
		var wantMs []graph.Membership
		for _, p := range want.Participations { // sorted by actor, project
			if in[p.Actor] {
				wantMs = append(wantMs, graph.Membership{Actor: p.Actor, Project: p.Project})
			}
		}
		checkSame(t, what, fmt.Sprintf("Memberships(%q)", ids), ms, wantMs)

		links, err := r.LinksOf(ctx, ids)
		if err != nil {
			t.Fatalf("%s: LinksOf(%q): %v", what, ids, err)
		}
		var wantLinks []graph.Link
		for _, l := range want.Links { // in key order
			if in[l.Source] || in[l.Target] {
				wantLinks = append(wantLinks, l)
			}
		}
		checkSame(t, what, fmt.Sprintf("LinksOf(%q)", ids), links, wantLinks)
	}

	asks = asks[:0]
	for _, id := range projects {
		asks = append(asks, []string{id})
	}
	all = slices.Clone(projects)
	slices.Reverse(all)
	asks = append(asks, append(all, all...))
	for _, ids := range asks {
		in := map[string]bool{}
		for _, id := range ids {
			in[id] = true
		}
		got, err := r.Participants(ctx, ids)
		if err != nil {
			t.Fatalf("%s: Participants(%q): %v", what, ids, err)
		}
		var wantMs []graph.Membership
		for _, p := range want.Participations {
			if in[p.Project] {
				wantMs = append(wantMs, graph.Membership{Actor: p.Actor, Project: p.Project})
			}
		}
		slices.SortStableFunc(wantMs, func(a, b graph.Membership) int {
			if a.Project < b.Project {
				return -1
			}
			if a.Project > b.Project {
				return 1
			}
			return 0
		})
		checkSame(t, what, fmt.Sprintf("Participants(%q)", ids), got, wantMs)
	}
}

// checkSame compares two lists, an empty one and nil alike.
func checkSame[T any](t *testing.T, what, call string, got, want []T) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(normalizeList(got), normalizeList(want)) {
		t.Errorf("%s: %s:\n got %+v\nwant %+v", what, call, got, want)
	}
}

// normalizeList makes empty maps and slices of actors nil, as normalize does.
func normalizeList[T any](xs []T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		if a, ok := any(x).(graph.Actor); ok {
			a.Attrs = nilIfEmpty(a.Attrs)
			x = any(a).(T)
		}
		out[i] = x
	}
	return out
}
