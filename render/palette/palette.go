package palette

import (
	"sort"

	"github.com/alliances/alliances/graph"
)

// builtin are the colours of the built-in families, in the order of
// graph.Families, from the Okabe–Ito palette (Okabe and Ito 2008, "Color
// Universal Design"), which stays distinguishable under the common forms of
// colour blindness.
var builtin = map[string]string{
	"collectivite": "#0072B2", // blue
	"association":  "#E69F00", // orange
	"ong":          "#009E73", // bluish green
	"entreprise":   "#D55E00", // vermilion
	"institution":  "#CC79A7", // reddish purple
	"autre":        "#56B4E9", // sky blue
}

// extra are given, in this order, to families outside graph.Families, sorted
// by name: the last Okabe–Ito colour, then colours of Paul Tol's muted
// scheme; they repeat after the last.
var extra = []string{"#F0E442", "#882255", "#44AA99", "#117733", "#332288", "#DDCC77", "#AA4499", "#88CCEE"}

// Unknown is the colour of actors without a family.
const Unknown = "#BBBBBB"

// Extra returns the colour of the i-th family outside graph.Families (from 0,
// in sorted order).
func Extra(i int) string { return extra[i%len(extra)] }

// Palette is the colour of every family of a network.
type Palette struct {
	colors map[string]string
	order  []string
}

// New gives every family its colour: a family of graph.Families always the
// same, and the other families among families, in sorted order, the colours
// of Extra. The empty family (an actor without a family) is left Unknown.
func New(families []string) Palette {
	p := Palette{colors: make(map[string]string, len(builtin))}
	for f, c := range builtin {
		p.colors[f] = c
	}
	var others []string
	for _, f := range families {
		if _, ok := p.colors[f]; ok || f == "" {
			continue
		}
		p.colors[f] = ""
		others = append(others, f)
	}
	sort.Strings(others)
	for i, f := range others {
		p.colors[f] = Extra(i)
	}
	p.order = append(append([]string(nil), graph.Families...), others...)
	return p
}

// Color returns the colour of family, Unknown for a family that p does not
// know.
func (p Palette) Color(family string) string {
	if c, ok := p.colors[family]; ok {
		return c
	}
	return Unknown
}

// Families returns the families of p in legend order: graph.Families, then
// the others by name.
func (p Palette) Families() []string { return p.order }
