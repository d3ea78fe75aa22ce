package render

import (
	"sort"

	"github.com/alliances/alliances/graph"
)

// familyColors are the colours of the built-in families, in the order of
// graph.Families, from the Okabe–Ito palette (Okabe and Ito 2008, "Color
// Universal Design"), which stays distinguishable under the common forms of
// colour blindness.
var familyColors = map[string]string{
	"collectivite": "#0072B2", // blue
	"association":  "#E69F00", // orange
	"ong":          "#009E73", // bluish green
	"entreprise":   "#D55E00", // vermilion
	"institution":  "#CC79A7", // reddish purple
	"autre":        "#56B4E9", // sky blue
}

// extraColors are given, in this order, to families outside graph.Families,
// sorted by name: the last Okabe–Ito colour, then colours of Paul Tol's muted
// scheme; they repeat after the last.
var extraColors = []string{"#F0E442", "#882255", "#44AA99", "#117733", "#332288", "#DDCC77", "#AA4499", "#88CCEE"}

// unknownColor is the colour of actors without a family.
const unknownColor = "#BBBBBB"

// greyColor fills the actors that the isolated view does not flag.
const greyColor = "#D9D9D9"

// flagColor outlines the actors flagged by the isolated view.
const flagColor = "#B2182B"

// palette maps every family of a network to its colour.
type palette struct {
	colors map[string]string
	order  []string // families in legend order: built-in first, then extra by name
}

// newPalette gives each family of net its colour. Built-in families always
// get the same colour; extra families are coloured in sorted order.
func newPalette(net *graph.Network) palette {
	p := palette{colors: make(map[string]string)}
	for _, f := range graph.Families {
		p.colors[f] = familyColors[f]
	}
	var extra []string
	seen := make(map[string]bool)
	for _, a := range net.Actors {
		if _, ok := familyColors[a.Family]; ok || a.Family == "" || seen[a.Family] {
			continue
		}
		seen[a.Family] = true
		extra = append(extra, a.Family)
	}
	sort.Strings(extra)
	for i, f := range extra {
		p.colors[f] = extraColors[i%len(extraColors)]
	}
	p.order = append(append([]string(nil), graph.Families...), extra...)
	return p
}

// color returns the fill colour of family.
func (p palette) color(family string) string {
	if c, ok := p.colors[family]; ok {
		return c
	}
	return unknownColor
}

// levelShape is the Graphviz shape of each level, chosen to stay apart at
// small sizes: local circle, regional square, national diamond,
// international triangle. Actors without a level are pentagons.
var levelShape = map[string]string{
	"local":         "circle",
	"regional":      "square",
	"national":      "diamond",
	"international": "triangle",
}

// unknownShape is the shape of actors without a known level.
const unknownShape = "pentagon"

// shapeScale enlarges the shapes that fill less of their bounding box, so
// that nodes of equal metric look equally big.
var shapeScale = map[string]float64{
	"circle":   1,
	"square":   0.9,
	"diamond":  1.25,
	"triangle": 1.35,
	"pentagon": 1.1,
}

// shapeGlyph is the character that stands for a shape in the legend. The
// renderer of this package draws these characters as the shapes themselves.
var shapeGlyph = map[string]string{
	"circle":   "●",
	"square":   "■",
	"diamond":  "◆",
	"triangle": "▲",
	"pentagon": "⬟",
}

// shapeOf returns the shape of level.
func shapeOf(level string) string {
	if s, ok := levelShape[level]; ok {
		return s
	}
	return unknownShape
}
