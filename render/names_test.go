package render

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render/rendertest"
)

func TestWrapName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Ville de Nantes", []string{"Ville de Nantes"}},
		{"Conseil départemental de Loire-Atlantique", []string{"Conseil départemental", "de Loire-Atlantique"}},
		{"Agence nationale de promotion de l'emploi et des compétences (antenne d'Agadir)", []string{"Agence nationale de promotion de l'emploi", "et des compétences (antenne d'Agadir)"}},
		{"Supercalifragilisticexpialidocious-Organisation", []string{"Supercalifragilisticexpialidocious-Organisat…"}},
		{strings.Repeat("mot ", 40), []string{strings.TrimSpace(strings.Repeat("mot ", 11)), strings.TrimSpace(strings.Repeat("mot ", 11)) + "…"}},
	} {
		got := wrapName(tc.name)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapName(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Names are attached to their node, on both engines: in the SVG, the end of
// each name next to its node is within a few points of the node's shape.
func TestNamesAttachedToTheirNode(t *testing.T) {
	net, res, iso := rendertest.Small()
	for _, engine := range engines(t) {
		for _, view := range []View{ViewNetwork, ViewIsolated, ViewEgo, ViewProject, ViewBipartite} {
			t.Run(engine+"/"+string(view), func(t *testing.T) {
				opts := Options{Engine: engine, View: view, Actor: "nantes", Depth: 2, Project: "kayes", Labels: LabelsAll}
				svg := renderSVG(t, Input{Network: net, Metrics: res, Isolated: iso}, opts)
				nodes := svgNodes(t, svg)
				named := 0
				for name, n := range nodes {
					if !strings.HasPrefix(name, "na") {
						continue
					}
					actor := nodes[name[1:]]
					if actor == nil || !actor.shaped || len(n.texts) == 0 {
						t.Errorf("name %s has no node or no text", name)
						continue
					}
					named++
					b := actor.box
					const size = 11.0
					// The distance from the node's shape to the nearest line
					// of the name, at its end next to the node.
					near := math.Inf(1)
					for _, tx := range n.texts {
						var d float64
						switch tx.anchor {
						case "start": // right of the node
							d = tx.x - b[2]
						case "end": // left of the node
							d = b[0] - tx.x
						default: // above or below, centred
							if math.Abs(tx.x-(b[0]+b[2])/2) > 1 {
								t.Errorf("%s: centred name at x %.1f, node centre %.1f", name, tx.x, (b[0]+b[2])/2)
							}
							switch {
							case tx.y < b[1]: // baseline above the node
								d = b[1] - tx.y
							case tx.y > b[3]: // below: the top of the text
								d = tx.y - size - b[3]
							}
						}
						near = math.Min(near, d)
					}
					if near < -1 || near > 1.2*size {
						t.Errorf("%s %q: %.1f points from its node %v", name, n.texts[0].text, near, b)
					}
				}
				if named < len(nodes)/4 {
					t.Errorf("only %d names of %d nodes", named, len(nodes))
				}
			})
		}
	}
}

// An actor with a short label is named by it, never by a cut full name.
func TestShortLabels(t *testing.T) {
	net, _, _ := rendertest.Small()
	d := &graph.Dataset{Actors: append([]graph.Actor(nil), net.Actors...)}
	for i, a := range d.Actors {
		switch a.ID {
		case "cd44":
			d.Actors[i].Name = "Conseil départemental de Loire-Atlantique, direction de l'action internationale et européenne"
			d.Actors[i].Attrs = map[string]string{"Sigle": "CD44"}
		case "afd":
			d.Actors[i].Attrs = map[string]string{"acronyme": "AFD"}
		}
	}
	for _, t := range net.Ties {
		d.Links = append(d.Links, graph.Link{Source: t.A, Target: t.B, Weight: t.Weight})
	}
	n2 := graph.NewNetwork(d)
	for _, engine := range engines(t) {
		var b bytes.Buffer
		if err := Render(context.Background(), &b, "svg", Input{Network: n2}, Options{Engine: engine, Labels: LabelsAll}); err != nil {
			t.Fatal(err)
		}
		texts := map[string]bool{}
		for _, n := range svgNodes(t, b.Bytes()) {
			for _, tx := range n.texts {
				texts[tx.text] = true
				if strings.Contains(tx.text, "…") {
					t.Errorf("%s: name cut: %q", engine, tx.text)
				}
			}
		}
		for _, s := range []string{"CD44", "AFD"} {
			if !texts[s] {
				t.Errorf("%s: no name %q on the map", engine, s)
			}
		}
	}
}
