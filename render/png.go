package render

import (
	"bytes"
	"fmt"
	"image/color"
	"image/png"
	"math"
	"sync"

	"github.com/fogleman/gg"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
)

// MaxPixels bounds the longer side of a PNG map, in pixels: larger maps
// are drawn at a lower resolution. (ImageMagick's default policy refuses
// images above 16,000 pixels a side; 6,000 keeps a map under about 100 MB
// of memory when opened.)
const MaxPixels = 6000

// margin is the white border around drawn maps, in points (Graphviz pad=0.3).
const margin = 21.6

// sansFonts are the parsed Liberation Sans fonts (fonts.go), shared: a
// truetype.Font is read-only, while its faces keep glyph caches and are made
// per drawing.
var sansFonts struct {
	once          sync.Once
	regular, bold *truetype.Font
	err           error
}

// faces makes the font faces of one drawing, by boldness and size in
// tenths of a pixel. Faces are not safe for concurrent use.
type faces map[[2]int]font.Face

// get returns Liberation Sans (regular or bold) at size pixels, rounded to
// a tenth of a pixel.
func (fs faces) get(bold bool, size float64) (font.Face, error) {
	sansFonts.once.Do(func() {
		sansFonts.regular, sansFonts.err = truetype.Parse(sansRegular)
		if sansFonts.err == nil {
			sansFonts.bold, sansFonts.err = truetype.Parse(sansBold)
		}
	})
	if sansFonts.err != nil {
		return nil, sansFonts.err
	}
	b := 0
	f := sansFonts.regular
	if bold {
		b, f = 1, sansFonts.bold
	}
	key := [2]int{b, int(math.Round(size * 10))}
	if fc, ok := fs[key]; ok {
		return fc, nil
	}
	fc := truetype.NewFace(f, &truetype.Options{Size: float64(key[1]) / 10, DPI: 72, Hinting: font.HintingNone})
	fs[key] = fc
	return fc, nil
}

// drawPNG paints the layout at scale pixels per point (a scale of 2 is 144
// dpi), reduced if needed so that no side exceeds MaxPixels.
func drawPNG(l *xlayout, scale float64) ([]byte, error) {
	w, h := l.urx-l.llx+2*margin, l.ury-l.lly+2*margin
	if m := math.Max(w, h) * scale; m > MaxPixels {
		scale *= MaxPixels / m
	}
	W, H := int(math.Ceil(w*scale)), int(math.Ceil(h*scale))
	dc := gg.NewContext(W, H)
	fonts := make(faces)
	dc.SetColor(color.White)
	dc.Clear()
	dc.SetLineCap(gg.LineCapRound)
	dc.SetLineJoin(gg.LineJoinRound)
	X := func(x float64) float64 { return (x - l.llx + margin) * scale }
	Y := func(y float64) float64 { return (l.ury - y + margin) * scale }
	set := func(c rgba) { dc.SetRGBA(c.r, c.g, c.b, c.a) }
	var p pen
	strokePath := func() {
		if p.stroke.a == 0 || p.width == 0 {
			dc.ClearPath()
			return
		}
		set(p.stroke)
		dc.SetLineWidth(math.Max(p.width*scale, 0.5))
		switch p.dash {
		case "dashed":
			dc.SetDash(5*scale, 3*scale)
		case "dotted":
			dc.SetDash(1*scale, 2.5*scale)
		default:
			dc.SetDash()
		}
		dc.Stroke()
	}
	fillPath := func() {
		if p.fill.a == 0 {
			return
		}
		set(p.fill)
		dc.FillPreserve()
	}
	for _, op := range l.ops() {
		if op.Op == "" {
			p = newPen()
			continue
		}
		if p.apply(op) {
			continue
		}
		if p.invisible {
			continue
		}
		switch op.Op {
		case "E", "e":
			if len(op.Rect) != 4 {
				continue
			}
			dc.NewSubPath()
			dc.DrawEllipse(X(op.Rect[0]), Y(op.Rect[1]), op.Rect[2]*scale, op.Rect[3]*scale)
			if op.Op == "E" {
				fillPath()
			}
			strokePath()
		case "P", "p", "L":
			if len(op.Points) < 2 {
				continue
			}
			dc.NewSubPath()
			for _, pt := range op.Points {
				dc.LineTo(X(pt[0]), Y(pt[1]))
			}
			if op.Op != "L" {
				dc.ClosePath()
			}
			if op.Op == "P" {
				fillPath()
			}
			strokePath()
		case "B", "b":
			if len(op.Points) < 4 {
				continue
			}
			dc.NewSubPath()
			dc.MoveTo(X(op.Points[0][0]), Y(op.Points[0][1]))
			for i := 1; i+2 < len(op.Points); i += 3 {
				a, b, c := op.Points[i], op.Points[i+1], op.Points[i+2]
				dc.CubicTo(X(a[0]), Y(a[1]), X(b[0]), Y(b[1]), X(c[0]), Y(c[1]))
			}
			if op.Op == "B" {
				dc.ClosePath()
				fillPath()
			}
			strokePath()
		case "T":
			if len(op.Pt) != 2 || op.Text == "" {
				continue
			}
			size := p.fontSize
			if shape, ok := glyphShape(op.Text); ok {
				x := textX(op.Pt[0], op.Width, op.Align) + op.Width/2
				drawGlyphPNG(dc, shape, X(x), Y(op.Pt[1]+size*0.33), size*0.36*scale, p.stroke)
				continue
			}
			fc, err := fonts.get(p.bold(), size*scale)
			if err != nil {
				return nil, fmt.Errorf("render: font: %w", err)
			}
			dc.SetFontFace(fc)
			tw, _ := dc.MeasureString(op.Text)
			// Graphviz measured the text with its Helvetica metrics, which
			// Liberation Sans shares; should a text still be wider (the
			// native Graphviz measuring with another installed font),
			// shrink it so that it stays in its box.
			if want := op.Width * scale; tw > want*1.02 && want > 0 {
				if fc, err = fonts.get(p.bold(), size*scale*want/tw); err != nil {
					return nil, fmt.Errorf("render: font: %w", err)
				}
				dc.SetFontFace(fc)
				tw, _ = dc.MeasureString(op.Text)
			}
			set(p.stroke)
			x := textX(X(op.Pt[0]), tw, op.Align)
			dc.DrawString(op.Text, x, Y(op.Pt[1]))
		}
	}
	var buf bytes.Buffer
	// Large images are compressed fast: default compression takes a third
	// of the time of a 2,000-actor map.
	enc := png.Encoder{}
	if W*H > 4000*4000 {
		enc.CompressionLevel = png.BestSpeed
	}
	if err := enc.Encode(&buf, dc.Image()); err != nil {
		return nil, fmt.Errorf("render: encoding PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// glyphPoints returns the outline of shape centred on (x, y) with radius r,
// in a y-down coordinate system.
func glyphPoints(shape string, x, y, r float64) [][2]float64 {
	var pts [][2]float64
	poly := func(n int, start float64) {
		for i := 0; i < n; i++ {
			a := start + 2*math.Pi*float64(i)/float64(n)
			pts = append(pts, [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)})
		}
	}
	switch shape {
	case "square":
		q := r * 0.85
		pts = [][2]float64{{x - q, y - q}, {x + q, y - q}, {x + q, y + q}, {x - q, y + q}}
	case "diamond":
		pts = [][2]float64{{x, y - r*1.1}, {x + r*0.85, y}, {x, y + r*1.1}, {x - r*0.85, y}}
	case "triangle":
		poly(3, -math.Pi/2)
	case "pentagon":
		poly(5, -math.Pi/2)
	}
	return pts
}

func drawGlyphPNG(dc *gg.Context, shape string, x, y, r float64, c rgba) {
	dc.NewSubPath()
	if shape == "circle" {
		dc.DrawCircle(x, y, r)
	} else {
		for _, p := range glyphPoints(shape, x, y, r) {
			dc.LineTo(p[0], p[1])
		}
		dc.ClosePath()
	}
	dc.SetRGBA(c.r, c.g, c.b, c.a)
	dc.Fill()
}
