package export

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlWriter writes XML text with escaping, remembering the first error.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriter(w)} }

// raw writes markup as is.
func (x *xmlWriter) raw(ss ...string) {
	for _, s := range ss {
		if x.err == nil {
			_, x.err = x.w.WriteString(s)
		}
	}
}

// text writes s escaped for character data or an attribute value in double
// quotes; characters XML cannot hold become U+FFFD.
func (x *xmlWriter) text(s string) {
	if x.err != nil {
		return
	}
	if plain(s) {
		_, x.err = x.w.WriteString(s)
		return
	}
	x.err = xml.EscapeText(x.w, []byte(s))
}

// plain reports whether s is printable ASCII that needs no escaping, the
// common case that skips xml.EscapeText and its allocation.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7e, c == '<', c == '>', c == '&', c == '"', c == '\'':
			return false
		}
	}
	return true
}

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" ", name, `="`)
	x.text(value)
	x.raw(`"`)
}

func (x *xmlWriter) flush() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}
