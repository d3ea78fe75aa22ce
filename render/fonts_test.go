package render

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"

	"github.com/alliances/alliances/internal/needs"
)

// PDF maps embed Liberation Sans, regular and bold, and no other font, and
// are dated with Options.Date, else 1970-01-01.
func TestPDFFonts(t *testing.T) {
	pdffonts := needs.Tool(t, "pdffonts")
	in := small()
	for _, engine := range engines(t) {
		for _, date := range []time.Time{time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC), {}} {
			var b bytes.Buffer
			if err := Render(context.Background(), &b, "pdf", in, Options{Seed: 3, Engine: engine, Date: date}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "map.pdf")
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(pdffonts, path).CombinedOutput()
			if err != nil {
				t.Fatalf("pdffonts: %v: %s", err, out)
			}
			// name, type…, emb: the two lines of heading, then one a font.
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) < 3 {
				t.Fatalf("%s: pdffonts lists no font:\n%s", engine, out)
			}
			names := map[string]bool{}
			for _, line := range lines[2:] {
				f := strings.Fields(line)
				if !strings.Contains(strings.ToLower(f[0]), "liberationsans") {
					t.Errorf("%s: the PDF uses font %s, not Liberation Sans", engine, f[0])
				}
				if !strings.Contains(line, " yes ") {
					t.Errorf("%s: font %s is not embedded: %s", engine, f[0], line)
				}
				names[f[0]] = true
			}
			if !names["utf8liberationsans"] || !names["utf8liberationsansB"] {
				t.Errorf("%s: the PDF lacks Liberation Sans regular or bold:\n%s", engine, out)
			}
			want := "D:20260314"
			if date.IsZero() {
				want = "D:19700101"
			}
			if !bytes.Contains(b.Bytes(), []byte("/CreationDate ("+want)) || !bytes.Contains(b.Bytes(), []byte("/ModDate ("+want)) {
				t.Errorf("%s: the PDF is not dated %s", engine, want)
			}
		}
	}
}

// labelOp returns the text operation that draws text in the layout, with
// the font size then in force.
func labelOp(t *testing.T, l *xlayout, text string) (xop, float64) {
	t.Helper()
	for _, g := range l.groups {
		size := newPen().fontSize
		for _, op := range g {
			if op.Op == "F" {
				size = op.Size
			}
			if op.Op == "T" && op.Text == text {
				return op, size
			}
		}
	}
	t.Fatalf("the layout draws no text %q", text)
	return xop{}, 0
}

// The PNG that this package draws has ink where a name is, and the name
// fits the width that Graphviz gave it: Liberation Sans has the metrics of
// Helvetica, in which Graphviz measured it.
func TestPNGLabel(t *testing.T) {
	in := small()
	opts := Options{Seed: 3, Engine: EngineEmbedded}
	js, err := render(context.Background(), "json", in, opts)
	if err != nil {
		t.Fatal(err)
	}
	l, err := parseLayout(js)
	if err != nil {
		t.Fatal(err)
	}
	const name = "Ville de Nantes"
	op, size := labelOp(t, l, name)
	// The width Graphviz reserved and the advance in Liberation Sans.
	face := truetype.NewFace(mustParse(t, sansRegular), &truetype.Options{Size: size, DPI: 72, Hinting: font.HintingNone})
	adv := float64(font.MeasureString(face, name)) / 64
	if math.Abs(adv-op.Width) > 0.03*op.Width {
		t.Errorf("%q at %g pt: Liberation Sans %.2f pt wide, Graphviz reserved %.2f", name, size, adv, op.Width)
	}

	var b bytes.Buffer
	if err := Render(context.Background(), &b, "png", in, opts); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	const scale = 2.0 // 144 dpi
	X := func(x float64) int { return int((x - l.llx + margin) * scale) }
	Y := func(y float64) int { return int((l.ury - y + margin) * scale) }
	x0 := textX(op.Pt[0], op.Width, op.Align)
	// The box of the name, from its baseline up to the cap height.
	box := image.Rect(X(x0), Y(op.Pt[1]+size*0.7), X(x0+op.Width), Y(op.Pt[1]))
	ink := dark(img, box)
	if ink < box.Dx()*box.Dy()/20 {
		t.Errorf("%q: %d dark pixels of %d in its box %v: the name is not drawn", name, ink, box.Dx()*box.Dy(), box)
	}
	// Text spreads over the width of its box: ink in its first and last
	// quarters.
	q := box.Dx() / 4
	if dark(img, image.Rect(box.Min.X, box.Min.Y, box.Min.X+q, box.Max.Y)) == 0 ||
		dark(img, image.Rect(box.Max.X-q, box.Min.Y, box.Max.X, box.Max.Y)) == 0 {
		t.Errorf("%q does not fill its box %v", name, box)
	}
}

func mustParse(t *testing.T, ttf []byte) *truetype.Font {
	t.Helper()
	f, err := truetype.Parse(ttf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// dark counts the pixels of r in img darker than mid-grey.
func dark(img image.Image, r image.Rectangle) int {
	n := 0
	r = r.Intersect(img.Bounds())
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c, g, b, _ := img.At(x, y).RGBA()
			if (c+g+b)/3 < 0x8000 {
				n++
			}
		}
	}
	return n
}

// Every text of an SVG map, with either engine, asks for Liberation Sans
// first, then the fonts it is metric-compatible with.
func TestSVGFontFamily(t *testing.T) {
	in := small()
	re := regexp.MustCompile(`font-family="([^"]*)"`)
	for _, engine := range engines(t) {
		var b bytes.Buffer
		if err := Render(context.Background(), &b, "svg", in, Options{Seed: 3, Engine: engine, Caption: "Source: hand-made example"}); err != nil {
			t.Fatal(err)
		}
		ms := re.FindAllStringSubmatch(b.String(), -1)
		if len(ms) == 0 {
			t.Fatalf("%s: the SVG names no font", engine)
		}
		for _, m := range ms {
			if m[1] != "Liberation Sans, Helvetica, Arial, sans-serif" {
				t.Errorf("%s: font-family=%q", engine, m[1])
				break
			}
		}
	}
}
