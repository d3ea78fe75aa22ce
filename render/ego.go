package render

import (
	"math"
	"sort"

	"github.com/alliances/alliances/layout"
)

// egoPlacement lays out an ego view radially: the centre in the middle,
// the others on rings by their distance in ties from it (partners on the
// first ring, their partners on the second…). Around each ring actors keep
// the order of their directions from the centre in the network's layout,
// when there is one, so that the ego map is turned as the whole map;
// otherwise they go in id order. Rings are wide enough for their actors.
func (s *scene) egoPlacement(lay *layout.Layout) *placement {
	st := s.style()
	adj := make(map[string][]string)
	for _, e := range s.edges {
		if e.kind == edgeTie {
			adj[e.a] = append(adj[e.a], e.b)
			adj[e.b] = append(adj[e.b], e.a)
		}
	}
	centre := s.centreNode()
	dist := map[string]int{centre: 0}
	queue := []string{centre}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, v := range adj[u] {
			if _, ok := dist[v]; !ok {
				dist[v] = dist[u] + 1
				queue = append(queue, v)
			}
		}
	}
	var c layout.Point
	if lay != nil {
		for _, sa := range s.actors {
			if sa.centre {
				c, _ = lay.At(sa.a.ID)
			}
		}
	}
	type member struct {
		node, id string
		angle    float64
	}
	rings := make(map[int][]member)
	maxD := 0
	for _, sa := range s.actors {
		if sa.centre {
			continue
		}
		d, ok := dist[sa.node]
		if !ok {
			d = s.opts.Depth // not reached through the drawn ties (an overview)
		}
		m := member{node: sa.node, id: sa.a.ID}
		if lay != nil {
			if p, ok := lay.At(sa.a.ID); ok {
				m.angle = math.Atan2(p.Y-c.Y, p.X-c.X)
			}
		}
		rings[d] = append(rings[d], m)
		maxD = max(maxD, d)
	}
	dmax := 72 * st.dmax * 1.25
	per := 72*st.dmax*0.9 + 20 // room of an actor along a ring
	pl := &placement{pos: map[string][2]float64{centre: {0, 0}}}
	r := 0.0
	for d := 1; d <= maxD; d++ {
		ms := rings[d]
		if len(ms) == 0 {
			continue
		}
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].angle != ms[j].angle {
				return ms[i].angle < ms[j].angle
			}
			return ms[i].id < ms[j].id
		})
		r = math.Max(r+dmax+60, float64(len(ms))*per/(2*math.Pi))
		pl.rings = append(pl.rings, r)
		start := ms[0].angle
		for i, m := range ms {
			a := start + 2*math.Pi*float64(i)/float64(len(ms))
			pl.pos[m.node] = [2]float64{r * math.Cos(a), r * math.Sin(a)}
		}
	}
	// Move to the origin; the rings are centred on the centre.
	for n, p := range pl.pos {
		pl.pos[n] = [2]float64{p[0] + r, p[1] + r}
	}
	pl.width, pl.height = 2*r, 2*r
	pl.ringCentre = [2]float64{r, r}
	return pl
}

// centreNode is the node of the centre of an ego view, or "".
func (s *scene) centreNode() string {
	for _, sa := range s.actors {
		if sa.centre {
			return sa.node
		}
	}
	return ""
}
