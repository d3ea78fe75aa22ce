package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
)

// Bounds of what a panel draws: a slice of a large network (a year of
// Horizon 2020: 10,000 actors, 150,000 ties) is shown by its best connected
// actors and its strongest ties among them, as the caption says.
const (
	// PanelActors is the most actors a panel draws, by degree.
	PanelActors = 800
	// PanelTies is the most ties a panel draws, by weight.
	PanelTies = 2000
)

// ErrNoLayout is returned when an actor of a panel has no position.
var ErrNoLayout = errors.New("actor not in the layout")

const (
	cellW      = 300.0 // width of a panel's drawing
	cellGap    = 24.0
	cellHead   = 38.0 // label and counts above a panel
	figMargin  = 24.0
	titleSpace = 40.0
)

// SmallMultiples writes an SVG figure of the panels side by side (four to a
// row at most), each slice drawn at the positions of lay, the layout of the
// union of the slices, on the same frame: an actor is at the same place in
// every panel. Actors are coloured by family; those that entered with a
// slice have a black ring; those that left (in an earlier slice, not in this
// one) are drawn faint, without ties.
func SmallMultiples(w io.Writer, panels []Panel, lay *layout.Layout, opts Options) error {
	if len(panels) == 0 {
		return errors.New("timeline: no slice to draw")
	}
	lang := opts.Lang
	pal, fams := familiesOf(panels)
	lo, hi := frame(panels, lay, opts.Focus)
	spanX, spanY := math.Max(hi.X-lo.X, 1e-9), math.Max(hi.Y-lo.Y, 1e-9)
	aspect := math.Min(math.Max(spanY/spanX, 0.45), 1.4)
	cellH := cellW * aspect
	cols := min(len(panels), 4)
	if len(panels) == 4 {
		cols = 2
	}
	rows := (len(panels) + cols - 1) / cols
	width := 2*figMargin + float64(cols)*cellW + float64(cols-1)*cellGap
	var height float64
	var b strings.Builder
	if opts.Title != "" {
		text(&b, width/2, 28, 17, "middle", "bold", "#222222", opts.Title)
	}
	pad := 8.0
	scale := math.Min((cellW-2*pad)/spanX, (cellH-2*pad)/spanY)
	capped := false
	for k, p := range panels {
		x0 := figMargin + float64(k%cols)*(cellW+cellGap)
		y0 := titleSpace + float64(k/cols)*(cellH+cellHead+cellGap)
		at := func(id string) (float64, float64, error) {
			pt, ok := lay.At(id)
			if !ok {
				return 0, 0, fmt.Errorf("timeline: %w: %q", ErrNoLayout, id)
			}
			// Centred in the cell; Y of the layout points up.
			x := x0 + cellW/2 + (pt.X-(lo.X+hi.X)/2)*scale
			y := y0 + cellHead + cellH/2 - (pt.Y-(lo.Y+hi.Y)/2)*scale
			return x, y, nil
		}
		actors, ties := 0, 0
		if p.Network != nil {
			actors, ties = len(p.Network.Actors), len(p.Network.Ties)
		}
		text(&b, x0, y0+15, 14, "start", "bold", "#222222", p.Label)
		sub := fmt.Sprintf("%s %s · %s %s", count(lang, actors), tr(lang, "actors", "acteurs"), count(lang, ties), tr(lang, "ties", "liens"))
		if k > 0 {
			sub += fmt.Sprintf(" · +%s −%s", count(lang, len(p.Entered)), count(lang, len(p.Left)))
		}
		text(&b, x0, y0+31, 11, "start", "", "#555555", sub)
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="#DDDDDD"/>`+"\n",
			f2(x0), f2(y0+cellHead), f2(cellW), f2(cellH))
		if p.Network == nil && len(p.Ghosts) == 0 {
			continue
		}
		// What falls outside the frame (the far outskirts of a large
		// network) is cut at the edge of the panel.
		fmt.Fprintf(&b, `<clipPath id="cell%d"><rect x="%s" y="%s" width="%s" height="%s"/></clipPath>`+"\n<g clip-path=\"url(#cell%d)\">\n",
			k, f2(x0), f2(y0+cellHead), f2(cellW), f2(cellH), k)
		var shown []graph.Actor
		var shownTies []graph.Tie
		if p.Network != nil {
			var cut bool
			shown, shownTies, cut = pick(p.Network)
			capped = capped || cut
		}
		// Actors that left, faint and behind.
		ghosts := p.Ghosts
		if len(ghosts) > PanelActors {
			ghosts, capped = ghosts[:PanelActors], true
		}
		b.WriteString(`<g fill="#E4E4E4" stroke="none">` + "\n")
		for _, id := range ghosts {
			x, y, err := at(id)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="2.5"/>`+"\n", f2(x), f2(y))
		}
		b.WriteString("</g>\n")
		b.WriteString(`<g stroke="#8C8C8C" stroke-opacity="0.55" stroke-width="0.7">` + "\n")
		for _, t := range shownTies {
			x1, y1, err := at(t.A)
			if err != nil {
				return err
			}
			x2, y2, err := at(t.B)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s"/>`+"\n", f2(x1), f2(y1), f2(x2), f2(y2))
		}
		b.WriteString("</g>\n")
		entered := map[string]bool{}
		if k > 0 {
			for _, id := range p.Entered {
				entered[id] = true
			}
		}
		r := 4.0
		if len(shown) > 300 {
			r = 2.5
		}
		core := map[string]bool{}
		for _, id := range p.Core {
			core[id] = true
		}
		var names []string
		var boxes [][4]float64
		for _, a := range shown {
			x, y, err := at(a.ID)
			if err != nil {
				return err
			}
			stroke := `stroke="#FFFFFF" stroke-width="0.6"`
			if entered[a.ID] {
				stroke = `stroke="#000000" stroke-width="1.6"`
			}
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s" fill="%s" %s><title>%s</title></circle>`+"\n",
				f2(x), f2(y), f2(r), pal.Color(family(a)), stroke, esc(a.Label()))
		}
		// Names of the lasting core, the best connected first, on the side
		// of the node that stays inside the panel, never over another name.
		deg := map[string]int{}
		for _, t := range shownTies {
			deg[t.A]++
			deg[t.B]++
		}
		var named []graph.Actor
		for _, a := range shown {
			if core[a.ID] {
				named = append(named, a)
			}
		}
		slices.SortStableFunc(named, func(a, b graph.Actor) int { return cmp.Compare(deg[b.ID], deg[a.ID]) })
		for _, a := range named {
			if len(names) == maxNames {
				break
			}
			x, y, _ := at(a.ID)
			name := a.ShortLabel()
			if name == "" {
				name = clipWords(a.Label(), 24)
			}
			wname := 5.3 * float64(len([]rune(name)))
			tx, anchor := x+r+2, "start"
			box := [4]float64{tx, y - 6, tx + wname, y + 5}
			if box[2] > x0+cellW-2 {
				tx, anchor = x-r-2, "end"
				box = [4]float64{tx - wname, y - 6, tx, y + 5}
			}
			if overlaps(box, boxes) {
				continue // a name already there; the tooltip has it
			}
			boxes = append(boxes, box)
			// White halo under the name, then the name.
			names = append(names, fmt.Sprintf(`<text x="%s" y="%s" font-size="9.5" text-anchor="%s" stroke="#FFFFFF" stroke-width="3" stroke-linejoin="round" fill="#FFFFFF">%s</text>`+"\n"+
				`<text x="%s" y="%s" font-size="9.5" text-anchor="%s" fill="#222222">%s</text>`+"\n",
				f2(tx), f2(y+3.5), anchor, esc(name), f2(tx), f2(y+3.5), anchor, esc(name)))
		}
		for _, n := range names {
			b.WriteString(n)
		}
		b.WriteString("</g>\n")
	}
	// Legend: the families, then the marks, flowing over lines.
	ly := titleSpace + float64(rows)*(cellH+cellHead+cellGap) + 8
	x := figMargin
	item := func(swatch, label string) {
		wlabel := 6.0 * float64(len([]rune(label)))
		if x > figMargin && x+18+wlabel > width-figMargin {
			x, ly = figMargin, ly+18
		}
		fmt.Fprintf(&b, swatch+"\n", f2(x+5), f2(ly))
		text(&b, x+14, ly+4, 11, "start", "", "#333333", label)
		x += 14 + wlabel + 22
	}
	for _, f := range fams {
		item(`<circle cx="%s" cy="%s" r="5" fill="`+pal.Color(f)+`"/>`, familyName(lang, f))
	}
	x, ly = figMargin, ly+20
	item(`<circle cx="%s" cy="%s" r="5" fill="#FFFFFF" stroke="#000000" stroke-width="1.6"/>`, tr(lang, "entered with this slice", "entré dans cette tranche"))
	item(`<circle cx="%s" cy="%s" r="3" fill="#E4E4E4"/>`, tr(lang, "left (in an earlier slice)", "parti (présent dans une tranche antérieure)"))
	if hasCore(panels) {
		item(`<circle cx="%s" cy="%s" r="0" fill="none"/>`, tr(lang, "named: in every slice", "nommé : présent dans toutes les tranches"))
	}
	height = ly + 40
	caption := opts.Caption
	if capped {
		note := tr(lang, fmt.Sprintf("large slices: the %d best connected actors and the %d strongest ties among them", PanelActors, PanelTies),
			fmt.Sprintf("tranches de grande taille : les %d acteurs les plus reliés et les %d liens les plus forts entre eux", PanelActors, PanelTies))
		caption = strings.TrimPrefix(caption+" · "+note, " · ")
	}
	if caption != "" {
		text(&b, figMargin, height-10, 10, "start", "", "#666666", caption)
	}
	b.WriteString("</svg>\n")
	// The height is known once the legend has flowed: the header comes last.
	var head strings.Builder
	svgHeader(&head, width, height, opts.Title)
	_, err := io.WriteString(w, head.String()+b.String())
	return err
}

// pick chooses what a panel draws of net: every actor and tie, or for a
// large slice the PanelActors actors of highest degree and the PanelTies
// strongest ties among them; cut says whether anything was left out.
func pick(net *graph.Network) ([]graph.Actor, []graph.Tie, bool) {
	if len(net.Actors) <= PanelActors && len(net.Ties) <= PanelTies {
		return net.Actors, net.Ties, false
	}
	deg := map[string]int{}
	for _, t := range net.Ties {
		deg[t.A]++
		deg[t.B]++
	}
	actors := slices.Clone(net.Actors)
	slices.SortStableFunc(actors, func(a, b graph.Actor) int { return cmp.Compare(deg[b.ID], deg[a.ID]) })
	actors = actors[:min(len(actors), PanelActors)]
	in := map[string]bool{}
	for _, a := range actors {
		in[a.ID] = true
	}
	var ties []graph.Tie
	for _, t := range net.Ties {
		if in[t.A] && in[t.B] {
			ties = append(ties, t)
		}
	}
	slices.SortStableFunc(ties, func(a, b graph.Tie) int { return cmp.Compare(b.Weight, a.Weight) })
	ties = ties[:min(len(ties), PanelTies)]
	slices.SortFunc(actors, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
	return actors, ties, true
}

func hasCore(panels []Panel) bool {
	for _, p := range panels {
		if len(p.Core) > 0 {
			return true
		}
	}
	return false
}

// clipWords cuts s after its last whole word within n characters, with "…".
func clipWords(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:-–") + "…"
}

// maxNames is the most names of core actors a panel shows.
const maxNames = 6

// overlaps reports whether box (x0, y0, x1, y1) meets one of boxes.
func overlaps(box [4]float64, boxes [][4]float64) bool {
	for _, o := range boxes {
		if box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3] {
			return true
		}
	}
	return false
}

// frame returns the part of the layout that the panels show, the same for
// every panel: the bounds of the focus actors when given, else of the
// actors drawn and the ghosts.
func frame(panels []Panel, lay *layout.Layout, focus []string) (layout.Point, layout.Point) {
	var xs, ys []float64
	add := func(id string) {
		if p, ok := lay.At(id); ok {
			xs, ys = append(xs, p.X), append(ys, p.Y)
		}
	}
	if len(focus) > 0 {
		for _, id := range focus {
			add(id)
		}
	} else {
		for _, p := range panels {
			if p.Network != nil {
				shown, _, _ := pick(p.Network)
				for _, a := range shown {
					add(a.ID)
				}
			}
			for _, id := range p.Ghosts {
				add(id)
			}
		}
	}
	if len(xs) == 0 {
		return lay.Bounds()
	}
	lo, hi := layout.Point{X: slices.Min(xs), Y: slices.Min(ys)}, layout.Point{X: slices.Max(xs), Y: slices.Max(ys)}
	return lo, hi
}
