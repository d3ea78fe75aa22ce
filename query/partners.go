package query

import (
	"context"
	"fmt"
	"sort"

	"github.com/alliances/alliances/graph"
)

// Ego is the ego network of an actor: the actors at most Depth ties away from
// Center, and every tie among them.
type Ego struct {
	Center ActorRef `json:"center"`
	Depth  int      `json:"depth"`
	// Actors are sorted by distance, then id; the center comes first, at
	// distance 0.
	Actors []EgoActor `json:"actors"`
	// Ties are every tie between two actors of the ego network, sorted by the
	// ids of their ends (A < B).
	Ties []TieInfo `json:"ties"`
}

// EgoActor is an actor of an ego network and its distance to the center, in
// ties.
type EgoActor struct {
	ActorRef
	Distance int `json:"distance"`
}

// Partners returns the ego network of actor id up to depth ties (depth ≥ 1)
// in the network n.
func Partners(n *graph.Network, id string, depth int) (*Ego, error) {
	return PartnersOf(context.Background(), graph.NewView(n), id, depth)
}

// PartnersOf returns the ego network of actor id up to depth ties (depth ≥
// 1) in the network of v, reading only the records around it.
func PartnersOf(ctx context.Context, v *graph.View, id string, depth int) (*Ego, error) {
	e, err := EgoOf(ctx, v, id, depth)
	if err != nil {
		return nil, err
	}
	ego := &Ego{Center: e.Center, Depth: e.Depth, Actors: e.Actors, Ties: []TieInfo{}}
	err = e.EachTie(ctx, func(t TieInfo) error {
		ego.Ties = append(ego.Ties, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ego, nil
}

// EgoNetwork is an ego network whose actors are known and whose ties are
// read as they are asked for: the ego network of a hub of a dense network
// holds millions of ties, which EachTie gives one after another and
// CountTies counts without holding them.
type EgoNetwork struct {
	Center ActorRef
	Depth  int
	// Actors are sorted by distance, then id; the center comes first.
	Actors []EgoActor

	v    *graph.View
	in   []bool // by position: an actor of the ego network
	byID []int  // positions in id order
}

// EgoOf finds the actors of the ego network of actor id up to depth ties
// (depth ≥ 1) in the network of v, by a breadth-first search that reads each
// project once.
func EgoOf(ctx context.Context, v *graph.View, id string, depth int) (*EgoNetwork, error) {
	if depth < 1 {
		return nil, fmt.Errorf("depth must be at least 1, not %d", depth)
	}
	center, err := lookup(ctx, v, id)
	if err != nil {
		return nil, err
	}
	dist := map[int]int{center: 0}
	done := map[int32]bool{}
	level := []int{center}
	for d := 1; d <= depth && len(level) > 0; d++ {
		if err := expand(ctx, v, level); err != nil {
			return nil, err
		}
		level = step(v, level, dist, done, d)
	}
	// The ties of the last level are among the ties of the ego network.
	if err := expand(ctx, v, level); err != nil {
		return nil, err
	}
	e := &EgoNetwork{Center: refOf(v.Actor(center)), Depth: depth, v: v, in: make([]bool, v.Len())}
	for i := range dist {
		e.byID = append(e.byID, i)
		e.in[i] = true
	}
	v.SortByID(e.byID)
	e.Actors = make([]EgoActor, 0, len(dist))
	for _, i := range e.byID {
		e.Actors = append(e.Actors, EgoActor{ActorRef: refOf(v.Actor(i)), Distance: dist[i]})
	}
	sort.SliceStable(e.Actors, func(i, j int) bool { return e.Actors[i].Distance < e.Actors[j].Distance })
	return e, nil
}

// EachTie calls yield with every tie between two actors of the ego network,
// sorted by the ids of their ends (A < B), until yield returns an error,
// which it returns.
func (e *EgoNetwork) EachTie(ctx context.Context, yield func(TieInfo) error) error {
	for k, a := range e.byID {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		ties, partners := e.v.Ties(a, e.after(a))
		for k, t := range ties {
			if err := yield(tieInfo(e.v, t, a, partners[k])); err != nil {
				return err
			}
		}
	}
	return nil
}

// CountTies returns the number of ties between two actors of the ego
// network.
func (e *EgoNetwork) CountTies(ctx context.Context) (int, error) {
	n := 0
	for k, a := range e.byID {
		if k%256 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		n += e.v.Degree(a, e.after(a))
	}
	return n, nil
}

// after accepts the actors of the ego network whose id comes after that of
// the actor at position a.
func (e *EgoNetwork) after(a int) func(int) bool {
	ra := e.v.Rank(a)
	return func(j int) bool {
		return e.in[j] && e.v.Rank(j) > ra
	}
}

// ByDistance returns the number of actors at each distance from the center,
// the center included (index 0).
func (e *EgoNetwork) ByDistance() []int {
	out := make([]int, e.Depth+1)
	for _, a := range e.Actors {
		out[a.Distance]++
	}
	return out
}

// sortTies sorts ties by the ids of their ends.
func sortTies(ts []TieInfo) {
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].A.ID != ts[j].A.ID {
			return ts[i].A.ID < ts[j].A.ID
		}
		return ts[i].B.ID < ts[j].B.ID
	})
}
