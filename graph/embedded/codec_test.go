package embedded

import (
	"reflect"
	"testing"

	"github.com/alliances/alliances/graph"
)

// FuzzCodec checks that links and actors round-trip through the codec and that
// decoding arbitrary bytes fails cleanly instead of panicking.
func FuzzCodec(f *testing.F) {
	f.Add("nantes", "enda", "partnership", 2.5, true, "2015", "Île", 12, []byte{3, 'a', 'b', 'c'})
	f.Add("", "", "", 0.0, false, "", "", 0, []byte{})
	f.Add("東京", "é", "\x00", -1e300, false, "x", "y", -5, []byte{255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1})
	f.Fuzz(func(t *testing.T, s, tg, typ string, w float64, dir bool, start, file string, line int, junk []byte) {
		l := graph.Link{Source: s, Target: tg, Type: typ, Weight: w, Directed: dir, Start: start,
			Origin: graph.Provenance{File: file, Line: line}}
		d := &decoder{intern: map[string]string{}}
		d.reset(appendLink(nil, &l))
		var got graph.Link
		decodeLink(d, nil, &got)
		if err := d.done(); err != nil {
			t.Fatalf("decoding %+v: %v", l, err)
		}
		if !reflect.DeepEqual(got, l) && !(w != w && got.Weight != got.Weight) {
			t.Fatalf("round trip: got %+v, want %+v", got, l)
		}
		a := graph.Actor{ID: s, Name: tg, Attrs: map[string]string{typ: start, file: s}}
		d.reset(appendActor(nil, &a))
		var ga graph.Actor
		decodeActor(d, []byte(s), &ga)
		if err := d.done(); err != nil || !reflect.DeepEqual(ga, a) {
			t.Fatalf("actor round trip: got %+v (%v), want %+v", ga, err, a)
		}
		for _, decodeJunk := range []func(){
			func() { var x graph.Link; decodeLink(d, junk, &x) },
			func() { var x graph.Actor; decodeActor(d, junk, &x) },
			func() { var x graph.Project; decodeProject(d, junk, &x) },
			func() { var x graph.Participation; decodeParticipation(d, junk, &x) },
			func() { decodeMetrics(d) },
		} {
			d.reset(junk)
			decodeJunk()
			_ = d.done()
		}
	})
}
