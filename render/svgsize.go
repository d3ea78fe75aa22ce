package render

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// Graphviz writes, for every node and tie, a comment with its name (and one
// with its own version, which differs between installations), for every tie
// a <title> "a0--a208" that no reader needs (the actors' own tooltips
// stay), and ties that sfdp draws straight as cubic curves. On keep.eu
// (7,000 actors, 33,000 ties) these are a third of an 11.5 MB map.
// compactSVG removes the comments and tie titles, writes straight curves
// as lines and names the fonts of svgFontFamily; the drawing is unchanged.
// It reads the document line by line, as Graphviz writes it, in one pass.
func compactSVG(svg []byte) []byte {
	out := make([]byte, 0, len(svg))
	inComment, afterEdge := false, false
	for len(svg) > 0 {
		line := svg
		if i := bytes.IndexByte(svg, '\n'); i >= 0 {
			line = svg[:i+1]
		}
		svg = svg[len(line):]
		switch {
		case inComment:
			inComment = !bytes.Contains(line, commentEnd)
			continue
		case bytes.HasPrefix(line, commentStart):
			inComment = !bytes.Contains(line, commentEnd)
			continue
		case afterEdge && bytes.HasPrefix(line, titleStart) && bytes.HasSuffix(bytes.TrimRight(line, "\n"), titleEnd):
			afterEdge = false
			continue
		}
		afterEdge = bytes.HasPrefix(line, edgeStart)
		if bytes.Contains(line, graphvizFont) {
			line = []byte(fontFamily.Replace(string(line)))
		}
		if j := bytes.Index(line, pathData); j >= 0 {
			line = straighten(line, j+len(pathData))
		}
		out = append(out, line...)
	}
	return out
}

var (
	commentStart = []byte("<!--")
	commentEnd   = []byte("-->")
	titleStart   = []byte("<title>")
	titleEnd     = []byte("</title>")
	edgeStart    = []byte(`<g id="edge`)
	pathData     = []byte(` d="M`)
	graphvizFont = []byte(`font-family="` + fontName)
	// fontFamily names, after the font Graphviz writes, the fonts that
	// Liberation Sans is metric-compatible with (svgFontFamily).
	fontFamily = strings.NewReplacer(
		`font-family="`+fontName+`,sans-Serif"`, `font-family="`+svgFontFamily+`"`,
		`font-family="`+fontName+`"`, `font-family="`+svgFontFamily+`"`)
)

// straighten rewrites the path data that starts at line[at] (after "M"),
// "x0,y0Cx1,y1 x2,y2 x3,y3", as the line "x0,y0Lx3,y3" when both control
// points lie on the chord; any other data is left as it is.
func straighten(line []byte, at int) []byte {
	end := bytes.IndexByte(line[at:], '"')
	if end < 0 {
		return line
	}
	d := string(line[at : at+end])
	start, curve, ok := strings.Cut(d, "C")
	if !ok {
		return line
	}
	pts := strings.Fields(curve)
	if len(pts) != 3 {
		return line
	}
	var p [8]float64
	for i, s := range append([]string{start}, pts...) {
		x, y, ok := strings.Cut(s, ",")
		if !ok {
			return line
		}
		var err1, err2 error
		p[2*i], err1 = strconv.ParseFloat(x, 64)
		p[2*i+1], err2 = strconv.ParseFloat(y, 64)
		if err1 != nil || err2 != nil {
			return line
		}
	}
	if !onChord(p[0], p[1], p[6], p[7], p[2], p[3]) || !onChord(p[0], p[1], p[6], p[7], p[4], p[5]) {
		return line
	}
	out := make([]byte, 0, len(line))
	out = append(out, line[:at]...)
	out = append(out, start...)
	out = append(out, 'L')
	out = append(out, pts[2]...)
	return append(out, line[at+end:]...)
}

// straightTolerance is how far (in points) a control point may lie from the
// chord for the curve to be drawn as a line: below what a viewer shows.
const straightTolerance = 0.05

// onChord reports whether (x, y) lies on the segment from (x0, y0) to
// (x1, y1), within straightTolerance.
func onChord(x0, y0, x1, y1, x, y float64) bool {
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(x-x0, y-y0) <= straightTolerance
	}
	t := ((x-x0)*dx + (y-y0)*dy) / l2
	if t < -0.01 || t > 1.01 {
		return false
	}
	return math.Hypot(x-(x0+t*dx), y-(y0+t*dy)) <= straightTolerance
}
