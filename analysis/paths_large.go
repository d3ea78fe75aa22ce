package analysis

import (
	"context"
	"math/bits"
	"math/rand/v2"
	"sync"
	"sync/atomic"
)

// This file holds the kernels of unweighted networks above the exact limit,
// where one breadth-first search per source and Brandes' accumulation would
// take hours: closeness and harmonic centrality stay exact through
// bit-parallel searches from 64 sources at a time, and betweenness is
// estimated from the Riondato–Kornaropoulos sample of shortest paths, each
// drawn with a balanced bidirectional search.

// bitWords is the number of 64-bit words of sources searched together by
// bitParallelDistances: 256 sources share every pass over the ties.
const bitWords = 4

// bitSet is one bit per source of a batch.
type bitSet [bitWords]uint64

// bitParallelDistances returns, for every node v, the sum of the hop
// distances d(s, v) over the nodes s that reach it, and its harmonic
// centrality Σ_{s≠v} 1/d(s, v). Sources are searched 64·bitWords at a time,
// one bit each: at level ℓ the new sources of v are the bits of its
// neighbours' frontiers that v has not seen (the bit-parallel search of
// Akiba, T., Iwata, Y. and Yoshida, Y., Fast exact shortest-path distance
// queries on large networks by pruned landmark labeling, SIGMOD 2013, §4.3).
// A level pushes the frontier's bits to its neighbours while the frontier has
// few ties, and otherwise lets every node not yet reached by all the batch's
// sources pull its neighbours' bits (direction optimization, Beamer, S.,
// Asanović, K. and Patterson, D., Direction-optimizing breadth-first search,
// SC 2012). The graph is undirected, so these per-target
// sums are the per-source sums of closeness and harmonic centrality. The sums
// do not depend on workers: distances are integers, and harmonic sums are kept
// per fixed block of sources and added in block order.
func bitParallelDistances(ctx context.Context, g *adjacency, workers int) (sum []int64, harmonic []float64) {
	n := g.n
	sum = make([]int64, n)
	harmonic = make([]float64, n)
	if n == 0 {
		return sum, harmonic
	}
	const width = 64 * bitWords
	batches := (n + width - 1) / width
	chunks := min(pathChunks, batches)
	partial := make([][]float64, chunks)
	sums := make([][]int64, 0, workers)
	var mu sync.Mutex
	var next0 atomic.Int64
	var wg sync.WaitGroup
	var crashed panics
	for range min(workers, chunks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer crashed.catch()
			seen := make([]bitSet, n)
			front := make([]bitSet, n) // zero outside the frontier
			grow := make([]bitSet, n)
			done := make([]bool, n)
			mark := make([]bool, n)
			var frontier, next, touched []int32
			mySum := make([]int64, n)
			for {
				c := int(next32(&next0, chunks))
				if c < 0 || ctx.Err() != nil {
					break
				}
				harm := make([]float64, n)
				for b := c * batches / chunks; b < (c+1)*batches/chunks; b++ {
					clear(seen)
					clear(done)
					lo, hi := b*width, min(b*width+width, n)
					var full bitSet
					frontier = frontier[:0]
					for s := lo; s < hi; s++ {
						i := s - lo
						bit := uint64(1) << (i % 64)
						seen[s][i/64] |= bit
						front[s][i/64] |= bit
						full[i/64] |= bit
						frontier = append(frontier, int32(s))
					}
					for level := 1; len(frontier) > 0; level++ {
						next = next[:0]
						work := 0
						for _, v := range frontier {
							work += g.degree(int(v))
						}
						if work < len(g.nbr)/8 {
							// Few frontier ties: push the frontier's bits.
							touched = touched[:0]
							for _, v := range frontier {
								f := front[v]
								for _, u := range g.nbr[g.off[v]:g.off[v+1]] {
									if done[u] {
										continue
									}
									if !mark[u] {
										mark[u] = true
										touched = append(touched, u)
										grow[u] = f
										continue
									}
									x := &grow[u]
									x[0] |= f[0]
									x[1] |= f[1]
									x[2] |= f[2]
									x[3] |= f[3]
								}
							}
							for _, u := range touched {
								mark[u] = false
								if grow[u].andNot(&seen[u]) {
									next = append(next, u)
								}
							}
						} else {
							// Pull: every node not yet reached by all
							// sources reads its neighbours' frontiers.
							for v := range n {
								if done[v] {
									continue
								}
								var x bitSet
								for _, u := range g.nbr[g.off[v]:g.off[v+1]] {
									f := &front[u]
									x[0] |= f[0]
									x[1] |= f[1]
									x[2] |= f[2]
									x[3] |= f[3]
								}
								if x.andNot(&seen[v]) {
									grow[v] = x
									next = append(next, int32(v))
								}
							}
						}
						for _, v := range frontier {
							front[v] = bitSet{}
						}
						inv := 1 / float64(level)
						for _, u := range next {
							x := grow[u]
							front[u] = x
							k := 0
							complete := true
							for w := range bitWords {
								k += bits.OnesCount64(x[w])
								seen[u][w] |= x[w]
								complete = complete && seen[u][w] == full[w]
							}
							done[u] = complete
							mySum[u] += int64(level * k)
							harm[u] += float64(k) * inv
						}
						frontier, next = next, frontier
					}
				}
				partial[c] = harm
			}
			mu.Lock()
			sums = append(sums, mySum)
			mu.Unlock()
		}()
	}
	wg.Wait()
	crashed.raise()
	for _, s := range sums {
		for v, x := range s {
			sum[v] += x
		}
	}
	for _, h := range partial {
		for v, x := range h {
			harmonic[v] += x
		}
	}
	return sum, harmonic
}

// andNot removes the bits of y from x and reports whether any bit is left.
func (x *bitSet) andNot(y *bitSet) bool {
	var any uint64
	for w := range bitWords {
		x[w] &^= y[w]
		any |= x[w]
	}
	return any != 0
}

// next32 hands out the indices 0, 1, …, n−1 once each, then −1.
func next32(counter *atomic.Int64, n int) int64 {
	if i := counter.Add(1) - 1; i < int64(n) {
		return i
	}
	return -1
}

// sampledBetweennessHops estimates betweenness on hop counts from the
// Riondato–Kornaropoulos sample pairs (source u, sample{target v, seed}):
// for each pair one shortest u–v path is drawn uniformly and its inner nodes
// counted. Counts are integers, so their sum does not depend on workers.
func sampledBetweennessHops(ctx context.Context, g *adjacency, src []int32, smp []sample, workers int) []float64 {
	n := g.n
	const block = 256
	blocks := (len(smp) + block - 1) / block
	var next atomic.Int64
	var wg sync.WaitGroup
	var crashed panics
	var mu sync.Mutex
	total := make([]float64, n)
	for range max(1, min(workers, blocks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer crashed.catch()
			b := newBiSearch(g)
			acc := make([]float64, n)
			for {
				k := int(next.Add(1) - 1)
				if k >= blocks || ctx.Err() != nil {
					break
				}
				for i := k * block; i < min((k+1)*block, len(smp)); i++ {
					b.samplePath(int(src[i]), smp[i], acc)
				}
			}
			mu.Lock()
			for v, x := range acc {
				total[v] += x
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	crashed.raise()
	return total
}

// biSearch holds the buffers of balanced bidirectional breadth-first
// searches; side 0 grows from the source, side 1 from the target.
type biSearch struct {
	g     *adjacency
	run   int32
	stamp [2][]int32 // run in which the side reached the node
	dist  [2][]int32
	sigma [2][]float64
	front [2][]int32
	grow  []int32
	cut   []cutTie
}

// cutTie is a tie x–y joining the two frontiers, through which paths pass.
type cutTie struct {
	x, y  int32
	paths float64
}

func newBiSearch(g *adjacency) *biSearch {
	b := &biSearch{g: g}
	for side := range 2 {
		b.stamp[side] = make([]int32, g.n)
		b.dist[side] = make([]int32, g.n)
		b.sigma[side] = make([]float64, g.n)
	}
	return b
}

// samplePath draws one shortest s–t path uniformly and adds 1 to acc for
// each of its inner nodes. The side whose frontier has fewer ties grows by
// one level until a grown node's neighbour belongs to the other side: the
// ties between the two frontiers then carry every shortest path, σ_s(x)·σ_t(y)
// of them through tie x–y, so a tie is drawn in that proportion and each half
// walked back to its end choosing predecessors in proportion to their path
// counts (Borassi, M. and Natale, E., KADABRA is an ADaptive Algorithm for
// Betweenness via Random Approximation, ESA 2016, §5).
func (b *biSearch) samplePath(s int, smp sample, acc []float64) {
	g := b.g
	t := int(smp.target)
	b.run++
	run := b.run
	ends := [2]int32{int32(s), int32(t)}
	var level [2]int32
	var work [2]int
	for side := range 2 {
		e := ends[side]
		b.stamp[side][e], b.dist[side][e], b.sigma[side][e] = run, 0, 1
		b.front[side] = append(b.front[side][:0], e)
		work[side] = g.degree(int(e))
	}
	for {
		if len(b.front[0]) == 0 || len(b.front[1]) == 0 {
			return // t is not reachable from s
		}
		a := 0
		if work[1] < work[0] {
			a = 1
		}
		o := 1 - a
		b.grow = b.grow[:0]
		b.cut = b.cut[:0]
		var total float64
		nextWork := 0
		for _, x := range b.front[a] {
			sx := b.sigma[a][x]
			for _, y := range g.nbr[g.off[x]:g.off[x+1]] {
				if b.stamp[o][y] == run {
					if b.dist[o][y] == level[o] {
						p := sx * b.sigma[o][y]
						b.cut = append(b.cut, cutTie{x, y, p})
						total += p
					}
					continue
				}
				if len(b.cut) > 0 {
					continue // the frontiers have met: no need to grow
				}
				switch {
				case b.stamp[a][y] != run:
					b.stamp[a][y], b.dist[a][y], b.sigma[a][y] = run, level[a]+1, sx
					b.grow = append(b.grow, y)
					nextWork += g.degree(int(y))
				case b.dist[a][y] == level[a]+1:
					b.sigma[a][y] += sx
				}
			}
		}
		if len(b.cut) > 0 {
			rng := rand.New(rand.NewPCG(smp.seed, 0x9e3779b97f4a7c15))
			r := rng.Float64() * total
			pick := b.cut[len(b.cut)-1]
			for _, c := range b.cut {
				if r -= c.paths; r < 0 {
					pick = c
					break
				}
			}
			b.walk(a, pick.x, ends[a], rng, acc)
			b.walk(o, pick.y, ends[o], rng, acc)
			return
		}
		b.front[a], b.grow = b.grow, b.front[a]
		level[a]++
		work[a] = nextWork
	}
}

// walk goes from z back to the end of side, counting every node but that
// end, choosing each predecessor p with probability σ(p)/σ(current).
func (b *biSearch) walk(side int, z, end int32, rng *rand.Rand, acc []float64) {
	g, run := b.g, b.run
	stamp, dist, sigma := b.stamp[side], b.dist[side], b.sigma[side]
	for z != end {
		acc[z]++
		r := rng.Float64() * sigma[z]
		want := dist[z] - 1
		var p int32 = -1
		for _, u := range g.nbr[g.off[z]:g.off[z+1]] {
			if stamp[u] != run || dist[u] != want {
				continue
			}
			p = u
			if r -= sigma[u]; r < 0 {
				break
			}
		}
		z = p
	}
}
