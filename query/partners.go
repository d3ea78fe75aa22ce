package query

import (
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

// Partners returns the ego network of actor id up to depth ties (depth ≥ 1).
func Partners(n *graph.Network, id string, depth int) (*Ego, error) {
	if depth < 1 {
		return nil, fmt.Errorf("depth must be at least 1, not %d", depth)
	}
	x := newIndex(n)
	center, err := x.lookup(id)
	if err != nil {
		return nil, err
	}
	dist := x.bfs(center, depth)
	ego := &Ego{Center: x.ref(center), Depth: depth, Actors: []EgoActor{}, Ties: []TieInfo{}}
	for i, d := range dist {
		ego.Actors = append(ego.Actors, EgoActor{ActorRef: x.ref(i), Distance: d})
	}
	sort.Slice(ego.Actors, func(i, j int) bool {
		a, b := ego.Actors[i], ego.Actors[j]
		if a.Distance != b.Distance {
			return a.Distance < b.Distance
		}
		return a.ID < b.ID
	})
	for a := range dist {
		for _, nb := range x.adj[a] {
			if _, in := dist[nb.to]; in && x.ends[nb.tie][0] == a {
				ego.Ties = append(ego.Ties, x.tie(nb.tie, a))
			}
		}
	}
	sortTies(ego.Ties)
	return ego, nil
}

// bfs returns the distance from start of every actor at most max ties away
// (max < 0: no limit), by position.
func (x *index) bfs(start, max int) map[int]int {
	dist := map[int]int{start: 0}
	frontier := []int{start}
	for d := 1; len(frontier) > 0 && (max < 0 || d <= max); d++ {
		var next []int
		for _, u := range frontier {
			for _, nb := range x.adj[u] {
				if _, seen := dist[nb.to]; !seen {
					dist[nb.to] = d
					next = append(next, nb.to)
				}
			}
		}
		frontier = next
	}
	return dist
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
