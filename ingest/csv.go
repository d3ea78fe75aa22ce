package ingest

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Charset names reported by decodeText.
const (
	charsetUTF8    = "utf-8"
	charsetUTF8BOM = "utf-8 (BOM)"
	charsetCP1252  = "windows-1252"
)

// isGzip reports whether raw starts with the gzip magic bytes.
func isGzip(raw []byte) bool { return len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b }

// gunzip decompresses raw when it is gzip-compressed, and returns it unchanged
// otherwise.
func gunzip(raw []byte) ([]byte, error) {
	if !isGzip(raw) {
		return raw, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
	}
	defer zr.Close()
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
	}
	return out, nil
}

// decodeText returns raw as UTF-8 text: a UTF-8 byte order mark is removed,
// and text that is not valid UTF-8 is taken as Windows-1252 (a superset of the
// printable Latin-1) and converted.
func decodeText(raw []byte) ([]byte, string) {
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		raw = raw[3:]
		if utf8.Valid(raw) {
			return raw, charsetUTF8BOM
		}
	} else if utf8.Valid(raw) {
		return raw, charsetUTF8
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		// Windows-1252 decodes every byte; keep the bytes if it ever fails.
		return bytes.ToValidUTF8(raw, []byte("\ufffd")), charsetUTF8
	}
	return out, charsetCP1252
}

// detectDelimiter returns the delimiter of a CSV text: the most frequent of
// ',', ';' and tab outside double quotes on the header line (the first record,
// which may span several lines when quoted). Ties and headers of one column
// give ','.
func detectDelimiter(text []byte) rune {
	var comma, semi, tab int
	quoted := false
loop:
	for _, c := range text {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n' || c == '\r':
			break loop
		case c == ',':
			comma++
		case c == ';':
			semi++
		case c == '\t':
			tab++
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// csvFile is a CSV file as read: its table and how it was encoded.
type csvFile struct {
	Table
	Comma   rune
	Charset string
}

// parseCSV reads a CSV text (already decompressed) into a Table. Blank lines
// are skipped; a record with more non-empty fields or fewer fields than the
// header is a problem. progress, when not nil, is called with the number of
// bytes read so far.
func parseCSV(raw []byte, file string, progress func(done, total int64)) (csvFile, []Problem) {
	text, charset := decodeText(raw)
	out := csvFile{Table: Table{File: file, HeaderLine: 1}, Charset: charset}
	out.Comma = detectDelimiter(text)
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = out.Comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	var problems []Problem
	header, err := r.Read()
	if err != nil {
		if err == io.EOF {
			return out, []Problem{{File: file, Err: fmt.Errorf("%w: the file is empty", ErrFormat),
				Hint: "the first line must name the columns, e.g. id,name,family"}}
		}
		return out, []Problem{csvProblem(file, err)}
	}
	out.HeaderLine, _ = r.FieldPos(0)
	for i := range header {
		header[i] = trimCell(header[i])
	}
	out.Header = append([]string(nil), header...)
	header = out.Header
	total := int64(len(text))
	// The cells of every row are slices of one arena, sized from the number of
	// lines, to spare an allocation per row.
	lines := bytes.Count(text, []byte{'\n'}) + 1
	rows := make([]Row, 0, lines)
	arena := make([]string, 0, lines*len(header))
	for n := 0; ; n++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			problems = append(problems, csvProblem(file, err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(header) {
			if p, ok := ragged(file, line, header, rec); !ok {
				problems = append(problems, p)
				continue
			}
			rec = padCells(rec, len(header))
		}
		if len(arena)+len(rec) > cap(arena) {
			arena = make([]string, 0, max(len(rec), (lines-len(rows))*len(header)))
		}
		start := len(arena)
		arena = append(arena, rec...)
		rows = append(rows, Row{Line: line, Cells: arena[start:len(arena):len(arena)]})
		if progress != nil && n&0x3fff == 0 {
			progress(r.InputOffset(), total)
		}
	}
	if progress != nil {
		progress(total, total)
	}
	out.Rows = rows
	return out, problems
}

// ragged checks a record whose number of fields differs from the header: extra
// fields that are all empty are tolerated (trailing delimiters), anything else
// is a problem.
func ragged(file string, line int, header, rec []string) (Problem, bool) {
	if len(rec) > len(header) {
		extra := rec[len(header):]
		for i, c := range extra {
			if trimCell(c) != "" {
				return Problem{File: file, Line: line, Column: len(header) + i + 1,
					Err:  fmt.Errorf("%w: the record has %d fields, the header has %d", ErrFormat, len(rec), len(header)),
					Hint: "quote fields that contain the delimiter, or add a column name to the header"}, false
			}
		}
		return Problem{}, true
	}
	if len(rec) == 1 && trimCell(rec[0]) == "" {
		return Problem{}, true
	}
	return Problem{File: file, Line: line, Column: len(rec),
		Err:  fmt.Errorf("%w: the record has %d fields, the header has %d", ErrFormat, len(rec), len(header)),
		Hint: "every record needs one field per column; check for a missing delimiter or an unclosed quote on the line above"}, false
}

func padCells(rec []string, n int) []string {
	if len(rec) > n {
		return rec[:n]
	}
	for len(rec) < n {
		rec = append(rec, "")
	}
	return rec
}

// csvProblem turns an encoding/csv error into a located Problem.
func csvProblem(file string, err error) Problem {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Problem{File: file, Line: pe.Line, Column: pe.Column,
			Err:  fmt.Errorf("%w: %v", ErrFormat, pe.Err),
			Hint: "a field that contains quotes must be quoted and its quotes doubled (\"\"), e.g. \"Maison \"\"Solidarité\"\"\""}
	}
	return Problem{File: file, Err: fmt.Errorf("%w: %v", ErrFormat, err)}
}
