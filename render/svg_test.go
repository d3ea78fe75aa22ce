package render

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
)

// svgNode is a node of an SVG map as a reader sees it: the centre of its
// shape and its texts, in the coordinates of the SVG document (before the
// transform of the graph group, which is the same for every node).
type svgNode struct {
	class  string
	x, y   float64
	box    [4]float64 // x0, y0, x1, y1 of the shape
	shaped bool
	texts  []svgText
}

type svgText struct {
	x, y   float64
	anchor string
	text   string
}

// svgNodes reads the nodes of an SVG map written by Graphviz: the groups of
// class "node…", keyed by their title (the DOT node name).
func svgNodes(t *testing.T, svg []byte) map[string]*svgNode {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	nodes := make(map[string]*svgNode)
	var cur *svgNode
	var title string
	depth, nodeDepth := 0, -1
	inTitle, inText := false, false
	var text *svgText
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("reading SVG: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			attr := func(name string) string {
				for _, a := range e.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch e.Name.Local {
			case "g":
				if c := attr("class"); strings.HasPrefix(c, "node") && cur == nil {
					cur, nodeDepth, title = &svgNode{class: c}, depth, ""
				}
			case "title":
				inTitle = cur != nil
			case "ellipse":
				if cur != nil && !cur.shaped {
					cx, _ := strconv.ParseFloat(attr("cx"), 64)
					cy, _ := strconv.ParseFloat(attr("cy"), 64)
					rx, _ := strconv.ParseFloat(attr("rx"), 64)
					ry, _ := strconv.ParseFloat(attr("ry"), 64)
					cur.x, cur.y, cur.shaped = cx, cy, true
					cur.box = [4]float64{cx - rx, cy - ry, cx + rx, cy + ry}
				}
			case "polygon", "path":
				if cur != nil && !cur.shaped {
					pts := svgPoints(attr("points") + attr("d"))
					if len(pts) > 0 {
						b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
						for _, p := range pts {
							b[0], b[1] = math.Min(b[0], p[0]), math.Min(b[1], p[1])
							b[2], b[3] = math.Max(b[2], p[0]), math.Max(b[3], p[1])
						}
						cur.box, cur.x, cur.y, cur.shaped = b, (b[0]+b[2])/2, (b[1]+b[3])/2, true
					}
				}
			case "text":
				if cur != nil {
					x, _ := strconv.ParseFloat(attr("x"), 64)
					y, _ := strconv.ParseFloat(attr("y"), 64)
					text, inText = &svgText{x: x, y: y, anchor: attr("text-anchor")}, true
				}
			}
		case xml.CharData:
			if inTitle {
				title += string(e)
			}
			if inText && text != nil {
				text.text += string(e)
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "title":
				inTitle = false
			case "text":
				if cur != nil && text != nil {
					cur.texts = append(cur.texts, *text)
				}
				inText, text = false, nil
			}
			if depth == nodeDepth && e.Name.Local == "g" {
				nodes[title] = cur
				cur, nodeDepth = nil, -1
			}
			depth--
		}
	}
	return nodes
}

// svgPoints reads the numbers of a points or path attribute as (x, y)
// pairs, ignoring path commands.
func svgPoints(s string) [][2]float64 {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z' && r != 'e')
	})
	var nums []float64
	for _, x := range f {
		if v, err := strconv.ParseFloat(x, 64); err == nil {
			nums = append(nums, v)
		}
	}
	var out [][2]float64
	for i := 0; i+1 < len(nums); i += 2 {
		out = append(out, [2]float64{nums[i], nums[i+1]})
	}
	return out
}

// actorCentres returns the centres of the actor nodes of an SVG map of
// net, by actor id.
func actorCentres(t *testing.T, svg []byte, net *graph.Network) map[string][2]float64 {
	t.Helper()
	out := make(map[string][2]float64)
	for name, n := range svgNodes(t, svg) {
		i, err := strconv.Atoi(strings.TrimPrefix(name, "a"))
		if !strings.HasPrefix(name, "a") || err != nil || !n.shaped {
			continue
		}
		out[net.Actors[i].ID] = [2]float64{n.x, n.y}
	}
	return out
}
