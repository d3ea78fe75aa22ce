package graph

import (
	"context"
	"slices"
	"strings"
	"sync"
)

// Membership says that an actor takes part in a project: the key of a
// Participation, without its other fields.
type Membership struct {
	Actor, Project string
}

// NetworkReader reads the records that the ties of some actors are made of,
// without loading the rest of the network: what a question about a few
// actors (an ego network, a path) needs of a large store. Both stores
// implement it, with bounded lookups (an index of the embedded file, bounded
// Cypher on Neo4j), and so does a Network in memory. A View reads the
// cooperation network through it; package query answers its questions on a
// View, and so can the explorer.
//
// The contract, checked for every store by graph/storetest:
//
//   - LoadNodes returns every actor and project, as Store.LoadNodes.
//   - ActorsByID returns the stored actors whose id is among ids, sorted by
//     id, each once, with every field as Load returns it; other ids are left
//     out.
//   - Memberships returns the actor and project of every stored
//     participation whose actor is among actors, sorted by actor then
//     project, each once, whether or not the project is stored.
//   - Participants returns the actor and project of every stored participation
//     whose project is among projects, sorted by project then actor, each
//     once, whether or not the actor is stored.
//   - LinksOf returns every stored link with its source or its target among
//     actors, each once, with every field as Load returns it, in the order of
//     Load (Link.Key; for a Network, the order of Network.Links).
//
// The results may share memory with the reader: callers do not modify them.
type NetworkReader interface {
	LoadNodes(ctx context.Context) (*Dataset, error)
	ActorsByID(ctx context.Context, ids []string) ([]Actor, error)
	Memberships(ctx context.Context, actors []string) ([]Membership, error)
	Participants(ctx context.Context, projects []string) ([]Membership, error)
	LinksOf(ctx context.Context, actors []string) ([]Link, error)
}

var _ NetworkReader = (*Network)(nil)

// networkIndex is what a Network needs to answer as a NetworkReader, built
// at its first question.
type networkIndex struct {
	actor     map[string]int   // id → position in Actors
	byActor   map[string][]int // actor id → positions in Participations, by project id
	byProject map[string][]int // project id → positions in Participations, by actor id
	links     map[string][]int // actor id → positions in Links, increasing
}

// index returns the index of n, built once for a Network of NewNetwork
// (every time for a Network made otherwise); a Network is not changed once it
// is read.
func (n *Network) index() *networkIndex {
	if n.cache == nil {
		return n.buildIndex()
	}
	n.cache.once.Do(func() { n.cache.idx = n.buildIndex() })
	return n.cache.idx
}

func (n *Network) buildIndex() *networkIndex {
	x := &networkIndex{
		actor:     make(map[string]int, len(n.Actors)),
		byActor:   map[string][]int{},
		byProject: map[string][]int{},
		links:     map[string][]int{},
	}
	for i, a := range n.Actors {
		if _, ok := x.actor[a.ID]; !ok {
			x.actor[a.ID] = i
		}
	}
	for i, p := range n.Participations {
		x.byActor[p.Actor] = append(x.byActor[p.Actor], i)
		x.byProject[p.Project] = append(x.byProject[p.Project], i)
	}
	for _, ps := range x.byActor {
		slices.SortStableFunc(ps, func(a, b int) int {
			return strings.Compare(n.Participations[a].Project, n.Participations[b].Project)
		})
	}
	for _, ps := range x.byProject {
		slices.SortStableFunc(ps, func(a, b int) int {
			return strings.Compare(n.Participations[a].Actor, n.Participations[b].Actor)
		})
	}
	for i, l := range n.Links {
		x.links[l.Source] = append(x.links[l.Source], i)
		if l.Target != l.Source {
			x.links[l.Target] = append(x.links[l.Target], i)
		}
	}
	return x
}

// LoadNodes returns the actors and projects of n (shared, not copied).
func (n *Network) LoadNodes(context.Context) (*Dataset, error) {
	return &Dataset{Actors: n.Actors, Projects: n.Projects, Links: []Link{}, Participations: []Participation{}}, nil
}

// ActorsByID returns the actors of n among ids, sorted by id.
func (n *Network) ActorsByID(_ context.Context, ids []string) ([]Actor, error) {
	x := n.index()
	out := make([]Actor, 0, len(ids))
	for _, id := range uniqueSorted(ids) {
		if i, ok := x.actor[id]; ok {
			out = append(out, n.Actors[i])
		}
	}
	return out, nil
}

// Memberships returns the participations of the given actors in n.
func (n *Network) Memberships(_ context.Context, actors []string) ([]Membership, error) {
	x := n.index()
	var out []Membership
	for _, a := range uniqueSorted(actors) {
		last := ""
		for k, i := range x.byActor[a] {
			if p := n.Participations[i].Project; k == 0 || p != last {
				out = append(out, Membership{Actor: a, Project: p})
				last = p
			}
		}
	}
	return out, nil
}

// Participants returns the participations in the given projects of n.
func (n *Network) Participants(_ context.Context, projects []string) ([]Membership, error) {
	x := n.index()
	var out []Membership
	for _, p := range uniqueSorted(projects) {
		last := ""
		for k, i := range x.byProject[p] {
			if a := n.Participations[i].Actor; k == 0 || a != last {
				out = append(out, Membership{Actor: a, Project: p})
				last = a
			}
		}
	}
	return out, nil
}

// LinksOf returns the links of n with an end among actors, in the order of
// n.Links.
func (n *Network) LinksOf(_ context.Context, actors []string) ([]Link, error) {
	x := n.index()
	var at []int
	for _, a := range uniqueSorted(actors) {
		at = append(at, x.links[a]...)
	}
	slices.Sort(at)
	at = slices.Compact(at)
	out := make([]Link, len(at))
	for k, i := range at {
		out[k] = n.Links[i]
	}
	return out, nil
}

// uniqueSorted returns the distinct strings of xs, sorted.
func uniqueSorted(xs []string) []string {
	if slices.IsSorted(xs) {
		return slices.Compact(slices.Clone(xs))
	}
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

// networkCache keeps the index of a Network, built at its first question.
type networkCache struct {
	once sync.Once
	idx  *networkIndex
}
