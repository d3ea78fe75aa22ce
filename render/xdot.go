package render

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// xlayout is a laid-out map as Graphviz describes it in its JSON output
// (-Tjson): the bounding box and the xdot drawing operations, in the order
// they are painted (background, graph label, clusters, edges, nodes, labels).
type xlayout struct {
	llx, lly, urx, ury float64
	// groups are the operation lists of the graph objects; each starts
	// from the default drawing state.
	groups [][]xop
}

// xop is one xdot drawing operation (Graphviz, "xdot" output format):
//
//	E e: filled or unfilled ellipse, centre Rect[0:2], semi-axes Rect[2:4]
//	P p: filled or unfilled polygon; L: polyline; B b: filled or unfilled
//	B-spline (the JSON output swaps the xdot letters of B-splines);
//	T: text at Pt with Align l|c|r and Width; F: font Size and Face;
//	t: font characteristics (1 bold, 2 italic…); C c: fill and pen colour;
//	S: style (solid, dashed, dotted, bold, invis, setlinewidth(N)).
type xop struct {
	Op       string       `json:"op"`
	Points   [][2]float64 `json:"points"`
	Rect     []float64    `json:"rect"`
	Pt       []float64    `json:"pt"`
	Align    string       `json:"align"`
	Width    float64      `json:"width"`
	Text     string       `json:"text"`
	Size     float64      `json:"size"`
	Face     string       `json:"face"`
	Color    string       `json:"color"`
	Style    string       `json:"style"`
	FontChar int          `json:"fontchar"`
}

type xobject struct {
	Name   string `json:"name"`
	BB     string `json:"bb"`
	Pos    string `json:"pos"`
	GVID   int    `json:"_gvid"`
	Draw   []xop  `json:"_draw_"`
	LDraw  []xop  `json:"_ldraw_"`
	HDraw  []xop  `json:"_hdraw_"`
	TDraw  []xop  `json:"_tdraw_"`
	HLDraw []xop  `json:"_hldraw_"`
	TLDraw []xop  `json:"_tldraw_"`
	Nodes  []int  `json:"nodes"`
}

type xgraph struct {
	BB      string    `json:"bb"`
	Draw    []xop     `json:"_draw_"`
	LDraw   []xop     `json:"_ldraw_"`
	Objects []xobject `json:"objects"`
	Edges   []xobject `json:"edges"`
	SubCnt  int       `json:"_subgraph_cnt"`
}

// parseLayout reads the JSON that Graphviz writes with -Tjson.
func parseLayout(b []byte) (*xlayout, error) {
	var g xgraph
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%w: reading the layout: %v", ErrGraphviz, err)
	}
	l := &xlayout{}
	f := strings.Split(g.BB, ",")
	if len(f) != 4 {
		return nil, fmt.Errorf("%w: layout bounding box %q", ErrGraphviz, g.BB)
	}
	for i, p := range []*float64{&l.llx, &l.lly, &l.urx, &l.ury} {
		v, err := strconv.ParseFloat(strings.TrimSpace(f[i]), 64)
		if err != nil {
			return nil, fmt.Errorf("%w: layout bounding box %q", ErrGraphviz, g.BB)
		}
		*p = v
	}
	if l.urx <= l.llx || l.ury <= l.lly || l.urx-l.llx > 1e6 || l.ury-l.lly > 1e6 {
		return nil, fmt.Errorf("%w: layout bounding box %q", ErrGraphviz, g.BB)
	}
	add := func(ops []xop) {
		if len(ops) > 0 {
			l.groups = append(l.groups, ops)
		}
	}
	add(g.Draw)
	add(g.LDraw)
	// Subgraphs come first among the objects, _subgraph_cnt of them.
	nsub := g.SubCnt
	if nsub > len(g.Objects) || nsub < 0 {
		nsub = len(g.Objects)
	}
	for _, o := range g.Objects[:nsub] {
		add(o.Draw)
		add(o.LDraw)
	}
	for _, e := range g.Edges {
		add(e.Draw)
		add(e.HDraw)
		add(e.TDraw)
	}
	for _, o := range g.Objects[nsub:] {
		add(o.Draw)
	}
	for _, o := range g.Objects[nsub:] {
		add(o.LDraw)
	}
	for _, e := range g.Edges {
		add(e.LDraw)
		add(e.HLDraw)
		add(e.TLDraw)
	}
	return l, nil
}

// rgba is a colour with components in [0, 1].
type rgba struct{ r, g, b, a float64 }

var namedColors = map[string]rgba{
	"black": {0, 0, 0, 1}, "white": {1, 1, 1, 1}, "transparent": {1, 1, 1, 0}, "none": {1, 1, 1, 0},
	"red": {1, 0, 0, 1}, "grey": {0.75, 0.75, 0.75, 1}, "gray": {0.75, 0.75, 0.75, 1},
}

// parseColor reads an xdot colour: #rrggbb, #rrggbbaa or a few names;
// anything else is black.
func parseColor(s string) rgba {
	s = strings.ToLower(strings.TrimSpace(s))
	if c, ok := namedColors[s]; ok {
		return c
	}
	if !strings.HasPrefix(s, "#") || (len(s) != 7 && len(s) != 9) {
		return rgba{0, 0, 0, 1}
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return rgba{0, 0, 0, 1}
	}
	if len(s) == 7 {
		v = v<<8 | 0xff
	}
	return rgba{float64(v>>24&0xff) / 255, float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}
}

// pen is the drawing state that xdot operations change.
type pen struct {
	stroke, fill rgba
	width        float64
	dash         string // "", "dashed", "dotted"
	invisible    bool
	fontSize     float64
	faceBold     bool // the font face is bold
	charBold     bool // the font characteristics (HTML <B>) are bold
}

func (p *pen) bold() bool { return p.faceBold || p.charBold }

// apply updates the state with a state operation; it reports false for
// drawing operations.
func (p *pen) apply(op xop) bool {
	switch op.Op {
	case "c":
		p.stroke = parseColor(op.Color)
	case "C":
		p.fill = parseColor(op.Color)
	case "F":
		p.fontSize = op.Size
		p.faceBold = strings.Contains(strings.ToLower(op.Face), "bold")
	case "t":
		p.charBold = op.FontChar&1 != 0
	case "S":
		st := strings.TrimSpace(op.Style)
		switch {
		case st == "solid":
			p.dash = ""
		case st == "dashed", st == "dotted":
			p.dash = st
		case st == "bold":
			p.width = 2
		case st == "invis" || st == "invisible":
			p.invisible = true
		case strings.HasPrefix(st, "setlinewidth("):
			if w, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimPrefix(st, "setlinewidth("), ")"), 64); err == nil && w >= 0 && w < 1000 {
				p.width = w
			}
		}
	default:
		return false
	}
	return true
}

func newPen() pen {
	return pen{stroke: rgba{0, 0, 0, 1}, fill: rgba{0, 0, 0, 1}, width: 1, fontSize: 14}
}

// glyphShape returns the shape that a legend glyph stands for, if text is
// one: the renderers draw these shapes instead of relying on a font that
// has the character.
func glyphShape(text string) (string, bool) {
	for shape, g := range shapeGlyph {
		if text == g {
			return shape, true
		}
	}
	return "", false
}

// textX returns the left end of a text of width w drawn at x with align.
func textX(x, w float64, align string) float64 {
	switch align {
	case "c":
		return x - w/2
	case "r":
		return x - w
	}
	return x
}

// ops returns the operations of every group, each group preceded by an
// operation with an empty Op that resets the drawing state.
func (l *xlayout) ops() []xop {
	var out []xop
	for _, g := range l.groups {
		out = append(out, xop{})
		out = append(out, g...)
	}
	return out
}

func parseFloat(s string) (float64, error) { return strconv.ParseFloat(strings.TrimSpace(s), 64) }
