package analysis

import (
	"math"
	"slices"
)

// components returns the component of every node (numbered from 0 in order
// of their smallest node) and the size of every component.
func components(g *adjacency) (comp []int32, sizes []int) {
	comp = make([]int32, g.n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, g.n)
	for s := range g.n {
		if comp[s] >= 0 {
			continue
		}
		c := int32(len(sizes))
		comp[s] = c
		queue = append(queue[:0], int32(s))
		for i := 0; i < len(queue); i++ {
			nb, _ := g.neighbours(int(queue[i]))
			for _, w := range nb {
				if comp[w] < 0 {
					comp[w] = c
					queue = append(queue, w)
				}
			}
		}
		sizes = append(sizes, len(queue))
	}
	return comp, sizes
}

// coreNumbers returns the core number of every node: the largest k such that
// the node belongs to a subgraph whose nodes all have degree ≥ k (Seidman,
// S. B., Network structure and minimum degree, Social Networks 5(3), 1983),
// computed in O(m) by the bucket algorithm of Batagelj, V. and Zaversnik, M.,
// An O(m) algorithm for cores decomposition of networks, arXiv cs/0310049,
// 2003, as NetworkX core_number.
func coreNumbers(g *adjacency) []int {
	n := g.n
	deg := make([]int, n)
	maxDeg := 0
	for v := range n {
		deg[v] = g.degree(v)
		maxDeg = max(maxDeg, deg[v])
	}
	bin := make([]int, maxDeg+1)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := range bin {
		bin[d], start = start, start+bin[d]
	}
	pos := make([]int, n)
	vert := make([]int, n)
	for v := range n {
		pos[v] = bin[deg[v]]
		vert[pos[v]] = v
		bin[deg[v]]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	if maxDeg >= 0 && len(bin) > 0 {
		bin[0] = 0
	}
	for i := range n {
		v := vert[i]
		nb, _ := g.neighbours(v)
		for _, u32 := range nb {
			u := int(u32)
			if deg[u] > deg[v] {
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], pos[w] = pw, pu
					vert[pu], vert[pw] = w, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}

// triangles returns the number of triangles through every node, counting
// common neighbours of the endpoints of every tie on the sorted neighbour
// lists.
func triangles(g *adjacency) []int {
	t := make([]int, g.n)
	for v := range g.n {
		nv, _ := g.neighbours(v)
		for _, u := range nv {
			if int(u) <= v {
				continue
			}
			nu, _ := g.neighbours(int(u))
			c := commonCount(nv, nu)
			t[v] += c
			t[u] += c
		}
	}
	// Each triangle through v was counted on both of v's ties in it.
	for v := range t {
		t[v] /= 2
	}
	return t
}

// commonCount returns the number of values common to the increasing lists a
// and b.
func commonCount(a, b []int32) int {
	i, j, c := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			c++
			i++
			j++
		}
	}
	return c
}

// clustering returns the local clustering coefficient of every node, as
// NetworkX clustering:
//
//	C(v) = 2 T(v) / (d(v)(d(v) − 1)),
//
// T(v) the number of triangles through v, 0 when d(v) < 2 (Watts, D. J. and
// Strogatz, S. H., Collective dynamics of 'small-world' networks, Nature 393,
// 1998). With weighted set it is Onnela's weighted clustering,
//
//	C(v) = 1/(d(v)(d(v) − 1)) Σ_{u,w} (ŵ_vu ŵ_uw ŵ_wv)^{1/3},
//
// over ordered pairs of neighbours u, w of v that are tied, ŵ = w / max(w)
// (Onnela, J.-P., Saramäki, J., Kertész, J. and Kaski, K., Intensity and
// coherence of motifs in weighted complex networks, Phys. Rev. E 71, 065103,
// 2005).
func clustering(g *adjacency, weighted bool, tri []int) []float64 {
	c := make([]float64, g.n)
	if !weighted {
		for v := range g.n {
			if d := g.degree(v); d >= 2 && tri[v] > 0 {
				c[v] = 2 * float64(tri[v]) / (float64(d) * float64(d-1))
			}
		}
		return c
	}
	maxW := 0.0
	for _, w := range g.w {
		maxW = max(maxW, w)
	}
	if maxW == 0 {
		maxW = 1
	}
	sum := make([]float64, g.n)
	for v := range g.n {
		nv, wv := g.neighbours(v)
		for a, u := range nv {
			if int(u) <= v {
				continue
			}
			nu, wu := g.neighbours(int(u))
			// Common neighbours x of v and u, with the weights of v–x and u–x.
			i, j := 0, 0
			for i < len(nv) && j < len(nu) {
				switch {
				case nv[i] < nu[j]:
					i++
				case nv[i] > nu[j]:
					j++
				default:
					x := nv[i]
					if int(x) > int(u) {
						t := math.Cbrt(wv[a] / maxW * wv[i] / maxW * wu[j] / maxW)
						sum[v] += t
						sum[u] += t
						sum[x] += t
					}
					i++
					j++
				}
			}
		}
	}
	for v := range g.n {
		if d := g.degree(v); d >= 2 && sum[v] > 0 {
			c[v] = 2 * sum[v] / (float64(d) * float64(d-1))
		}
	}
	return c
}

// transitivity returns the global clustering coefficient of NetworkX
// transitivity, 3 × triangles / connected triples:
//
//	T = Σ_v T(v) / Σ_v d(v)(d(v) − 1)/2,
//
// (Newman, M. E. J., Networks: An Introduction, Oxford University Press, 2010,
// §7.9). Without any connected triple it is undefined (NaN), where NetworkX
// returns 0.
func transitivity(g *adjacency, tri []int) float64 {
	var t, triples float64
	for v := range g.n {
		d := float64(g.degree(v))
		t += float64(tri[v])
		triples += d * (d - 1) / 2
	}
	if triples == 0 {
		return math.NaN()
	}
	return t / triples
}

// density returns 2m / (n(n − 1)), undefined (NaN) when n < 2.
func density(n, m int) float64 {
	if n < 2 {
		return math.NaN()
	}
	return 2 * float64(m) / (float64(n) * float64(n-1))
}

// degreeCentralization returns Freeman's degree centralization
//
//	C_D = Σ_v (d_max − d(v)) / ((n − 1)(n − 2)),
//
// the sum of the differences to the most central node relative to its largest
// possible value, reached by the star (Freeman, L. C., Centrality in social
// networks: conceptual clarification, Social Networks 1(3), 1979, eq. 4).
// It is undefined (NaN) when n < 3.
func degreeCentralization(g *adjacency) float64 {
	n := g.n
	if n < 3 {
		return math.NaN()
	}
	maxD := 0
	for v := range n {
		maxD = max(maxD, g.degree(v))
	}
	var sum float64
	for v := range n {
		sum += float64(maxD - g.degree(v))
	}
	return sum / (float64(n-1) * float64(n-2))
}

// betweennessCentralization returns Freeman's betweenness centralization on
// normalized betweenness b ∈ [0, 1],
//
//	C_B = Σ_v (b_max − b(v)) / (n − 1),
//
// 1 for the star and 0 when every node has the same betweenness (Freeman
// 1979, eq. 13). It is undefined (NaN) when n < 3.
func betweennessCentralization(b []float64) float64 {
	n := len(b)
	if n < 3 {
		return math.NaN()
	}
	maxB := slices.Max(b)
	var sum float64
	for _, x := range b {
		sum += maxB - x
	}
	return sum / float64(n-1)
}

// degreeAssortativity returns the degree assortativity coefficient of
// NetworkX degree_assortativity_coefficient: the Pearson correlation of the
// degrees at the two ends of every tie, each tie counted in both directions
// (Newman, M. E. J., Assortative mixing in networks, Phys. Rev. Lett. 89,
// 208701, 2002, eq. 4). It is undefined (NaN) without ties or when every
// tie joins nodes of the same degree (a regular network).
func degreeAssortativity(g *adjacency) float64 {
	arcs := len(g.nbr)
	if arcs == 0 {
		return math.NaN()
	}
	var mean float64
	for v := range g.n {
		d := float64(g.degree(v))
		mean += d * d // d arcs leave v, each with degree d at its tail
	}
	mean /= float64(arcs)
	var cov, variance float64
	for v := range g.n {
		dv := float64(g.degree(v)) - mean
		variance += float64(g.degree(v)) * dv * dv
		nb, _ := g.neighbours(v)
		for _, u := range nb {
			cov += dv * (float64(g.degree(int(u))) - mean)
		}
	}
	if variance == 0 {
		return math.NaN()
	}
	return cov / variance
}
