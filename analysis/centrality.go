package analysis

import "math"

// Power iteration parameters of NetworkX 2.8 eigenvector_centrality and
// pagerank, kept so that every value can be checked against NetworkX.
const (
	powerMaxIter   = 100
	powerTolerance = 1e-6
	pageRankAlpha  = 0.85
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

// eigenvectorCentrality returns the eigenvector centrality of every node, as
// NetworkX 2.8 eigenvector_centrality computes it: power iteration on A + I
// from the uniform vector x₀ = 1/n,
//
//	x_{k+1} = (A + I) x_k / ‖(A + I) x_k‖₂,
//
// stopping when ‖x_{k+1} − x_k‖₁ < n·10⁻⁶, after at most 100 iterations
// (Bonacich, P., Factoring and weighting approaches to status scores and
// clique identification, J. Math. Sociol. 2(1), 1972). A is weighted by tie
// weight when weighted is set. On a disconnected network the iteration
// converges to a mixture of the components' leading eigenvectors that
// depends on the starting vector; the result is NetworkX's. When the
// iteration does not converge (NetworkX raises
// PowerIterationFailedConvergence) every value is NaN; ok is then false.
func eigenvectorCentrality(g *adjacency, weighted bool) (x []float64, ok bool) {
	n := g.n
	x = make([]float64, n)
	if n == 0 {
		return x, true
	}
	last := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for range powerMaxIter {
		x, last = last, x
		for v := range n {
			nb, w := g.neighbours(v)
			sum := last[v]
			for k, u := range nb {
				if weighted {
					sum += last[u] * w[k]
				} else {
					sum += last[u]
				}
			}
			x[v] = sum
		}
		norm := hypot(x)
		if norm == 0 {
			norm = 1
		}
		var diff float64
		for v := range x {
			x[v] /= norm
			diff += math.Abs(x[v] - last[v])
		}
		if diff < float64(n)*powerTolerance {
			return x, true
		}
	}
	for v := range x {
		x[v] = math.NaN()
	}
	return x, false
}

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

// pageRank returns the PageRank of every node as NetworkX 2.8 pagerank
// computes it with alpha = 0.85: power iteration from x₀ = 1/n,
//
//	x_{k+1}(v) = α (Σ_u x_k(u) w_uv / s_u + Σ_{d dangling} x_k(d) / n) + (1 − α)/n,
//
// s_u the strength of u (its degree when unweighted), the mass of nodes
// without ties spread uniformly, stopping when ‖x_{k+1} − x_k‖₁ < n·10⁻⁶
// after at most 100 iterations (Page, L., Brin, S., Motwani, R. and
// Winograd, T., The PageRank citation ranking: bringing order to the web,
// Stanford InfoLab, 1999). When the iteration does not converge every value
// is NaN and ok is false.
func pageRank(g *adjacency, weighted bool) (x []float64, ok bool) {
	n := g.n
	x = make([]float64, n)
	if n == 0 {
		return x, true
	}
	out := make([]float64, n) // 1/s_u, 0 for dangling nodes
	for v := range n {
		if weighted {
			_, w := g.neighbours(v)
			var s float64
			for _, x := range w {
				s += x
			}
			if s != 0 {
				out[v] = 1 / s
			}
		} else if d := g.degree(v); d > 0 {
			out[v] = 1 / float64(d)
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
		if diff < nf*powerTolerance {
			return x, true
		}
	}
	for v := range x {
		x[v] = math.NaN()
	}
	return x, false
}
