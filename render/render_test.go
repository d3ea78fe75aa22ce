package render

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/internal/needs"
)

// engines lists the engines to test: the embedded one always, the native one
// when Graphviz is installed.
func engines(t *testing.T) []string {
	t.Helper()
	es := []string{EngineEmbedded}
	if NativeAvailable() {
		es = append(es, EngineNative)
	} else {
		t.Log("native Graphviz not installed: testing the embedded engine only")
	}
	return es
}

// finalLayout returns the layout that Render draws for in and opts, as
// Graphviz xdot JSON.
func finalLayout(t *testing.T, in Input, opts Options) *xgraph {
	t.Helper()
	js, err := render(context.Background(), "json", in, opts)
	if err != nil {
		t.Fatal(err)
	}
	var g xgraph
	if err := json.Unmarshal(js, &g); err != nil {
		t.Fatal(err)
	}
	return &g
}

// edgeMidpoints returns, in layout points, the middle of every straight
// edge of g (tie edges are drawn as one cubic Bézier segment, splines=false).
func edgeMidpoints(g *xgraph) [][2]float64 {
	var out [][2]float64
	for _, e := range g.Edges {
		for _, op := range e.Draw {
			if (op.Op == "b" || op.Op == "B") && len(op.Points) == 4 {
				a, b := op.Points[0], op.Points[3]
				out = append(out, [2]float64{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2})
			}
		}
	}
	return out
}

// inkedEdges counts the edges of g whose midpoint is drawn (a pixel darker
// than the white background within 2 pixels) in img, a raster of the whole
// map at 2 pixels per point (144 dpi) centred in its margins.
func inkedEdges(g *xgraph, img image.Image) (inked, total int) {
	var llx, lly, urx, ury float64
	if _, err := fmtSscanBB(g.BB, &llx, &lly, &urx, &ury); err != nil {
		return 0, 0
	}
	const s = 2
	b := img.Bounds()
	ox := (float64(b.Dx()) - (urx-llx)*s) / 2
	oy := (float64(b.Dy()) - (ury-lly)*s) / 2
	for _, m := range edgeMidpoints(g) {
		total++
		px := int((m[0]-llx)*s + ox)
		py := int((ury-m[1])*s + oy)
		found := false
		for dx := -2; dx <= 2 && !found; dx++ {
			for dy := -2; dy <= 2 && !found; dy++ {
				p := image.Pt(b.Min.X+px+dx, b.Min.Y+py+dy)
				if !p.In(b) {
					continue
				}
				r, gg, bb, _ := img.At(p.X, p.Y).RGBA()
				found = (r+gg+bb)/3 < 0xE000
			}
		}
		if found {
			inked++
		}
	}
	return inked, total
}

func fmtSscanBB(bb string, v ...*float64) (int, error) {
	f := strings.Split(bb, ",")
	if len(f) != 4 {
		return 0, errors.New("bad bb")
	}
	for i, s := range f {
		x, err := parseFloat(s)
		if err != nil {
			return i, err
		}
		*v[i] = x
	}
	return 4, nil
}

// rasterize turns an SVG or PDF map into an image with the installed
// rsvg-convert or pdftoppm, skipping the test when the tool is missing.
func rasterize(t *testing.T, format string, data []byte) image.Image {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "map."+format)
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var cmd *exec.Cmd
	out := filepath.Join(dir, "map.png")
	switch format {
	case "svg":
		cmd = exec.Command(needs.Tool(t, "rsvg-convert"), "-d", "144", "-p", "144", "-b", "white", "-o", out, src)
	case "pdf":
		cmd = exec.Command(needs.Tool(t, "pdftoppm"), "-r", "144", "-png", "-singlefile", src, filepath.Join(dir, "map"))
	}
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// TestRenderFormats renders the hand-made network in every format with
// every engine and checks what a reader would see: every edge drawn in the
// PNG, the PDF and the SVG, every node in the SVG, and the same bytes on a
// second run.
func TestRenderFormats(t *testing.T) {
	in := small()
	ctx := context.Background()
	for _, engine := range engines(t) {
		opts := Options{Seed: 3, Engine: engine, Caption: "Source: hand-made example"}
		g := finalLayout(t, in, opts)
		if n := len(edgeMidpoints(g)); n != len(in.Network.Ties) {
			t.Fatalf("%s: layout has %d straight edges, want %d", engine, n, len(in.Network.Ties))
		}
		for _, format := range []string{"svg", "png", "pdf"} {
			t.Run(engine+"/"+format, func(t *testing.T) {
				var buf, again bytes.Buffer
				if err := Render(ctx, &buf, format, in, opts); err != nil {
					t.Fatal(err)
				}
				if err := Render(ctx, &again, format, in, opts); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(buf.Bytes(), again.Bytes()) {
					t.Error("two renderings differ")
				}
				var img image.Image
				switch format {
				case "svg":
					svg := buf.String()
					if n := strings.Count(svg, `class="node"`); n != len(in.Network.Actors) {
						t.Errorf("SVG has %d nodes, want %d", n, len(in.Network.Actors))
					}
					if n := strings.Count(svg, `class="edge"`); n != len(in.Network.Ties) {
						t.Errorf("SVG has %d edges, want %d", n, len(in.Network.Ties))
					}
					if strings.Contains(svg, "Generated by graphviz") {
						t.Error("SVG keeps the Graphviz version comment")
					}
					for _, s := range []string{"Cooperation network", "Source:", "Ville de Nantes"} {
						if !strings.Contains(svg, s) {
							t.Errorf("SVG lacks %q", s)
						}
					}
					img = rasterize(t, "svg", buf.Bytes())
				case "png":
					var err error
					if img, err = png.Decode(&buf); err != nil {
						t.Fatal(err)
					}
				case "pdf":
					img = rasterize(t, "pdf", buf.Bytes())
				}
				inked, total := inkedEdges(g, img)
				// A few midpoints may fall on a node drawn over the edge,
				// which is ink too; all must be drawn.
				if inked != total || total == 0 {
					t.Errorf("%d of %d edges drawn", inked, total)
				}
			})
		}
	}
}

// TestInkedEdgesCanFail checks the edge check itself on a blank image.
func TestInkedEdgesCanFail(t *testing.T) {
	in := small()
	g := finalLayout(t, in, Options{Engine: EngineEmbedded})
	blank := image.NewGray(image.Rect(0, 0, 800, 800))
	for i := range blank.Pix {
		blank.Pix[i] = 0xFF
	}
	if inked, total := inkedEdges(g, blank); inked != 0 || total == 0 {
		t.Errorf("blank image: %d of %d edges found", inked, total)
	}
}

func TestRenderViewsEmbedded(t *testing.T) {
	in := small()
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.Engine = EngineEmbedded
			var buf bytes.Buffer
			if err := Render(context.Background(), &buf, "svg", in, opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(buf.Bytes(), []byte("<svg")) || !bytes.Contains(buf.Bytes(), []byte(`class="node"`)) {
				t.Error("no SVG drawing")
			}
		})
	}
}

func TestEngineSelection(t *testing.T) {
	in := small()
	ctx := context.Background()
	t.Run("embedded works with nothing on PATH", func(t *testing.T) {
		t.Setenv("PATH", "")
		var buf bytes.Buffer
		if err := Render(ctx, &buf, "png", in, Options{}); err != nil {
			t.Fatal(err)
		}
		if _, err := png.Decode(&buf); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("native required but missing", func(t *testing.T) {
		t.Setenv("PATH", "")
		err := Render(ctx, &bytes.Buffer{}, "svg", in, Options{Engine: EngineNative})
		if !errors.Is(err, ErrNoNative) {
			t.Fatalf("err = %v, want ErrNoNative", err)
		}
	})
	t.Run("environment forces the embedded engine", func(t *testing.T) {
		t.Setenv(EngineEnv, "embedded")
		native, err := useNative("", "neato")
		if err != nil || native {
			t.Fatalf("useNative = %v, %v", native, err)
		}
		// An explicit option wins over the environment.
		if NativeAvailable() {
			if native, err := useNative(EngineNative, "neato"); err != nil || !native {
				t.Fatalf("useNative(native) = %v, %v", native, err)
			}
		}
	})
	t.Run("environment with a bad value", func(t *testing.T) {
		t.Setenv(EngineEnv, "gpu")
		if _, err := useNative("", "neato"); !errors.Is(err, ErrBadOption) {
			t.Fatalf("err = %v, want ErrBadOption", err)
		}
	})
	t.Run("auto uses native when installed", func(t *testing.T) {
		t.Setenv(EngineEnv, "")
		native, err := useNative(EngineAuto, "sfdp")
		if err != nil || native != NativeAvailable() {
			t.Fatalf("useNative(auto) = %v, %v; native available %v", native, err, NativeAvailable())
		}
	})
}

func TestRenderRejectsFormat(t *testing.T) {
	err := Render(context.Background(), &bytes.Buffer{}, "jpg", small(), Options{})
	if !errors.Is(err, ErrFormat) {
		t.Fatalf("err = %v, want ErrFormat", err)
	}
}

func TestRenderDOTFormat(t *testing.T) {
	in := small()
	var buf bytes.Buffer
	if err := Render(context.Background(), &buf, "dot", in, Options{Seed: 7}); err != nil {
		t.Fatal(err)
	}
	want, _ := DOT(in, Options{Seed: 7})
	if !bytes.Equal(buf.Bytes(), want) {
		t.Error("Render dot differs from DOT")
	}
}

// TestRenderNamesDoNotCollide lays out the hand-made network (every actor
// named) and a large synthetic one (20 names) and checks that the names
// are all there and that no two overlap.
func TestRenderNamesDoNotCollide(t *testing.T) {
	tests := []struct {
		name  string
		in    Input
		names int
	}{
		{"hand-made, all names", small(), 30},
		{"600 actors, top 20", Input{Network: largeNetwork(600, 1800)}, 20},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := finalLayout(t, tc.in, Options{Seed: 1, Engine: EngineEmbedded})
			type box struct{ x0, y0, x1, y1 float64 }
			var boxes []box
			var texts []string
			for _, o := range g.Objects {
				// One box per name, around all its lines.
				b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
				text := ""
				for _, op := range o.LDraw {
					if op.Op == "T" && strings.TrimSpace(op.Text) != "" {
						x := textX(op.Pt[0], op.Width, op.Align)
						b = box{math.Min(b.x0, x), math.Min(b.y0, op.Pt[1]-3), math.Max(b.x1, x+op.Width), math.Max(b.y1, op.Pt[1]+10)}
						text += op.Text + " "
					}
				}
				if text != "" {
					boxes = append(boxes, b)
					texts = append(texts, text)
				}
			}
			if len(boxes) != tc.names {
				t.Errorf("%d names, want %d", len(boxes), tc.names)
			}
			for i := range boxes {
				for j := i + 1; j < len(boxes); j++ {
					a, b := boxes[i], boxes[j]
					if a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 {
						t.Errorf("names %q and %q overlap", texts[i], texts[j])
					}
				}
			}
		})
	}
}

// TestRenderTinyNetworks draws networks of zero, one and two actors: a map
// with a legend and nothing or almost nothing in it, never an error.
func TestRenderTinyNetworks(t *testing.T) {
	nets := map[string]*graph.Network{
		"empty": graph.NewNetwork(&graph.Dataset{}),
		"one":   graph.NewNetwork(&graph.Dataset{Actors: []graph.Actor{{ID: "a", Family: "ong"}}}),
		"two": graph.NewNetwork(&graph.Dataset{
			Actors: []graph.Actor{{ID: "a"}, {ID: "b", Family: "nouvelle"}},
			Links:  []graph.Link{{Source: "a", Target: "b", Weight: 1}},
		}),
	}
	for name, net := range nets {
		for _, engine := range engines(t) {
			for _, format := range []string{"svg", "png", "pdf"} {
				var buf bytes.Buffer
				if err := Render(context.Background(), &buf, format, Input{Network: net}, Options{Engine: engine}); err != nil {
					t.Errorf("%s/%s/%s: %v", name, engine, format, err)
				} else if buf.Len() == 0 {
					t.Errorf("%s/%s/%s: empty output", name, engine, format)
				}
			}
		}
	}
}

// TestRenderClustersDoNotOverlap checks that the boxes of a clustered map
// are disjoint and hold their actors.
func TestRenderClustersDoNotOverlap(t *testing.T) {
	in := small()
	for _, cluster := range []string{"country", "territory"} {
		g := finalLayout(t, in, Options{Cluster: cluster, Engine: EngineEmbedded})
		var boxes [][4]float64
		pos := make(map[int][2]float64)
		for _, o := range g.Objects {
			var x, y float64
			if _, err := fmt.Sscanf(o.Pos, "%g,%g", &x, &y); err == nil {
				pos[o.GVID] = [2]float64{x, y}
			}
		}
		for _, o := range g.Objects {
			if !strings.HasPrefix(o.Name, "cluster_") {
				continue
			}
			var b [4]float64
			if _, err := fmt.Sscanf(o.BB, "%g,%g,%g,%g", &b[0], &b[1], &b[2], &b[3]); err != nil {
				t.Fatalf("%s: bb %q: %v", o.Name, o.BB, err)
			}
			if len(o.Nodes) == 0 {
				t.Errorf("%s: no nodes", o.Name)
			}
			for _, n := range o.Nodes {
				p, ok := pos[n]
				if !ok {
					t.Errorf("%s: node %d has no position", o.Name, n)
				}
				if p[0] < b[0] || p[0] > b[2] || p[1] < b[1] || p[1] > b[3] {
					t.Errorf("%s: node %d at %v outside %v", o.Name, n, p, b)
				}
			}
			boxes = append(boxes, b)
		}
		if len(boxes) < 3 {
			t.Fatalf("%s: %d clusters", cluster, len(boxes))
		}
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				a, b := boxes[i], boxes[j]
				if a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] {
					t.Errorf("%s: clusters %v and %v overlap", cluster, a, b)
				}
			}
		}
	}
}

// TestRenderClusteredBipartite checks that projects, which belong to no
// cluster, are laid out with the actors outside clusters, not piled up.
func TestRenderClusteredBipartite(t *testing.T) {
	in := small()
	g := finalLayout(t, in, Options{View: ViewBipartite, Cluster: "country", Engine: EngineEmbedded})
	seen := make(map[string]bool)
	projects := 0
	for _, o := range g.Objects {
		if strings.HasPrefix(o.Name, "p") && o.Pos != "" {
			projects++
			if seen[o.Pos] {
				t.Errorf("two projects at %s", o.Pos)
			}
			seen[o.Pos] = true
		}
	}
	if projects != len(in.Network.Projects) {
		t.Errorf("%d projects placed, want %d", projects, len(in.Network.Projects))
	}
}

// TestRenderConcurrent renders the same map from several goroutines, as a
// report does: the embedded Graphviz is shared, and every copy must be the
// same.
func TestRenderConcurrent(t *testing.T) {
	in := small()
	opts := Options{Engine: EngineEmbedded, Seed: 2}
	for _, format := range []string{"png", "pdf", "svg"} {
		var want bytes.Buffer
		if err := Render(context.Background(), &want, format, in, opts); err != nil {
			t.Fatal(err)
		}
		got := make([]bytes.Buffer, 3)
		errs := make(chan error, len(got))
		for i := range got {
			go func() { errs <- Render(context.Background(), &got[i], format, in, opts) }()
		}
		for range got {
			if err := <-errs; err != nil {
				t.Fatal(err)
			}
		}
		for i := range got {
			if !bytes.Equal(got[i].Bytes(), want.Bytes()) {
				t.Errorf("%s: copy %d differs", format, i)
			}
		}
	}
}
