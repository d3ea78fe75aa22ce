package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzText is the hostile-names family of issue #16: whatever a name
// holds, Text gives valid UTF-8 with no control character, bidirectional
// override or non-character, and is idempotent.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "plain", "esc\x1b[2J\x07", "rlo\u202Eexe", "\uFFFE\uFDD0", "\xff", "a\u2028b", strings.Repeat("N", 16384)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		for _, r := range out {
			if unsafeRune(r) {
				t.Fatalf("Text(%q) keeps %U", s, r)
			}
		}
		if Text(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
		if c := Clip(out, 64); len(c) > 64 && len(out) > 64 || !utf8.ValidString(c) {
			t.Fatalf("Clip(%q, 64) = %q", out, c)
		}
	})
}

// FuzzCSVCell: no neutralised cell starts a formula, and ingest gets every
// cell back.
func FuzzCSVCell(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''@x", "-1.5", "-x", "\t", "\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CSVCell(s)
		if c != "" && isFormulaStart(c[0]) && !number.MatchString(c) {
			t.Fatalf("CSVCell(%q) = %q starts a formula", s, c)
		}
		if UnCSVCell(c) != s {
			t.Fatalf("UnCSVCell(CSVCell(%q)) = %q", s, UnCSVCell(c))
		}
	})
}
