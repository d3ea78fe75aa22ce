package render

import (
	"context"
	"math"
	"sort"
)

// clusterPlacement lays out a clustered map: each cluster (the actors of
// one country or territory, then the actors without one) is laid out on its
// own with the ties inside it, and the clusters are arranged in rows, in
// name order, each in a box of its own. Graphviz's fdp, which draws
// clusters in one pass, lets the boxes of strongly tied clusters cover each
// other; this never does. Ties between clusters are drawn across boxes.
func clusterPlacement(ctx context.Context, native bool, s *scene) (*placement, error) {
	st := s.style()
	groups := make(map[string][]int)
	var keys []string
	for i, sa := range s.actors {
		if _, ok := groups[sa.cluster]; !ok {
			keys = append(keys, sa.cluster)
		}
		groups[sa.cluster] = append(groups[sa.cluster], i)
	}
	if _, ok := groups[""]; !ok && len(s.project) > 0 {
		keys = append(keys, "") // projects go with the actors outside clusters
	}
	sort.Slice(keys, func(i, j int) bool {
		if (keys[i] == "") != (keys[j] == "") {
			return keys[j] == "" // actors without cluster last
		}
		return keys[i] < keys[j]
	})
	type block struct {
		key       string
		pl        *placement
		w, h      float64 // size of the box, points
		ox, oy    float64 // lower left corner of the box
		pad, head float64
	}
	blocks := make([]*block, 0, len(keys))
	diam := s.diameters(st)
	for _, k := range keys {
		sub := s.subScene(groups[k], k == "")
		sst := sub.style()
		sub.bare = true
		pos, err := layoutPass(ctx, native, sub.dot(nil), sst.layout)
		if err != nil {
			return nil, err
		}
		var pl *placement
		if sst.layout == "sfdp" {
			pl = spread(pos, diam)
		} else {
			pl = keep(pos)
		}
		// Room for the nodes, their names and the cluster label.
		maxD := 0.0
		for n := range pl.pos {
			maxD = math.Max(maxD, diam[n])
		}
		b := &block{key: k, pl: pl, pad: maxD/2 + 36, head: 24 * st.legendScale}
		b.w, b.h = pl.width+2*b.pad, pl.height+2*b.pad+b.head
		blocks = append(blocks, b)
	}
	// Rows of blocks about as wide as the whole is tall.
	area, widest := 0.0, 0.0
	for _, b := range blocks {
		area += b.w * b.h
		widest = math.Max(widest, b.w)
	}
	rowWidth := math.Max(widest, 1.3*math.Sqrt(area))
	const gap = 24
	var rows [][]*block
	x := 0.0
	for _, b := range blocks {
		if len(rows) == 0 || (x+b.w > rowWidth && x > 0) {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], b)
		x += b.w + gap
	}
	// The first row on top: Graphviz's y axis points up.
	total := 0.0
	heights := make([]float64, len(rows))
	for r, row := range rows {
		for _, b := range row {
			heights[r] = math.Max(heights[r], b.h)
		}
		total += heights[r] + gap
	}
	out := &placement{pos: make(map[string][2]float64), clusters: make(map[string]box)}
	top := total - gap
	for r, row := range rows {
		x := 0.0
		for _, b := range row {
			b.ox, b.oy = x, top-b.h
			for n, p := range b.pl.pos {
				out.pos[n] = [2]float64{b.ox + b.pad + p[0], b.oy + b.pad + p[1]}
			}
			if b.key != "" {
				out.clusters[b.key] = box{b.ox, b.oy, b.ox + b.w, b.oy + b.h}
			}
			out.width = math.Max(out.width, b.ox+b.w)
			x += b.w + gap
		}
		top -= heights[r] + gap
	}
	out.height = total - gap
	return out, nil
}

// subScene returns the scene of the actors idx of s (indices into
// s.actors) and the ties among them, with the node sizes of s; with
// projects, also the projects of s and the participations of those actors.
func (s *scene) subScene(idx []int, projects bool) *scene {
	sub := *s
	sub.actors = make([]sceneActor, 0, len(idx))
	in := make(map[string]bool, len(idx))
	for _, i := range idx {
		sub.actors = append(sub.actors, s.actors[i])
		in[s.actors[i].node] = true
	}
	sub.project = nil
	if projects {
		sub.project = s.project
		for _, p := range s.project {
			in[p.node] = true
		}
	}
	sub.edges = nil
	for _, e := range s.edges {
		if in[e.a] && in[e.b] {
			sub.edges = append(sub.edges, e)
		}
	}
	sub.opts.Cluster = ""
	parent := s.style()
	sub.styleOf = &parent
	return &sub
}
