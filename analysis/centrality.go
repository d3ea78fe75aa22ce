package analysis

import (
	"math"
	"slices"
)

// PageRank's damping factor, and the iteration limits of the iterative
// measures, which run to their fixed point (docs/metrics.md) rather than to
// NetworkX's default tolerance.
const (
	pageRankAlpha = 0.85
	// powerTolerance bounds the estimated distance of the result from the
	// fixed point (largest difference of one value).
	powerTolerance = 1e-14
	// powerMaxIter is the most iterations per component before giving up
	// (values NaN).
	powerMaxIter = 100_000
	// sameRadius is the relative difference under which two components'
	// leading eigenvalues count as equal.
	sameRadius = 1e-10
)

// strength returns the sum of the weights of the ties of every node.
func strength(g *adjacency) []float64 {
	s := make([]float64, g.n)
	for v := range g.n {
		_, w := g.neighbours(v)
		for _, x := range w {
			s[v] += x
		}
	}
	return s
}

// eigenvectorCentrality returns the eigenvector centrality of every node:
// the fixed point of the power iteration of NetworkX eigenvector_centrality,
// on A + I from the uniform vector x₀ = 1/n,
//
//	x_{k+1} = (A + I) x_k / ‖(A + I) x_k‖₂,
//
// run to convergence (Bonacich, P., Factoring and weighting approaches to
// status scores and clique identification, J. Math. Sociol. 2(1), 1972). A is
// weighted by tie weight when weighted is set. That fixed point is the
// projection of x₀ on the eigenspace of the largest eigenvalue λ of A,
// normalised: on a connected network, the Perron vector of A; on a
// disconnected one, the Perron vectors of the components whose leading
// eigenvalue is λ, each weighted by the sum of its values (the others, and
// isolates unless every actor is one, are 0). It is computed component by
// component, each by power iteration on its own A + I until the estimated
// distance to its limit is below 1e-14, which avoids the slow convergence
// of one iteration over components of close leading eigenvalues; values agree
// with numpy.linalg.eigh to 1e-9 (analysis/testdata/gen_reference.py). When
// a component does not converge within powerMaxIter iterations every value is
// NaN and ok is false.
func eigenvectorCentrality(g *adjacency, weighted bool) (x []float64, ok bool) {
	n := g.n
	x = make([]float64, n)
	if n == 0 {
		return x, true
	}
	comp, sizes := components(g)
	members := make([][]int32, len(sizes))
	for v, c := range comp {
		members[c] = append(members[c], int32(v))
	}
	// The largest components first: they usually hold λ, and the bound below
	// then spares the iteration on every small one.
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return sizes[b] - sizes[a] })
	type leading struct {
		lambda float64
		nodes  []int32
		vec    []float64
	}
	var found []leading
	best := 0.0
	local := make([]int32, n)
	for _, c := range order {
		nodes := members[c]
		// λ of the component is at most its largest row sum of A.
		bound := 0.0
		for _, v := range nodes {
			bound = max(bound, rowSum(g, int(v), weighted))
		}
		if bound < best*(1-sameRadius) {
			continue
		}
		lambda, vec, conv := perron(g, nodes, weighted, local)
		if !conv {
			for v := range x {
				x[v] = math.NaN()
			}
			return x, false
		}
		best = max(best, lambda)
		found = append(found, leading{lambda, nodes, vec})
	}
	for _, l := range found {
		if l.lambda < best*(1-sameRadius) {
			continue
		}
		// The projection of x₀ on this component's vector.
		var coef float64
		for _, y := range l.vec {
			coef += y
		}
		for i, v := range l.nodes {
			x[v] = coef * l.vec[i]
		}
	}
	norm := hypot(x)
	for v := range x {
		x[v] /= norm
	}
	return x, true
}

// rowSum returns the sum of the weights of the ties of v (its degree
// when unweighted).
func rowSum(g *adjacency, v int, weighted bool) float64 {
	nb, w := g.neighbours(v)
	if !weighted {
		return float64(len(nb))
	}
	var s float64
	for _, x := range w {
		s += x
	}
	return s
}

// perron returns the leading eigenvalue of the adjacency matrix A of the
// connected component nodes, and its eigenvector of unit Euclidean norm with
// positive values, by power iteration on A + I from the uniform vector.
// On a connected component the leading eigenvalue of A + I is simple and
// strictly the largest in absolute value (Perron–Frobenius; the shift by I
// keeps −λ of a bipartite component from matching λ), so the iteration
// converges, geometrically with ratio r, the ratio of the two largest
// eigenvalues of A + I in absolute value. It stops when the distance to the
// limit, estimated as d·r/(1−r) from the largest change d of a value and
// the observed ratio r of successive changes, is below powerTolerance, or
// when d reaches the rounding error of the values.
// local is scratch space of g.n values.
func perron(g *adjacency, nodes []int32, weighted bool, local []int32) (lambda float64, vec []float64, ok bool) {
	m := len(nodes)
	for i, v := range nodes {
		local[v] = int32(i)
	}
	x, next := make([]float64, m), make([]float64, m)
	for i := range x {
		x[i] = 1 / math.Sqrt(float64(m))
	}
	multiply := func(dst, src []float64) {
		for i, v := range nodes {
			nb, w := g.neighbours(int(v))
			sum := src[i]
			for k, u := range nb {
				if weighted {
					sum += src[local[u]] * w[k]
				} else {
					sum += src[local[u]]
				}
			}
			dst[i] = sum
		}
	}
	last := math.NaN()
	for range powerMaxIter {
		multiply(next, x)
		norm := hypot(next)
		var d float64
		for i := range next {
			next[i] /= norm
			d = max(d, math.Abs(next[i]-x[i]))
		}
		x, next = next, x
		r := d / last // NaN at the first step
		last = d
		if d <= 4*epsilon || r < 1 && d*r/(1-r) < powerTolerance {
			// The Rayleigh quotient of A: λ + 1 of A + I, less 1.
			multiply(next, x)
			var q float64
			for i := range x {
				q += x[i] * next[i]
			}
			return q - 1, x, true
		}
	}
	return math.NaN(), x, false
}

// epsilon is the spacing of float64 values near 1.
const epsilon = 0x1p-52

// hypot returns the Euclidean norm of x without undue overflow or underflow.
func hypot(x []float64) float64 {
	var scale float64
	for _, v := range x {
		scale = max(scale, math.Abs(v))
	}
	if scale == 0 {
		return 0
	}
	var sum float64
	for _, v := range x {
		r := v / scale
		sum += r * r
	}
	return scale * math.Sqrt(sum)
}

// pageRank returns the PageRank of every node with alpha = 0.85, the fixed
// point of the power iteration of NetworkX pagerank from x₀ = 1/n,
//
//	x_{k+1}(v) = α (Σ_u x_k(u) w_uv / s_u + Σ_{d dangling} x_k(d) / n) + (1 − α)/n,
//
// s_u the strength of u (its degree when unweighted), the mass of nodes
// without ties spread uniformly (Page, L., Brin, S., Motwani, R. and
// Winograd, T., The PageRank citation ranking: bringing order to the web,
// Stanford InfoLab, 1999). The iteration contracts by α in ℓ₁, so it stops
// when the ℓ₁ change d of one step gives a distance to the fixed point
// d·α/(1−α) below powerTolerance, or when d reaches the rounding error of the
// values; the result agrees with igraph's PRPACK solver to 1e-9
// (analysis/testdata/gen_reference.py). When the iteration does not converge
// every value is NaN and ok is false.
func pageRank(g *adjacency, weighted bool) (x []float64, ok bool) {
	n := g.n
	x = make([]float64, n)
	if n == 0 {
		return x, true
	}
	out := make([]float64, n) // 1/s_u, 0 for dangling nodes
	for v := range n {
		if s := rowSum(g, v, weighted); s != 0 {
			out[v] = 1 / s
		}
	}
	last := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	nf := float64(n)
	for range powerMaxIter {
		x, last = last, x
		var dangling float64
		for v := range n {
			if out[v] == 0 {
				dangling += last[v]
			}
		}
		teleport := dangling / nf
		var diff float64
		for v := range n {
			nb, w := g.neighbours(v)
			var sum float64
			for k, u := range nb {
				if weighted {
					sum += last[u] * w[k] * out[u]
				} else {
					sum += last[u] * out[u]
				}
			}
			x[v] = pageRankAlpha*(sum+teleport) + (1-pageRankAlpha)/nf
			diff += math.Abs(x[v] - last[v])
		}
		if diff*pageRankAlpha/(1-pageRankAlpha) < powerTolerance || diff <= 4*epsilon {
			return x, true
		}
	}
	for v := range x {
		x[v] = math.NaN()
	}
	return x, false
}
