package query

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/alliances/alliances/graph"
)

// Sentinel errors, for errors.Is.
var (
	ErrUnknownActor  = errors.New("unknown actor")
	ErrUnknownFamily = errors.New("unknown family")
)

// ActorRef names an actor in a result.
type ActorRef struct {
	ID      string `json:"id"`
	Name    string `json:"name,omitempty"`
	Family  string `json:"family,omitempty"`
	Country string `json:"country,omitempty"`
}

// TieInfo is a tie of the network between actors A and B: its weight, the
// number of declared links it merges, their distinct types and the projects
// that A and B share, sorted.
type TieInfo struct {
	A        ActorRef `json:"a"`
	B        ActorRef `json:"b"`
	Weight   float64  `json:"weight"`
	Links    int      `json:"links"`
	Types    []string `json:"types"`
	Projects []string `json:"projects"`
}

// index is the network in the form the queries walk: actors by id, the
// positions of the ends of each tie, and for each actor its neighbours in
// increasing id order with the tie to each.
type index struct {
	net   *graph.Network
	pos   map[string]int // actor id → position in net.Actors
	order []int          // positions of actors in increasing id order
	ends  [][2]int       // by tie: positions of A and B, or -1 for a tie to skip
	adj   [][]neighbour  // by position
}

type neighbour struct {
	to  int // position of the neighbour
	tie int // position of the tie in net.Ties
}

func newIndex(n *graph.Network) *index {
	x := &index{
		net:   n,
		pos:   make(map[string]int, len(n.Actors)),
		order: make([]int, len(n.Actors)),
		ends:  make([][2]int, len(n.Ties)),
		adj:   make([][]neighbour, len(n.Actors)),
	}
	for i, a := range n.Actors {
		x.pos[a.ID] = i
		x.order[i] = i
	}
	// graph.NewNetwork sorts actors by id: then positions compare as ids do.
	byID := sort.SliceIsSorted(n.Actors, func(i, j int) bool { return n.Actors[i].ID < n.Actors[j].ID })
	if !byID {
		sort.Slice(x.order, func(i, j int) bool { return n.Actors[x.order[i]].ID < n.Actors[x.order[j]].ID })
	}
	lastA, posA, okA := "", 0, false
	for t, tie := range n.Ties {
		if tie.A != lastA || t == 0 { // ties come sorted by A: look it up once
			lastA = tie.A
			posA, okA = x.pos[tie.A]
		}
		b, okB := x.pos[tie.B]
		if !okA || !okB || posA == b {
			x.ends[t] = [2]int{-1, -1}
			continue
		}
		x.ends[t] = [2]int{posA, b}
		x.adj[posA] = append(x.adj[posA], neighbour{b, t})
		x.adj[b] = append(x.adj[b], neighbour{posA, t})
	}
	for _, nb := range x.adj {
		if byID {
			sort.Slice(nb, func(i, j int) bool { return nb[i].to < nb[j].to })
		} else {
			sort.Slice(nb, func(i, j int) bool { return n.Actors[nb[i].to].ID < n.Actors[nb[j].to].ID })
		}
	}
	return x
}

// id returns the id of the actor at position i.
func (x *index) id(i int) string { return x.net.Actors[i].ID }

// ref returns the reference to the actor at position i.
func (x *index) ref(i int) ActorRef {
	a := x.net.Actors[i]
	return ActorRef{ID: a.ID, Name: a.Name, Family: a.Family, Country: a.Country}
}

// tie returns the tie at position t oriented from the actor at position from.
func (x *index) tie(t, from int) TieInfo {
	tie := x.net.Ties[t]
	a, b := x.ends[t][0], x.ends[t][1]
	if from == b {
		a, b = b, a
	}
	return TieInfo{
		A:        x.ref(a),
		B:        x.ref(b),
		Weight:   tie.Weight,
		Links:    tie.Links,
		Types:    nonNil(tie.Types),
		Projects: nonNil(tie.Projects),
	}
}

// unknownError is an unknown actor or family, worded for people.
type unknownError struct {
	msg string
	err error
}

func (e *unknownError) Error() string { return e.msg }
func (e *unknownError) Unwrap() error { return e.err }

// family returns the family of the network that f names: the family of some
// actor, or one of graph.Families, compared with graph.Normalize.
func family(actors []graph.Actor, f string) (string, error) {
	q := graph.Normalize(f)
	for _, a := range actors {
		if a.Family != "" && graph.Normalize(a.Family) == q {
			return a.Family, nil
		}
	}
	for _, known := range graph.Families {
		if graph.Normalize(known) == q {
			return known, nil
		}
	}
	return "", &unknownError{
		msg: fmt.Sprintf("%v %q (families: %s)", ErrUnknownFamily, f, strings.Join(families(actors), ", ")),
		err: ErrUnknownFamily,
	}
}

// families returns the built-in families and those of the actors, in
// canonical order.
func families(actors []graph.Actor) []string {
	set := map[string]bool{}
	for _, f := range graph.Families {
		set[f] = true
	}
	for _, a := range actors {
		if a.Family != "" {
			set[a.Family] = true
		}
	}
	return sortFamilies(set)
}

// sortFamilies returns the families of set in the order of graph.Families,
// then the others alphabetically.
func sortFamilies(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	graph.SortFamilies(out)
	return out
}

// profile is the families and countries of a set of actors.
type profile struct {
	families, countries []string
}

func (x *index) profile(actors []int) profile {
	fams, countries := map[string]bool{}, map[string]bool{}
	for _, i := range actors {
		a := x.net.Actors[i]
		fams[graph.FamilyOf(a)] = true
		if a.Country != "" {
			countries[a.Country] = true
		}
	}
	cs := make([]string, 0, len(countries))
	for c := range countries {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	return profile{families: sortFamilies(fams), countries: cs}
}

func nonNil(xs []string) []string {
	if len(xs) == 0 {
		return []string{}
	}
	return append([]string(nil), xs...)
}

// compareIDs orders sequences of actors lexicographically by id.
func (x *index) compareIDs(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if c := strings.Compare(x.id(a[i]), x.id(b[i])); c != 0 {
			return c
		}
	}
	return len(a) - len(b)
}
