package timeline

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
)

// panels are three slices of a small network: a, b, c in the first; b, c, d
// in the second (a left, d entered); nothing in the third.
func panels(t *testing.T) ([]Panel, *layout.Layout) {
	t.Helper()
	d := &graph.Dataset{Actors: []graph.Actor{
		{ID: "a", Name: "Alpha <&> \x1b[31m", Family: "ong"}, {ID: "b", Family: "association"},
		{ID: "c", Family: "collectivite"}, {ID: "d"}}}
	tie := func(x, y string) graph.Link { return graph.Link{Source: x, Target: y, Weight: 1} }
	one := *d
	one.Actors = d.Actors[:3]
	one.Links = []graph.Link{tie("a", "b"), tie("b", "c")}
	two := *d
	two.Actors = d.Actors[1:]
	two.Links = []graph.Link{tie("b", "c"), tie("c", "d")}
	union := *d
	union.Links = []graph.Link{tie("a", "b"), tie("b", "c"), tie("c", "d")}
	lay, err := layout.Compute(context.Background(), graph.NewNetwork(&union), layout.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return []Panel{
		{Label: "phase 1", Network: graph.NewNetwork(&one), Core: []string{"b", "c"}},
		{Label: "phase 2", Network: graph.NewNetwork(&two), Entered: []string{"d"}, Left: []string{"a"}, Ghosts: []string{"a"}, Core: []string{"b", "c"}},
		{Label: "phase 3", Left: []string{"b", "c", "d"}, Ghosts: []string{"a", "b", "c", "d"}},
	}, lay
}

// wellFormed parses an SVG document with encoding/xml.
func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
	}
}

func TestSmallMultiples(t *testing.T) {
	ps, lay := panels(t)
	var buf bytes.Buffer
	if err := SmallMultiples(&buf, ps, lay, Options{Title: "Phases", Caption: "Source: test"}); err != nil {
		t.Fatal(err)
	}
	svg := buf.Bytes()
	wellFormed(t, svg)
	s := string(svg)
	for _, want := range []string{"3 actors · 2 ties", "3 actors · 2 ties · +1 −1", "0 actors · 0 ties · +0 −3",
		"entered with this slice", "named: in every slice", "Source: test", "Alpha &lt;&amp;&gt; ␛[31m"} {
		if !strings.Contains(s, want) {
			t.Errorf("the figure lacks %q", want)
		}
	}
	// b is drawn at the same place of its panel in phases 1 and 2: the
	// panels are 324 px apart (300 + 24), on one row.
	re := regexp.MustCompile(`<circle cx="([0-9.]+)" cy="([0-9.]+)" r="4" fill="#E69F00"`)
	m := re.FindAllStringSubmatch(s, -1)
	if len(m) != 2 {
		t.Fatalf("b drawn %d times: %v", len(m), m)
	}
	var x1, y1, x2, y2 float64
	fmt.Sscan(m[0][1], &x1)
	fmt.Sscan(m[0][2], &y1)
	fmt.Sscan(m[1][1], &x2)
	fmt.Sscan(m[1][2], &y2)
	if d := x2 - x1; d < 323.98 || d > 324.02 || y1 != y2 {
		t.Errorf("b at (%v, %v) and (%v, %v): not the same place", x1, y1, x2, y2)
	}
	// d entered in phase 2: a black ring; a left: a faint dot.
	if !strings.Contains(s, `stroke="#000000" stroke-width="1.6"><title>d</title>`) {
		t.Error("d, which entered, has no black ring")
	}
	// The same input gives the same bytes.
	var again bytes.Buffer
	SmallMultiples(&again, ps, lay, Options{Title: "Phases", Caption: "Source: test"})
	if !bytes.Equal(svg, again.Bytes()) {
		t.Error("two runs differ")
	}
	// An actor missing from the layout is an error.
	ps[0].Network.Actors = append(ps[0].Network.Actors, graph.Actor{ID: "zz"})
	if err := SmallMultiples(io.Discard, ps, lay, Options{}); err == nil {
		t.Error("an actor outside the layout is drawn")
	}
}

func TestChart(t *testing.T) {
	ps, _ := panels(t)
	var buf bytes.Buffer
	if err := Chart(&buf, ps, Options{Lang: "fr", Title: "Acteurs"}); err != nil {
		t.Fatal(err)
	}
	wellFormed(t, buf.Bytes())
	s := buf.String()
	// Phase 1: ONG 1, association 1, collectivité 1; the legend in French.
	for _, want := range []string{"phase 1 · ONG : 1", "phase 2 · sans famille : 1", "Acteurs par famille", "Liens", "Collectivité territoriale"} {
		if !strings.Contains(s, strings.ReplaceAll(want, " : ", ": ")) && !strings.Contains(s, want) {
			t.Errorf("the chart lacks %q", want)
		}
	}
}

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{{"en", 0, "0"}, {"en", 999, "999"}, {"en", 1000, "1,000"}, {"fr", 153575, "153\u202f575"}, {"en", 1234567, "1,234,567"}} {
		if got := count(tc.lang, tc.n); got != tc.want {
			t.Errorf("count(%s, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
}
