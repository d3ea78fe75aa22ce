package query

import "github.com/alliances/alliances/graph"

// Path is a shortest cooperation path: Actors from the first actor to the
// last, and Ties[i] the tie from Actors[i] (its A) to Actors[i+1] (its B).
type Path struct {
	// Length is the number of ties.
	Length int        `json:"length"`
	Actors []ActorRef `json:"actors"`
	Ties   []TieInfo  `json:"ties"`
}

// Paths returns every shortest path, in ties, from actor from to actor to,
// at most max of them (max ≤ 0: all), in lexicographic order of the ids along
// the path. There are none when the actors are not connected; from == to
// gives one path of length 0.
func Paths(n *graph.Network, from, to string, max int) ([]Path, error) {
	x := newIndex(n)
	src, err := x.lookup(from)
	if err != nil {
		return nil, err
	}
	dst, err := x.lookup(to)
	if err != nil {
		return nil, err
	}
	// Distances to the destination; a shortest path steps down by one each tie.
	toDst := x.bfs(dst, -1)
	paths := []Path{}
	if _, ok := toDst[src]; !ok {
		return paths, nil
	}
	var walk []int // positions of actors
	var ties []int // positions of ties
	var visit func(u int) bool
	visit = func(u int) bool {
		walk = append(walk, u)
		defer func() { walk = walk[:len(walk)-1] }()
		if u == dst {
			p := Path{Length: len(ties), Actors: make([]ActorRef, len(walk)), Ties: make([]TieInfo, len(ties))}
			for i, a := range walk {
				p.Actors[i] = x.ref(a)
			}
			for i, t := range ties {
				p.Ties[i] = x.tie(t, walk[i])
			}
			paths = append(paths, p)
			return max > 0 && len(paths) >= max
		}
		for _, nb := range x.adj[u] { // increasing id order
			if d, ok := toDst[nb.to]; ok && d == toDst[u]-1 {
				ties = append(ties, nb.tie)
				stop := visit(nb.to)
				ties = ties[:len(ties)-1]
				if stop {
					return true
				}
			}
		}
		return false
	}
	visit(src)
	return paths, nil
}
