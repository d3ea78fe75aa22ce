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
	// labels are the node names of the actors to label.
	labels map[string]bool
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

// chooseLabels picks the actors to label in a placement: the first
// s.labelled actors of s.rank whose name, drawn above the node, does not
// cover a name already chosen. Actors whose name would collide are skipped
// for the next ones in rank, so the map keeps its number of names without
// piling them up in dense areas.
func (pl *placement) chooseLabels(s *scene, st style) {
	pl.labels = make(map[string]bool)
	type box struct{ x0, y0, x1, y1 float64 }
	var taken []box
	for _, i := range s.rank {
		if len(pl.labels) == s.labelled {
			break
		}
		sa := s.actors[i]
		p, ok := pl.pos[sa.node]
		if !ok {
			continue
		}
		w := 0.55 * st.labelSize * float64(len([]rune(shorten(sa.a.Label(), 32))))
		h := 1.3 * st.labelSize
		r := 36 * s.diameter(sa.value, st)
		b := box{p[0] - w/2 - 4, p[1] - r - h - 4, p[0] + w/2 + 4, p[1] + r + h + 4}
		clear := true
		for _, t := range taken {
			if b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1 {
				clear = false
				break
			}
		}
		if clear {
			taken = append(taken, b)
			pl.labels[sa.node] = true
		}
	}
}
