package analysis

import "github.com/alliances/alliances/graph"

// adjacency is the compact (CSR) form of an undirected network that every
// kernel reads: node i is n.Actors[i] (actors sorted by id), its neighbours are
// nbr[off[i]:off[i+1]] in increasing order, with tie weights w at the same
// positions. There are no self-loops and no parallel edges.
type adjacency struct {
	n   int
	off []int32
	nbr []int32
	w   []float64
}

// newAdjacency builds the adjacency of net. Ties naming unknown actors are
// skipped.
func newAdjacency(net *graph.Network) *adjacency {
	idx := make(map[string]int32, len(net.Actors))
	for i, a := range net.Actors {
		idx[a.ID] = int32(i)
	}
	n := len(net.Actors)
	deg := make([]int32, n+1)
	type edge struct {
		a, b int32
		w    float64
	}
	edges := make([]edge, 0, len(net.Ties))
	for _, t := range net.Ties {
		a, okA := idx[t.A]
		b, okB := idx[t.B]
		if !okA || !okB || a == b {
			continue
		}
		edges = append(edges, edge{a, b, t.Weight})
		deg[a]++
		deg[b]++
	}
	g := &adjacency{n: n, off: make([]int32, n+1)}
	for i := 0; i < n; i++ {
		g.off[i+1] = g.off[i] + deg[i]
	}
	g.nbr = make([]int32, g.off[n])
	g.w = make([]float64, g.off[n])
	pos := append([]int32(nil), g.off[:n]...)
	// Ties are sorted by (A, B) and ids map to indices in sorted order, so
	// appending in tie order fills every neighbour list in increasing order for
	// the lower endpoint; the upper endpoint's list is sorted below.
	for _, e := range edges {
		g.nbr[pos[e.a]], g.w[pos[e.a]] = e.b, e.w
		pos[e.a]++
		g.nbr[pos[e.b]], g.w[pos[e.b]] = e.a, e.w
		pos[e.b]++
	}
	for i := 0; i < n; i++ {
		sortNeighbours(g.nbr[g.off[i]:g.off[i+1]], g.w[g.off[i]:g.off[i+1]])
	}
	return g
}

// neighbours returns the neighbours of i and the weights of the ties to them.
func (g *adjacency) neighbours(i int) ([]int32, []float64) {
	return g.nbr[g.off[i]:g.off[i+1]], g.w[g.off[i]:g.off[i+1]]
}

// degree returns the number of neighbours of i.
func (g *adjacency) degree(i int) int { return int(g.off[i+1] - g.off[i]) }

// edges returns the number of undirected ties.
func (g *adjacency) edges() int { return len(g.nbr) / 2 }

// weight returns the weight of the tie between i and j, or 0 when there is none.
func (g *adjacency) weight(i, j int) float64 {
	nb, w := g.neighbours(i)
	lo, hi := 0, len(nb)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case int(nb[m]) < j:
			lo = m + 1
		case int(nb[m]) > j:
			hi = m
		default:
			return w[m]
		}
	}
	return 0
}

// sortNeighbours sorts nb increasingly, permuting w alike (insertion sort: the
// lists are nearly sorted already).
func sortNeighbours(nb []int32, w []float64) {
	for i := 1; i < len(nb); i++ {
		for j := i; j > 0 && nb[j] < nb[j-1]; j-- {
			nb[j], nb[j-1] = nb[j-1], nb[j]
			w[j], w[j-1] = w[j-1], w[j]
		}
	}
}
