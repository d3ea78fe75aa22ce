package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Commune d'Agadir", "Commune d'Agadir"},
		{"Association Tifawin ⵜⵉⴼⴰⵡⵉⵏ, جمعية", "Association Tifawin ⵜⵉⴼⴰⵡⵉⵏ, جمعية"},
		{"esc\x1b[31mRED\x07", "esc␛[31mRED␇"},
		{"a\tb\nc\r\nd\u2028e", "a b c  d e"},
		{"rlo\u202Egnp.exe", "rlognp.exe"},
		{"isolate\u2066x\u2069", "isolatex"},
		{"non\uFFFEchar\uFDD0\U0010FFFF", "non\uFFFDchar\uFFFD\uFFFD"},
		{"c1\u0085\u009bx", "c1 \uFFFDx"},
		{"bad\xff\xfeutf8", "bad\uFFFD\uFFFDutf8"},
		{"del\x7f", "del␡"},
		{"nul\x00", "nul␀"},
	} {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextDoesNotAllocateForCleanText(t *testing.T) {
	s := strings.Repeat("Conseil départemental de Loire-Atlantique ", 10)
	if n := testing.AllocsPerRun(100, func() { Text(s) }); n != 0 {
		t.Errorf("%v allocations", n)
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a longer name", 10, "a longe…"},
		{"éééééé", 8, "éé…"}, // never cuts inside a character
		{"abc", 1, "abc"},
		{"abcdef", 1, "a…"},
	} {
		got := Clip(tc.in, tc.n)
		if got != tc.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Clip(%q, %d) invalid UTF-8", tc.in, tc.n)
		}
	}
}

// TestCSVCell follows the OWASP list of formula starts (= + - @ tab CR),
// https://owasp.org/www-community/attacks/CSV_Injection.
func TestCSVCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`=HYPERLINK("http://evil","x")`, `'=HYPERLINK("http://evil","x")`},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"@SUM(1+1)", "'@SUM(1+1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'=1", "''=1"},
		{"-0.5", "-0.5"},
		{"-1,25", "-1,25"},
		{"+33", "+33"},
		{"1e-9", "1e-9"},
		{"-", "'-"},
		{"Loire-Atlantique", "Loire-Atlantique"},
		{"it's", "it's"},
		{"", ""},
	} {
		if got := CSVCell(tc.in); got != tc.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if back := UnCSVCell(CSVCell(tc.in)); back != tc.in {
			t.Errorf("UnCSVCell(CSVCell(%q)) = %q", tc.in, back)
		}
	}
}

func TestWriterJoinsCutCharacters(t *testing.T) {
	var b strings.Builder
	w := Writer(&b)
	msg := "é\x1b[2J\u202e\nwarning:\tok\r\n"
	for i := 0; i < len(msg); i++ { // one byte at a time
		w.Write([]byte{msg[i]})
	}
	if want := "é␛[2J\nwarning:\tok\r\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestLines(t *testing.T) {
	in := "line 1\r\n\tcell\x1b[2J\rx\u202e\n"
	if got, want := Lines(in), "line 1\r\n\tcell␛[2J x\n"; got != want {
		t.Errorf("Lines = %q, want %q", got, want)
	}
	html := strings.Repeat("<p>Région Pays de la Loire</p>\n", 1000)
	if n := testing.AllocsPerRun(10, func() { Lines(html) }); n != 0 {
		t.Errorf("%v allocations for clean text", n)
	}
}
