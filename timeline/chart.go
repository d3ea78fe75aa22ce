package timeline

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// Chart writes the timeline chart of the panels as SVG: above, the actors
// of each slice stacked by family; below, the ties of each slice; the slices
// in order from left to right, each bar labelled with its total.
func Chart(w io.Writer, panels []Panel, opts Options) error {
	if len(panels) == 0 {
		return errors.New("timeline: no slice to draw")
	}
	lang := opts.Lang
	pal, fams := familiesOf(panels)
	barW, step := 34.0, 78.0
	left, right := 64.0, 190.0
	plotW := step * float64(len(panels))
	width := left + plotW + right
	actorsH, tiesH := 220.0, 120.0
	top := 56.0
	gap := 58.0
	height := top + actorsH + gap + tiesH + 70
	var b strings.Builder
	svgHeader(&b, width, height, opts.Title)
	if opts.Title != "" {
		text(&b, width/2, 28, 16, "middle", "bold", "#222222", opts.Title)
	}
	counts := make([]map[string]int, len(panels))
	maxActors, maxTies := 0, 0
	for k, p := range panels {
		counts[k] = map[string]int{}
		if p.Network == nil {
			continue
		}
		for _, a := range p.Network.Actors {
			counts[k][family(a)]++
		}
		maxActors = max(maxActors, len(p.Network.Actors))
		maxTies = max(maxTies, len(p.Network.Ties))
	}
	axis := func(y0, h float64, maxV int, label string) float64 {
		stepV := niceStep(float64(maxV), 4)
		top := math.Max(stepV, math.Ceil(float64(maxV)/stepV)*stepV)
		for v := 0.0; v <= top+1e-9; v += stepV {
			y := y0 + h - v/top*h
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#E6E6E6"/>`+"\n", f2(left), f2(y), f2(left+plotW), f2(y))
			text(&b, left-6, y+4, 10, "end", "", "#555555", count(lang, int(v)))
		}
		text(&b, left, y0-10, 12, "start", "bold", "#333333", label)
		return top
	}
	scaleA := axis(top, actorsH, maxActors, tr(lang, "Actors per family", "Acteurs par famille"))
	tiesTop := top + actorsH + gap
	scaleT := axis(tiesTop, tiesH, maxTies, tr(lang, "Ties", "Liens"))
	for k, p := range panels {
		x := left + step*float64(k) + (step-barW)/2
		y := top + actorsH
		total := 0
		for _, f := range fams {
			n := counts[k][f]
			if n == 0 {
				continue
			}
			h := float64(n) / scaleA * actorsH
			y -= h
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>`+"\n",
				f2(x), f2(y), f2(barW), f2(h), pal.Color(f), esc(fmt.Sprintf("%s · %s: %s", p.Label, familyName(lang, f), count(lang, n))))
			total += n
		}
		text(&b, x+barW/2, y-4, 10, "middle", "", "#333333", count(lang, total))
		ties := 0
		if p.Network != nil {
			ties = len(p.Network.Ties)
		}
		h := float64(ties) / scaleT * tiesH
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="#5B6770"/>`+"\n", f2(x), f2(tiesTop+tiesH-h), f2(barW), f2(h))
		text(&b, x+barW/2, tiesTop+tiesH-h-4, 10, "middle", "", "#333333", count(lang, ties))
		label := p.Label
		text(&b, x+barW/2, tiesTop+tiesH+16, 11, "middle", "", "#222222", label)
	}
	fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#999999"/>`+"\n", f2(left), f2(top+actorsH), f2(left+plotW), f2(top+actorsH))
	fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#999999"/>`+"\n", f2(left), f2(tiesTop+tiesH), f2(left+plotW), f2(tiesTop+tiesH))
	// Legend, top down in the order of the stack (the last family on top).
	lx, ly := left+plotW+24, top+8
	for i := len(fams) - 1; i >= 0; i-- {
		f := fams[i]
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="12" height="12" fill="%s"/>`+"\n", f2(lx), f2(ly-10), pal.Color(f))
		text(&b, lx+18, ly, 11, "start", "", "#333333", familyName(lang, f))
		ly += 18
	}
	if opts.Caption != "" {
		text(&b, 12, height-12, 10, "start", "", "#666666", opts.Caption)
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
