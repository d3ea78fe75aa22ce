package render

import (
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render/palette"
)

// newPalette colours the families of the actors of net (package palette).
// The colours are fixed by the whole network (with the ghosts of a slice,
// the union of the slices), so that a family has the same colour in every
// view.
func newPalette(net *graph.Network, ghosts []graph.Actor) palette.Palette {
	families := make([]string, 0, len(net.Actors)+len(ghosts))
	for _, a := range net.Actors {
		families = append(families, a.Family)
	}
	for _, a := range ghosts {
		families = append(families, a.Family)
	}
	return palette.New(families)
}

// greyColor fills the actors that the isolated view does not flag.
const greyColor = "#D9D9D9"

// ghostColor fills the faint actors of other slices (Input.Ghosts).
const ghostColor = "#F0F0F0"

// flagColor outlines the actors flagged by the isolated view.
const flagColor = "#B2182B"

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
