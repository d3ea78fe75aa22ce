package render

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// maxKeyRows bounds the key of an isolated view; the command
// "alliances isolated" lists every flagged actor.
const maxKeyRows = 25

// keyLine is the longest line of the key, in characters.
const keyLine = 150

// keyRow is a flagged actor in the key of an isolated view.
type keyRow struct {
	number    int
	name      string
	reasons   []string
	suggested []string
}

// numberFlagged numbers the flagged actors of an isolated view in
// labelling order and fills the key with their reasons and suggested
// partners, so that a PNG or PDF reader sees them: the number starts the
// actor's name on the map.
func (s *scene) numberFlagged(suggestions map[string][]string, names map[string]string) {
	n := 0
	for _, i := range s.rank {
		sa := &s.actors[i]
		if !sa.flagged {
			continue
		}
		n++
		sa.number = n
		if n > maxKeyRows {
			continue
		}
		row := keyRow{number: n, name: sa.a.Label()}
		for _, r := range sa.reasons {
			if t, ok := s.tx.reasons[r]; ok {
				r = t
			}
			row.reasons = append(row.reasons, r)
		}
		for _, id := range suggestions[sa.a.ID] {
			name := names[id]
			if name == "" {
				name = id
			}
			row.suggested = append(row.suggested, name)
		}
		s.key = append(s.key, row)
	}
	s.flaggedCount = n
}

// nameOf returns the lines of an actor's name on the map: its number
// first in the isolated view.
func (s *scene) nameOf(sa sceneActor) []string {
	lines := actorName(sa.a)
	if sa.number > 0 {
		lines = append([]string(nil), lines...)
		lines[0] = strconv.Itoa(sa.number) + " · " + lines[0]
	}
	return lines
}

// keyLines returns the lines of the key: a heading, then one line per
// flagged actor.
func (s *scene) keyLines() []string {
	if len(s.key) == 0 {
		return nil
	}
	lines := []string{s.tx.keyHead}
	for _, r := range s.key {
		l := fmt.Sprintf("%d · %s: %s", r.number, r.name, strings.Join(r.reasons, ", "))
		if s.opts.Lang == "fr" {
			l = fmt.Sprintf("%d · %s : %s", r.number, r.name, strings.Join(r.reasons, ", "))
		}
		lines = append(lines, shorten(l, keyLine))
		if len(r.suggested) > 0 {
			lines = append(lines, shorten("      "+s.tx.keySuggested+" "+strings.Join(r.suggested, ", "), keyLine))
		}
	}
	if s.flaggedCount > len(s.key) {
		lines = append(lines, fmt.Sprintf(s.tx.keyMore, s.count(s.flaggedCount-len(s.key))))
	}
	return lines
}

// writeKey writes the key as a text node pinned under the drawing, left
// aligned with it.
func (s *scene) writeKey(b *bytes.Buffer, st style) {
	lines := s.keyLines()
	if len(lines) == 0 {
		return
	}
	size := 11 * st.legendScale
	w := 0.0
	for _, l := range lines {
		w = max(w, textWidth(l, size))
	}
	w = w*1.05 + 8
	h := float64(len(lines))*size*1.25 + 8
	// Lines justified to the left side of the node, where it starts
	// whatever the font.
	fmt.Fprintf(b, "\tkey [shape=box, class=key, fixedsize=true, width=%s, height=%s, margin=0, penwidth=0, style=filled, fillcolor=\"#FFFFFF\", fontsize=%s, label=%s, tooltip=\" \", pos=\"%.1f,%.1f!\"]\n",
		formatNum(w/72), formatNum(h/72), formatNum(size), justified(lines, "LEFT"), w/2, -40-h/2)
}
