package render

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render/palette"
	"github.com/alliances/alliances/render/rendertest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// small returns the hand-made network of 30 actors with its metrics and
// isolated actors.
func small() Input {
	net, res, iso := rendertest.Small()
	return Input{Network: net, Metrics: res, Isolated: iso}
}

// goldenCases are the maps whose DOT text is kept in testdata/golden: every
// view, clusters, French legend, sizing by another metric.
var goldenCases = []struct {
	name string
	opts Options
}{
	{"network", Options{Seed: 7, Caption: "Source: hand-made example"}},
	{"network_fr_country", Options{Seed: 7, Lang: "fr", Cluster: "country", SizeBy: "betweenness"}},
	{"ego_nantes_2", Options{View: ViewEgo, Actor: "nantes", Depth: 2, Seed: 7, Labels: LabelsAll}},
	{"project_kayes", Options{View: ViewProject, Project: "kayes", Seed: 7}},
	{"bipartite", Options{View: ViewBipartite, Seed: 7, Labels: 5}},
	{"isolated_suggestions", Options{View: ViewIsolated, Suggestions: true, Seed: 7, SizeBy: "brokerage.liaison"}},
	{"isolated_territory", Options{View: ViewIsolated, Cluster: "territory", Seed: 7, Labels: LabelsNone}},
}

func TestDOTGolden(t *testing.T) {
	in := small()
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DOT(in, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			again, err := DOT(in, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, again) {
				t.Fatal("DOT is not deterministic")
			}
			path := filepath.Join("testdata", "golden", tc.name+".dot")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./render -run TestDOTGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("DOT differs from %s (run with -update after checking the maps):\n%s", path, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

// nodeAttrs returns the attribute lists of the actor nodes of a DOT text,
// by node name.
func nodeAttrs(dot []byte) map[string]string {
	re := regexp.MustCompile(`(?m)^\t+(a\d+) \[(.*)\]$`)
	m := make(map[string]string)
	for _, s := range re.FindAllSubmatch(dot, -1) {
		m[string(s[1])] = string(s[2])
	}
	return m
}

func attr(attrs, key string) string {
	re := regexp.MustCompile(`(?:^|, )` + key + `=("(?:[^"\\]|\\.)*"|<[^>]*>|[^,]*)`)
	m := re.FindStringSubmatch(attrs)
	if m == nil {
		return ""
	}
	return strings.Trim(m[1], `"`)
}

func actorIndex(net *graph.Network, id string) string {
	for i, a := range net.Actors {
		if a.ID == id {
			return actorNode(i)
		}
	}
	return ""
}

func TestDOTVisualEncoding(t *testing.T) {
	in := small()
	dot, err := DOT(in, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	nodes := nodeAttrs(dot)
	if len(nodes) != len(in.Network.Actors) {
		t.Fatalf("%d actor nodes, want %d", len(nodes), len(in.Network.Actors))
	}
	tests := []struct {
		id, fill, shape string
	}{
		{"nantes", "#0072B2", "circle"},          // collectivite, local
		{"cd44", "#0072B2", "square"},            // collectivite, regional
		{"afd", "#CC79A7", "diamond"},            // institution, national
		{"gret", "#009E73", "triangle"},          // ong, international
		{"femmes", "#E69F00", "circle"},          // association
		{"solar", "#D55E00", "diamond"},          // entreprise, national
		{"radio", "#56B4E9", "circle"},           // autre
		{"synd", palette.Extra(0), "circle"},     // first extra family
		{"isole", palette.Unknown, unknownShape}, // no family, no level
	}
	for _, tc := range tests {
		a := nodes[actorIndex(in.Network, tc.id)]
		if got := attr(a, "fillcolor"); got != tc.fill {
			t.Errorf("%s: fillcolor %s, want %s", tc.id, got, tc.fill)
		}
		if got := attr(a, "shape"); got != tc.shape {
			t.Errorf("%s: shape %s, want %s", tc.id, got, tc.shape)
		}
	}

	// Node area is proportional to degree between the smallest and the
	// largest: isolates get the minimum diameter, the hub the maximum.
	st := styleFor(len(in.Network.Actors), false)
	width := func(id string) float64 {
		v, err := strconv.ParseFloat(attr(nodes[actorIndex(in.Network, id)], "width"), 64)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		return v
	}
	if got := width("ermite"); got != st.dmin {
		t.Errorf("isolate diameter %g, want %g", got, st.dmin)
	}
	if got := width("nantes"); got != st.dmax {
		t.Errorf("hub diameter %g, want %g", got, st.dmax)
	}
	// dakar has degree 6, nantes (the hub) 10, isolates 0: area ∝ degree.
	wantDakar := st.dmin*st.dmin + (st.dmax*st.dmax-st.dmin*st.dmin)*0.6
	if got := width("dakar"); got*got < wantDakar-0.002 || got*got > wantDakar+0.002 {
		t.Errorf("dakar area %g, want %g", got*got, wantDakar)
	}

	// Every actor is labelled in a map of 30 actors.
	for name, a := range nodes {
		if attr(a, "xlabel") == "" {
			t.Errorf("%s has no label", name)
		}
	}
	// The legend names the families and the seed.
	for _, s := range []string{"Local authority", "NGO", "syndicat", "family unknown", "level unknown", "layout seed 1", "Cooperation network"} {
		if !bytes.Contains(dot, []byte(s)) {
			t.Errorf("legend lacks %q", s)
		}
	}
}

func TestDOTExtraFamilyColoursDoNotDependOnView(t *testing.T) {
	// The colour of an extra family is fixed by the whole network, so the
	// ego view of an actor far from other extra families colours it alike.
	in := small()
	net := *in.Network
	net.Actors = append([]graph.Actor(nil), net.Actors...)
	for i := range net.Actors {
		if net.Actors[i].ID == "eglise" {
			net.Actors[i].Family = "cultuel" // sorts before "syndicat"
		}
	}
	in.Network = &net
	in.Metrics = nil
	dot, err := DOT(in, Options{View: ViewEgo, Actor: "synd"})
	if err != nil {
		t.Fatal(err)
	}
	got := attr(nodeAttrs(dot)[actorIndex(&net, "synd")], "fillcolor")
	if got != palette.Extra(1) {
		t.Errorf("syndicat coloured %s, want the second extra colour %s", got, palette.Extra(1))
	}
}

func TestDOTViews(t *testing.T) {
	in := small()
	count := func(dot []byte, s string) int { return bytes.Count(dot, []byte(s)) }
	t.Run("ego depth 1 has the actor and its partners", func(t *testing.T) {
		dot, err := DOT(in, Options{View: ViewEgo, Actor: "kayes"})
		if err != nil {
			t.Fatal(err)
		}
		// kayes: cd44, aides, migr, microf, radio, acf (project) → 7 actors.
		if n := len(nodeAttrs(dot)); n != 7 {
			t.Errorf("%d actors, want 7", n)
		}
		if attr(nodeAttrs(dot)[actorIndex(in.Network, "kayes")], "penwidth") != "2.5" {
			t.Error("the centre is not outlined")
		}
	})
	t.Run("ego depth 2 grows", func(t *testing.T) {
		d1, _ := DOT(in, Options{View: ViewEgo, Actor: "kayes"})
		d2, _ := DOT(in, Options{View: ViewEgo, Actor: "kayes", Depth: 2})
		if len(nodeAttrs(d2)) <= len(nodeAttrs(d1)) {
			t.Error("depth 2 has no more actors than depth 1")
		}
	})
	t.Run("project has its participants and their ties", func(t *testing.T) {
		dot, err := DOT(in, Options{View: ViewProject, Project: "eau"})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(nodeAttrs(dot)); n != 4 {
			t.Errorf("%d actors, want the 4 participants", n)
		}
		// 4 participants: 6 co-participation ties, all pairs.
		if n := count(dot, " -- "); n != 6 {
			t.Errorf("%d edges, want 6", n)
		}
	})
	t.Run("bipartite has projects and participations", func(t *testing.T) {
		dot, err := DOT(in, Options{View: ViewBipartite})
		if err != nil {
			t.Fatal(err)
		}
		if n := count(dot, "shape=box"); n != 3 {
			t.Errorf("%d project nodes, want 3", n)
		}
		if n := count(dot, " -- "); n != len(in.Network.Participations) {
			t.Errorf("%d edges, want one per participation (%d)", n, len(in.Network.Participations))
		}
	})
	t.Run("isolated flags and greys", func(t *testing.T) {
		dot, err := DOT(in, Options{View: ViewIsolated, Suggestions: true})
		if err != nil {
			t.Fatal(err)
		}
		nodes := nodeAttrs(dot)
		flagged := 0
		for _, a := range nodes {
			if attr(a, "color") == flagColor {
				flagged++
			}
		}
		if flagged != len(in.Isolated.Actors) {
			t.Errorf("%d flagged, want %d", flagged, len(in.Isolated.Actors))
		}
		if got := attr(nodes[actorIndex(in.Network, "dakar")], "fillcolor"); got != greyColor {
			t.Errorf("unflagged dakar filled %s, want grey", got)
		}
		if got := attr(nodes[actorIndex(in.Network, "stlouis")], "fillcolor"); got != palette.New(nil).Color("collectivite") {
			t.Errorf("suggested partner stlouis filled %s, want its family colour", got)
		}
		if n := count(dot, "style=dashed"); n != 3 {
			t.Errorf("%d dashed suggestions, want 3", n)
		}
		if !strings.Contains(attr(nodes[actorIndex(in.Network, "synd")], "tooltip"), "broker_dependent") {
			t.Error("tooltip lacks the reasons")
		}
	})
	t.Run("top N labels", func(t *testing.T) {
		dot, err := DOT(in, Options{Labels: 3})
		if err != nil {
			t.Fatal(err)
		}
		var labelled []string
		for name, a := range nodeAttrs(dot) {
			if attr(a, "xlabel") != "" {
				labelled = append(labelled, name)
			}
		}
		if len(labelled) != 3 {
			t.Fatalf("%d labels, want 3", len(labelled))
		}
		for _, id := range []string{"nantes", "cd44", "enda"} { // degrees 10, 7, 7
			if !bytes.Contains(dot, []byte(actorIndex(in.Network, id)+" [")) || attr(nodeAttrs(dot)[actorIndex(in.Network, id)], "xlabel") == "" {
				t.Errorf("%s is not labelled", id)
			}
		}
	})
}

func TestDOTEscaping(t *testing.T) {
	in := small()
	dot, err := DOT(in, Options{Labels: LabelsAll})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`Compagnie &lt;Théâtre&gt;`, `Jeunesse &amp;<BR/>Avenir &#34;Dakar&#34;`, `tooltip="Jeunesse & Avenir \"Dakar\" (jeunes)`} {
		if !bytes.Contains(dot, []byte(s)) {
			t.Errorf("DOT lacks %s", s)
		}
	}
	if got := quote("a\\b\"c\nd\x01"); got != `"a\\b\"c\nd␁"` {
		t.Errorf("quote = %s", got)
	}
}

func TestDOTErrors(t *testing.T) {
	in := small()
	tests := []struct {
		name string
		in   Input
		opts Options
		want error
	}{
		{"unknown actor", in, Options{View: ViewEgo, Actor: "nobody"}, ErrUnknownActor},
		{"unknown project", in, Options{View: ViewProject, Project: "nothing"}, ErrUnknownProject},
		{"unknown view", in, Options{View: "galaxy"}, ErrUnknownView},
		{"unknown metric", in, Options{SizeBy: "charisma"}, ErrUnknownMetric},
		{"metric without metrics", Input{Network: in.Network}, Options{SizeBy: "betweenness"}, ErrMissingInput},
		{"isolated without result", Input{Network: in.Network}, Options{View: ViewIsolated}, ErrMissingInput},
		{"no network", Input{}, Options{}, ErrMissingInput},
		{"bad cluster", in, Options{Cluster: "planet"}, ErrBadOption},
		{"bad language", in, Options{Lang: "de"}, ErrBadOption},
		{"bad engine", in, Options{Engine: "magic"}, ErrBadOption},
		{"negative depth", in, Options{View: ViewEgo, Actor: "nantes", Depth: -1}, ErrBadOption},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := DOT(tc.in, tc.opts)
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestSizeByMetrics(t *testing.T) {
	in := small()
	// Without metrics, degree and strength come from the network.
	for _, key := range []string{"degree", "strength"} {
		if _, err := DOT(Input{Network: in.Network}, Options{SizeBy: key}); err != nil {
			t.Errorf("%s without metrics: %v", key, err)
		}
	}
	// Nested and undefined values.
	vals, err := metricValues(in, "brokerage.liaison")
	if err != nil {
		t.Fatal(err)
	}
	if vals["acf"] != float64(0%4) || vals["afd"] != 1 {
		t.Errorf("liaison of acf, afd = %v, %v", vals["acf"], vals["afd"])
	}
	short, err := metricValues(in, "liaison")
	if err != nil || short["afd"] != 1 {
		t.Errorf("liaison without prefix: %v, %v", short["afd"], err)
	}
	closeness, err := metricValues(in, "closeness")
	if err != nil {
		t.Fatal(err)
	}
	if c := closeness["nantes"]; c == c {
		t.Errorf("undefined closeness read as %v, want NaN", c)
	}
	// Undefined values get the smallest node.
	dot, err := DOT(in, Options{SizeBy: "closeness"})
	if err != nil {
		t.Fatal(err)
	}
	st := styleFor(len(in.Network.Actors), false)
	if w := attr(nodeAttrs(dot)[actorIndex(in.Network, "nantes")], "width"); w != formatNum(st.dmin) {
		t.Errorf("undefined metric width %s, want %g", w, st.dmin)
	}
}

func TestFormatFromPath(t *testing.T) {
	tests := []struct {
		path, want string
		err        bool
	}{
		{"map.svg", "svg", false},
		{"out/Map.PNG", "png", false},
		{"a.b.pdf", "pdf", false},
		{"m.dot", "dot", false},
		{"m.gv", "dot", false},
		{"m.jpg", "", true},
		{"noext", "", true},
	}
	for _, tc := range tests {
		got, err := FormatFromPath(tc.path)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("FormatFromPath(%q) = %q, %v", tc.path, got, err)
		}
		if err != nil && !errors.Is(err, ErrFormat) {
			t.Errorf("FormatFromPath(%q) error %v does not wrap ErrFormat", tc.path, err)
		}
	}
}

// The Num type must stay usable as a metric key value.
var _ = analysis.Undefined
