package explore

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/alliances/alliances/graph"
)

// waitFile waits until Chromium has saved the download name in dir.
func waitFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	t.Fatalf("no download %s in %s (it holds %v)", name, dir, entries)
	return nil
}

// svgFile is what the test reads of a downloaded SVG.
type svgFile struct {
	Width  int      `xml:"width,attr"`
	Height int      `xml:"height,attr"`
	Texts  []string `xml:"text"`
	Groups []struct {
		Groups []struct {
			Circles []struct {
				Title string `xml:"title"`
			} `xml:"circle"`
			Lines []struct{} `xml:"line"`
		} `xml:"g"`
	} `xml:"g"`
}

// The view downloads as a well-formed SVG that holds every actor and tie of
// the view (a name that looks like markup as text) with the title, legend
// and caption, and as a PNG of that SVG at twice its size, drawn.
func TestDownloadsOfTheView(t *testing.T) {
	d := exampleData(t)
	p := openPage(t, d, gridPositions(d), "en")
	dir := t.TempDir()
	events := true
	if _, err := chromedp.Call(p.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir, EventsEnabled: &events,
	}); err != nil {
		t.Fatal(err)
	}
	p.do(t, chromedp.Click(chromedp.CSS(`#dl-svg`)))
	b := waitFile(t, dir, "alliances-view.svg")
	var svg svgFile
	if err := xml.Unmarshal(b, &svg); err != nil {
		t.Fatalf("the SVG download is not well-formed XML: %v", err)
	}
	if len(svg.Groups) != 1 || len(svg.Groups[0].Groups) != 1 {
		t.Fatalf("the SVG download has no map group")
	}
	drawn := svg.Groups[0].Groups[0]
	net := graph.NewNetwork(d)
	if len(drawn.Circles) != len(net.Actors) || len(drawn.Lines) != len(net.Ties) {
		t.Errorf("the SVG download draws %d actors and %d ties, the view has %d and %d",
			len(drawn.Circles), len(drawn.Lines), len(net.Actors), len(net.Ties))
	}
	hostile := false
	for _, c := range drawn.Circles {
		hostile = hostile || c.Title == hostileName
	}
	if !hostile || bytes.Contains(b, []byte("<img")) {
		t.Errorf("the name %q is not in the SVG as text", hostileName)
	}
	all := strings.Join(svg.Texts, "|")
	for _, want := range []string{"Local authority", "Association", "example"} {
		if !strings.Contains(all, want) {
			t.Errorf("the SVG download lacks %q in its title, legend or caption: %q", want, all)
		}
	}

	p.do(t, chromedp.Click(chromedp.CSS(`#dl-png`)))
	img, err := png.Decode(bytes.NewReader(waitFile(t, dir, "alliances-view.png")))
	if err != nil {
		t.Fatalf("the PNG download does not decode: %v", err)
	}
	if r := img.Bounds(); r.Dx() != 2*svg.Width || r.Dy() != 2*svg.Height {
		t.Errorf("the PNG is %d × %d, want twice the SVG's %d × %d", r.Dx(), r.Dy(), svg.Width, svg.Height)
	}
	// Drawn: a good share of the pixels are not the white background.
	inked, total := 0, 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y += 4 {
		for x := r.Min.X; x < r.Max.X; x += 4 {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			total++
			if cr < 0xf000 || cg < 0xf000 || cb < 0xf000 {
				inked++
			}
		}
	}
	if inked*100 < total {
		t.Errorf("the PNG is almost blank: %d of %d sampled pixels drawn", inked, total)
	}
	if errs, ext, _ := p.problems(); len(errs) > 0 || len(ext) > 0 {
		t.Errorf("errors %v, outside requests %v", errs, ext)
	}
}
