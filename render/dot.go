package render

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"sort"
	"strings"

	"github.com/alliances/alliances/sanitize"
)

// DOT returns the DOT document of the map that opts describe. It is
// deterministic: the same input and options give the same bytes. The
// document names its layout engine (the layout graph attribute) and its seed
// (start), so that "dot -Tsvg map.dot" draws the same map.
func DOT(in Input, opts Options) ([]byte, error) {
	s, err := newScene(in, opts)
	if err != nil {
		return nil, err
	}
	return s.dot(nil), nil
}

// style holds the sizes that depend on how big the view is.
type style struct {
	layout          string
	dmin, dmax      float64 // node diameters, inches
	penBase, penMax float64 // edge widths, points
	edgeColor       string
	labelSize       float64 // xlabel font size, points
	legendScale     float64 // multiplies every legend font size
	overlap         string
	extra           string // more graph attributes of the first pass
	sep             int    // margin kept around nodes by overlap removal, points
}

// styleFor chooses layout and sizes for a view of n nodes. Small views are
// laid out with neato and overlap removal (prism); larger views with sfdp
// without overlap removal, since prism is pathologically slow in the embedded
// Graphviz, and then spread (see placement); clustered views with fdp, the
// force-directed layout that draws clusters.
func styleFor(n int, clustered bool) style {
	st := style{layout: "neato", dmin: 0.22, dmax: 0.75, penBase: 1, penMax: 5, edgeColor: "#4D4D4DA0", labelSize: 11, legendScale: 1, overlap: "false", sep: 16}
	switch {
	case n > 400:
		// The fast quadtree (Barnes–Hut with one level of cells) makes
		// sfdp a third faster on thousands of nodes, at no visible cost.
		st = style{layout: "sfdp", dmin: 0.08, dmax: 0.4, penBase: 0.5, penMax: 3, edgeColor: "#4D4D4D50", labelSize: 11, legendScale: 1, overlap: "true", extra: " quadtree=fast,", sep: 4}
	case n > 60:
		st = style{layout: "sfdp", dmin: 0.14, dmax: 0.55, penBase: 0.8, penMax: 4, edgeColor: "#4D4D4D80", labelSize: 10, legendScale: 1, overlap: "true", sep: 4}
	}
	if clustered {
		st.layout = "fdp"
	}
	return st
}

// style returns the style of the scene.
func (s *scene) style() style {
	st := styleFor(max(len(s.actors)+len(s.project), s.layoutN), s.opts.Cluster != "")
	if s.styleOf != nil {
		// A cluster laid out alone: its own layout, the sizes of the map.
		p := *s.styleOf
		p.layout, p.overlap, p.extra, p.sep = st.layout, st.overlap, st.extra, st.sep
		return p
	}
	return st
}

// writeNames writes the names placed in pl as text nodes pinned where
// placeNames put them, on a translucent white ground so that they stay
// legible over ties. They come after every other node, so they are drawn
// on top.
func (s *scene) writeNames(b *bytes.Buffer, pl *placement, st style) {
	for _, sa := range s.actors {
		t, ok := pl.names[sa.node]
		if !ok {
			continue
		}
		fmt.Fprintf(b, "	n%s [shape=box, class=name, style=\"filled,rounded\", fillcolor=\"#FFFFFFB3\", penwidth=0, fixedsize=true, width=%s, height=%s, margin=\"0.04,0\", label=%s, tooltip=%s, pos=\"%.1f,%.1f!\"]\n",
			sa.node, formatNum(t.w/72), formatNum(t.h/72), justified(t.lines, t.align), quote(sa.a.Label()), t.x, t.y)
	}
}

// dot writes the scene as a DOT document. With a placement, nodes are pinned
// at its positions and the legend and labels are scaled to its extent.
//
// A bare scene (s.bare) leaves out the legend, names and tooltips: it is
// what the first pass of a two-pass layout needs, which reads positions only.
func (s *scene) dot(pl *placement) []byte {
	var b bytes.Buffer
	st := s.style()
	fmt.Fprintf(&b, "// alliances map: view %s, size by %s, seed %d\n", s.opts.View, s.opts.SizeBy, s.opts.Seed)
	b.WriteString("graph alliances {\n")
	if pl != nil {
		// Legend and names grow with the drawing so that they stay
		// readable when the map is shown at the width of a page.
		k := math.Max(1, math.Min(4, math.Max(pl.width, pl.height)/900))
		st.legendScale, st.labelSize = k, st.labelSize*math.Max(1, 0.8*k)
		pl.placeNames(s, st, func(l []string) float64 { return nameWidth(l, st.labelSize) })
		b.WriteString("\tgraph [notranslate=true, splines=false, outputorder=edgesfirst,\n")
	} else {
		// sep leaves room around nodes for the names that Graphviz places
		// next to them (xlabel) in small maps.
		fmt.Fprintf(&b, "\tgraph [layout=%s, start=%d, overlap=%s, sep=\"+%d\", splines=false, outputorder=edgesfirst, pack=true,%s\n", st.layout, s.opts.Seed, st.overlap, st.sep, st.extra)
	}
	// fontName (fonts.go): Liberation Sans, metric-compatible with
	// Helvetica, in which the embedded Graphviz measures it.
	fmt.Fprintf(&b, "\t\tbgcolor=\"#FFFFFF\", pad=0.3, fontname=%q, fontsize=12, labelloc=t, labeljust=l, forcelabels=true]\n", fontName)
	b.WriteString("\tnode [label=\"\", style=filled, fixedsize=true, penwidth=0.6, color=\"#333333\", fontname=\"" + fontName + "\"" +
		fmt.Sprintf(", fontsize=%s, fontcolor=\"#1A1A1A\"]\n", formatNum(st.labelSize)))
	fmt.Fprintf(&b, "\tedge [color=%q, penwidth=%s]\n", st.edgeColor, formatNum(st.penBase))
	if !s.bare {
		b.WriteString("\tlabel=<" + s.legend(st) + ">\n")
	}

	// Actors, grouped by cluster when asked.
	byCluster := make(map[string][]int)
	var clusters []string
	for i, sa := range s.actors {
		if _, ok := byCluster[sa.cluster]; !ok && sa.cluster != "" {
			clusters = append(clusters, sa.cluster)
		}
		byCluster[sa.cluster] = append(byCluster[sa.cluster], i)
	}
	sort.Strings(clusters)
	for _, g := range s.ghosts {
		s.writeActor(&b, "\t", g, st, pl)
	}
	if pl != nil {
		// The rings of an ego view: faint dashed circles under the nodes,
		// labelled " " (the embedded Graphviz prints the node name of an
		// empty label).
		for i, r := range pl.rings {
			fmt.Fprintf(&b, "\tring%d [shape=circle, fixedsize=true, width=%s, height=%s, style=dashed, color=\"#C8C8C8\", fillcolor=none, penwidth=0.8, label=\" \", tooltip=\" \", pos=\"%.1f,%.1f!\"]\n",
				i+1, formatNum(2*r/72), formatNum(2*r/72), pl.ringCentre[0], pl.ringCentre[1])
		}
	}
	if pl != nil && pl.frame {
		// Two invisible points at the corners of the whole layout keep
		// the drawing on its frame.
		fmt.Fprintf(&b, "\tframe0 [shape=point, style=invis, width=0, height=0, pos=\"0,0!\"]\n")
		fmt.Fprintf(&b, "\tframe1 [shape=point, style=invis, width=0, height=0, pos=\"%.1f,%.1f!\"]\n", pl.width, pl.height)
	}
	for _, i := range byCluster[""] {
		s.writeActor(&b, "\t", s.actors[i], st, pl)
	}
	for k, c := range clusters {
		fmt.Fprintf(&b, "\tsubgraph cluster_%d {\n", k)
		bb := ""
		if pl != nil {
			if r, ok := pl.clusters[c]; ok {
				bb = fmt.Sprintf(", bb=\"%.1f,%.1f,%.1f,%.1f\"", r.x0, r.y0, r.x1, r.y1)
			}
		}
		fmt.Fprintf(&b, "\t\tgraph [label=%s, style=\"rounded,dashed\", color=\"#8C8C8C\", fontcolor=\"#4D4D4D\", fontsize=%s, labeljust=l%s]\n", quote(s.clusterName(c)), formatNum(12*st.legendScale), bb)
		for _, i := range byCluster[c] {
			s.writeActor(&b, "\t\t", s.actors[i], st, pl)
		}
		b.WriteString("\t}\n")
	}
	for _, sp := range s.project {
		s.writeProject(&b, sp, st, pl)
	}
	if pl != nil {
		s.writeNames(&b, pl, st)
		if !s.bare {
			s.writeKey(&b, st)
		}
	}
	for _, e := range s.edges {
		s.writeEdge(&b, e, st)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// diameter maps v to a node diameter in inches so that node area grows
// linearly with v between the smallest and largest value of the view.
// Undefined values get the smallest size.
func (s *scene) diameter(v float64, st style) float64 {
	t := 0.0
	if !math.IsNaN(v) && s.vmax > s.vmin {
		t = (v - s.vmin) / (s.vmax - s.vmin)
	}
	return math.Sqrt(st.dmin*st.dmin + (st.dmax*st.dmax-st.dmin*st.dmin)*t)
}

// actorDiameter is the size of an actor's shape in inches: by its metric
// value, and the largest and a quarter more for the centre of an ego view.
func (s *scene) actorDiameter(sa sceneActor, st style) float64 {
	if sa.centre {
		return st.dmax * 1.25 * shapeScale[shapeOf(sa.a.Level)]
	}
	return s.diameter(sa.value, st) * shapeScale[shapeOf(sa.a.Level)]
}

// penwidth maps a tie weight w ≥ 1 to an edge width that grows with log2 w,
// clamped to st.penMax.
func penwidth(w float64, st style) float64 {
	if w < 1 || math.IsNaN(w) {
		w = 1
	}
	return math.Min(st.penMax, st.penBase*(1+math.Log2(w)))
}

// pinned returns the pos attribute of node in pl, or nothing without a
// placement.
func pinned(pl *placement, node string) string {
	if pl == nil {
		return ""
	}
	p := pl.pos[node]
	return fmt.Sprintf(", pos=\"%.1f,%.1f!\"", p[0], p[1])
}

// diameters returns the size of every node of the scene in points, for
// spreading a layout: the diameter of actors and the longer side of
// projects.
func (s *scene) diameters(st style) map[string]float64 {
	d := make(map[string]float64, len(s.actors)+len(s.project))
	for _, sa := range s.actors {
		d[sa.node] = 72 * s.actorDiameter(sa, st)
	}
	for _, sp := range s.project {
		d[sp.node] = nameWidth(projectName(sp.p), st.labelSize*0.9) + 8
	}
	return d
}

func (s *scene) writeActor(b *bytes.Buffer, indent string, sa sceneActor, st style, pl *placement) {
	shape := shapeOf(sa.a.Level)
	d := s.actorDiameter(sa, st)
	fill := s.fill(sa)
	attrs := []string{
		"shape=" + shape,
		"width=" + formatNum(d),
		"height=" + formatNum(d),
		"fillcolor=" + quote(fill),
	}
	switch {
	case sa.ghost:
		attrs = append(attrs, "color=\"#D0D0D0\"", "penwidth=0.5")
	case sa.flagged:
		attrs = append(attrs, "color="+quote(flagColor), "penwidth=3")
	case sa.entered:
		attrs = append(attrs, "color=\"#000000\"", "penwidth=2.5")
	case sa.grey:
		attrs = append(attrs, "color=\"#A6A6A6\"")
	case sa.centre:
		attrs = append(attrs, "color=\"#000000\"", "penwidth=2.5")
	}
	// With a placement, names are nodes of their own (see writeNames).
	if sa.label && !s.bare && pl == nil {
		attrs = append(attrs, "xlabel=<"+htmlLines(s.nameOf(sa))+">")
	}
	if !s.bare {
		attrs = append(attrs, "tooltip="+quote(s.actorTooltip(sa)))
	}
	fmt.Fprintf(b, "%s%s [%s%s]\n", indent, sa.node, strings.Join(attrs, ", "), pinned(pl, sa.node))
}

func (s *scene) actorTooltip(sa sceneActor) string {
	var parts []string
	for _, p := range []string{s.familyName(sa.a.Family), s.levelName(sa.a.Level), sa.a.Country, sa.a.Territory} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	tip := sa.a.Label() + " (" + sa.a.ID + ")"
	if len(parts) > 0 {
		tip += "\n" + strings.Join(parts, " · ")
	}
	tip += fmt.Sprintf("\n%s: %s", s.opts.SizeBy, formatNum(sa.value))
	if len(sa.reasons) > 0 {
		tip += "\n" + strings.Join(sa.reasons, ", ")
	}
	return tip
}

func (s *scene) writeProject(b *bytes.Buffer, sp sceneProject, st style, pl *placement) {
	fs := st.labelSize * 0.9
	fmt.Fprintf(b, "\t%s [shape=box, style=\"filled,rounded\", fixedsize=false, width=0, height=0, margin=\"0.06,0.03\", fillcolor=\"#FFFFFF\", color=\"#4D4D4D\", penwidth=1, fontsize=%s, label=<%s>, tooltip=%s%s]\n",
		sp.node, formatNum(fs), htmlLines(projectName(sp.p)), quote(sp.p.Label()+" ("+sp.p.ID+")"), pinned(pl, sp.node))
}

// maxTieTooltips is the number of ties above which ties have no tooltip:
// they would make most of the SVG of a large map (keep.eu: 33,208 ties).
const maxTieTooltips = 5000

func (s *scene) writeEdge(b *bytes.Buffer, e sceneEdge, st style) {
	var attrs []string
	switch e.kind {
	case edgeTie:
		if pw := penwidth(e.weight, st); pw != st.penBase {
			attrs = append(attrs, "penwidth="+formatNum(pw))
		}
		if s.opts.View == ViewEgo && e.a != s.centreNode() && e.b != s.centreNode() {
			// Ties between partners are faded: the ties of the centre
			// are what an ego map shows.
			attrs = append(attrs, "color=\"#B4B4B440\"")
		}
	case edgeParticipation:
		attrs = append(attrs, "color=\"#7F7F7F\"", "penwidth="+formatNum(st.penBase*0.8))
	case edgeSuggestion:
		attrs = append(attrs, "style=dashed", "color="+quote(flagColor), "penwidth="+formatNum(math.Max(1.2, st.penBase*2)))
	}
	if !s.bare && s.ties <= maxTieTooltips {
		attrs = append(attrs, "tooltip="+quote(e.tooltip))
	}
	if len(attrs) == 0 {
		fmt.Fprintf(b, "\t%s -- %s\n", e.a, e.b)
		return
	}
	fmt.Fprintf(b, "\t%s -- %s [%s]\n", e.a, e.b, strings.Join(attrs, ", "))
}

func (s *scene) familyName(f string) string {
	if f == "" {
		return ""
	}
	if n, ok := s.tx.families[f]; ok {
		return n
	}
	return f
}

func (s *scene) levelName(l string) string {
	if n, ok := s.tx.levels[l]; ok {
		return n
	}
	return l
}

// maxDOTText is the longest text, in bytes, that a map shows (a name, a
// tooltip, a caption): native Graphviz refuses quoted strings longer than
// 16384 bytes, and escaping can multiply a text's length by 6.
const maxDOTText = 2000

// quote writes s as a DOT quoted string for escString attributes (label,
// tooltip): the text is made safe (sanitize.Text: no control character,
// bidirectional override or non-character) and clipped to maxDOTText;
// backslashes are doubled so that Graphviz escapes such as \N stay text,
// quotes are escaped; a line feed written by render becomes \n.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range safeText(s) {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r < ' ' || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// htmlEscape writes s as text of a Graphviz HTML-like label, made safe and
// clipped as by quote.
func htmlEscape(s string) string {
	return html.EscapeString(sanitize.Clip(sanitize.Text(s), maxDOTText))
}

// safeText makes s safe for a map and clips it, keeping the line feeds
// that render puts between the lines of a label.
func safeText(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = sanitize.Text(l)
	}
	return sanitize.Clip(strings.Join(lines, "\n"), maxDOTText)
}

// shorten cuts s to at most n runes, ending with "…" when cut.
func shorten(s string, n int) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= n {
		return string(r)
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
