package render

import (
	"bytes"
	"fmt"
	"math"
	"time"

	"github.com/go-pdf/fpdf"
)

// maxPDFPoints bounds the longer side of a PDF page (200 inches, the limit of
// common PDF readers); larger maps are scaled down.
const maxPDFPoints = 14400

// defaultPDFDate is the creation and modification date of PDF maps drawn
// without Options.Date: the Unix epoch, 1970-01-01 00:00:00 UTC, the date of
// reproducible builds that have no date of their own (SOURCE_DATE_EPOCH=0).
// A fixed date, not the time of drawing, so that the same map gives the same
// bytes; the commands of alliances date their maps with --date (today by
// default), the date of the caption.
var defaultPDFDate = time.Unix(0, 0).UTC()

// pageSizes are the paper sizes of Options.Page, portrait, in points.
var pageSizes = map[string][2]float64{"a4": {595.28, 841.89}, "letter": {612, 792}}

// pageMargin is the margin of a map on paper: 1 cm.
const pageMargin = 28.35

// drawPDF paints the layout on one PDF page, with Liberation Sans embedded
// (the glyphs used):
// on paper ("a4", "letter") scaled to fit inside the margins and turned to
// landscape when the map is wider than tall, else on a page of the map's
// own size (at most maxPDFPoints a side). The file is dated date (the zero
// time means defaultPDFDate), so the same layout and date give the same
// bytes.
func drawPDF(l *xlayout, page string, date time.Time) ([]byte, error) {
	scale := 1.0
	w, h := l.urx-l.llx+2*margin, l.ury-l.lly+2*margin
	pw, ph := w, h
	ox, oy := 0.0, 0.0
	if size, ok := pageSizes[page]; ok {
		pw, ph = size[0], size[1]
		if w > h {
			pw, ph = ph, pw
		}
		scale = math.Min(1.5, math.Min((pw-2*pageMargin)/w, (ph-2*pageMargin)/h))
		ox, oy = (pw-w*scale)/2, (ph-h*scale)/2
	} else if m := math.Max(w, h); m > maxPDFPoints {
		scale = maxPDFPoints / m
		pw, ph = w*scale, h*scale
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: pw, Ht: ph}})
	if date.IsZero() {
		date = defaultPDFDate
	}
	pdf.SetCreationDate(date.UTC())
	pdf.SetModificationDate(date.UTC())
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetCreator("alliances", true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.AddUTF8FontFromBytes(pdfFontFamily, "", sansRegular)
	pdf.AddUTF8FontFromBytes(pdfFontFamily, "B", sansBold)
	pdf.AddPage()
	pdf.SetLineCapStyle("round")
	pdf.SetLineJoinStyle("round")
	X := func(x float64) float64 { return ox + (x-l.llx+margin)*scale }
	Y := func(y float64) float64 { return oy + (l.ury-y+margin)*scale }
	var p pen
	stroke := func() bool {
		if p.stroke.a == 0 || p.width == 0 {
			return false
		}
		pdf.SetDrawColor(int(p.stroke.r*255+0.5), int(p.stroke.g*255+0.5), int(p.stroke.b*255+0.5))
		pdf.SetAlpha(p.stroke.a, "Normal")
		pdf.SetLineWidth(math.Max(p.width*scale, 0.25))
		switch p.dash {
		case "dashed":
			pdf.SetDashPattern([]float64{5 * scale, 3 * scale}, 0)
		case "dotted":
			pdf.SetDashPattern([]float64{0.5 * scale, 2.5 * scale}, 0)
		default:
			pdf.SetDashPattern(nil, 0)
		}
		return true
	}
	fill := func() bool {
		if p.fill.a == 0 {
			return false
		}
		pdf.SetFillColor(int(p.fill.r*255+0.5), int(p.fill.g*255+0.5), int(p.fill.b*255+0.5))
		pdf.SetAlpha(p.fill.a, "Normal")
		return true
	}
	// shape draws a path twice when filled, as fill then stroke, so that
	// fill and pen keep their own transparency.
	shape := func(filled bool, draw func(style string)) {
		if filled && fill() {
			draw("F")
		}
		if stroke() {
			draw("D")
		}
	}
	for _, op := range l.ops() {
		if op.Op == "" {
			p = newPen()
			continue
		}
		if p.apply(op) || p.invisible {
			continue
		}
		switch op.Op {
		case "E", "e":
			if len(op.Rect) != 4 {
				continue
			}
			shape(op.Op == "E", func(style string) {
				pdf.Ellipse(X(op.Rect[0]), Y(op.Rect[1]), op.Rect[2]*scale, op.Rect[3]*scale, 0, style)
			})
		case "P", "p", "L":
			if len(op.Points) < 2 {
				continue
			}
			pts := make([]fpdf.PointType, len(op.Points))
			for i, pt := range op.Points {
				pts[i] = fpdf.PointType{X: X(pt[0]), Y: Y(pt[1])}
			}
			if op.Op == "L" {
				if stroke() {
					pdf.MoveTo(pts[0].X, pts[0].Y)
					for _, q := range pts[1:] {
						pdf.LineTo(q.X, q.Y)
					}
					pdf.DrawPath("D")
				}
				continue
			}
			shape(op.Op == "P", func(style string) { pdf.Polygon(pts, style) })
		case "B", "b":
			if len(op.Points) < 4 {
				continue
			}
			shape(op.Op == "B", func(style string) {
				pdf.MoveTo(X(op.Points[0][0]), Y(op.Points[0][1]))
				for i := 1; i+2 < len(op.Points); i += 3 {
					a, b, c := op.Points[i], op.Points[i+1], op.Points[i+2]
					pdf.CurveBezierCubicTo(X(a[0]), Y(a[1]), X(b[0]), Y(b[1]), X(c[0]), Y(c[1]))
				}
				if style == "F" {
					pdf.ClosePath()
				}
				pdf.DrawPath(style)
			})
		case "T":
			if len(op.Pt) != 2 || op.Text == "" {
				continue
			}
			size := p.fontSize
			c := p.stroke
			if sh, ok := glyphShape(op.Text); ok {
				x := textX(op.Pt[0], op.Width, op.Align) + op.Width/2
				pts := glyphPoints(sh, X(x), Y(op.Pt[1]+size*0.33), size*0.36*scale)
				pdf.SetFillColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
				pdf.SetAlpha(c.a, "Normal")
				if sh == "circle" {
					pdf.Circle(X(x), Y(op.Pt[1]+size*0.33), size*0.36*scale, "F")
				} else {
					fp := make([]fpdf.PointType, len(pts))
					for i, q := range pts {
						fp[i] = fpdf.PointType{X: q[0], Y: q[1]}
					}
					pdf.Polygon(fp, "F")
				}
				continue
			}
			style := ""
			if p.bold() {
				style = "B"
			}
			pdf.SetFont(pdfFontFamily, style, size*scale)
			tw := pdf.GetStringWidth(op.Text)
			if want := op.Width * scale; tw > want*1.02 && want > 0 {
				pdf.SetFontSize(size * scale * want / tw)
				tw = pdf.GetStringWidth(op.Text)
			}
			pdf.SetTextColor(int(c.r*255+0.5), int(c.g*255+0.5), int(c.b*255+0.5))
			pdf.SetAlpha(c.a, "Normal")
			x := textX(X(op.Pt[0]), tw, op.Align)
			pdf.Text(x, Y(op.Pt[1]), op.Text)
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("render: writing PDF: %w", err)
	}
	return buf.Bytes(), nil
}
