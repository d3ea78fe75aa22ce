package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDetectDelimiter(t *testing.T) {
	tests := []struct {
		name string
		text string
		want rune
	}{
		{"comma", "id,name,family\na,b,c\n", ','},
		{"semicolon", "id;nom;famille\na;b;c\n", ';'},
		{"tab", "id\tname\tfamily\n", '\t'},
		{"one column", "id\na\n", ','},
		{"comma inside quotes", "\"id, the key\";\"nom, complet\";famille\n", ';'},
		{"semicolons inside quotes", "\"a;b;c\",\"d;e\",f\n", ','},
		{"quoted header spanning lines", "\"id\n;;;\",name,family\n", ','},
		{"only the header line counts", "id;name\na,b,c,d,e\n", ';'},
		{"crlf", "id;nom\r\na;b\r\n", ';'},
		{"empty", "", ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectDelimiter([]byte(tt.text)); got != tt.want {
				t.Errorf("detectDelimiter(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestCSVCharset checks the encoding found by the first pass over a CSV
// file, which reads it in buffers of 64 KiB: a character cut by the end of a
// buffer is still UTF-8, and a byte that is not UTF-8 anywhere in the file,
// even far from its start, makes it Windows-1252 text, converted.
func TestCSVCharset(t *testing.T) {
	long := strings.Repeat("a\n", 50000)
	tests := []struct {
		name        string
		raw         string
		want        string // the cell of the last row
		wantCharset string
		invalidLine int
	}{
		{"utf-8", "nom\nSociété", "Société", charsetUTF8, 0},
		{"utf-8 with BOM", "\xef\xbb\xbfnom\nSociété", "Société", charsetUTF8BOM, 0},
		{"latin-1", "nom\nSoci\xe9t\xe9 g\xe9n\xe9rale", "Société générale", charsetCP1252, 2},
		{"windows-1252 quotes and euro", "nom\n\x93ONG\x94 \x80", "“ONG” €", charsetCP1252, 2},
		{"latin-1 after 64 KiB", "nom\n" + long + "Soci\xe9t\xe9", "Société", charsetCP1252, 50002},
		{"utf-8 cut by a buffer, offset 0", "nom\n" + strings.Repeat("é\n", 40000) + "fin", "fin", charsetUTF8, 0},
		{"utf-8 cut by a buffer, offset 1", "nom\nx\n" + strings.Repeat("é\n", 40000) + "fin", "fin", charsetUTF8, 0},
		{"utf-8 cut by a buffer, offset 2", "nom\nxx\n" + strings.Repeat("€\n", 30000) + "fin", "fin", charsetUTF8, 0},
		{"utf-8 cut by a buffer, offset 3", "nom\nxxx\n" + strings.Repeat("𝄞\n", 30000) + "fin", "fin", charsetUTF8, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, problems := parseCSV([]byte(tt.raw), "x.csv", nil)
			if len(problems) > 0 || len(f.Rows) == 0 {
				t.Fatalf("problems %v, %d rows", problems, len(f.Rows))
			}
			last := f.Rows[len(f.Rows)-1].Cells[0]
			if last != tt.want || f.Charset != tt.wantCharset || f.Header[0] != "nom" {
				t.Errorf("header %q, last cell %q, charset %s; want \"nom\", %q, %s", f.Header, last, f.Charset, tt.want, tt.wantCharset)
			}
			open := func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(tt.raw)), nil }
			r, _ := open()
			if _, facts, _ := inspectCSV("x.csv", r, open); facts.invalidLine != tt.invalidLine {
				t.Errorf("first line that is not UTF-8: %d, want %d", facts.invalidLine, tt.invalidLine)
			}
		})
	}
}

func TestParseCSVLineNumbers(t *testing.T) {
	// A quoted field with line breaks: the line of a record is the physical
	// line where it starts. CRLF line ends as in Excel exports.
	text := "id;nom;adresse\r\n" +
		"a1;Alpha;\"1 rue X\r\n44000 Nantes\"\r\n" +
		"\r\n" +
		"a2;Beta;\"BP 12\n\nAgadir\"\r\n" +
		"a3;Gamma;\r\n"
	f, problems := parseCSV([]byte(text), "x.csv", nil)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	var lines []int
	for _, r := range f.Rows {
		lines = append(lines, r.Line)
	}
	if want := []int{2, 5, 8}; !equalInts(lines, want) {
		t.Errorf("row lines = %v, want %v", lines, want)
	}
	if got := f.Rows[1].Cells[2]; got != "BP 12\n\nAgadir" {
		t.Errorf("multi-line cell = %q", got)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestParseCSVRagged(t *testing.T) {
	text := "id,name,family\n" +
		"a,Alpha,ong\n" +
		"b,Beta\n" + // too few fields
		"c,Gamma,ong,extra\n" + // an extra non-empty field
		"d,Delta,ong,,\n" // trailing empty fields are tolerated
	f, problems := parseCSV([]byte(text), "r.csv", nil)
	if len(problems) != 2 {
		t.Fatalf("got %d problems, want 2: %v", len(problems), problems)
	}
	if problems[0].Line != 3 || problems[1].Line != 4 || problems[1].Column != 4 {
		t.Errorf("problems at %d and %d:%d, want lines 3 and 4:4", problems[0].Line, problems[1].Line, problems[1].Column)
	}
	for _, p := range problems {
		if !errors.Is(p, ErrFormat) {
			t.Errorf("%v does not wrap ErrFormat", p)
		}
	}
	if len(f.Rows) != 2 || f.Rows[1].Cells[0] != "d" || len(f.Rows[1].Cells) != 3 {
		t.Errorf("rows = %v, want a and d with 3 cells", f.Rows)
	}
}

func TestParseCSVBadQuote(t *testing.T) {
	text := "id,name\na,\"Alpha\nb,Beta\"x\n"
	_, problems := parseCSV([]byte(text), "q.csv", nil)
	if len(problems) != 1 || problems[0].Line == 0 || !errors.Is(problems[0], ErrFormat) {
		t.Fatalf("problems = %v, want one located format error", problems)
	}
}

func TestGunzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("id,name\na,Alpha\n"))
	zw.Close()
	got, err := gunzip(buf.Bytes())
	if err != nil || string(got) != "id,name\na,Alpha\n" {
		t.Fatalf("gunzip = %q, %v", got, err)
	}
	plain := []byte("id\n")
	if got, _ := gunzip(plain); !bytes.Equal(got, plain) {
		t.Errorf("gunzip changed uncompressed input")
	}
	if _, err := gunzip([]byte{0x1f, 0x8b, 0, 1}); !errors.Is(err, ErrFormat) {
		t.Errorf("truncated gzip: err = %v, want ErrFormat", err)
	}
}

// FuzzParseCSV checks that no input makes the CSV reader panic, that every
// row has one cell per column and valid UTF-8, and that problems are located.
func FuzzParseCSV(f *testing.F) {
	f.Add([]byte("id;nom;famille\na;Société;ONG\n"))
	f.Add([]byte("\xef\xbb\xbfsource,target,weight\na,b,\"0,5\"\n"))
	f.Add([]byte("id\tname\n\"a\nb\"\tx\n"))
	f.Add([]byte("nom\nSoci\xe9t\xe9\n"))
	f.Add([]byte("a,b\n\"unterminated\n"))
	f.Add([]byte("a,b\n1,2,3\n4\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, problems := parseCSV(data, "fuzz.csv", nil)
		for _, r := range tab.Rows {
			if len(r.Cells) != len(tab.Header) {
				t.Fatalf("row at line %d has %d cells, header %d", r.Line, len(r.Cells), len(tab.Header))
			}
			if r.Line < 1 {
				t.Fatalf("row line %d", r.Line)
			}
			for _, c := range r.Cells {
				if !utf8.ValidString(c) {
					t.Fatalf("invalid UTF-8 cell %q", c)
				}
			}
		}
		for _, p := range problems {
			if p.File != "fuzz.csv" || p.Err == nil || !strings.Contains(p.Error(), "fuzz.csv") {
				t.Fatalf("bad problem %#v", p)
			}
		}
		// The whole pipeline must not panic either.
		if len(data) < 4096 {
			_, _ = ReadFS(mapFS{"fuzz.csv": data}, []string{"fuzz.csv"}, Options{})
		}
	})
}

// csvFile is a CSV file as read: its table and how it was encoded.
type csvFile struct {
	Table
	Comma   rune
	Charset string
}

// parseCSV reads a whole CSV text into a Table, as ingest reads a file. Blank
// lines are skipped; a record with more non-empty fields or fewer fields than
// the header is a problem.
func parseCSV(raw []byte, file string, progress func(done, total int64)) (csvFile, []Problem) {
	open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(raw)), nil }
	f, _ := open()
	cs, _, problems := inspectCSV(file, f, open)
	out := csvFile{Table: Table{File: file, HeaderLine: 1}}
	if cs == nil {
		return out, problems
	}
	out.Comma, out.Charset = cs.comma, cs.charset
	out.Header, out.HeaderLine = cs.header, cs.headerLine
	problems = append(problems, cs.scan(func(row *Row) {
		out.Rows = append(out.Rows, Row{Line: row.Line, Cells: append([]string(nil), row.Cells...)})
	}, progress)...)
	return out, problems
}
