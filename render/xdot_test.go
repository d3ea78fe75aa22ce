package render

import (
	"strings"
	"testing"
	"time"
)

func TestParseLayout(t *testing.T) {
	js := `{"bb":"0,0,100,50","_draw_":[{"op":"C","grad":"none","color":"#ffffff"},{"op":"P","points":[[0,0],[0,50],[100,50],[100,0]]}],
	"_subgraph_cnt":1,
	"objects":[{"name":"cluster_0","_draw_":[{"op":"c","color":"#8c8c8c"},{"op":"p","points":[[1,1],[1,2],[2,2]]}],"nodes":[1]},
	{"name":"a0","_draw_":[{"op":"S","style":"setlinewidth(3)"},{"op":"E","rect":[10,10,5,5]}],"_ldraw_":[{"op":"F","size":11,"face":"Helvetica-Bold"},{"op":"T","pt":[10,20],"align":"c","width":12,"text":"A"}]}],
	"edges":[{"_draw_":[{"op":"b","points":[[10,10],[20,20],[30,30],[40,40]]}]}]}`
	l, err := parseLayout([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	if l.urx != 100 || l.ury != 50 {
		t.Errorf("bb = %v,%v", l.urx, l.ury)
	}
	// Painting order: background, cluster, edges, nodes, then node labels.
	var order []string
	for _, op := range l.ops() {
		switch op.Op {
		case "P", "p", "b", "E", "T":
			order = append(order, op.Op)
		}
	}
	if got := strings.Join(order, ""); got != "PpbET" {
		t.Errorf("painting order %s, want PpbET", got)
	}
	// Each object starts from the default pen: the node's line width does
	// not leak into the labels drawn after it.
	var p pen
	widths := map[string]float64{}
	for _, op := range l.ops() {
		if op.Op == "" {
			p = newPen()
			continue
		}
		if !p.apply(op) {
			widths[op.Op] = p.width
			if op.Op == "T" && !p.bold() {
				t.Error("bold face not read")
			}
		}
	}
	if widths["E"] != 3 || widths["T"] != 1 {
		t.Errorf("line widths %v", widths)
	}
}

func TestParseColor(t *testing.T) {
	tests := []struct {
		in   string
		want rgba
	}{
		{"#ff0000", rgba{1, 0, 0, 1}},
		{"#00000080", rgba{0, 0, 0, 128.0 / 255}},
		{"transparent", rgba{1, 1, 1, 0}},
		{"#fffffe00", rgba{1, 1, 254.0 / 255, 0}},
		{"nonsense", rgba{0, 0, 0, 1}},
	}
	for _, tc := range tests {
		if got := parseColor(tc.in); got != tc.want {
			t.Errorf("parseColor(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestParsePlain(t *testing.T) {
	pos, err := parsePlain([]byte("graph 1 2 3\nnode a0 1 2 0.5 0.5 \"\" filled circle black red\nnode \"p1\" 0.5 0 1 1 x\nedge a0 p1 2 0 0 1 1 solid black\nstop\n"))
	if err != nil {
		t.Fatal(err)
	}
	if pos["a0"] != [2]float64{72, 144} || pos["p1"] != [2]float64{36, 0} {
		t.Errorf("positions %v", pos)
	}
	if _, err := parsePlain([]byte("node a0 x y\n")); err == nil {
		t.Error("bad coordinates accepted")
	}
}

func TestSpread(t *testing.T) {
	// 100 nodes of 10 points crowded in 50 points are spread to about
	// 5 diameters per √n: 500 points.
	pos := map[string][2]float64{}
	diam := map[string]float64{}
	for i := 0; i < 100; i++ {
		n := actorNode(i)
		pos[n] = [2]float64{float64(i%10) * 5, float64(i/10) * 5}
		diam[n] = 10
	}
	pl := spread(pos, diam)
	if pl.width < 450 || pl.width > 600 {
		t.Errorf("spread width %g, want about 500", pl.width)
	}
	// A layout already wide enough is left alone.
	for n, p := range pos {
		pos[n] = [2]float64{p[0] * 40, p[1] * 40}
	}
	if pl := spread(pos, diam); pl.width != 45*40 {
		t.Errorf("wide layout rescaled to %g", pl.width)
	}
}

// FuzzParseLayout feeds arbitrary JSON to the layout reader and the PNG
// and PDF painters: they may reject it, never panic.
func FuzzParseLayout(f *testing.F) {
	f.Add(`{"bb":"0,0,100,50","objects":[{"name":"a","_draw_":[{"op":"E","rect":[1,1,2,2]},{"op":"T","pt":[1,1],"text":"●"}]}]}`)
	f.Add(`{"bb":"0,0,10,10","_draw_":[{"op":"S","style":"setlinewidth(1e9)"},{"op":"b","points":[[0,0]]}],"_subgraph_cnt":5}`)
	f.Add(`{"bb":"1,2,3"}`)
	f.Fuzz(func(t *testing.T, js string) {
		l, err := parseLayout([]byte(js))
		if err != nil {
			return
		}
		if l.urx-l.llx > 2000 || l.ury-l.lly > 2000 {
			return // keep fuzzing fast; sizes are capped in drawPNG
		}
		if _, err := drawPNG(l, 0.5); err != nil {
			t.Fatal(err)
		}
		if _, err := drawPDF(l, "a4", time.Time{}); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzDOT builds maps of actors with arbitrary names, families, levels and
// countries: the DOT text must always be read by Graphviz.
func FuzzDOT(f *testing.F) {
	f.Add("Ville \"de\" <Nantes> & co\\", "collectivité", "local", "FR")
	f.Add("\x00\n\t\\N", "", "galactic", "")
	f.Fuzz(func(t *testing.T, name, family, level, country string) {
		in := small()
		net := *in.Network
		net.Actors = append(net.Actors[:0:0], net.Actors...)
		net.Actors[0].Name, net.Actors[0].Family, net.Actors[0].Level, net.Actors[0].Country = name, family, level, country
		net.Actors[1].Territory = name
		in.Network, in.Metrics = &net, nil
		src, err := DOT(in, Options{Cluster: "territory", Labels: LabelsAll})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := runEmbedded(t.Context(), src, "nop", "canon"); err != nil {
			t.Fatalf("Graphviz rejects the DOT: %v\n%s", err, src)
		}
	})
}
