package render

import (
	"fmt"
	"math"

	"github.com/alliances/alliances/layout"
)

// sharesLayout reports whether the view is drawn at the positions of the
// network's one layout (package layout): the network and isolated views,
// and any view of a slice, so that a reader can match the maps of one
// store. Ego, project and bipartite views have layouts of their own, and
// clustered maps arrange their clusters in boxes.
func (s *scene) sharesLayout() bool {
	return s.opts.Cluster == "" && (s.opts.View == ViewNetwork || s.opts.View == ViewIsolated)
}

// unitPoints is the length in points of the layout unit (the typical
// distance between an actor and its nearest neighbour) on a map of a
// layout of n actors: room for the names of small maps, and for nodes that
// clear each other on large ones.
func unitPoints(n int) float64 {
	switch {
	case n <= 60:
		return 96
	case n <= 400:
		return 48
	}
	return 24
}

// maxExtent bounds the longer side of the drawing of a large layout, in
// points (42 inches: a poster, or a page at a fifth of its size).
const maxExtent = 3000

// fromLayout places the actors (and ghosts) of the scene at their
// positions in lay, at the scale of the whole layout, so that the maps of
// several views or slices put an actor at the same place. With
// Options.FullFrame the drawing spans the whole layout.
func (s *scene) fromLayout(lay *layout.Layout) (*placement, error) {
	k := unitPoints(s.layoutN)
	pl := &placement{pos: make(map[string][2]float64, len(s.actors)+len(s.ghosts))}
	var lo, hi layout.Point
	first := true
	for _, group := range [][]sceneActor{s.ghosts, s.actors} {
		for _, sa := range group {
			p, ok := lay.At(sa.a.ID)
			if !ok {
				return nil, fmt.Errorf("%w: %q", layout.ErrNotInLayout, sa.a.ID)
			}
			if first {
				lo, hi, first = p, p, false
			}
			lo.X, lo.Y = math.Min(lo.X, p.X), math.Min(lo.Y, p.Y)
			hi.X, hi.Y = math.Max(hi.X, p.X), math.Max(hi.Y, p.Y)
			pl.pos[sa.node] = [2]float64{p.X, p.Y}
		}
	}
	if s.opts.FullFrame {
		lo, hi = lay.Bounds()
		pl.frame = true
	}
	if s.layoutN > 400 && s.omitted == nil {
		// A large network of many tight groups (the cliques of the
		// projects of keep.eu) would span hundreds of inches: its whole
		// layout is scaled to at most maxExtent points, the same for
		// every view of it.
		wlo, whi := lay.Bounds()
		if ext := math.Max(whi.X-wlo.X, whi.Y-wlo.Y) * k; ext > maxExtent {
			k *= maxExtent / ext
		}
	}
	if s.omitted != nil {
		// An overview draws a few actors of a large layout: zoomed so
		// that they are as far apart as on a map of their number.
		pts := make([]layout.Point, 0, len(pl.pos))
		for _, sa := range s.actors {
			p := pl.pos[sa.node]
			pts = append(pts, layout.Point{X: p[0], Y: p[1]})
		}
		if d := layout.Spacing(pts); d > 0 {
			k /= d
		}
	}
	for n, p := range pl.pos {
		pl.pos[n] = [2]float64{(p[0] - lo.X) * k, (p[1] - lo.Y) * k}
	}
	pl.width, pl.height = (hi.X-lo.X)*k, (hi.Y-lo.Y)*k
	return pl, nil
}
