package analysis

import (
	"math"
	"math/rand/v2"
	"slices"

	gograph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// louvain returns the community of every node found by the Louvain method
// (Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E., Fast
// unfolding of communities in large networks, J. Stat. Mech. P10008, 2008)
// at resolution 1, as gonum's community.Modularize computes it with a PCG
// source seeded with seed; tie weights are used when weighted is set.
// Communities are numbered from 0 in order of their smallest node, so the
// same network and seed always give the same numbers. Nodes without ties are
// communities of their own.
func louvain(g *adjacency, weighted bool, seed int64) (comm []int, count int) {
	comm = make([]int, g.n)
	if g.n == 0 {
		return comm, 0
	}
	src := rand.NewPCG(uint64(seed), 0xda3e39cb94b95bdb)
	reduced := community.Modularize(gonumView{g: g, weighted: weighted}, 1, src)
	groups := reduced.Communities()
	first := make([]int64, len(groups))
	order := make([]int, len(groups))
	for i, grp := range groups {
		first[i] = math.MaxInt64
		for _, nd := range grp {
			first[i] = min(first[i], nd.ID())
		}
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return int(first[a] - first[b]) })
	count = 0
	for _, i := range order {
		if len(groups[i]) == 0 {
			continue
		}
		for _, nd := range groups[i] {
			comm[nd.ID()] = count
		}
		count++
	}
	return comm, count
}

// modularity returns the modularity of the partition comm of g, as NetworkX
// modularity with resolution 1:
//
//	Q = Σ_c [ L_c/m − (D_c/2m)² ],
//
// m the total tie weight, L_c the weight of the ties inside community c and
// D_c the total strength of its nodes (Newman, M. E. J. and Girvan, M.,
// Finding and evaluating community structure in networks, Phys. Rev. E 69,
// 026113, 2004). Ties count 1 unless weighted is set. Undefined (NaN) without
// ties.
func modularity(g *adjacency, weighted bool, comm []int, count int) float64 {
	inside := make([]float64, count)
	total := make([]float64, count)
	var m2 float64
	for v := range g.n {
		nb, w := g.neighbours(v)
		for k, u := range nb {
			x := 1.0
			if weighted {
				x = w[k]
			}
			m2 += x
			total[comm[v]] += x
			if comm[u] == comm[v] {
				inside[comm[v]] += x
			}
		}
	}
	if m2 == 0 {
		return math.NaN()
	}
	var q float64
	for c := range count {
		f := total[c] / m2
		q += inside[c]/m2 - f*f
	}
	return q
}

// gonumView presents an adjacency as a gonum weighted undirected graph whose
// node ids are the node indices. Nodes and neighbours are listed in
// increasing order, which keeps gonum's Louvain deterministic for a seed.
type gonumView struct {
	g        *adjacency
	weighted bool
}

func (v gonumView) has(id int64) bool { return id >= 0 && id < int64(v.g.n) }

func (v gonumView) Node(id int64) gograph.Node {
	if !v.has(id) {
		return nil
	}
	return simple.Node(id)
}

func (v gonumView) Nodes() gograph.Nodes {
	if v.g.n == 0 {
		return gograph.Empty
	}
	return iterator.NewImplicitNodes(0, v.g.n, func(id int) gograph.Node { return simple.Node(id) })
}

func (v gonumView) From(id int64) gograph.Nodes {
	if !v.has(id) {
		return gograph.Empty
	}
	nb, _ := v.g.neighbours(int(id))
	if len(nb) == 0 {
		return gograph.Empty
	}
	nodes := make([]gograph.Node, len(nb))
	for i, u := range nb {
		nodes[i] = simple.Node(u)
	}
	return iterator.NewOrderedNodes(nodes)
}

func (v gonumView) Weight(xid, yid int64) (float64, bool) {
	if !v.has(xid) || !v.has(yid) || xid == yid {
		return 0, false
	}
	w := v.g.weight(int(xid), int(yid))
	if w == 0 {
		return 0, false
	}
	if !v.weighted {
		return 1, true
	}
	return w, true
}

func (v gonumView) HasEdgeBetween(xid, yid int64) bool {
	_, ok := v.Weight(xid, yid)
	return ok
}

func (v gonumView) WeightedEdgeBetween(xid, yid int64) gograph.WeightedEdge {
	w, ok := v.Weight(xid, yid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: simple.Node(xid), T: simple.Node(yid), W: w}
}

func (v gonumView) WeightedEdge(uid, vid int64) gograph.WeightedEdge {
	return v.WeightedEdgeBetween(uid, vid)
}

func (v gonumView) EdgeBetween(xid, yid int64) gograph.Edge {
	if e := v.WeightedEdgeBetween(xid, yid); e != nil {
		return e
	}
	return nil
}

func (v gonumView) Edge(uid, vid int64) gograph.Edge { return v.EdgeBetween(uid, vid) }

var _ gograph.WeightedUndirected = gonumView{}
