package render

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// A placement fixes the position of every node, in points, for the second
// Graphviz pass: the first pass lays the DOT document out, the positions are
// spread so that nodes do not cover each other, and the second pass (neato
// -n2, which keeps given positions) draws labels, legend and edges around
// them. Spreading by a factor is what overlap=scale does, but computed on the
// typical rather than the worst overlap, so that a few coincident nodes do
// not blow a large map up; it avoids overlap removal by prism, which is
// pathologically slow in the embedded Graphviz.
type placement struct {
	pos map[string][2]float64
	// width and height of the nodes' extent, points
	width, height float64
	// names are the placed names of actors, by node name.
	names map[string]nameTag
	// clusters are the boxes of clusters, by cluster key.
	clusters map[string]box
	// frame keeps the drawing on the whole extent (Options.FullFrame).
	frame bool
	// rings are the radii of the rings of an ego view, around ringCentre.
	rings      []float64
	ringCentre [2]float64
}

// layoutPass runs the first pass and returns node positions in points.
func layoutPass(ctx context.Context, native bool, src []byte, layout string) (map[string][2]float64, error) {
	var out []byte
	var err error
	if native {
		out, err = runNative(ctx, src, layout, "plain")
	} else {
		out, err = runEmbedded(ctx, src, layout, "plain")
	}
	if err != nil {
		return nil, err
	}
	return parsePlain(out)
}

// parsePlain reads the node positions of Graphviz's plain output ("node
// name x y width height …", inches) as points.
func parsePlain(b []byte) (map[string][2]float64, error) {
	pos := make(map[string][2]float64)
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || f[0] != "node" {
			continue
		}
		x, errX := strconv.ParseFloat(f[2], 64)
		y, errY := strconv.ParseFloat(f[3], 64)
		if errX != nil || errY != nil || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
			return nil, fmt.Errorf("%w: plain output: node line %q", ErrGraphviz, sc.Text())
		}
		pos[strings.Trim(f[1], `"`)] = [2]float64{x * 72, y * 72}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: plain output: %v", ErrGraphviz, err)
	}
	return pos, nil
}

// keep returns a placement of the positions as they are, moved to the
// origin.
func keep(pos map[string][2]float64) *placement {
	pl := &placement{pos: make(map[string][2]float64, len(pos))}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	for n, p := range pos {
		pl.pos[n] = [2]float64{p[0] - minX, p[1] - minY}
	}
	if len(pos) > 0 {
		pl.width, pl.height = maxX-minX, maxY-minY
	}
	return pl
}

// spread scales the positions about their lower left corner so that the
// nodes' extent is about 5 median node diameters per √n: an average
// spacing at which nodes sized by metric rarely cover each other and ties
// stay visible. It never shrinks the layout and scales by at most 50.
func spread(pos map[string][2]float64, diam map[string]float64) *placement {
	names := make([]string, 0, len(pos))
	for n := range pos {
		names = append(names, n)
	}
	sort.Strings(names)
	pl := &placement{pos: make(map[string][2]float64, len(pos))}
	if len(names) == 0 {
		return pl
	}
	ds := make([]float64, 0, len(names))
	xs := make([]float64, 0, len(names))
	ys := make([]float64, 0, len(names))
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, n := range names {
		p := pos[n]
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
		ds = append(ds, diam[n])
		xs, ys = append(xs, p[0]), append(ys, p[1])
	}
	sort.Float64s(ds)
	sort.Float64s(xs)
	sort.Float64s(ys)
	// The extent that matters is that of the bulk of the nodes: Graphviz
	// packs isolated actors and small components around the main one.
	q := func(v []float64, p float64) float64 { return v[int(p*float64(len(v)-1))] }
	ext := math.Max(q(xs, 0.95)-q(xs, 0.05), q(ys, 0.95)-q(ys, 0.05)) / 0.9
	target := 5 * ds[len(ds)/2] * math.Sqrt(float64(len(names)))
	f := 1.0
	if ext > 0 {
		f = math.Max(1, math.Min(50, target/ext))
	}
	// sfdp keeps groups far apart and packs their members, hubs in the
	// middle: spread up to half as much again, until nine nodes in ten
	// clear their nearest neighbour.
	if need := clearance(names, pos, diam, 0.9); need > f {
		f = math.Min(need, 1.5*f)
	}
	// Isolated actors and small components that Graphviz packs far out are
	// drawn closer: beyond the bulk (plus a tenth of its extent), distances
	// are divided by 5.
	lo := [2]float64{q(xs, 0.05) - 0.1*ext, q(ys, 0.05) - 0.1*ext}
	hi := [2]float64{q(xs, 0.95) + 0.1*ext, q(ys, 0.95) + 0.1*ext}
	pull := func(v float64, k int) float64 {
		switch {
		case v < lo[k]:
			return lo[k] - (lo[k]-v)/5
		case v > hi[k]:
			return hi[k] + (v-hi[k])/5
		}
		return v
	}
	minX, minY, maxX, maxY = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, n := range names {
		p := [2]float64{pull(pos[n][0], 0), pull(pos[n][1], 1)}
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
		pl.pos[n] = p
	}
	for n, p := range pl.pos {
		pl.pos[n] = [2]float64{(p[0] - minX) * f, (p[1] - minY) * f}
	}
	pl.width, pl.height = (maxX-minX)*f, (maxY-minY)*f
	return pl
}

// A nameTag is the name of an actor placed by placeNames: its text and the
// centre of its box, in points.
type nameTag struct {
	lines []string
	x, y  float64
	w, h  float64 // size of the box, points
	align string  // "LEFT", "RIGHT" or "CENTER": how lines are justified
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlap(b box) float64 {
	w := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
	h := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// placeNames places the names of the actors of a placement, in the order of
// s.rank. Each name is tried at eight places around its node (right, left,
// above, below, then the corners) and put where it covers no name already
// placed and the least area of nodes. When every actor is to be named, a
// name that cannot avoid others goes where it covers least; otherwise that
// actor is skipped and the next in rank is named, until s.labelled names
// are placed. So names never pile up, and nodes stay visible.
func (pl *placement) placeNames(s *scene, st style, width func(lines []string) float64) {
	pl.names = make(map[string]nameTag)
	all := s.labelled == len(s.actors)
	var nodes []box
	nodeOf := make(map[string]int)
	for _, sa := range s.actors {
		p := pl.pos[sa.node]
		r := 36 * s.actorDiameter(sa, st)
		nodeOf[sa.node] = len(nodes)
		nodes = append(nodes, box{p[0] - r, p[1] - r, p[0] + r, p[1] + r})
	}
	for _, sp := range s.project {
		p := pl.pos[sp.node]
		lines := projectName(sp.p)
		w := nameWidth(lines, st.labelSize*0.9)/2 + 6
		h := st.labelSize * 0.6 * float64(len(lines)+1)
		nodes = append(nodes, box{p[0] - w, p[1] - h, p[0] + w, p[1] + h})
	}
	var placed []box
	for _, i := range s.rank {
		if len(pl.names) == s.labelled {
			break
		}
		sa := s.actors[i]
		p, ok := pl.pos[sa.node]
		if !ok {
			continue
		}
		lines := s.nameOf(sa)
		w, h := 1.08*width(lines)+6, st.labelSize*(1.2*float64(len(lines))+0.25)
		nb := nodes[nodeOf[sa.node]]
		const gap = 2
		cands := []box{
			{nb.x1 + gap, p[1] - h/2, nb.x1 + gap + w, p[1] + h/2}, // right
			{nb.x0 - gap - w, p[1] - h/2, nb.x0 - gap, p[1] + h/2}, // left
			{p[0] - w/2, nb.y1 + gap, p[0] + w/2, nb.y1 + gap + h}, // above
			{p[0] - w/2, nb.y0 - gap - h, p[0] + w/2, nb.y0 - gap}, // below
			{nb.x1, nb.y1, nb.x1 + w, nb.y1 + h},                   // upper right
			{nb.x0 - w, nb.y1, nb.x0, nb.y1 + h},                   // upper left
			{nb.x1, nb.y0 - h, nb.x1 + w, nb.y0},                   // lower right
			{nb.x0 - w, nb.y0 - h, nb.x0, nb.y0},                   // lower left
		}
		best, bestCost, bestClash := -1, math.Inf(1), math.Inf(1)
		for k, c := range cands {
			clash, cost := 0.0, 0.0
			for _, q := range placed {
				clash += c.overlap(q)
			}
			for j, nbx := range nodes {
				if j != nodeOf[sa.node] {
					cost += c.overlap(nbx)
				}
			}
			if clash < bestClash || (clash == bestClash && cost < bestCost) {
				best, bestCost, bestClash = k, cost, clash
			}
		}
		if bestClash > 0 && !all {
			continue
		}
		c := cands[best]
		placed = append(placed, c)
		align := [...]string{"LEFT", "RIGHT", "CENTER", "CENTER", "LEFT", "RIGHT", "LEFT", "RIGHT"}[best]
		pl.names[sa.node] = nameTag{lines: lines, x: (c.x0 + c.x1) / 2, y: (c.y0 + c.y1) / 2, w: c.x1 - c.x0, h: c.y1 - c.y0, align: align}
	}
}

// textWidth estimates the width in points of text in Helvetica at size:
// the average advance of Helvetica's letters is about 0.55 em, wider for
// capitals and narrower for i, l, t and spaces.
func textWidth(text string, size float64) float64 {
	w := 0.0
	for _, r := range text {
		switch {
		case strings.ContainsRune("il.,;:'|!ıìíîï", r):
			w += 0.25
		case strings.ContainsRune("ftjr ()[]-", r):
			w += 0.33
		case r == 'm' || r == 'w' || r == 'M' || r == 'W':
			w += 0.85
		case r >= 'A' && r <= 'Z':
			w += 0.68
		default:
			w += 0.56
		}
	}
	return w * size
}

// clearance returns the scale at which the fraction q of the nodes are
// clear of their nearest neighbour by 2 points.
func clearance(names []string, pos map[string][2]float64, diam map[string]float64, q float64) float64 {
	if len(names) < 2 {
		return 0
	}
	pts := make([][2]float64, len(names))
	for i, n := range names {
		pts[i] = pos[n]
	}
	need := make([]float64, len(names))
	for i, pa := range pts {
		best, k := math.Inf(1), -1
		for j, pb := range pts {
			dx, dy := pa[0]-pb[0], pa[1]-pb[1]
			if d2 := dx*dx + dy*dy; i != j && d2 < best {
				best, k = d2, j
			}
		}
		need[i] = ((diam[names[i]]+diam[names[k]])/2 + 2) / math.Max(math.Sqrt(best), 1e-3)
	}
	sort.Float64s(need)
	return need[int(q*float64(len(need)-1))]
}
