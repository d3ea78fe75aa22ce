package render_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render"
)

func ExampleFormatFromPath() {
	for _, p := range []string{"maps/network.svg", "ego.PNG", "report.pdf", "map.gv", "map.jpg"} {
		f, err := render.FormatFromPath(p)
		fmt.Printf("%s: %q %v\n", p, f, err)
	}
	// Output:
	// maps/network.svg: "svg" <nil>
	// ego.PNG: "png" <nil>
	// report.pdf: "pdf" <nil>
	// map.gv: "dot" <nil>
	// map.jpg: "" unsupported map format: ".jpg" (want .svg, .png, .pdf or .dot)
}

func ExampleDOT() {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite", Level: "local"},
			{ID: "enda", Name: "ENDA", Family: "ong", Level: "international"},
		},
		Links: []graph.Link{{Source: "nantes", Target: "enda", Weight: 2}},
	}
	dot, err := render.DOT(render.Input{Network: graph.NewNetwork(d)}, render.Options{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range bytes.Split(dot, []byte("\n")) {
		if s := string(line); strings.HasPrefix(s, "\ta") {
			fmt.Println(s[:strings.Index(s, ", tooltip")])
		}
	}
	// Output:
	// 	a0 [shape=triangle, width=0.297, height=0.297, fillcolor="#009E73", xlabel=<ENDA>
	// 	a1 [shape=circle, width=0.22, height=0.22, fillcolor="#0072B2", xlabel=<Ville de Nantes>
	// 	a0 -- a1 [penwidth=2
}
