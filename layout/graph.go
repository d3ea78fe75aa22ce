package layout

import "sort"

// csr is an undirected graph in compressed sparse rows: the neighbours of
// node u are adj[off[u]:off[u+1]], with the weights w (the number of ties
// that an edge of a coarse graph stands for). mass is the number of actors
// that a node stands for.
type csr struct {
	n    int
	off  []int32
	adj  []int32
	w    []float64
	mass []float64
}

// newCSR returns the graph of n nodes of mass 1 and the edges pairs (each
// once, weight 1).
func newCSR(n int, pairs [][2]int32) *csr {
	w := make([]float64, len(pairs))
	for i := range w {
		w[i] = 1
	}
	mass := make([]float64, n)
	for i := range mass {
		mass[i] = 1
	}
	return fromEdges(n, pairs, w, mass)
}

// fromEdges builds a graph from edges given once each (u ≠ v).
func fromEdges(n int, pairs [][2]int32, w, mass []float64) *csr {
	g := &csr{n: n, off: make([]int32, n+1), adj: make([]int32, 2*len(pairs)), w: make([]float64, 2*len(pairs)), mass: mass}
	for _, p := range pairs {
		g.off[p[0]+1]++
		g.off[p[1]+1]++
	}
	for i := 0; i < n; i++ {
		g.off[i+1] += g.off[i]
	}
	fill := append([]int32(nil), g.off[:n]...)
	for k, p := range pairs {
		a, b := p[0], p[1]
		g.adj[fill[a]], g.w[fill[a]] = b, w[k]
		fill[a]++
		g.adj[fill[b]], g.w[fill[b]] = a, w[k]
		fill[b]++
	}
	return g
}

func (g *csr) degree(u int32) int { return int(g.off[u+1] - g.off[u]) }

// components returns the node sets of the connected components of g, each
// in increasing node order, the largest first (ties: the one with the
// smallest node first).
func (g *csr) components() [][]int32 {
	comp := make([]int32, g.n)
	for i := range comp {
		comp[i] = -1
	}
	var out [][]int32
	var queue []int32
	for s := 0; s < g.n; s++ {
		if comp[s] >= 0 {
			continue
		}
		id := int32(len(out))
		comp[s] = id
		queue = append(queue[:0], int32(s))
		members := []int32{int32(s)}
		for len(queue) > 0 {
			u := queue[len(queue)-1]
			queue = queue[:len(queue)-1]
			for _, v := range g.adj[g.off[u]:g.off[u+1]] {
				if comp[v] < 0 {
					comp[v] = id
					queue = append(queue, v)
					members = append(members, v)
				}
			}
		}
		sort.Slice(members, func(i, j int) bool { return members[i] < members[j] })
		out = append(out, members)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// sub returns the subgraph of g induced by nodes (increasing), numbered in
// their order.
func (g *csr) sub(nodes []int32) *csr {
	local := make(map[int32]int32, len(nodes))
	for i, u := range nodes {
		local[u] = int32(i)
	}
	var pairs [][2]int32
	var w []float64
	mass := make([]float64, len(nodes))
	for i, u := range nodes {
		mass[i] = g.mass[u]
		for k := g.off[u]; k < g.off[u+1]; k++ {
			if j, ok := local[g.adj[k]]; ok && int32(i) < j {
				pairs = append(pairs, [2]int32{int32(i), j})
				w = append(w, g.w[k])
			}
		}
	}
	return fromEdges(len(nodes), pairs, w, mass)
}

// coarsen groups the nodes of g in pairs along edges (a maximal matching,
// preferring light neighbours, visited in the random order perm) and puts
// every node left alone in the lightest group of its neighbours, so that a
// star collapses at once. It returns the graph of the groups, whose
// masses and edge weights are sums, and the group of every node.
func (g *csr) coarsen(perm []int) (*csr, []int32) {
	group := make([]int32, g.n)
	for i := range group {
		group[i] = -1
	}
	var mass []float64
	for _, ui := range perm {
		u := int32(ui)
		if group[u] >= 0 {
			continue
		}
		best := int32(-1)
		for _, v := range g.adj[g.off[u]:g.off[u+1]] {
			if v == u || group[v] >= 0 {
				continue
			}
			if best < 0 || g.mass[v] < g.mass[best] ||
				(g.mass[v] == g.mass[best] && (g.degree(v) < g.degree(best) || (g.degree(v) == g.degree(best) && v < best))) {
				best = v
			}
		}
		if best >= 0 {
			group[u], group[best] = int32(len(mass)), int32(len(mass))
			mass = append(mass, g.mass[u]+g.mass[best])
		}
	}
	for u := int32(0); int(u) < g.n; u++ {
		if group[u] >= 0 {
			continue
		}
		best := int32(-1)
		for _, v := range g.adj[g.off[u]:g.off[u+1]] {
			if gv := group[v]; gv >= 0 && (best < 0 || mass[gv] < mass[best] || (mass[gv] == mass[best] && gv < best)) {
				best = gv
			}
		}
		if best < 0 {
			best = int32(len(mass))
			mass = append(mass, 0)
		}
		group[u] = best
		mass[best] += g.mass[u]
	}
	type edge struct {
		a, b int32
		w    float64
	}
	var edges []edge
	for u := int32(0); int(u) < g.n; u++ {
		for k := g.off[u]; k < g.off[u+1]; k++ {
			a, b := group[u], group[g.adj[k]]
			if u < g.adj[k] && a != b {
				if b < a {
					a, b = b, a
				}
				edges = append(edges, edge{a, b, g.w[k]})
			}
		}
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].a != edges[j].a {
			return edges[i].a < edges[j].a
		}
		return edges[i].b < edges[j].b
	})
	var pairs [][2]int32
	var w []float64
	for i, e := range edges {
		if i > 0 && e.a == edges[i-1].a && e.b == edges[i-1].b {
			w[len(w)-1] += e.w
			continue
		}
		pairs = append(pairs, [2]int32{e.a, e.b})
		w = append(w, e.w)
	}
	return fromEdges(len(mass), pairs, w, mass), group
}
