package render

import (
	"math"
	"regexp"
	"strings"
	"testing"
)

// The ego view puts the centre in the middle, largest, partners on the
// first ring and their partners farther out, and fades the ties between
// partners.
func TestEgoRings(t *testing.T) {
	in := small()
	net := in.Network
	opts := Options{View: ViewEgo, Actor: "nantes", Depth: 2, Engine: EngineEmbedded}
	pos := actorPositions(t, in, opts)
	partner := map[string]bool{}
	for _, tie := range net.Ties {
		if tie.A == "nantes" {
			partner[tie.B] = true
		}
		if tie.B == "nantes" {
			partner[tie.A] = true
		}
	}
	c := pos["nantes"]
	r1, r2 := 0.0, math.Inf(1)
	for id, p := range pos {
		d := math.Hypot(p[0]-c[0], p[1]-c[1])
		switch {
		case id == "nantes":
		case partner[id]:
			r1 = math.Max(r1, d)
		default:
			r2 = math.Min(r2, d)
		}
	}
	if !(r1 > 0 && r2 > r1) {
		t.Errorf("partners up to %.0f points from the centre, partners of partners from %.0f: not on rings by distance", r1, r2)
	}
	g := finalLayout(t, in, opts)
	centreW, largest := 0.0, 0.0
	for _, o := range g.Objects {
		for _, op := range o.Draw {
			if (op.Op == "P" || op.Op == "E") && strings.HasPrefix(o.Name, "a") {
				w := 0.0
				if op.Op == "E" && len(op.Rect) == 4 {
					w = 2 * op.Rect[2]
				}
				for _, p := range op.Points {
					for _, q := range op.Points {
						w = math.Max(w, math.Abs(p[0]-q[0]))
					}
				}
				if o.Name == actorNodeOf(in, "nantes") {
					centreW = w
				}
				largest = math.Max(largest, w)
			}
		}
	}
	if centreW == 0 || centreW < largest {
		t.Errorf("centre %.1f points wide, largest node %.1f", centreW, largest)
	}
	for _, engine := range engines(t) {
		o := opts
		o.Engine = engine
		if svg := renderSVG(t, in, o); regexp.MustCompile(`<text[^>]*>ring`).Match(svg) {
			t.Errorf("%s: a ring's name is printed", engine)
		}
	}
	dot := string(mustDOT(t, in, opts))
	if !strings.Contains(dot, `color="#B4B4B440"`) {
		t.Error("ties between partners are not faded")
	}
}

func actorNodeOf(in Input, id string) string {
	for i, a := range in.Network.Actors {
		if a.ID == id {
			return actorNode(i)
		}
	}
	return ""
}

func mustDOT(t *testing.T, in Input, opts Options) []byte {
	t.Helper()
	b, err := DOT(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The isolated view prints why actors are flagged, in a key that PNG and
// PDF readers see, each actor numbered on the map and in the key.
func TestIsolatedKey(t *testing.T) {
	in := small()
	for _, engine := range engines(t) {
		// Graphviz writes hyphens as &#45;.
		svg := strings.ReplaceAll(string(renderSVG(t, in, Options{View: ViewIsolated, Suggestions: true, Engine: engine, Labels: LabelsAll})), "&#45;", "-")
		if !strings.Contains(svg, "Flagged actors: why, and suggested partners") {
			t.Fatalf("%s: no key", engine)
		}
		for i, ia := range in.Isolated.Actors {
			if i >= maxKeyRows {
				break
			}
			var name string
			for _, a := range in.Network.Actors {
				if a.ID == ia.ID {
					name = a.Label()
				}
			}
			if !strings.Contains(svg, htmlText(name)) {
				t.Errorf("%s: flagged %s not in the key", engine, ia.ID)
			}
		}
		if !strings.Contains(svg, "1 · ") {
			t.Errorf("%s: no numbered name", engine)
		}
	}
}

func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
