package sanitize

import (
	"io"
	"unicode/utf8"
)

// Lines is Text for text of several lines: line feeds, tabs and the
// carriage returns of CRLF line ends are kept. Text that needs no change
// is returned as it is, without allocation.
func Lines(s string) string { return clean(s, true) }

// Writer returns a writer that passes what is written to w through Lines:
// for messages to people on a terminal (standard error), never for data.
// A character cut between two writes is joined before it is checked.
func Writer(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct {
	w    io.Writer
	rest []byte // the start of a character cut by the end of a write
}

func (s *writer) Write(p []byte) (int, error) {
	b := append(s.rest, p...)
	s.rest = nil
	// Keep back an incomplete character at the end.
	if cut := incompleteTail(b); cut > 0 {
		s.rest = append([]byte(nil), b[len(b)-cut:]...)
		b = b[:len(b)-cut]
	}
	if _, err := io.WriteString(s.w, Lines(string(b))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incompleteTail returns the length of the start of a UTF-8 sequence that
// ends b without its last bytes, or 1 for a carriage return that a line
// feed may follow, or 0.
func incompleteTail(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\r' {
		return 1
	}
	for i := 1; i <= 3 && i <= len(b); i++ {
		c := b[len(b)-i]
		if c < utf8.RuneSelf {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return i
			}
			return 0
		}
	}
	return 0
}
