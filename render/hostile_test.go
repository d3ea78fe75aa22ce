package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/alliances/alliances/render/rendertest"
)

// hostileNames are the names of issue #16, finding 9, that broke maps:
// terminal escapes, a right-to-left override, non-characters, C1 controls,
// invalid UTF-8 and a name of 16 KB (native Graphviz refuses quoted strings
// longer than 16384 bytes).
var hostileNames = []string{
	"esc\x1b[31mRED\x07bel",
	"rlo\u202Egnp.exe",
	"nonchar\uFFFEx\uFDD0",
	"c1\u0085\u009bx",
	"bad\xff\xfeutf8",
	strings.Repeat("N", 16384),
	strings.Repeat("<&\"é", 5000),
}

// hostileInput is the small network with hostile names.
func hostileInput(names ...string) Input {
	net, res, iso := rendertest.Small()
	for i, n := range names {
		net.Actors[i%len(net.Actors)].Name = n
	}
	return Input{Network: net, Metrics: res, Isolated: iso}
}

// checkSafeSVG fails unless svg is well-formed XML with no character that
// sanitize.Text removes.
func checkSafeSVG(t *testing.T, svg []byte) {
	t.Helper()
	if !utf8.Valid(svg) {
		t.Fatal("SVG is not valid UTF-8")
	}
	for _, r := range string(svg) {
		if (r < ' ' && r != '\n' && r != '\r' && r != '\t') || (r >= 0x7f && r <= 0x9f) ||
			(r >= 0x202a && r <= 0x202e) || r == 0xfffe || r == 0xfdd0 {
			t.Fatalf("SVG holds %U", r)
		}
	}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
	}
}

func TestHostileNamesDrawOnEveryEngine(t *testing.T) {
	in := hostileInput(hostileNames...)
	for _, engine := range engines(t) {
		for _, view := range []View{ViewNetwork, ViewIsolated, ViewBipartite} {
			t.Run(engine+"/"+string(view), func(t *testing.T) {
				var buf bytes.Buffer
				err := Render(context.Background(), &buf, "svg", in, Options{Engine: engine, View: view, Labels: LabelsAll, Suggestions: true})
				if err != nil {
					t.Fatal(err)
				}
				checkSafeSVG(t, buf.Bytes())
			})
		}
	}
}

// FuzzHostileNames is the hostile-names family of issue #16 for maps:
// whatever a name holds, the DOT text is valid UTF-8 with no unsafe
// character and no quoted string that native Graphviz would refuse
// (16384 bytes). TestHostileNamesDrawOnEveryEngine draws the seeds with
// the engines; drawing every fuzzed name would take a second each.
func FuzzHostileNames(f *testing.F) {
	for _, n := range hostileNames {
		f.Add(n)
	}
	f.Fuzz(func(t *testing.T, name string) {
		in := hostileInput(name, name+name)
		dot, err := DOT(in, Options{Labels: LabelsAll})
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(dot) {
			t.Fatal("DOT is not valid UTF-8")
		}
		for _, line := range bytes.Split(dot, []byte("\n")) {
			if len(line) > 16384 {
				t.Fatalf("a DOT line of %d bytes", len(line))
			}
		}
		for _, r := range string(dot) {
			if (r < ' ' && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) ||
				(r >= 0x2066 && r <= 0x2069) || r == 0xfffe || r == 0xffff || (r >= 0xfdd0 && r <= 0xfdef) {
				t.Fatalf("DOT holds %U", r)
			}
		}
	})
}
