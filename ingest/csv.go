package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/alliances/alliances/sanitize"
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
	out, err := readWhole(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: gzip: %v", ErrFormat, err)
	}
	return out, nil
}

// maxWholeBytes bounds the files that are read whole into memory (JSON,
// and workbooks, before and after gzip): a gzip file of a few MB can
// expand to gigabytes. 128 MB is twice the JSON of the whole Horizon 2020
// data set; CSV, GraphML and GEXF files are read as streams and have no such
// bound.
const maxWholeBytes = 128 << 20

// readWhole reads r to its end, up to maxWholeBytes, in chunks joined at
// the end, so that a file beyond the bound takes no more than the bound.
func readWhole(r io.Reader) ([]byte, error) {
	var chunks [][]byte
	total := 0
	for {
		chunk := make([]byte, 1<<20)
		n, err := io.ReadFull(r, chunk)
		chunks = append(chunks, chunk[:n])
		total += n
		if total > maxWholeBytes {
			return nil, fmt.Errorf("the file holds more than %d MB: JSON files and workbooks are read whole; give the tables as CSV files, which are read as streams", maxWholeBytes>>20)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	out := make([]byte, 0, total)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return out, nil
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

// csvStream is a CSV file read row by row, as many times as needed, from its
// bytes: ingest holds one row of it in memory at a time.
type csvStream struct {
	file       string
	open       func() (io.ReadCloser, error) // the bytes as stored (gzip or not)
	comma      rune
	charset    string
	crLines    bool  // lines end with CR alone: read each CR as a line feed
	size       int64 // bytes of text, for the progress bar
	header     []string
	headerLine int
	// records counts the data rows of the first scan.
	records int
	scans   int
}

// csvFacts is what the first pass over a CSV file learns besides its table.
type csvFacts struct {
	sha256      string
	compressed  bool
	invalidLine int // first line that is not UTF-8 (Windows-1252 text)
}

// inspectCSV reads a CSV file, without keeping it: from f its SHA-256 and
// compression, then from its text (open opens the file again, as for each
// later reading) its encoding, its delimiter and its header. A nil stream
// means the file cannot be read as CSV, for the reasons in problems.
func inspectCSV(file string, f io.ReadCloser, open func() (io.ReadCloser, error)) (_ *csvStream, facts csvFacts, _ []Problem) {
	var err error
	if facts.sha256, facts.compressed, err = digest(f); err != nil {
		return nil, facts, []Problem{{File: file, Err: fmt.Errorf("%w: %v", ErrFormat, err)}}
	}
	// unreadable reports an error reading the text: for a gzip file, most
	// likely one that cannot be decompressed.
	unreadable := func(err error) []Problem {
		if facts.compressed {
			return []Problem{{File: file, Err: fmt.Errorf("%w: gzip: %v", ErrFormat, strings.TrimPrefix(err.Error(), "gzip: ")),
				Hint: "the file looks gzip-compressed but cannot be decompressed"}}
		}
		return []Problem{{File: file, Err: fmt.Errorf("%w: %v", ErrFormat, err)}}
	}
	text, err := openText(open)
	if err != nil {
		return nil, facts, unreadable(err)
	}
	defer text.Close()
	tr := bufio.NewReaderSize(text, 64<<10)
	head, err := tr.Peek(64 << 10)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, facts, unreadable(err)
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return nil, facts, []Problem{{File: file, Err: fmt.Errorf("%w: the file is a workbook (xlsx), not CSV text", ErrFormat),
			Hint: "rename it to .xlsx, or save it from the spreadsheet as CSV UTF-8"}}
	case bytes.HasPrefix(head, []byte("\xff\xfe")) || bytes.HasPrefix(head, []byte("\xfe\xff")):
		return nil, facts, []Problem{{File: file, Err: fmt.Errorf("%w: the file is UTF-16 text (Excel's \"Unicode text\")", ErrFormat),
			Hint: "save it as CSV UTF-8, or give the .xlsx workbook"}}
	case bytes.IndexByte(head[:min(len(head), 8192)], 0) >= 0:
		return nil, facts, []Problem{{File: file, Err: fmt.Errorf("%w: the file is not text (it holds binary data)", ErrFormat),
			Hint: "give a CSV file, or a .xlsx, .graphml, .gexf or .json file with its own extension"}}
	}
	bom := bytes.HasPrefix(head, []byte("\xef\xbb\xbf"))
	if bom {
		tr.Discard(3)
		head = head[3:]
	}
	cs := &csvStream{file: file, open: open, comma: detectDelimiter(head), charset: charsetUTF8}
	// Check the whole text for UTF-8, carrying an incomplete rune from one
	// buffer to the next.
	line, carry := 1, 0
	var lf, cr int
	buf := make([]byte, 64<<10)
	for {
		n, err := tr.Read(buf[carry:])
		n += carry
		chunk := buf[:n]
		end := n
		if err == nil {
			// Leave a rune cut by the end of the buffer for the next read.
			for i := n - 1; i >= 0 && i >= n-utf8.UTFMax; i-- {
				if utf8.RuneStart(chunk[i]) {
					if !utf8.FullRune(chunk[i:]) {
						end = i
					}
					break
				}
			}
		}
		if facts.invalidLine == 0 {
			if at := firstInvalidLine(chunk[:end]); at > 0 {
				facts.invalidLine = line + at - 1
			}
			line += bytes.Count(chunk[:end], []byte{'\n'})
		}
		lf += bytes.Count(chunk[:end], []byte{'\n'})
		cr += bytes.Count(chunk[:end], []byte{'\r'})
		cs.size += int64(end)
		carry = copy(buf, chunk[end:])
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, facts, unreadable(err)
		}
	}
	switch {
	case facts.invalidLine > 0:
		cs.charset = charsetCP1252
	case bom:
		cs.charset = charsetUTF8BOM
	}
	// A text with carriage returns and no line feed has CR line ends
	// (Excel for Mac's "CSV (Macintosh)"): encoding/csv would read it as
	// one line.
	cs.crLines = lf == 0 && cr > 0
	// The header.
	problems := cs.scan(nil, nil)
	if cs.header == nil {
		return nil, facts, problems
	}
	if problems := repeatedColumns(file, cs.headerLine, cs.header); len(problems) > 0 {
		return nil, facts, problems
	}
	return cs, facts, nil
}

// repeatedColumns reports the columns of a header named like an earlier one
// (id;id;nom): which of the two a value would come from is anyone's guess.
func repeatedColumns(file string, line int, header []string) []Problem {
	var problems []Problem
	seen := map[string]int{}
	for i, h := range header {
		k := key(h)
		if k == "" {
			continue
		}
		if j, ok := seen[k]; ok {
			problems = append(problems, Problem{File: file, Line: line, Column: i + 1,
				Err:  fmt.Errorf("%w: column %d, %q, repeats the name of column %d", ErrFormat, i+1, h, j+1),
				Hint: "give every column its own name, or remove the repeated column"})
			continue
		}
		seen[k] = i
	}
	return problems
}

// reader opens the text of the file, decoded to UTF-8 and without its byte
// order mark.
func (cs *csvStream) reader() (io.ReadCloser, error) {
	f, err := openText(cs.open)
	if err != nil {
		return nil, err
	}
	tr := bufio.NewReaderSize(f, 64<<10)
	if head, _ := tr.Peek(3); bytes.Equal(head, []byte("\xef\xbb\xbf")) {
		tr.Discard(3)
	}
	var text io.Reader = tr
	if cs.crLines {
		text = crToLF{text}
	}
	if cs.charset == charsetCP1252 {
		text = charmap.Windows1252.NewDecoder().Reader(text)
	}
	return struct {
		io.Reader
		io.Closer
	}{text, f}, nil
}

// scan reads the file again and calls fn with every data row (the row and
// its cells are reused by the next call). The header is read on the first
// scan; problems of the rows are reported by the first scan that reads them,
// and progress, when not nil, is called with the bytes read so far. A nil fn
// reads the header only.
func (cs *csvStream) scan(fn func(row *Row), progress func(done, total int64)) []Problem {
	text, err := cs.reader()
	if err != nil {
		return []Problem{{File: cs.file, Err: fmt.Errorf("%w: %v", ErrFormat, err)}}
	}
	defer text.Close()
	report := fn != nil && cs.scans == 0
	if fn != nil {
		cs.scans++
	}
	// No record may hold more than maxRecordBytes: a field of 2 GB (in a
	// gzip file of 2 MB) or a quote left open would otherwise be read whole.
	bound := &boundedReader{r: text, max: maxRecordBytes, what: "a record"}
	r := csv.NewReader(bound)
	r.Comma = cs.comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, errTooLong) {
			return []Problem{tooLong(cs.file, 1)}
		}
		if err == io.EOF {
			return []Problem{{File: cs.file, Err: fmt.Errorf("%w: the file is empty", ErrFormat),
				Hint: "the first line must name the columns, e.g. id,name,family"}}
		}
		return []Problem{csvProblem(cs.file, err)}
	}
	if cs.header == nil {
		cs.headerLine, _ = r.FieldPos(0)
		cs.header = make([]string, len(header))
		for i := range header {
			cs.header[i] = trimCell(header[i])
		}
	}
	if fn == nil {
		return nil
	}
	var problems problemLog
	row := &Row{}
	last := cs.headerLine
	for n := 0; ; n++ {
		bound.reset()
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if errors.Is(err, errTooLong) {
			// The rest of the file cannot be read record by record.
			if report {
				problems.add(tooLong(cs.file, last+1))
			}
			break
		}
		if err != nil {
			if report {
				problems.add(csvProblem(cs.file, err))
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := r.FieldPos(0)
		last = line
		if len(rec) != len(cs.header) {
			p, ok := ragged(cs.file, line, cs.header, rec)
			if !ok {
				if report {
					problems.add(p)
				}
				continue
			}
			rec = padCells(rec, len(cs.header))
		}
		if report {
			cs.records++
		}
		for i, c := range rec {
			// A cell that export neutralised for spreadsheets ('=…).
			rec[i] = sanitize.UnCSVCell(c)
		}
		row.Line, row.Cells = line, rec
		fn(row)
		if progress != nil && n&0x3fff == 0 {
			progress(r.InputOffset(), cs.size)
		}
	}
	if progress != nil {
		progress(cs.size, cs.size)
	}
	return problems.sorted("problems in " + cs.file)
}

// tooLong is the problem of a CSV record beyond maxRecordBytes, which
// starts at line.
func tooLong(file string, line int) Problem {
	return Problem{File: file, Line: line,
		Err:  fmt.Errorf("%w: the record starting here is longer than %d MB: the rest of the file is not read", ErrFormat, maxRecordBytes>>20),
		Hint: "a quote is probably left open (a field that starts with \" must end with \"), or a cell holds a whole document; correct the file"}
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
