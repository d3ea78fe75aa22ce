package render

import (
	"strings"
	"testing"
)

// compactSVG drops what no reader sees and keeps every drawn element: a
// straight cubic becomes a line, a bent one and the node titles stay.
func TestCompactSVG(t *testing.T) {
	in := `<svg>
<!-- a0&#45;&#45;a1 -->
<g id="edge1" class="edge">
<title>a0&#45;&#45;a1</title>
<path fill="none" stroke="#4d4d4d" d="M0,0C10,10 20,20 30,30"/>
</g>
<g id="edge2" class="edge">
<title>a0&#45;&#45;a2</title>
<path fill="none" stroke="#4d4d4d" d="M0,0C10,0 20,20 30,30"/>
</g>
<!-- a0 -->
<g id="node1" class="node">
<title>a0</title>
</g>
</svg>
`
	want := `<svg>
<g id="edge1" class="edge">
<path fill="none" stroke="#4d4d4d" d="M0,0L30,30"/>
</g>
<g id="edge2" class="edge">
<path fill="none" stroke="#4d4d4d" d="M0,0C10,0 20,20 30,30"/>
</g>
<g id="node1" class="node">
<title>a0</title>
</g>
</svg>
`
	if got := string(compactSVG([]byte(in))); got != want {
		t.Errorf("compactSVG:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(string(compactSVG([]byte(`d="M0,0C0,0 0,0 0,0"`))), "C") {
		t.Error("a degenerate curve (one point) is not written as a line")
	}
}
