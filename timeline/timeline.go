// Package timeline draws a network over time, slice after slice
// (alliances map --by, the report's "Over time" section): the small
// multiples of the slices, each drawn at the positions of one layout of their
// union, and the timeline chart of actors per family and ties per slice.
// Both are self-contained SVG documents, the same bytes for the same input.
package timeline

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render"
	"github.com/alliances/alliances/render/palette"
	"github.com/alliances/alliances/sanitize"
)

// Panel is one slice: its label and its network (nil for a slice that
// holds nothing); the actors that entered with it and those that left it,
// compared with the previous slice; and the ghosts, the actors of earlier
// slices that are not in this one, drawn faint.
type Panel struct {
	Label   string
	Network *graph.Network
	Entered []string
	Left    []string
	Ghosts  []string
	// Core are actors to name on every panel where they are (the lasting
	// core of the slices).
	Core []string
}

// Options set the texts of a figure.
type Options struct {
	// Lang is "en" (default) or "fr".
	Lang string
	// Title and Caption are printed above and below the figure.
	Title, Caption string
	// Focus, when given, are the actors whose positions frame the small
	// multiples (the largest component of a large union: the components
	// packed beside it would shrink it to a dot); what falls outside is cut
	// at the edge of the panels. Empty frames what is drawn.
	Focus []string
}

// family is the family of an actor as the maps colour it.
func family(a graph.Actor) string { return strings.TrimSpace(a.Family) }

// familiesOf returns the families present in the panels, in legend order.
func familiesOf(panels []Panel) (palette.Palette, []string) {
	seen := map[string]bool{}
	var all []string
	for _, p := range panels {
		if p.Network == nil {
			continue
		}
		for _, a := range p.Network.Actors {
			if f := family(a); !seen[f] {
				seen[f] = true
				all = append(all, f)
			}
		}
	}
	pal := palette.New(all)
	var present []string
	for _, f := range pal.Families() {
		if seen[f] {
			present = append(present, f)
		}
	}
	if seen[""] {
		present = append(present, "")
	}
	return pal, present
}

// familyName is the legend name of a family in lang.
func familyName(lang, f string) string {
	if f == "" {
		return tr(lang, "no family", "sans famille")
	}
	if l, ok := render.FamilyLabel(lang, f); ok {
		return l
	}
	return f
}

func tr(lang, en, fr string) string {
	if lang == "fr" {
		return fr
	}
	return en
}

// esc makes text from the data safe inside SVG text.
func esc(s string) string { return html.EscapeString(sanitize.Clip(sanitize.Text(s), 200)) }

// count writes n with thousands separated: 12,345 (en), 12 345 (fr, narrow
// no-break space).
func count(lang string, n int) string {
	s := strconv.Itoa(n)
	sep := ","
	if lang == "fr" {
		sep = "\u202f"
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 && r != '-' {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// f2 writes a coordinate with two decimals at most.
func f2(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// niceStep returns a round step (1, 2 or 5 × 10^k) that cuts max into
// about n intervals.
func niceStep(max float64, n int) float64 {
	if max <= 0 {
		return 1
	}
	raw := max / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*mag {
			return math.Max(1, m*mag)
		}
	}
	return 10 * mag
}

// svgHeader starts an SVG document of the given size, with the fonts of the
// maps.
func svgHeader(b *strings.Builder, w, h float64, title string) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="Liberation Sans, Helvetica, Arial, sans-serif">`+"\n",
		f2(w), f2(h), f2(w), f2(h))
	if title != "" {
		fmt.Fprintf(b, "<title>%s</title>\n", esc(title))
	}
	fmt.Fprintf(b, `<rect width="%s" height="%s" fill="#FFFFFF"/>`+"\n", f2(w), f2(h))
}

// text writes a line of text.
func text(b *strings.Builder, x, y float64, size float64, anchor, weight, fill, s string) {
	fmt.Fprintf(b, `<text x="%s" y="%s" font-size="%s" text-anchor="%s"`, f2(x), f2(y), f2(size), anchor)
	if weight != "" {
		fmt.Fprintf(b, ` font-weight="%s"`, weight)
	}
	if fill != "" {
		fmt.Fprintf(b, ` fill="%s"`, fill)
	}
	fmt.Fprintf(b, ">%s</text>\n", esc(s))
}
