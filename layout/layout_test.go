package layout_test

import (
	"context"
	"math"
	"sort"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/render/rendertest"
)

func compute(t testing.TB, net *graph.Network, seed int64) *layout.Layout {
	t.Helper()
	l, err := layout.Compute(context.Background(), net, layout.Options{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func positions(l *layout.Layout) map[string]layout.Point {
	m := make(map[string]layout.Point)
	l.Each(func(id string, p layout.Point) { m[id] = p })
	return m
}

func TestDeterministic(t *testing.T) {
	net := rendertest.Network(600, 1800, 3)
	a, b := compute(t, net, 7), compute(t, net, 7)
	if a.Len() != len(net.Actors) {
		t.Fatalf("%d actors placed, want %d", a.Len(), len(net.Actors))
	}
	pa, pb := positions(a), positions(b)
	for id, p := range pa {
		if pb[id] != p {
			t.Fatalf("actor %s at %v, then at %v with the same seed", id, p, pb[id])
		}
		if math.IsNaN(p.X) || math.IsNaN(p.Y) || math.IsInf(p.X, 0) || math.IsInf(p.Y, 0) {
			t.Fatalf("actor %s at %v", id, p)
		}
	}
	if a.Key() != b.Key() {
		t.Errorf("keys differ: %s, %s", a.Key(), b.Key())
	}
	c := compute(t, net, 8)
	same := 0
	for id, p := range positions(c) {
		if pa[id] == p {
			same++
		}
	}
	if same > len(pa)/10 {
		t.Errorf("seeds 7 and 8 put %d of %d actors at the same place", same, len(pa))
	}
	if c.Key() == a.Key() {
		t.Error("seeds 7 and 8 have the same key")
	}
}

// Tied actors are drawn close: the median length of a tie is a small part
// of the median distance between two actors of the main component.
func TestTiesAreShort(t *testing.T) {
	net := rendertest.Network(800, 2400, 5)
	l := compute(t, net, 1)
	p := positions(l)
	var ties []float64
	for _, tie := range net.Ties {
		ties = append(ties, dist(p[tie.A], p[tie.B]))
	}
	var pairs []float64
	for i := 0; i < len(net.Ties); i++ {
		a := net.Ties[i].A
		b := net.Ties[(i*7919)%len(net.Ties)].B
		if a != b {
			pairs = append(pairs, dist(p[a], p[b]))
		}
	}
	mt, mp := median(ties), median(pairs)
	if mt > 0.3*mp {
		t.Errorf("median tie length %.2f, median distance between actors %.2f: ties are not drawn short", mt, mp)
	}
}

// Components never overlap: the main one is on the left, the others beside
// it in boxes of their own.
func TestComponentsApart(t *testing.T) {
	d := &graph.Dataset{}
	add := func(a, b string) {
		d.Links = append(d.Links, graph.Link{Source: a, Target: b, Weight: 1})
	}
	ids := []string{}
	for i := 0; i < 40; i++ {
		ids = append(ids, "m"+string(rune('A'+i%26))+string(rune('a'+i/26)))
	}
	for i := range ids {
		add(ids[i], ids[(i+1)%len(ids)])
		add(ids[i], ids[(i+7)%len(ids)])
	}
	small := [][]string{{"s1", "s2", "s3"}, {"t1", "t2"}, {"u1", "u2", "u3", "u4"}, {"lone"}, {"lone2"}}
	for _, c := range small {
		for i := 1; i < len(c); i++ {
			add(c[0], c[i])
		}
		ids = append(ids, c...)
	}
	for _, id := range ids {
		d.Actors = append(d.Actors, graph.Actor{ID: id})
	}
	d.Sort()
	net := graph.NewNetwork(d)
	p := positions(compute(t, net, 1))
	box := func(c []string) [4]float64 {
		b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, id := range c {
			b[0], b[1] = math.Min(b[0], p[id].X), math.Min(b[1], p[id].Y)
			b[2], b[3] = math.Max(b[2], p[id].X), math.Max(b[3], p[id].Y)
		}
		return b
	}
	boxes := [][4]float64{box(ids[:40])}
	for _, c := range small {
		boxes = append(boxes, box(c))
	}
	for i := range boxes {
		for j := i + 1; j < len(boxes); j++ {
			a, b := boxes[i], boxes[j]
			if a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3] {
				t.Errorf("components %d %v and %d %v overlap", i, a, j, b)
			}
		}
		if i > 0 && boxes[i][0] <= boxes[0][2] {
			t.Errorf("component %d %v is not right of the main one %v", i, boxes[i], boxes[0])
		}
	}
}

func TestKey(t *testing.T) {
	net, _, _ := rendertest.Small()
	k := layout.Key(net, layout.Options{Seed: 1})
	renamed := *net
	renamed.Actors = append([]graph.Actor(nil), net.Actors...)
	renamed.Actors[0].Name = "Autre nom"
	renamed.Ties = append([]graph.Tie(nil), net.Ties...)
	renamed.Ties[0].Weight += 5
	if got := layout.Key(&renamed, layout.Options{Seed: 1}); got != k {
		t.Error("a new name or weight changes the key")
	}
	fewer := renamed
	fewer.Ties = renamed.Ties[1:]
	if layout.Key(&fewer, layout.Options{Seed: 1}) == k {
		t.Error("a removed tie keeps the key")
	}
	if layout.Key(net, layout.Options{Seed: 2}) == k {
		t.Error("another seed keeps the key")
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := layout.Compute(ctx, rendertest.Network(300, 900, 1), layout.Options{}); err == nil {
		t.Error("a cancelled layout returned no error")
	}
}

func TestEmptyAndTiny(t *testing.T) {
	for _, n := range []int{0, 1, 2} {
		d := &graph.Dataset{}
		for i := 0; i < n; i++ {
			d.Actors = append(d.Actors, graph.Actor{ID: string(rune('a' + i))})
		}
		l := compute(t, graph.NewNetwork(d), 1)
		if l.Len() != n {
			t.Errorf("%d actors: %d placed", n, l.Len())
		}
		if _, ok := l.At("zz"); ok {
			t.Error("an unknown actor is placed")
		}
	}
}

func dist(a, b layout.Point) float64 { return math.Hypot(a.X-b.X, a.Y-b.Y) }

func median(v []float64) float64 {
	sort.Float64s(v)
	return v[len(v)/2]
}

func BenchmarkCompute2000(b *testing.B) {
	net := rendertest.Network(2000, 6000, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := layout.Compute(context.Background(), net, layout.Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
