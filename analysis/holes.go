package analysis

// holesResult holds the per-node results of the structural-holes kernel.
type holesResult struct {
	constraint, effectiveSize []Num
	brokerage                 []Brokerage
}

// structuralHoles computes, for every node, Burt's constraint and effective
// size and the Gould–Fernandez brokerage roles in the family partition fp. The
// three measures read the same thing — which pairs of an actor's partners are
// tied to each other, that is the triangles of the network — so one pass lists
// every triangle once (orienting ties from lower to higher degree), in time
// O(m·√m) for m ties, and credits it to its three corners. The pass is
// sequential, so results do not depend on scheduling.
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
	weighted := opts.Weighted
	// strength and maximum tie weight of every node (degree and 1 unweighted).
	strength := make([]float64, n)
	maxw := make([]float64, n)
	for u := 0; u < n; u++ {
		nb, w := g.neighbours(u)
		if !weighted {
			strength[u] = float64(len(nb))
			maxw[u] = 1
			continue
		}
		for _, x := range w {
			strength[u] += x
			maxw[u] = max(maxw[u], x)
		}
	}
	weight := func(e int32) float64 {
		if weighted {
			return g.w[e]
		}
		return 1
	}
	// ind[e] accumulates, for the tie e = u → v (a position in the
	// neighbour lists), the indirect investment Σ_x p_ux p_xv of Burt's
	// constraint.
	ind := make([]float64, len(g.nbr))
	redundancy := make([]float64, n)
	pairs := make([]int64, n) // ordered pairs of tied partners
	closed := make([]roleCounts, n)
	rev := g.reverse()
	out := g.oriented()
	stamp := make([]int32, n)
	posU := make([]int32, n)
	fam := fp.fam
	for u := 0; u < n; u++ {
		mark := int32(u + 1)
		lo, hi := out.off[u], out.off[u+1]
		for i := lo; i < hi; i++ {
			x := out.nbr[i]
			stamp[x], posU[x] = mark, out.pos[i]
		}
		for i := lo; i < hi; i++ {
			v, euv := out.nbr[i], out.pos[i]
			for j := out.off[v]; j < out.off[v+1]; j++ {
				x := out.nbr[j]
				if stamp[x] != mark {
					continue
				}
				// triangle u, v, x: each of the three is the ego of the
				// two others, tied to each other.
				evx, eux := out.pos[j], posU[x]
				evu, exu, exv := rev[euv], rev[eux], rev[evx]
				wuv, wux, wvx := weight(euv), weight(eux), weight(evx)
				su, sv, sx := strength[u], strength[v], strength[x]
				puv, pvu := wuv/su, wuv/sv
				pux, pxu := wux/su, wux/sx
				pvx, pxv := wvx/sv, wvx/sx
				ind[euv] += pux * pxv
				ind[eux] += puv * pvx
				ind[evu] += pvx * pxu
				ind[evx] += pvu * pux
				ind[exu] += pxv * pvu
				ind[exv] += pxu * puv
				if weighted {
					redundancy[u] += pux*wvx/maxw[v] + puv*wvx/maxw[x]
					redundancy[v] += pvx*wux/maxw[u] + pvu*wux/maxw[x]
					redundancy[x] += pxv*wuv/maxw[u] + pxu*wuv/maxw[v]
				}
				pairs[u] += 2
				pairs[v] += 2
				pairs[x] += 2
				fu, fv, fx := fam[u], fam[v], fam[x]
				closed[u].add(fv, fu, fx)
				closed[u].add(fx, fu, fv)
				closed[v].add(fu, fv, fx)
				closed[v].add(fx, fv, fu)
				closed[x].add(fu, fx, fv)
				closed[x].add(fv, fx, fu)
			}
		}
	}
	count := make([]int64, len(fp.names))
	for u := 0; u < n; u++ {
		d := g.degree(u)
		if d == 0 {
			res.constraint[u], res.effectiveSize[u] = Undefined, Undefined
			continue
		}
		c := 0.0
		for e := g.off[u]; e < g.off[u+1]; e++ {
			q := weight(e)/strength[u] + ind[e]
			c += q * q
		}
		res.constraint[u] = Num(c)
		if weighted {
			res.effectiveSize[u] = Num(float64(d) - redundancy[u])
		} else {
			res.effectiveSize[u] = Num(float64(d) - float64(pairs[u])/float64(d))
		}
		nb, _ := g.neighbours(u)
		res.brokerage[u] = brokerage(fam, u, nb, closed[u], count)
	}
	return res
}

// reverse returns, for every position e of the neighbour lists (the tie
// u → v), the position of the tie v → u.
func (g *adjacency) reverse() []int32 {
	rev := make([]int32, len(g.nbr))
	seen := make([]int32, g.n)
	// u increases, and every list is sorted, so the k-th time v is met is
	// at the k-th position of v's list.
	for u := 0; u < g.n; u++ {
		for e := g.off[u]; e < g.off[u+1]; e++ {
			v := g.nbr[e]
			rev[e] = g.off[v] + seen[v]
			seen[v]++
		}
	}
	return rev
}

// orientation lists, for every node u, the positions of its ties to the nodes
// ranked above it, ranking nodes by degree then index: every triangle is then
// found once, from its lowest-ranked node, in time O(m·√m) (Chiba &
// Nishizeki 1985; Schank & Wagner 2005).
type orientation struct {
	off, nbr, pos []int32 // neighbours above u: nbr[off[u]:off[u+1]], at pos in g
}

func (g *adjacency) oriented() orientation {
	above := func(v, u int) bool {
		dv, du := g.degree(v), g.degree(u)
		return dv > du || (dv == du && v > u)
	}
	o := orientation{off: make([]int32, g.n+1)}
	o.nbr = make([]int32, 0, len(g.nbr)/2)
	o.pos = make([]int32, 0, len(g.nbr)/2)
	for u := 0; u < g.n; u++ {
		for e := g.off[u]; e < g.off[u+1]; e++ {
			if v := g.nbr[e]; above(int(v), u) {
				o.nbr = append(o.nbr, v)
				o.pos = append(o.pos, e)
			}
		}
		o.off[u+1] = int32(len(o.pos))
	}
	return o
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
