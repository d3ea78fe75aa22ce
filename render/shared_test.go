package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/render/rendertest"
)

// actorPositions returns the position of every actor on the map that in
// and opts describe, by actor id: the pos of its node in Graphviz's final
// layout, which is where the SVG, PNG and PDF draw it.
func actorPositions(t *testing.T, in Input, opts Options) map[string][2]float64 {
	t.Helper()
	g := finalLayout(t, in, opts)
	out := make(map[string][2]float64)
	for _, o := range g.Objects {
		i, err := strconv.Atoi(strings.TrimPrefix(o.Name, "a"))
		if !strings.HasPrefix(o.Name, "a") || err != nil {
			continue
		}
		var x, y float64
		if _, err := fmt.Sscanf(o.Pos, "%g,%g", &x, &y); err != nil {
			t.Fatalf("node %s: pos %q", o.Name, o.Pos)
		}
		out[in.Network.Actors[i].ID] = [2]float64{x, y}
	}
	return out
}

func renderSVG(t *testing.T, in Input, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(context.Background(), &b, "svg", in, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The network and isolated maps of one network put every actor at the same
// place, on both engines, whether the layout is given or computed.
func TestSharedLayoutSamePositions(t *testing.T) {
	net, res, iso := rendertest.Small()
	lay, err := layout.Compute(context.Background(), net, layout.Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			in := Input{Network: net, Metrics: res, Isolated: iso, Layout: lay}
			base := Options{Seed: 3, Engine: engine}
			network := actorPositions(t, in, base)
			if len(network) != len(net.Actors) {
				t.Fatalf("%d actors in the SVG, want %d", len(network), len(net.Actors))
			}
			views := map[string]Options{
				"isolated":             {View: ViewIsolated, Suggestions: true},
				"isolated, no ties":    {View: ViewIsolated},
				"sized by betweenness": {SizeBy: "betweenness", Labels: 5, Lang: "fr"},
			}
			for name, o := range views {
				o.Seed, o.Engine = 3, engine
				got := actorPositions(t, in, o)
				samePositions(t, name, network, got, len(net.Actors))
			}
			computed := actorPositions(t, Input{Network: net, Metrics: res}, base)
			samePositions(t, "layout computed by Render", network, computed, len(net.Actors))
		})
	}
}

// A slice drawn at the positions of the union, on the union's frame, puts
// its actors where the map of the union puts them; the actors of other
// slices are drawn faint, and entering actors are outlined.
func TestSliceAtUnionPositions(t *testing.T) {
	net, _, _ := rendertest.Small()
	lay, err := layout.Compute(context.Background(), net, layout.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// The slice: the actors of the first 20 ids, and the ties among them.
	keep := make(map[string]bool)
	d := &graph.Dataset{}
	var ghosts []graph.Actor
	for i, a := range net.Actors {
		if i < 20 {
			keep[a.ID] = true
			d.Actors = append(d.Actors, a)
		} else {
			ghosts = append(ghosts, a)
		}
	}
	for _, tie := range net.Ties {
		if keep[tie.A] && keep[tie.B] {
			d.Links = append(d.Links, graph.Link{Source: tie.A, Target: tie.B, Weight: tie.Weight})
		}
	}
	slice := graph.NewNetwork(d)
	for _, engine := range engines(t) {
		t.Run(engine, func(t *testing.T) {
			opts := Options{Seed: 1, Engine: engine, FullFrame: true}
			union := actorPositions(t, Input{Network: net, Layout: lay}, opts)
			sliceIn := Input{Network: slice, Layout: lay, Ghosts: ghosts, Entered: []string{slice.Actors[0].ID}}
			got := actorPositions(t, sliceIn, opts)
			svg := renderSVG(t, sliceIn, opts)
			samePositions(t, "slice", union, got, len(slice.Actors))
			nodes := svgNodes(t, svg)
			faint := 0
			for name, n := range nodes {
				if name[0] == 'g' && n.shaped {
					faint++
				}
			}
			if faint != len(ghosts) {
				t.Errorf("%d faint actors drawn, want %d", faint, len(ghosts))
			}
			for _, s := range []string{"faint: not in this slice", "thick black outline: new in this slice"} {
				if !bytes.Contains(svg, []byte(s)) {
					t.Errorf("the legend does not say %q", s)
				}
			}
			// Without the full frame the slice is drawn on its own extent:
			// the same shape, moved.
			opts.FullFrame = false
			moved := actorPositions(t, Input{Network: slice, Layout: lay}, opts)
			a, b := slice.Actors[0].ID, slice.Actors[5].ID
			du := [2]float64{union[a][0] - union[b][0], union[a][1] - union[b][1]}
			dm := [2]float64{moved[a][0] - moved[b][0], moved[a][1] - moved[b][1]}
			if math.Abs(du[0]-dm[0]) > 0.2 || math.Abs(du[1]-dm[1]) > 0.2 {
				t.Errorf("%s−%s is %v on the union's map, %v on the slice's own frame", a, b, du, dm)
			}
		})
	}
	// An actor that the layout does not place is an error.
	other := *slice
	other.Actors = append([]graph.Actor{{ID: "nouveau"}}, slice.Actors...)
	var b bytes.Buffer
	err = Render(context.Background(), &b, "svg", Input{Network: &other, Layout: lay}, Options{Engine: EngineEmbedded})
	if err == nil || !errors.Is(err, layout.ErrNotInLayout) {
		t.Errorf("an actor outside the layout: %v, want ErrNotInLayout", err)
	}
}

func samePositions(t *testing.T, name string, want, got map[string][2]float64, n int) {
	t.Helper()
	if len(got) != n {
		t.Errorf("%s: %d actors drawn, want %d", name, len(got), n)
	}
	for id, p := range got {
		q, ok := want[id]
		if !ok || math.Abs(p[0]-q[0]) > 0.15 || math.Abs(p[1]-q[1]) > 0.15 {
			t.Errorf("%s: %s at %v, at %v on the network map", name, id, p, q)
		}
	}
}
