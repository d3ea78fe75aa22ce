package render

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
)

// Graphviz writes, for every node and tie, a comment with its name, and for
// every tie a <title> "a0--a208" that no reader needs (the actors' own
// tooltips stay); ties that sfdp draws straight are written as cubic
// curves. On keep.eu (7,000 actors, 33,000 ties) these are half of a
// 11.5 MB map. compactSVG removes the comments and tie titles and writes
// straight curves as lines; the drawing is unchanged.
var (
	svgComment   = regexp.MustCompile(`(?m)^<!--[^>]*-->\n`)
	edgeTitle    = regexp.MustCompile(`(<g id="edge\d+" class="edge">\n)<title>[^<]*</title>\n`)
	straightPath = regexp.MustCompile(`d="M(-?[\d.]+),(-?[\d.]+)C(-?[\d.]+),(-?[\d.]+) (-?[\d.]+),(-?[\d.]+) (-?[\d.]+),(-?[\d.]+)"`)
)

// straightTolerance is how far (in points) a control point may lie from the
// chord for the curve to be drawn as a line: below what a viewer shows.
const straightTolerance = 0.05

func compactSVG(svg []byte) []byte {
	svg = svgComment.ReplaceAll(svg, nil)
	svg = edgeTitle.ReplaceAll(svg, []byte("$1"))
	return straightPath.ReplaceAllFunc(svg, func(m []byte) []byte {
		sub := straightPath.FindSubmatch(m)
		var p [8]float64
		for i := range p {
			v, err := strconv.ParseFloat(string(sub[i+1]), 64)
			if err != nil {
				return m
			}
			p[i] = v
		}
		if !onChord(p[0], p[1], p[6], p[7], p[2], p[3]) || !onChord(p[0], p[1], p[6], p[7], p[4], p[5]) {
			return m
		}
		var b bytes.Buffer
		b.WriteString(`d="M`)
		b.Write(sub[1])
		b.WriteByte(',')
		b.Write(sub[2])
		b.WriteByte('L')
		b.Write(sub[7])
		b.WriteByte(',')
		b.Write(sub[8])
		b.WriteByte('"')
		return b.Bytes()
	})
}

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
