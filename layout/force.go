package layout

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
)

// Parameters of the spring-electrical model (Hu 2005, as in Graphviz's
// sfdp): ideal length K, repulsion strength C, Barnes–Hut opening angle
// theta, step cooling factor t.
const (
	idealK   = 1.0
	repulseC = 0.2
	theta    = 1.0
	cooling  = 0.9
	// coarsest is the size below which a graph is not coarsened further.
	coarsest = 40
)

// place lays out every component of g and packs them: the positions of the
// nodes of g.
func place(ctx context.Context, g *csr, seed int64) ([]Point, error) {
	comps := g.components()
	parts := make([][]Point, len(comps))
	for k, c := range comps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng := rand.New(rand.NewPCG(uint64(seed), uint64(k)))
		p, err := layComponent(ctx, g.sub(c), rng)
		if err != nil {
			return nil, err
		}
		parts[k] = p
	}
	return pack(g.n, comps, parts), nil
}

// layComponent lays out a connected graph: multilevel force-directed
// placement, then scaled so that the median nearest-neighbour distance is
// 1 and turned so that its longer axis is horizontal.
func layComponent(ctx context.Context, g *csr, rng *rand.Rand) ([]Point, error) {
	switch g.n {
	case 1:
		return []Point{{}}, nil
	case 2:
		return []Point{{0, 0}, {idealK, 0}}, nil
	}
	levels := []*csr{g}
	var groups [][]int32
	for cur := g; cur.n > coarsest && len(levels) < 50; {
		next, grp := cur.coarsen(rng.Perm(cur.n))
		if float64(next.n) > 0.95*float64(cur.n) {
			break
		}
		levels = append(levels, next)
		groups = append(groups, grp)
		cur = next
	}
	top := levels[len(levels)-1]
	xs, ys := make([]float64, top.n), make([]float64, top.n)
	r := math.Sqrt(float64(g.n)) * idealK
	for i := range xs {
		xs[i], ys[i] = (rng.Float64()-0.5)*r, (rng.Float64()-0.5)*r
	}
	if err := refine(ctx, top, xs, ys, 300, idealK); err != nil {
		return nil, err
	}
	for l := len(levels) - 2; l >= 0; l-- {
		fine, grp := levels[l], groups[l]
		coarse := levels[l+1]
		fx, fy := make([]float64, fine.n), make([]float64, fine.n)
		for u := 0; u < fine.n; u++ {
			p := grp[u]
			// Spread the members of a group over a disc of the area
			// that their number needs.
			rad := 0.3 * idealK * math.Sqrt(coarse.mass[p])
			a, d := 2*math.Pi*rng.Float64(), rad*math.Sqrt(rng.Float64())
			fx[u], fy[u] = xs[p]+d*math.Cos(a), ys[p]+d*math.Sin(a)
		}
		xs, ys = fx, fy
		iters := 100
		if fine.n > 5000 {
			iters = 60
		}
		if err := refine(ctx, fine, xs, ys, iters, 0.3*idealK); err != nil {
			return nil, err
		}
	}
	pts := make([]Point, g.n)
	for i := range pts {
		pts[i] = Point{xs[i], ys[i]}
	}
	normalize(pts)
	return pts, nil
}

// refine moves the nodes of g at xs, ys to a local minimum of the energy
// of the spring-electrical model: attraction w·d²/K along ties, repulsion
// C·K²·m_i·m_j/d between every pair (Barnes–Hut), each node moving by step
// along its force. The step shrinks by the cooling factor when the energy
// grows and grows back after five improvements (Hu 2005, adaptive cooling);
// it stops after iters steps or when the step is a thousandth of K.
func refine(ctx context.Context, g *csr, xs, ys []float64, iters int, step float64) error {
	n := g.n
	fx, fy := make([]float64, n), make([]float64, n)
	var tree quadtree
	workers := 1
	if n > 2000 {
		workers = min(runtime.GOMAXPROCS(0), 8)
	}
	stacks := make([][]int32, workers)
	energy0, progress := math.Inf(1), 0
	for it := 0; it < iters && step > 1e-3*idealK; it++ {
		if it%8 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		tree.build(xs, ys, g.mass)
		forces := func(w, lo, hi int) {
			stack := stacks[w]
			for u := lo; u < hi; u++ {
				var rx, ry float64
				rx, ry, stack = tree.repulsion(int32(u), xs[u], ys[u], g.mass[u], repulseC*idealK*idealK, theta*theta, xs, ys, g.mass, stack)
				for k := g.off[u]; k < g.off[u+1]; k++ {
					v := g.adj[k]
					dx, dy := xs[v]-xs[u], ys[v]-ys[u]
					d := math.Sqrt(dx*dx + dy*dy)
					f := g.w[k] * d / idealK
					rx += f * dx
					ry += f * dy
				}
				fx[u], fy[u] = rx, ry
			}
			stacks[w] = stack
		}
		if workers == 1 {
			forces(0, 0, n)
		} else {
			var wg sync.WaitGroup
			chunk := (n + workers - 1) / workers
			for w := 0; w < workers; w++ {
				lo, hi := w*chunk, min(n, (w+1)*chunk)
				wg.Add(1)
				go func() { defer wg.Done(); forces(w, lo, hi) }()
			}
			wg.Wait()
		}
		energy := 0.0
		for u := 0; u < n; u++ {
			f2 := fx[u]*fx[u] + fy[u]*fy[u]
			energy += f2
			if f2 > 0 {
				f := math.Sqrt(f2)
				xs[u] += step * fx[u] / f
				ys[u] += step * fy[u] / f
			}
		}
		if energy < energy0 {
			if progress++; progress >= 5 {
				progress = 0
				step /= cooling
			}
		} else {
			progress = 0
			step *= cooling
		}
		energy0 = energy
	}
	return nil
}

// normalize scales pts so that the median distance from a node to its
// nearest neighbour is K (ties are then about as long as the graph's
// density allows, and components of every density share one scale),
// centres them on their mean and turns them so that their principal axis
// is horizontal.
func normalize(pts []Point) {
	scale := 1.0
	if d := Spacing(pts); d > 1e-9 {
		scale = idealK / d
	}
	var mx, my float64
	for _, p := range pts {
		mx += p.X
		my += p.Y
	}
	mx /= float64(len(pts))
	my /= float64(len(pts))
	var sxx, syy, sxy float64
	for _, p := range pts {
		dx, dy := p.X-mx, p.Y-my
		sxx += dx * dx
		syy += dy * dy
		sxy += dx * dy
	}
	a := 0.5 * math.Atan2(2*sxy, sxx-syy)
	c, s := math.Cos(-a), math.Sin(-a)
	for i, p := range pts {
		dx, dy := (p.X-mx)*scale, (p.Y-my)*scale
		pts[i] = Point{dx*c - dy*s, dx*s + dy*c}
	}
}

// Spacing returns the median distance from a point to its nearest
// neighbour, over at most 2,000 points taken at regular intervals; 0 for
// fewer than two points. A layout's spacing is 1 for each component.
func Spacing(pts []Point) float64 {
	if len(pts) < 2 {
		return 0
	}
	step := max(1, len(pts)/2000)
	var ds []float64
	for i := 0; i < len(pts); i += step {
		best := math.Inf(1)
		for j, q := range pts {
			if j != i {
				best = math.Min(best, (pts[i].X-q.X)*(pts[i].X-q.X)+(pts[i].Y-q.Y)*(pts[i].Y-q.Y))
			}
		}
		ds = append(ds, math.Sqrt(best))
	}
	sort.Float64s(ds)
	return ds[len(ds)/2]
}

// pack places the components side by side: the largest on the left, the
// others in rows to its right, largest first, in a block about as tall as
// the largest one (or square when they take more room), a gap of 2 between
// components. It returns the position of every node of the graph.
func pack(n int, comps [][]int32, parts [][]Point) []Point {
	const gap = 2 * idealK
	type bbox struct{ x0, y0, x1, y1 float64 }
	boxes := make([]bbox, len(parts))
	for k, p := range parts {
		b := bbox{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, q := range p {
			b.x0, b.x1 = math.Min(b.x0, q.X), math.Max(b.x1, q.X)
			b.y0, b.y1 = math.Min(b.y0, q.Y), math.Max(b.y1, q.Y)
		}
		boxes[k] = b
	}
	out := make([]Point, n)
	put := func(k int, x, top float64) { // x: left side, top: upper side
		b := boxes[k]
		for i, u := range comps[k] {
			out[u] = Point{parts[k][i].X - b.x0 + x, parts[k][i].Y - b.y1 + top}
		}
	}
	if len(parts) == 0 {
		return out
	}
	// With a main component, the others go to its right; when every
	// component is a lone actor, they are all packed in rows.
	start, left, mainH := 1, boxes[0].x1-boxes[0].x0+gap, boxes[0].y1-boxes[0].y0
	if len(comps[0]) == 1 {
		start, left, mainH = 0, 0, 0
	} else {
		put(0, 0, 0)
	}
	area, widest := 0.0, 0.0
	for _, b := range boxes[start:] {
		area += (b.x1 - b.x0 + gap) * (b.y1 - b.y0 + gap)
		widest = math.Max(widest, b.x1-b.x0)
	}
	height := math.Max(mainH, math.Sqrt(area))
	width := math.Max(widest, area/math.Max(height, gap))
	x, top, rowH := left, 0.0, 0.0
	for k := start; k < len(parts); k++ {
		b := boxes[k]
		w, h := b.x1-b.x0, b.y1-b.y0
		if x > left && x+w > left+width {
			x, top, rowH = left, top-rowH-gap, 0
		}
		put(k, x, top)
		x += w + gap
		rowH = math.Max(rowH, h)
	}
	return out
}
