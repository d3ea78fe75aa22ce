package analysis

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// tieEpsilon is the relative tolerance under which two path lengths are equal:
// 1/3 + 1/6 and 1/2 differ in the last bit but are the same length (docs/metrics.md).
// It is igraph's IGRAPH_SHORTEST_PATH_EPSILON, compared as igraph_cmp_epsilon
// does: |a − b| / (|a| + |b|) < ε.
const tieEpsilon = 1e-10

// sameLength reports whether the path lengths a and b are equal up to
// tieEpsilon.
func sameLength(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b)/(math.Abs(a)+math.Abs(b)) < tieEpsilon
}

// shorter reports whether the path length a is shorter than b by more than
// tieEpsilon.
func shorter(a, b float64) bool { return a < b && !sameLength(a, b) }

// pathMetrics are the metrics computed from single-source shortest path
// passes: normalized betweenness, closeness and harmonic centrality, one value
// per node.
type pathMetrics struct {
	betweenness, closeness, harmonic []float64

	// sampled is set when betweenness was estimated from samples shortest
	// paths; errorBound then bounds the absolute error of every normalized
	// value with probability 1 − delta.
	sampled           bool
	samples           int
	errorBound, delta float64
}

// Sampling parameters of the Riondato–Kornaropoulos estimator: every
// estimate is within samplingEpsilon (on the n(n−1) normalization) of the
// exact value with probability 1 − samplingDelta; samplingC is the universal
// constant of their Theorem 2 (0.5, as they recommend).
const (
	samplingEpsilon = 0.01
	samplingDelta   = 0.1
	samplingC       = 0.5
)

// pathChunks is the number of fixed source blocks whose betweenness
// contributions are summed separately and then added in block order, so that
// the result does not depend on the number of workers or on scheduling.
const pathChunks = 64

// sample is one pair of the Riondato–Kornaropoulos estimator: a target and the
// seed of the random choice of one of its shortest paths from the source.
type sample struct {
	target int32
	seed   uint64
}

// shortestPathMetrics computes betweenness, closeness and harmonic
// centrality of every node of g from one shortest path pass per source,
// run by workers goroutines. Path lengths are hop counts or, when weighted,
// sums of 1/weight. Betweenness is exact (Brandes) when exactLimit ≥ g.n or
// when weighted; unweighted networks above the limit use the kernels of
// paths_large.go instead of one pass per source, betweenness being estimated
// with the Riondato–Kornaropoulos path sampling, seeded with seed.
//
// Betweenness is normalized as NetworkX's betweenness_centrality:
//
//	b(v) = Σ_{s≠v≠t} σ_st(v)/σ_st / ((n−1)(n−2)),
//
// over ordered pairs, σ_st the number of shortest s–t paths and σ_st(v) the
// number of them through v (Brandes, U., A faster algorithm for betweenness
// centrality, J. Math. Sociol. 25(2), 2001). Closeness is the Wasserman–Faust
// closeness of NetworkX's closeness_centrality (wf_improved):
//
//	c(u) = (r−1)/(n−1) · (r−1)/Σ_v d(u,v),
//
// r the number of nodes reachable from u (u included), 0 for isolates.
// Harmonic centrality is h(u) = Σ_{v≠u} 1/d(u,v), 1/∞ = 0 (Boldi, P. and
// Vigna, S., Axioms for centrality, Internet Math. 10(3–4), 2014).
func shortestPathMetrics(ctx context.Context, g *adjacency, weighted bool, workers, exactLimit int, seed int64) pathMetrics {
	n := g.n
	pm := pathMetrics{
		betweenness: make([]float64, n),
		closeness:   make([]float64, n),
		harmonic:    make([]float64, n),
	}
	if n == 0 {
		return pm
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var length []float64
	if weighted {
		length = make([]float64, len(g.w))
		for i, w := range g.w {
			length[i] = 1 / w
		}
	}

	// Weighted networks keep exact betweenness at any size: closeness and
	// harmonic centrality need one search from every source anyway, and the
	// Brandes accumulation adds little to it.
	if sampledBetweenness(g, weighted, exactLimit) {
		src, pairs := pm.drawSamples(g, seed)
		largeHops(ctx, g, workers, src, pairs, &pm)
		return pm
	}

	chunks := min(pathChunks, n)
	partial := make([][]float64, chunks)
	var next atomic.Int64
	var wg sync.WaitGroup
	var crashed panics
	for range min(workers, chunks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer crashed.catch()
			p := newPassBuffers(g, length)
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				acc := make([]float64, n)
				lo, hi := c*n/chunks, (c+1)*n/chunks
				for s := lo; s < hi; s++ {
					if ctx.Err() != nil {
						return // the result is thrown away
					}
					p.run(s)
					pm.closeness[s], pm.harmonic[s] = p.closeness(s)
					p.accumulate(s, acc)
				}
				partial[c] = acc
			}
		}()
	}
	wg.Wait()
	crashed.raise()

	bc := pm.betweenness
	for _, acc := range partial {
		for v, x := range acc {
			bc[v] += x
		}
	}
	pm.scaleBetweenness(n)
	return pm
}

// sampledBetweenness reports whether betweenness is estimated by sampling:
// on unweighted networks of more than exactLimit (and 2) nodes.
func sampledBetweenness(g *adjacency, weighted bool, exactLimit int) bool {
	return g.n > exactLimit && g.n > 2 && !weighted
}

// drawSamples sets the sampling parameters of pm for g and draws the
// Riondato–Kornaropoulos sample pairs.
func (pm *pathMetrics) drawSamples(g *adjacency, seed int64) ([]int32, []sample) {
	n := g.n
	pm.sampled = true
	pm.samples = rkSampleSize(vertexDiameterBound(g), samplingEpsilon, samplingDelta)
	pm.delta = samplingDelta
	pm.errorBound = samplingEpsilon * float64(n) / float64(n-2)
	return drawPairs(n, pm.samples, seed)
}

// scaleBetweenness turns the sums of dependencies, or the counts of sampled
// paths, into normalized betweenness.
func (pm *pathMetrics) scaleBetweenness(n int) {
	bc := pm.betweenness
	var scale float64
	switch {
	case n <= 2:
		scale = 0
	case pm.sampled:
		// The estimator is normalized by n(n−1); NetworkX by (n−1)(n−2).
		scale = float64(n) / float64(n-2) / float64(pm.samples)
	default:
		scale = 1 / (float64(n-1) * float64(n-2))
	}
	for v := range bc {
		bc[v] *= scale
	}
}

// largeHops fills pm for an unweighted network above the exact limit:
// closeness and harmonic exactly by bit-parallel searches, betweenness from
// the sample pairs by bidirectional searches.
func largeHops(ctx context.Context, g *adjacency, workers int, src []int32, pairs []sample, pm *pathMetrics) {
	n := g.n
	sum, harm := bitParallelDistances(ctx, g, workers)
	comp, sizes := components(g)
	for v := range n {
		r := float64(sizes[comp[v]] - 1)
		total := float64(sum[v])
		pm.harmonic[v] = harm[v]
		if total > 0 && n > 1 {
			pm.closeness[v] = r / total * r / float64(n-1)
		}
	}
	copy(pm.betweenness, sampledBetweennessHops(ctx, g, src, pairs, workers))
	pm.scaleBetweenness(n)
}

// passBuffers are the per-worker buffers of one single-source pass.
type passBuffers struct {
	g      *adjacency
	length []float64 // arc lengths, nil for hop counts

	hops  []int32   // hop distance, −1 when unreached (unweighted)
	dist  []float64 // path length, −1 when unreached (weighted)
	sigma []float64 // number of shortest paths from the source
	delta []float64 // Brandes dependency
	order []int32   // reached nodes in nondecreasing distance
	heap  distHeap
	done  []bool
	// Weighted: the predecessors of w are preds[predLo[w]:predHi[w]].
	preds          []int32
	predLo, predHi []int32
}

func newPassBuffers(g *adjacency, length []float64) *passBuffers {
	p := &passBuffers{
		g:      g,
		length: length,
		sigma:  make([]float64, g.n),
		delta:  make([]float64, g.n),
		order:  make([]int32, 0, g.n),
	}
	if length == nil {
		p.hops = make([]int32, g.n)
		for i := range p.hops {
			p.hops[i] = -1
		}
	} else {
		p.dist = make([]float64, g.n)
		p.done = make([]bool, g.n)
		for i := range p.dist {
			p.dist[i] = -1
		}
		p.heap = distHeap{dist: p.dist, pos: make([]int32, g.n)}
		for i := range p.heap.pos {
			p.heap.pos[i] = -1
		}
		p.predLo = make([]int32, g.n)
		p.predHi = make([]int32, g.n)
	}
	return p
}

// run computes distances, shortest path counts and the order of the nodes
// reached from s, resetting what the previous run left.
func (p *passBuffers) run(s int) {
	for _, v := range p.order {
		p.sigma[v], p.delta[v] = 0, 0
		if p.hops != nil {
			p.hops[v] = -1
		} else {
			p.dist[v], p.done[v] = -1, false
		}
	}
	p.order = p.order[:0]
	if p.hops != nil {
		p.bfs(s)
	} else {
		p.dijkstra(s)
	}
}

func (p *passBuffers) bfs(s int) {
	g, hops, sigma := p.g, p.hops, p.sigma
	hops[s], sigma[s] = 0, 1
	p.order = append(p.order, int32(s))
	for i := 0; i < len(p.order); i++ {
		v := p.order[i]
		dv := hops[v] + 1
		sv := sigma[v]
		for _, w := range g.nbr[g.off[v]:g.off[v+1]] {
			switch hops[w] {
			case -1:
				hops[w] = dv
				p.order = append(p.order, w)
				sigma[w] = sv
			case dv:
				sigma[w] += sv
			}
		}
	}
}

// dijkstra settles the nodes in order of distance with a binary heap; lengths
// within tieEpsilon are equal, so the predecessors and path counts are
// computed once every distance is final.
func (p *passBuffers) dijkstra(s int) {
	g, dist, done, h := p.g, p.dist, p.done, &p.heap
	dist[s] = 0
	h.push(int32(s))
	for len(h.nodes) > 0 {
		v := h.pop()
		done[v] = true
		p.order = append(p.order, v)
		dv := dist[v]
		for k := g.off[v]; k < g.off[v+1]; k++ {
			w := g.nbr[k]
			if done[w] {
				continue
			}
			alt := dv + p.length[k]
			switch {
			case dist[w] < 0:
				dist[w] = alt
				h.push(w)
			case shorter(alt, dist[w]):
				dist[w] = alt
				h.up(int(h.pos[w]))
			}
		}
	}
	p.sigma[s] = 1
	p.preds = p.preds[:0]
	p.predLo[s], p.predHi[s] = 0, 0
	for _, w := range p.order[1:] {
		var sw float64
		p.predLo[w] = int32(len(p.preds))
		for k := g.off[w]; k < g.off[w+1]; k++ {
			if v := g.nbr[k]; p.isPred(k, v, w) {
				sw += p.sigma[v]
				p.preds = append(p.preds, v)
			}
		}
		p.predHi[w] = int32(len(p.preds))
		p.sigma[w] = sw
	}
}

// isPred reports whether v, reached through arc k of w, precedes w on a
// shortest path from the source.
func (p *passBuffers) isPred(k, v, w int32) bool {
	if p.hops != nil {
		return p.hops[v] == p.hops[w]-1
	}
	dv := p.dist[v]
	return dv >= 0 && dv < p.dist[w] && sameLength(dv+p.length[k], p.dist[w])
}

// closeness returns the Wasserman–Faust closeness and the harmonic centrality
// of the source s of the last run.
func (p *passBuffers) closeness(s int) (float64, float64) {
	var total, harmonic float64
	if p.hops != nil {
		var sum int64
		for _, v := range p.order[1:] {
			h := p.hops[v]
			sum += int64(h)
			harmonic += 1 / float64(h)
		}
		total = float64(sum)
	} else {
		for _, v := range p.order[1:] {
			total += p.dist[v]
			harmonic += 1 / p.dist[v]
		}
	}
	n := p.g.n
	r := float64(len(p.order) - 1)
	if total <= 0 || n <= 1 {
		return 0, harmonic
	}
	return r / total * r / float64(n-1), harmonic
}

// accumulate adds the Brandes dependencies of the source s of the last run to
// acc:
//
//	δ(v) = Σ_{w: v ∈ pred(w)} σ(v)/σ(w) · (1 + δ(w)).
func (p *passBuffers) accumulate(s int, acc []float64) {
	g, sigma, delta := p.g, p.sigma, p.delta
	if p.hops != nil {
		// Pull form on hop counts: every node reads the coefficients
		// (1 + δ(w))/σ(w) of its successors, kept in delta.
		hops := p.hops
		for i := len(p.order) - 1; i > 0; i-- {
			v := p.order[i]
			next := hops[v] + 1
			var sum float64
			for _, w := range g.nbr[g.off[v]:g.off[v+1]] {
				if hops[w] == next {
					sum += delta[w]
				}
			}
			d := sigma[v] * sum
			acc[v] += d
			delta[v] = (1 + d) / sigma[v]
		}
		return
	}
	for i := len(p.order) - 1; i > 0; i-- {
		w := p.order[i]
		coef := (1 + delta[w]) / sigma[w]
		for _, v := range p.preds[p.predLo[w]:p.predHi[w]] {
			delta[v] += sigma[v] * coef
		}
		acc[w] += delta[w]
	}
}

// drawPairs draws r ordered pairs of distinct nodes uniformly, each with the
// seed of the choice of its path.
func drawPairs(n, r int, seed int64) ([]int32, []sample) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5851f42d4c957f2d))
	src := make([]int32, r)
	all := make([]sample, r)
	for i := range r {
		u := rng.IntN(n)
		v := rng.IntN(n - 1)
		if v >= u {
			v++
		}
		src[i] = int32(u)
		all[i] = sample{target: int32(v), seed: rng.Uint64()}
	}
	return src, all
}

// rkSampleSize is the number of samples of Riondato and Kornaropoulos (Fast
// approximation of betweenness centrality through sampling, Data Min. Knowl.
// Disc. 30, 2016, Theorem 2):
//
//	r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉,
//
// VD an upper bound on the vertex diameter (the largest number of nodes on a
// shortest path).
func rkSampleSize(vd int, eps, delta float64) int {
	lg := 0.0
	if vd > 3 {
		lg = math.Floor(math.Log2(float64(vd - 2)))
	}
	return int(math.Ceil(samplingC / (eps * eps) * (lg + 1 + math.Log(1/delta))))
}

// vertexDiameterBound bounds the vertex diameter of g (the largest number of
// nodes on a shortest path, hop counts): for each component, 2·ecc(u) + 1 from
// its first node u, since a shortest path has at most 2·ecc(u) ties.
func vertexDiameterBound(g *adjacency) int {
	p := newPassBuffers(g, nil)
	seen := make([]bool, g.n)
	best := 1
	for u := 0; u < g.n; u++ {
		if seen[u] {
			continue
		}
		p.run(u)
		var ecc int32
		for _, v := range p.order {
			seen[v] = true
			ecc = max(ecc, p.hops[v])
		}
		best = max(best, min(len(p.order), 2*int(ecc)+1))
	}
	return best
}

// distHeap is an indexed binary min-heap of nodes keyed by their distance,
// with decrease-key, so it never holds more than one entry per node.
type distHeap struct {
	nodes []int32
	dist  []float64 // the keys, shared with the pass
	pos   []int32   // position of every node in nodes, −1 when absent
}

func (h *distHeap) push(v int32) {
	h.pos[v] = int32(len(h.nodes))
	h.nodes = append(h.nodes, v)
	h.up(len(h.nodes) - 1)
}

// up restores the heap order from position i towards the root, after the key
// of the node there decreased.
func (h *distHeap) up(i int) {
	a, d := h.nodes, h.dist
	v := a[i]
	for i > 0 {
		parent := (i - 1) / 2
		if d[a[parent]] <= d[v] {
			break
		}
		a[i] = a[parent]
		h.pos[a[i]] = int32(i)
		i = parent
	}
	a[i] = v
	h.pos[v] = int32(i)
}

func (h *distHeap) pop() int32 {
	a, d := h.nodes, h.dist
	top := a[0]
	h.pos[top] = -1
	last := a[len(a)-1]
	a = a[:len(a)-1]
	h.nodes = a
	if len(a) == 0 {
		return top
	}
	i := 0
	for {
		l := 2*i + 1
		if l >= len(a) {
			break
		}
		m := l
		if r := l + 1; r < len(a) && d[a[r]] < d[a[l]] {
			m = r
		}
		if d[a[m]] >= d[last] {
			break
		}
		a[i] = a[m]
		h.pos[a[i]] = int32(i)
		i = m
	}
	a[i] = last
	h.pos[last] = int32(i)
	return top
}
