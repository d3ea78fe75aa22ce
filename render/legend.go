package render

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/alliances/alliances/render/palette"
)

// legend returns the HTML-like label of the graph: the title, the legend
// (colour, shape, size, line width and the marks of the view) and the
// caption. Graphviz places the graph label outside the drawing of the
// network, so the legend never hides a node.
func (s *scene) legend(st style) string {
	k := st.legendScale
	pt := func(v float64) string { return formatNum(math.Round(v*k*10) / 10) }
	tx := s.tx
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">`)
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%s"><B>%s</B></FONT></TD></TR>`, pt(20), htmlEscape(s.title))

	// One row per legend line: one left-aligned cell of rich text, the
	// heading in bold, then the items. (Items in cells of their own would
	// be spread out by Graphviz, which gives the extra width of a table to
	// all its columns.)
	row := func(head string, items ...string) {
		b.WriteString("\n\t\t")
		b.WriteString(`<TR><TD ALIGN="LEFT" BALIGN="LEFT">`)
		if head != "" {
			// Bold text is measured narrower by the embedded Graphviz
			// than viewers draw it: two spaces keep it off the items.
			fmt.Fprintf(&b, `<FONT POINT-SIZE="%s"><B>%s</B>&#160;&#160;</FONT>`, pt(12), htmlEscape(head))
		}
		for _, it := range items {
			b.WriteString(it)
		}
		b.WriteString(`</TD></TR>`)
	}
	text := func(t string) string {
		return fmt.Sprintf(`<FONT POINT-SIZE="%s">%s</FONT>`, pt(12), htmlEscape(t))
	}
	gap := fmt.Sprintf(`<FONT POINT-SIZE="%s">&#160;&#160;&#160;</FONT>`, pt(12))
	space := fmt.Sprintf(`<FONT POINT-SIZE="%s">&#160;</FONT>`, pt(12))
	// Shapes are characters that the renderer of this package draws as
	// shapes, and that fonts with geometric shapes (DejaVu, Liberation…)
	// have.
	glyph := func(shape string, size float64, color string) string {
		return fmt.Sprintf(`<FONT POINT-SIZE="%s" COLOR="%s">%s</FONT>`, pt(size), color, shapeGlyph[shape]) + space
	}
	swatch := func(color string) string { return glyph("square", 16, color) }

	// Families and levels present in the view, in palette and vocabulary order.
	famSeen := make(map[string]bool)
	lvlSeen := make(map[string]bool)
	for _, sa := range s.actors {
		famSeen[sa.a.Family] = true
		lvlSeen[shapeOf(sa.a.Level)] = true
	}
	var items []string
	for _, f := range s.pal.Families() {
		if famSeen[f] {
			items = append(items, gap, swatch(s.pal.Color(f)), text(s.familyName(f)))
		}
	}
	if famSeen[""] {
		items = append(items, gap, swatch(palette.Unknown), text(tx.unknownFamily))
	}
	if s.community != nil {
		items = nil
		for _, c := range s.communities {
			item := fmt.Sprintf(tx.communityItem, c.rank, s.count(c.size))
			if c.size == 1 {
				item = fmt.Sprintf(tx.communityOne, c.rank)
			}
			items = append(items, gap, swatch(c.colour), text(item))
		}
		if s.otherCommunities {
			items = append(items, gap, swatch(palette.Unknown), text(tx.otherCommunities))
		}
		row(tx.colourCommunity, items...)
	} else if len(items) > 0 {
		row(tx.colour, items...)
	}
	items = nil
	for _, l := range []string{"local", "regional", "national", "international"} {
		if lvlSeen[levelShape[l]] {
			items = append(items, gap, glyph(levelShape[l], 14, "#4D4D4D"), text(s.levelName(l)))
		}
	}
	if lvlSeen[unknownShape] {
		items = append(items, gap, glyph(unknownShape, 14, "#4D4D4D"), text(tx.unknownLevel))
	}
	if len(items) > 0 {
		row(tx.shape, items...)
	}
	if len(s.actors) > 0 && s.vmax >= s.vmin {
		row(fmt.Sprintf(tx.size, tx.metricName(s.opts.SizeBy)),
			gap, glyph("circle", 8, "#4D4D4D"), text(s.num(s.vmin)),
			gap, glyph("circle", 20, "#4D4D4D"), text(s.num(s.vmax)))
	}
	if s.ties > 0 {
		r := s.num(s.wmin)
		if s.wmax > s.wmin {
			r += " – " + s.num(s.wmax)
		}
		row(tx.width, gap, text(r+" ("+tx.tieWeight+")"))
	}
	var marks []string
	switch s.opts.View {
	case ViewEgo:
		marks = append(marks, tx.centre)
	case ViewBipartite:
		marks = append(marks, tx.projNode, tx.participation)
	case ViewIsolated:
		if s.opts.Suggestions {
			marks = append(marks, tx.flagged, tx.suggested, tx.othersSuggest)
		} else {
			marks = append(marks, tx.flagged, tx.others)
		}
	}
	for _, sa := range s.actors {
		if sa.entered {
			marks = append(marks, tx.entered)
			break
		}
	}
	if len(s.ghosts) > 0 {
		marks = append(marks, tx.ghost)
	}
	if s.omitted != nil {
		marks = append(marks, fmt.Sprintf(tx.overview, s.count(len(s.actors)), s.count(s.viewActors), tx.metricName(s.opts.SizeBy)))
	}
	if s.labelled < len(s.actors) && s.labelled > 0 {
		marks = append(marks, fmt.Sprintf(tx.labelled, s.labelled, tx.metricName(s.opts.SizeBy)))
	}
	if len(marks) > 0 {
		items = nil
		for i, m := range marks {
			if i > 0 {
				items = append(items, gap)
			}
			items = append(items, text(m))
		}
		row("", items...)
	}

	// Caption: counts and seed, then the caller's caption.
	counts := fmt.Sprintf("%s %s · %s %s", s.count(len(s.actors)), tx.actors, s.count(s.ties), tx.ties)
	if s.opts.View == ViewBipartite {
		counts = fmt.Sprintf("%s %s · %s %s · %s %s", s.count(len(s.actors)), tx.actors, s.count(len(s.project)), tx.projects, s.count(len(s.edges)), tx.participations)
	}
	if s.omitted != nil {
		// What the overview leaves out, by family, largest first.
		fams := make([]string, 0, len(s.omitted))
		total := 0
		for f, n := range s.omitted {
			fams = append(fams, f)
			total += n
		}
		sort.Slice(fams, func(i, j int) bool {
			if s.omitted[fams[i]] != s.omitted[fams[j]] {
				return s.omitted[fams[i]] > s.omitted[fams[j]]
			}
			return fams[i] < fams[j]
		})
		var parts []string
		for _, f := range fams {
			name := s.familyName(f)
			if f == "" {
				name = tx.unknownFamily
			}
			parts = append(parts, s.count(s.omitted[f])+" "+strings.ToLower(name))
		}
		counts += " · " + fmt.Sprintf(tx.notDrawn, s.count(total), s.count(s.omittedTies)) + " (" + strings.Join(parts, ", ") + ")"
	}
	counts += fmt.Sprintf(" · %s %d", tx.seed, s.opts.Seed)
	fmt.Fprintf(&b, "\n\t\t"+`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%s" COLOR="#4D4D4D">%s</FONT></TD></TR>`, pt(10), htmlEscape(counts))
	if c := strings.TrimSpace(s.opts.Caption); c != "" {
		for _, line := range strings.Split(c, "\n") {
			fmt.Fprintf(&b, "\n\t\t"+`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%s" COLOR="#4D4D4D">%s</FONT></TD></TR>`, pt(10), htmlEscape(line))
		}
	}
	b.WriteString("\n\t\t</TABLE>")
	return b.String()
}
