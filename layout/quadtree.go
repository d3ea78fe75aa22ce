package layout

import "math"

// A quadtree holds bodies (positions with masses) for the Barnes–Hut
// approximation: a cell far enough from a body acts on it as one body at
// its centre of mass (Barnes & Hut 1986, "A hierarchical O(N log N)
// force-calculation algorithm", Nature 324).
type quadtree struct {
	cells []qcell
	perm  []int32 // bodies, grouped by leaf
}

type qcell struct {
	cx, cy, mass float64 // centre of mass and total mass
	size         float64 // side of the square
	child        [4]int32
	lo, hi       int32 // bodies perm[lo:hi] of a leaf; lo == hi for inner cells
}

const (
	leafSize = 8
	maxDepth = 40
)

// build fills the tree with the bodies at xs, ys of masses ms.
func (t *quadtree) build(xs, ys, ms []float64) {
	n := len(xs)
	t.cells = t.cells[:0]
	if cap(t.perm) < n {
		t.perm = make([]int32, n)
	}
	t.perm = t.perm[:n]
	for i := range t.perm {
		t.perm[i] = int32(i)
	}
	if n == 0 {
		return
	}
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := 0; i < n; i++ {
		x0, x1 = math.Min(x0, xs[i]), math.Max(x1, xs[i])
		y0, y1 = math.Min(y0, ys[i]), math.Max(y1, ys[i])
	}
	size := math.Max(x1-x0, y1-y0)*1.0001 + 1e-9
	t.cell(xs, ys, ms, 0, int32(n), x0, y0, size, 0)
}

// cell adds the cell of the bodies perm[lo:hi], inside the square of
// lower left corner x0, y0, and returns its index.
func (t *quadtree) cell(xs, ys, ms []float64, lo, hi int32, x0, y0, size float64, depth int) int32 {
	id := int32(len(t.cells))
	t.cells = append(t.cells, qcell{size: size, child: [4]int32{-1, -1, -1, -1}})
	var m, cx, cy float64
	for _, b := range t.perm[lo:hi] {
		m += ms[b]
		cx += ms[b] * xs[b]
		cy += ms[b] * ys[b]
	}
	c := &t.cells[id]
	c.mass, c.cx, c.cy = m, cx/m, cy/m
	if hi-lo <= leafSize || depth >= maxDepth {
		c.lo, c.hi = lo, hi
		return id
	}
	h := size / 2
	mx, my := x0+h, y0+h
	// Partition by x, then each half by y: quadrants SW, NW, SE, NE.
	split := func(lo, hi int32, left func(b int32) bool) int32 {
		i, j := lo, hi-1
		for i <= j {
			if left(t.perm[i]) {
				i++
			} else {
				t.perm[i], t.perm[j] = t.perm[j], t.perm[i]
				j--
			}
		}
		return i
	}
	xm := split(lo, hi, func(b int32) bool { return xs[b] < mx })
	ym0 := split(lo, xm, func(b int32) bool { return ys[b] < my })
	ym1 := split(xm, hi, func(b int32) bool { return ys[b] < my })
	parts := [4][2]int32{{lo, ym0}, {ym0, xm}, {xm, ym1}, {ym1, hi}}
	corners := [4][2]float64{{x0, y0}, {x0, my}, {mx, y0}, {mx, my}}
	for q, p := range parts {
		if p[1] > p[0] {
			ch := t.cell(xs, ys, ms, p[0], p[1], corners[q][0], corners[q][1], h, depth+1)
			t.cells[id].child[q] = ch
		}
	}
	return id
}

// repulsion returns the repulsive force on body i at x, y of mass m: the
// sum over the other bodies j of k·m·m_j·(p − p_j)/|p − p_j|², cells whose
// side is below theta times their distance counted as one body. stack is
// scratch space.
func (t *quadtree) repulsion(i int32, x, y, m, k, theta2 float64, xs, ys, ms []float64, stack []int32) (fx, fy float64, _ []int32) {
	if len(t.cells) == 0 {
		return 0, 0, stack
	}
	stack = append(stack[:0], 0)
	for len(stack) > 0 {
		c := &t.cells[stack[len(stack)-1]]
		stack = stack[:len(stack)-1]
		if c.hi > c.lo {
			for _, j := range t.perm[c.lo:c.hi] {
				if j == i {
					continue
				}
				dx, dy := x-xs[j], y-ys[j]
				d2 := dx*dx + dy*dy
				if d2 < 1e-12 {
					// Coincident bodies: push apart in a direction set by
					// their indices, so that the result stays reproducible.
					a := float64((i*7919+j*104729)%360) * math.Pi / 180
					dx, dy, d2 = 1e-3*math.Cos(a), 1e-3*math.Sin(a), 1e-6
				}
				f := k * m * ms[j] / d2
				fx += f * dx
				fy += f * dy
			}
			continue
		}
		dx, dy := x-c.cx, y-c.cy
		d2 := dx*dx + dy*dy
		if c.size*c.size < theta2*d2 {
			f := k * m * c.mass / d2
			fx += f * dx
			fy += f * dy
			continue
		}
		for _, ch := range c.child {
			if ch >= 0 {
				stack = append(stack, ch)
			}
		}
	}
	return fx, fy, stack
}
