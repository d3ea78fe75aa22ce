package query

import (
	"context"

	"github.com/alliances/alliances/graph"
)

// Path is a shortest cooperation path: Actors from the first actor to the
// last, and Ties[i] the tie from Actors[i] (its A) to Actors[i+1] (its B).
type Path struct {
	// Length is the number of ties.
	Length int        `json:"length"`
	Actors []ActorRef `json:"actors"`
	Ties   []TieInfo  `json:"ties"`
}

// Paths returns every shortest path, in ties, from actor from to actor to in
// the network n, at most max of them (max ≤ 0: all), in lexicographic order
// of the ids along the path. There are none when the actors are not
// connected; from == to gives one path of length 0.
func Paths(n *graph.Network, from, to string, max int) ([]Path, error) {
	return PathsOf(context.Background(), graph.NewView(n), from, to, max)
}

// PathsOf is Paths in the network of v. It searches from both ends at once,
// the smaller side first, and reads the records of the actors it meets on
// the way only.
func PathsOf(ctx context.Context, v *graph.View, from, to string, max int) ([]Path, error) {
	src, err := lookup(ctx, v, from)
	if err != nil {
		return nil, err
	}
	dst, err := lookup(ctx, v, to)
	if err != nil {
		return nil, err
	}
	paths := []Path{}
	if src == dst {
		return append(paths, Path{Actors: []ActorRef{refOf(v.Actor(src))}, Ties: []TieInfo{}}), nil
	}
	// Breadth-first from both ends. The first level of one side that meets
	// the other side's actors ends the search: every shortest path then goes
	// through an actor met at level a from src and b from dst, and has
	// a + b ties (no path is shorter, or an earlier level would have met).
	ds, dt := map[int]int{src: 0}, map[int]int{dst: 0}
	doneS, doneT := map[int32]bool{}, map[int32]bool{}
	levels := [][]int{{src}} // levels from src
	ft := []int{dst}
	a, b := 0, 0
	var meet []int
	for len(levels[a]) > 0 && len(ft) > 0 && meet == nil {
		if len(levels[a]) <= len(ft) {
			if err := expand(ctx, v, levels[a]); err != nil {
				return nil, err
			}
			next := step(v, levels[a], ds, doneS, a+1)
			a++
			levels = append(levels, next)
			for _, j := range next {
				if _, ok := dt[j]; ok {
					meet = append(meet, j)
				}
			}
		} else {
			if err := expand(ctx, v, ft); err != nil {
				return nil, err
			}
			ft = step(v, ft, dt, doneT, b+1)
			b++
			for _, j := range ft {
				if _, ok := ds[j]; ok {
					meet = append(meet, j)
				}
			}
		}
	}
	if meet == nil {
		return paths, nil
	}
	length := a + b
	if err := expand(ctx, v, meet); err != nil {
		return nil, err
	}
	// good: the actors of the levels from src that lead to a meeting actor.
	good := make(map[int]bool, len(meet))
	for _, j := range meet {
		good[j] = true
	}
	for k := a - 1; k >= 1; k-- {
		for _, u := range levels[k] {
			if len(v.Neighbours(u, func(j int) bool { return good[j] && ds[j] == k+1 })) > 0 {
				good[u] = true
			}
		}
	}
	// The paths in lexicographic order: at each step the next actors in id
	// order, on the side of src among the good ones one level further, on
	// the side of dst one tie closer to it.
	var walk []int
	var visit func(u, k int) bool
	visit = func(u, k int) bool {
		walk = append(walk, u)
		defer func() { walk = walk[:len(walk)-1] }()
		if u == dst {
			p := Path{Length: length, Actors: make([]ActorRef, len(walk)), Ties: make([]TieInfo, len(walk)-1)}
			for i, x := range walk {
				p.Actors[i] = refOf(v.Actor(x))
				if i > 0 {
					ties, _ := v.Ties(walk[i-1], func(j int) bool { return j == x })
					p.Ties[i-1] = tieInfo(v, ties[0], walk[i-1], x)
				}
			}
			paths = append(paths, p)
			return max > 0 && len(paths) >= max
		}
		var next []int
		if k < a {
			next = v.Neighbours(u, func(j int) bool { return good[j] && ds[j] == k+1 })
		} else {
			want := length - k - 1
			next = v.Neighbours(u, func(j int) bool { d, ok := dt[j]; return ok && d == want })
		}
		for _, w := range next {
			if visit(w, k+1) {
				return true
			}
		}
		return false
	}
	visit(src, 0)
	return paths, ctx.Err()
}
