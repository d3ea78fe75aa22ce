package query

import (
	"context"
	"errors"

	"github.com/alliances/alliances/graph"
)

// lookup returns the position in v of the actor that q names: its id, its
// name or a unique part of it (graph.Lookup, which reads every actor only
// when q is not an id); otherwise an error wrapping ErrUnknownActor and the
// graph.LookupError, with candidates.
func lookup(ctx context.Context, v *graph.View, q string) (int, error) {
	if i, ok, err := v.Find(ctx, q); err != nil || ok {
		return i, err
	}
	all, err := v.All(ctx)
	if err != nil {
		return 0, err
	}
	actors := make([]graph.Actor, len(all))
	for k, i := range all {
		actors[k] = v.Actor(i)
	}
	id, err := graph.ActorLookup(actors).Find(q)
	if err != nil {
		return 0, &unknownError{msg: err.Error(), err: errors.Join(ErrUnknownActor, err)}
	}
	i, _, err := v.Find(ctx, id)
	return i, err
}

// allActors reads every actor of v: their positions in id order, and their
// records.
func allActors(ctx context.Context, v *graph.View) ([]int, []graph.Actor, error) {
	all, err := v.All(ctx)
	if err != nil {
		return nil, nil, err
	}
	actors := make([]graph.Actor, len(all))
	for k, i := range all {
		actors[k] = v.Actor(i)
	}
	return all, actors, nil
}

// refOf returns the reference to a stored actor.
func refOf(a graph.Actor) ActorRef {
	return ActorRef{ID: a.ID, Name: a.Name, Family: a.Family, Country: a.Country}
}

// tieInfo returns t oriented from the actor at position from, whose other
// end is at position to.
func tieInfo(v *graph.View, t graph.Tie, from, to int) TieInfo {
	return TieInfo{
		A:        refOf(v.Actor(from)),
		B:        refOf(v.Actor(to)),
		Weight:   t.Weight,
		Links:    t.Links,
		Types:    nonNil(t.Types),
		Projects: nonNil(t.Projects),
	}
}

// expand expands the actors at the given positions in batches, checking ctx
// between them.
func expand(ctx context.Context, v *graph.View, at []int) error {
	const batch = 5000
	for lo := 0; lo < len(at); lo += batch {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := v.Expand(ctx, at[lo:min(lo+batch, len(at))]); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// step returns the actors one tie away from those of level (expanded) that
// seen has not met, marking them in seen, in id order. Projects already in
// done add nothing: every participant of a project met at one level is
// within one tie of it, so a breadth-first search reads each project once.
func step(v *graph.View, level []int, seen map[int]int, done map[int32]bool, d int) []int {
	var next []int
	add := func(j int) {
		if _, ok := seen[j]; !ok {
			seen[j] = d
			next = append(next, j)
		}
	}
	for _, u := range level {
		for _, p := range v.Projects(u) {
			if done[p] {
				continue
			}
			done[p] = true
			for _, j := range v.Participants(int(p)) {
				add(int(j))
			}
		}
		v.Linked(u, add)
	}
	v.SortByID(next)
	return next
}
