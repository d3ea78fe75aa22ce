package analysis

import (
	"math"
	"math/rand/v2"
	"slices"
)

// louvain returns the community of every node found by the Louvain method
// (Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E., Fast
// unfolding of communities in large networks, J. Stat. Mech. P10008, 2008)
// at resolution 1, seeded with seed; tie weights are used when weighted is
// set. Communities are numbered from 0 in order of their smallest node, so the
// same network and seed always give the same numbers. Nodes without ties are
// communities of their own.
//
// The algorithm is gonum's community.Modularize (graph/community,
// louvain_undirected.go) with a PCG source seeded with seed: the same local
// moving heuristic (nodes visited in an order shuffled by the source before
// every pass, a node moving to the neighbouring community of largest gain,
// the smallest community index on ties, when the gain exceeds 1e-15), the
// same aggregation and the same numbering of the aggregated nodes, so it
// finds the same partition (checked by TestLouvainMatchesGonum), with one
// difference: a level also ends after a pass whose total gain is below 1e-7
// (louvainPassGain), where gonum goes on until no node moves. It runs on the
// CSR adjacency with incremental community totals, where gonum sums over the
// members of every candidate community, which is quadratic in the community
// sizes on large networks: 100× faster on 10,000 actors.
func louvain(g *adjacency, weighted bool, seed int64) (comm []int, count int) {
	comm = make([]int, g.n)
	if g.n == 0 {
		return comm, 0
	}
	rnd := rand.New(rand.NewPCG(uint64(seed), louvainStream)).IntN
	lv := newLouvainLevel(g, weighted)
	for v := range comm {
		comm[v] = v
	}
	for {
		moved, ok := lv.localMoving(rnd)
		if !ok || !moved {
			break
		}
		var members []int32
		lv, members = lv.reduce()
		for v := range comm {
			comm[v] = int(members[comm[v]])
		}
	}
	return renumber(comm)
}

// louvainStream is the PCG stream of the Louvain source.
const louvainStream = 0xda3e39cb94b95bdb

// renumber numbers the groups of comm from 0 in order of their smallest
// node.
func renumber(comm []int) ([]int, int) {
	id := make(map[int]int)
	for v, c := range comm {
		n, ok := id[c]
		if !ok {
			n = len(id)
			id[c] = n
		}
		comm[v] = n
	}
	return comm, len(id)
}

// louvainLevel is one level of the Louvain aggregation: a weighted graph
// whose node weights are the weights inside the aggregated communities.
type louvainLevel struct {
	n    int
	off  []int32
	nbr  []int32
	w    []float64
	self []float64 // weight inside the node (gonum's Weight(x, x))

	// Local moving state.
	strength []float64 // self + Σ w, gonum's edgeWeightOf
	m2       float64
	member   []int32   // community of every node
	members  [][]int32 // nodes of every community, in gonum's order
	pos      []int32   // position of every node in members[member[v]]
	total    []float64 // Σ strength over every community (σ_tot)
}

func newLouvainLevel(g *adjacency, weighted bool) *louvainLevel {
	lv := &louvainLevel{n: g.n, off: g.off, nbr: g.nbr, self: make([]float64, g.n)}
	if weighted {
		lv.w = g.w
	} else {
		lv.w = make([]float64, len(g.nbr))
		for i := range lv.w {
			lv.w[i] = 1
		}
	}
	return lv
}

// localMoving runs gonum's localMovingHeuristic from singleton communities.
// It reports whether any node moved, and ok = false when the level has no
// tie weight at all (gonum's nil local mover).
func (lv *louvainLevel) localMoving(rnd func(int) int) (moved, ok bool) {
	n := lv.n
	lv.strength = make([]float64, n)
	lv.m2 = 0
	for v := range n {
		s := lv.self[v]
		for k := lv.off[v]; k < lv.off[v+1]; k++ {
			s += lv.w[k]
		}
		lv.strength[v] = s
		lv.m2 += s
	}
	if lv.m2 == 0 {
		return false, false
	}
	lv.member = make([]int32, n)
	lv.members = make([][]int32, n)
	lv.pos = make([]int32, n)
	lv.total = make([]float64, n)
	for v := range n {
		lv.member[v] = int32(v)
		lv.members[v] = []int32{int32(v)}
		lv.total[v] = lv.strength[v]
	}
	nodes := make([]int32, n)
	for i := range nodes {
		nodes[i] = int32(i)
	}
	kC := make([]float64, n) // weight from the current node to every community
	seen := make([]bool, n)
	var cands []int32
	for {
		pass := false
		var gain float64
		for i := range nodes[:len(nodes)-1] {
			j := i + rnd(len(nodes)-i)
			nodes[i], nodes[j] = nodes[j], nodes[i]
		}
		for _, v := range nodes {
			own := lv.member[v]
			cands = append(cands[:0], own)
			seen[own] = true
			kC[own] = lv.self[v]
			for k := lv.off[v]; k < lv.off[v+1]; k++ {
				c := lv.member[lv.nbr[k]]
				if !seen[c] {
					seen[c] = true
					cands = append(cands, c)
					kC[c] = 0
				}
				kC[c] += lv.w[k]
			}
			slices.Sort(cands)
			aa, ka, m2 := lv.self[v], lv.strength[v], lv.m2
			var dQremove float64
			dQadd, dst := math.Inf(-1), int32(-1)
			for _, c := range cands {
				seen[c] = false
				kaC, sigma := kC[c], lv.total[c]
				if c == own {
					dQremove = kaC - aa - ka*(sigma-ka)/m2
					continue
				}
				if dQ := kaC - ka*sigma/m2; dQ > dQadd {
					dQadd, dst = dQ, c
				}
			}
			dQ := 2 * (dQadd - dQremove) / m2
			if dQ <= louvainTolerance {
				continue
			}
			gain += dQ
			lv.move(v, own, dst)
			pass, moved = true, true
		}
		if !pass || gain < louvainPassGain {
			return moved, true
		}
	}
}

// louvainTolerance is gonum's deltaQtol: smaller gains are not moves.
const louvainTolerance = 1e-15

// louvainPassGain ends the local moving of a level after a pass that raised
// the modularity by less than this, NetworkX louvain_communities' threshold.
// gonum instead repeats passes until no node moves, which on large networks
// takes hundreds of passes of vanishing gains.
const louvainPassGain = 1e-7

// move moves v from community src to dst as gonum does: appended to dst,
// replaced in src by its last member.
func (lv *louvainLevel) move(v int32, src, dst int32) {
	old := lv.pos[v]
	s := lv.members[src]
	last := s[len(s)-1]
	s[old] = last
	lv.pos[last] = old
	lv.members[src] = s[:len(s)-1]
	lv.member[v] = dst
	lv.pos[v] = int32(len(lv.members[dst]))
	lv.members[dst] = append(lv.members[dst], v)
	lv.total[src] -= lv.strength[v]
	lv.total[dst] += lv.strength[v]
}

// reduce aggregates the communities into the nodes of the next level,
// dropping empty communities as gonum does (the last community takes the
// place of an empty one), and returns the community → new node mapping.
func (lv *louvainLevel) reduce() (*louvainLevel, []int32) {
	comms := lv.members
	order := make([]int32, len(comms))
	for i := range order {
		order[i] = int32(i)
	}
	for i := 0; i < len(order); {
		if len(comms[order[i]]) == 0 {
			order[i] = order[len(order)-1]
			order = order[:len(order)-1]
		} else {
			i++
		}
	}
	newID := make([]int32, len(comms))
	for i, c := range order {
		newID[c] = int32(i)
	}
	k := len(order)
	next := &louvainLevel{n: k, self: make([]float64, k), off: make([]int32, k+1)}
	// Ties between communities, each summed once from its lower end.
	type arc struct {
		to int32
		w  float64
	}
	out := make([][]arc, k)
	acc := make([]float64, k)
	var touched []int32
	for a := range k {
		touched = touched[:0]
		for _, u := range comms[order[a]] {
			next.self[a] += lv.self[u]
			for e := lv.off[u]; e < lv.off[u+1]; e++ {
				b := newID[lv.member[lv.nbr[e]]]
				if int(b) == a {
					next.self[a] += lv.w[e]
					continue
				}
				if int(b) < a {
					continue
				}
				if acc[b] == 0 {
					touched = append(touched, b)
				}
				acc[b] += lv.w[e]
			}
		}
		for _, b := range touched {
			out[a] = append(out[a], arc{b, acc[b]})
			out[b] = append(out[b], arc{int32(a), acc[b]})
			acc[b] = 0
		}
	}
	for a := range k {
		next.off[a+1] = next.off[a] + int32(len(out[a]))
	}
	next.nbr = make([]int32, next.off[k])
	next.w = make([]float64, next.off[k])
	for a := range k {
		for i, e := range out[a] {
			next.nbr[int(next.off[a])+i] = e.to
			next.w[int(next.off[a])+i] = e.w
		}
	}
	mapping := make([]int32, lv.n)
	for v := range lv.n {
		mapping[v] = newID[lv.member[v]]
	}
	return next, mapping
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

// CommunitySize is a Louvain community and its number of actors.
type CommunitySize struct {
	Community, Actors int
}

// RankCommunities returns the communities of actors, largest first (equal
// sizes by community number): the order in which maps colour them and
// reports number them (rank = position + 1).
func RankCommunities(actors []ActorMetrics) []CommunitySize {
	size := make(map[int]int)
	for _, a := range actors {
		size[a.Community]++
	}
	out := make([]CommunitySize, 0, len(size))
	for c, n := range size {
		out = append(out, CommunitySize{c, n})
	}
	slices.SortFunc(out, func(a, b CommunitySize) int {
		if a.Actors != b.Actors {
			return b.Actors - a.Actors
		}
		return a.Community - b.Community
	})
	return out
}
