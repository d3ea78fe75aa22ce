package render

import (
	"bytes"
	"context"
	"image/png"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/alliances/alliances/analysis"
)

// countNodes counts the actor nodes of a DOT document.
func countNodes(dot []byte) int {
	return len(regexp.MustCompile(`(?m)^\s+a\d+ \[`).FindAll(dot, -1))
}

func TestFilters(t *testing.T) {
	in := small()
	all, err := DOT(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The hand-made network (rendertest.Small): 30 actors, of which
	// "isole" and "ermite" have no tie: the main component holds the
	// other 28.
	if n := countNodes(all); n != 30 {
		t.Fatalf("%d actors, want 30", n)
	}
	main, err := DOT(in, Options{Component: "main"})
	if err != nil {
		t.Fatal(err)
	}
	if n := countNodes(main); n != 28 {
		t.Errorf("--component main: %d actors, want 28", n)
	}
	// The actors with at least 4 partners, counted from the ties.
	deg := make(map[string]int)
	for _, tie := range in.Network.Ties {
		deg[tie.A]++
		deg[tie.B]++
	}
	want := 0
	for _, d := range deg {
		if d >= 4 {
			want++
		}
	}
	hubs, err := DOT(in, Options{MinDegree: 4})
	if err != nil {
		t.Fatal(err)
	}
	if n := countNodes(hubs); n != want || want == 0 || want == 30 {
		t.Errorf("--min-degree 4: %d actors, want %d", n, want)
	}
	if _, err := DOT(in, Options{Component: "largest"}); err == nil {
		t.Error("component largest accepted")
	}
}

func TestColourByCommunity(t *testing.T) {
	in := small()
	if _, err := DOT(Input{Network: in.Network}, Options{ColourBy: "community"}); err == nil {
		t.Error("colouring by community without metrics: no error")
	}
	res, err := analysis.Analyze(in.Network, analysis.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	dot, err := DOT(Input{Network: in.Network, Metrics: res}, Options{ColourBy: "community", Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(dot, []byte("Couleur : communauté (Louvain)")) {
		t.Error("no community legend")
	}
	// Actors of one community share a colour; the largest is blue.
	colour := make(map[int]map[string]bool)
	fills := regexp.MustCompile(`(?m)^\s+a(\d+) \[[^\n]*fillcolor="(#[0-9A-F]+)"`).FindAllSubmatch(dot, -1)
	byNode := make(map[string]string)
	for _, m := range fills {
		byNode[string(m[1])] = string(m[2])
	}
	for i, a := range in.Network.Actors {
		c := res.Actors[i].Community
		if res.Actors[i].ID != a.ID {
			t.Fatal("metrics not in actor order")
		}
		if colour[c] == nil {
			colour[c] = map[string]bool{}
		}
		colour[c][byNode[strconv.Itoa(i)]] = true
	}
	for c, cs := range colour {
		if len(cs) != 1 {
			t.Errorf("community %d has colours %v", c, cs)
		}
	}
}

func TestFrenchNumbers(t *testing.T) {
	in := small()
	dot, err := DOT(in, Options{SizeBy: "betweenness", Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	legend := string(dot[:bytes.Index(dot, []byte("</TABLE>"))])
	if regexp.MustCompile(`>\d+\.\d+<`).MatchString(legend) {
		t.Error("a French legend writes a decimal point")
	}
	if !regexp.MustCompile(`>\d+,\d+<`).MatchString(legend) {
		t.Error("a French legend has no decimal comma")
	}
}

func TestPDFPage(t *testing.T) {
	in := small()
	date := time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	var b bytes.Buffer
	if err := Render(context.Background(), &b, "pdf", in, Options{Page: "a4", Date: date, Engine: EngineEmbedded}); err != nil {
		t.Fatal(err)
	}
	pdf := b.String()
	// A4 landscape (the hand-made map is wider than tall) in points.
	if !strings.Contains(pdf, "/MediaBox [0 0 841.89 595.28]") {
		i := strings.Index(pdf, "/MediaBox")
		t.Errorf("page is not A4 landscape: %.60s", pdf[max(i, 0):])
	}
	if !strings.Contains(pdf, "D:20260314") {
		t.Error("the PDF is not dated 2026-03-14")
	}
	if _, err := (Options{Page: "a3"}).normalized(); err == nil {
		t.Error("page a3 accepted")
	}
}

// No side of a PNG map exceeds MaxPixels, whatever the resolution asked,
// with either engine.
func TestPNGPixelLimit(t *testing.T) {
	in := Input{Network: largeNetwork(600, 1800)}
	for _, engine := range engines(t) {
		var b bytes.Buffer
		if err := Render(context.Background(), &b, "png", in, Options{Seed: 1, Engine: engine, DPI: 600}); err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(&b)
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Width > MaxPixels || cfg.Height > MaxPixels {
			t.Errorf("%s: PNG of %d × %d pixels, limit %d", engine, cfg.Width, cfg.Height, MaxPixels)
		}
		if max(cfg.Width, cfg.Height) < MaxPixels/2 {
			t.Errorf("%s: PNG of %d × %d pixels at 600 dpi: not scaled to the limit", engine, cfg.Width, cfg.Height)
		}
	}
}

// TestOverviewAbove: a view of more actors than OverviewAbove is drawn as an
// overview of OverviewActors actors, one of fewer is drawn whole.
func TestOverviewAbove(t *testing.T) {
	in := Input{Network: largeNetwork(500, 1500)}
	whole, err := DOT(in, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := countNodes(whole); n != 500 {
		t.Fatalf("%d actors drawn without OverviewAbove, want all 500", n)
	}
	over, err := DOT(in, Options{OverviewAbove: 400})
	if err != nil {
		t.Fatal(err)
	}
	if n := countNodes(over); n != OverviewActors {
		t.Errorf("%d actors drawn with OverviewAbove 400, want the overview's %d", n, OverviewActors)
	}
	same, err := DOT(in, Options{OverviewAbove: 500})
	if err != nil {
		t.Fatal(err)
	}
	if n := countNodes(same); n != 500 {
		t.Errorf("%d actors drawn with OverviewAbove 500, want all 500", n)
	}
}

// TestSuggestionsInOverview: the dashed ties to suggested partners join
// actors of the view only, when an overview or a filter leaves some out
// (Graphviz fails on an edge to a node without a position: H2020's isolated
// map).
func TestSuggestionsInOverview(t *testing.T) {
	net := largeNetwork(600, 900)
	iso := analysis.Isolated(net, analysis.IsolationOptions{Suggest: 3})
	in := Input{Network: net, Isolated: iso}
	for _, opts := range []Options{{OverviewAbove: 400}, {MinDegree: 4}} {
		opts.View, opts.Suggestions = ViewIsolated, true
		dot, err := DOT(in, opts)
		if err != nil {
			t.Fatal(err)
		}
		declared := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^\s+(a\d+) \[`).FindAllSubmatch(dot, -1) {
			declared[string(m[1])] = true
		}
		for _, m := range regexp.MustCompile(`(?m)^\s+(a\d+) -- (a\d+)`).FindAllSubmatch(dot, -1) {
			if !declared[string(m[1])] || !declared[string(m[2])] {
				t.Fatalf("%+v: edge %s -- %s to an actor not drawn", opts, m[1], m[2])
			}
		}
	}
}
