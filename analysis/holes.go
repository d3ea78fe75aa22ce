package analysis

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// holesResult holds the per-node results of the structural-holes kernel.
type holesResult struct {
	constraint, effectiveSize []Num
	brokerage                 []Brokerage
}

// structuralHoles computes, for every node, Burt's constraint and effective
// size and the Gould–Fernandez brokerage roles in the family partition fp. The
// three measures read the same thing — which pairs of an actor's partners are
// tied to each other — so one kernel computes them: for every ego u and every
// pair of partners (v, x) of u that are tied, it visits the smaller of the two
// neighbour lists, which bounds the total work by O(m·√m) for m ties (the
// bound of triangle listing) instead of O(Σ deg²).
//
// Constraint (Burt 1992, p. 55), as NetworkX constraint:
//
//	c(u) = Σ_{v∈N(u)} ( p_uv + Σ_{x∈N(u), x≠v} p_ux p_xv )²
//
// where p_uv = w_uv / Σ_{y∈N(u)} w_uy is the share of u's ties invested in v
// (the normalized mutual weight; w = 1 unless opts.Weighted).
//
// Effective size (Burt 1992), as NetworkX effective_size:
//
//	e(u) = Σ_{v∈N(u)} ( 1 − Σ_{x∈N(u), x≠v} p_ux m_vx )
//
// where m_vx = w_vx / max_{y∈N(v)} w_vy. Unweighted, this is Borgatti's (1997)
// simplification e(u) = n − 2t/n, with n = |N(u)| and t the number of ties
// among the partners of u, which NetworkX uses and so do we.
//
// Both are undefined (NaN) for actors without ties, as in NetworkX.
//
// R. S. Burt, Structural Holes: The Social Structure of Competition, Harvard
// University Press (1992). S. P. Borgatti, Structural holes: unpacking Burt's
// redundancy measures, Connections 20(1):35–38 (1997).
func structuralHoles(g *adjacency, fp familyPartition, opts Options) holesResult {
	n := g.n
	res := holesResult{
		constraint:    make([]Num, n),
		effectiveSize: make([]Num, n),
		brokerage:     make([]Brokerage, n),
	}
	// strength and maximum tie weight of every node (degree and 1 unweighted).
	strength := make([]float64, n)
	maxw := make([]float64, n)
	maxDeg := 0
	for u := 0; u < n; u++ {
		nb, w := g.neighbours(u)
		if len(nb) > maxDeg {
			maxDeg = len(nb)
		}
		if !opts.Weighted {
			strength[u] = float64(len(nb))
			maxw[u] = 1
			continue
		}
		for _, x := range w {
			strength[u] += x
			if x > maxw[u] {
				maxw[u] = x
			}
		}
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const chunk = 64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			k := &holesKernel{
				g: g, fam: fp.fam, weighted: opts.Weighted,
				strength: strength, maxw: maxw,
				stamp: make([]int32, n), pos: make([]int32, n),
				ind:   make([]float64, maxDeg),
				count: make([]int64, len(fp.names)),
			}
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				for u := lo; u < min(lo+chunk, n); u++ {
					res.constraint[u], res.effectiveSize[u], res.brokerage[u] = k.ego(u)
				}
			}
		}()
	}
	wg.Wait()
	return res
}

// holesKernel is the scratch space of one worker of structuralHoles.
type holesKernel struct {
	g              *adjacency
	fam            []int32
	weighted       bool
	strength, maxw []float64
	stamp, pos     []int32 // stamp[x] == u+1 when x ∈ N(u), at position pos[x]
	ind            []float64
	count          []int64
}

// ego computes the constraint, effective size and brokerage of u.
func (k *holesKernel) ego(u int) (constraint, effSize Num, b Brokerage) {
	g := k.g
	nu, wu := g.neighbours(u)
	d := len(nu)
	if d == 0 {
		return Undefined, Undefined, Brokerage{}
	}
	mark := int32(u + 1)
	for j, x := range nu {
		k.stamp[x] = mark
		k.pos[x] = int32(j)
	}
	ind := k.ind[:d]
	clear(ind)
	su := k.strength[u]
	var closed roleCounts
	redundancy := 0.0
	pairs := 0 // ordered pairs (v, x) of tied partners of u
	fu := k.fam[u]
	for i, v := range nu {
		nv, wv := g.neighbours(int(v))
		// visit the pairs (v, x), x ∈ N(u) ∩ N(v), in increasing x.
		visit := func(j int, x int32, wvx float64) {
			wux := 1.0
			wxv := 1.0
			if k.weighted {
				wux = wu[j]
				wxv = wvx
			}
			pux := wux / su
			ind[i] += pux * wxv / k.strength[x]
			redundancy += pux * wxv / k.maxw[v]
			pairs++
			closed.add(k.fam[v], fu, k.fam[x])
		}
		if len(nv) <= d {
			for t, x := range nv {
				if k.stamp[x] == mark {
					visit(int(k.pos[x]), x, wv[t])
				}
			}
		} else {
			for j, x := range nu {
				if x == v {
					continue
				}
				if w := g.weight(int(v), int(x)); w > 0 {
					visit(j, x, w)
				}
			}
		}
	}
	c := 0.0
	for i := range nu {
		p := 1.0 / su
		if k.weighted {
			p = wu[i] / su
		}
		q := p + ind[i]
		c += q * q
	}
	constraint = Num(c)
	if k.weighted {
		effSize = Num(float64(d) - redundancy)
	} else {
		effSize = Num(float64(d) - float64(pairs)/float64(d))
	}
	b = k.brokerage(u, nu, closed)
	return constraint, effSize, b
}

// roleCounts counts ordered pairs of partners by Gould–Fernandez role.
type roleCounts struct {
	coordinator, itinerant, representative, gatekeeper, liaison int64
}

// add counts the two-path a → b → c in the role that b plays in it.
func (r *roleCounts) add(fa, fb, fc int32) {
	switch {
	case fa == fb && fb == fc:
		r.coordinator++
	case fa == fc:
		r.itinerant++
	case fa == fb:
		r.representative++
	case fb == fc:
		r.gatekeeper++
	default:
		r.liaison++
	}
}
