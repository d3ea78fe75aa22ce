// Package sanitize makes text that comes from the data safe where people
// see it or spreadsheets read it. Text is for a terminal, SVG, DOT or
// HTML: control characters become visible, bidirectional overrides go,
// non-characters and invalid UTF-8 are replaced. CSVCell neutralises cells
// that a spreadsheet would run as a formula (OWASP, "CSV Injection"), and
// UnCSVCell undoes it when ingest reads such a file back. Clip bounds the
// length of a text.
//
// Escaping for a format (HTML entities, DOT quotes, Markdown) stays with
// the writer of that format; these functions come before it.
package sanitize

import (
	"strings"
	"unicode/utf8"
)

// Text returns s made safe to show in a terminal, an SVG, a DOT file or an
// HTML page, on one line:
//   - a tab, line feed, carriage return, vertical tab, form feed, next line
//     (U+0085) or line or paragraph separator (U+2028, U+2029) becomes a
//     space;
//   - every other C0 control character and DEL becomes its visible symbol
//     (U+2400–U+2421: ESC is shown as ␛), every other C1 control character
//     U+FFFD: none reaches a terminal as a command;
//   - the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069), which can make text read differently from what it
//     holds ("Trojan Source", CVE-2021-42574), are removed;
//   - Unicode non-characters (U+FDD0–U+FDEF and the last two code points of
//     every plane, U+FFFE, U+FFFF…), which XML forbids, and invalid UTF-8
//     become U+FFFD.
//
// Text that needs none of this is returned as it is, without allocation.
func Text(s string) string { return clean(s, false) }

// clean is Text; with lines, line feeds, tabs and the carriage return of
// a CRLF are kept.
func clean(s string, lines bool) string {
	kept := func(i int, r rune) bool {
		return lines && (r == '\n' || r == '\t' || r == '\r' && i+1 < len(s) && s[i+1] == '\n')
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf && c >= ' ' && c != 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) && !kept(i, r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case !unsafeRune(r) || kept(i, r):
			b.WriteRune(r)
		default:
			if rep, ok := replacement(r); ok {
				b.WriteRune(rep)
			}
		}
		i += size
	}
	return b.String()
}

// unsafeRune reports whether Text changes r.
func unsafeRune(r rune) bool {
	switch {
	case r < ' ', r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return isNonCharacter(r)
}

// replacement is what Text writes for an unsafe rune; ok is false for a
// rune that is removed.
func replacement(r rune) (rep rune, ok bool) {
	switch {
	case r == '\t', r == '\n', r == '\v', r == '\f', r == '\r', r == 0x85, r == 0x2028, r == 0x2029:
		return ' ', true
	case r < ' ':
		return 0x2400 + r, true // Control Pictures: ␀ … ␟
	case r == 0x7f:
		return 0x2421, true // ␡
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return 0, false
	}
	return utf8.RuneError, true
}

// isNonCharacter reports whether r is one of the 66 Unicode
// non-characters (Unicode 15, §23.7).
func isNonCharacter(r rune) bool {
	return (r >= 0xfdd0 && r <= 0xfdef) || (r&0xfffe == 0xfffe && r <= utf8.MaxRune)
}

// Clip returns s cut to at most n bytes, on a character boundary, ending
// with "…" when cut (the "…" counts in the n bytes). n below 4 is taken as
// 4.
func Clip(s string, n int) string {
	n = max(n, len("…")+1)
	if len(s) <= n {
		return s
	}
	n -= len("…")
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
