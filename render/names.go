package render

import (
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
)

// Names on maps. An actor or project with a short label (graph.Actor.ShortLabel:
// a sigle, short or acronyme column) is named by it; otherwise by its full
// name, on one line up to oneLine runes, else over two lines split at the
// space that makes the longer line shortest. Only a name that needs more
// than two lines of maxLine runes (about 90 characters) is cut, with "…".
const (
	oneLine = 24
	maxLine = 45
)

// actorName returns the lines of the name of an actor on maps.
func actorName(a graph.Actor) []string {
	if s := a.ShortLabel(); s != "" {
		return []string{shorten(s, maxLine)}
	}
	return wrapName(a.Label())
}

// projectName returns the lines of the name of a project on maps, with its
// phase.
func projectName(p graph.Project) []string {
	name := p.ShortLabel()
	if name == "" {
		name = p.Label()
	}
	if p.Phase > 0 {
		name += " · phase " + strconv.Itoa(p.Phase)
	}
	return wrapName(name)
}

// wrapName puts name on one or two lines (see the constants above).
func wrapName(name string) []string {
	name = strings.Join(strings.Fields(name), " ")
	r := []rune(name)
	if len(r) <= oneLine {
		return []string{name}
	}
	best, bestLen := -1, len(r)
	for i, c := range r {
		if c != ' ' {
			continue
		}
		if l := max(i, len(r)-i-1); l <= bestLen {
			best, bestLen = i, l
		}
	}
	if best < 0 {
		return []string{shorten(name, maxLine)}
	}
	first, second := string(r[:best]), string(r[best+1:])
	if len([]rune(first)) > maxLine {
		// The first space is too far: fill the first line and carry on.
		first, second = fill(r, maxLine)
	}
	return []string{first, shorten(second, maxLine)}
}

// fill returns the longest first line of at most n runes that ends at a
// space, and the rest.
func fill(r []rune, n int) (string, string) {
	cut := -1
	for i := 0; i < len(r) && i <= n; i++ {
		if r[i] == ' ' {
			cut = i
		}
	}
	if cut <= 0 {
		return string(r[:n]), strings.TrimSpace(string(r[n:]))
	}
	return string(r[:cut]), string(r[cut+1:])
}

// nameWidth is the width in points of the widest line at size.
func nameWidth(lines []string, size float64) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, size))
	}
	return w
}

// justified writes lines as a DOT escString label whose lines Graphviz
// justifies to align ("LEFT", "RIGHT" or "CENTER") inside a node of fixed
// size: a name on the right of its node starts at the node's side whatever
// the font of the viewer.
func justified(lines []string, align string) string {
	end := `\n`
	switch align {
	case "LEFT":
		end = `\l`
	case "RIGHT":
		end = `\r`
	}
	var b strings.Builder
	for _, l := range lines {
		q := quote(l)
		b.WriteString(q[1 : len(q)-1])
		b.WriteString(end)
	}
	return `"` + b.String() + `"`
}

// htmlLines writes lines as the text of an HTML-like label, one per line.
func htmlLines(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = htmlEscape(l)
	}
	return strings.Join(esc, "<BR/>")
}
