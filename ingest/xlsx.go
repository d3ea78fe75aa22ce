package ingest

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// isoDate is the number format that dates are read with, whatever format the
// spreadsheet displays them in.
const isoDate = "yyyy-mm-dd"

// readXLSX reads every visible, non-empty sheet of an Excel workbook as a
// Table, in the order of the workbook (hidden sheets usually hold the lists of
// drop-down menus). The header of a sheet is its first row with at least
// two non-empty cells (title rows above it are skipped); Row.Line is the
// spreadsheet row number and cells keep their column positions (column A is
// Cells[0]). Cells are read as Excel displays them, except that dates are
// written as ISO 8601 (2024-03-31, or 2024-03-31 14:30:00 with a time), and
// that numbers lose their decoration (thousands separators, currency, percent:
// 1500, not "1,500 €") and their floating-point noise (0.3, not
// 0.30000000000000004). Rows that are entirely empty are skipped; short
// rows are padded to the header width.
func readXLSX(path string) (tables []Table, err error) {
	defer func() {
		// excelize is not hardened against every malformed workbook: a panic
		// in it is a file we cannot read, not a crash.
		if r := recover(); r != nil {
			tables, err = nil, fmt.Errorf("%w: %s: malformed Excel workbook: %v", ErrFormat, path, r)
		}
	}()
	// Cells of bounded size that refer to strings that exist, before
	// excelize reads them (checkWorkbook).
	if err := checkWorkbook(path); err != nil {
		return nil, err
	}
	// A workbook that unzips to more than 1 GiB is not a survey: refuse it
	// rather than fill the disk (zip bombs).
	f, err := excelize.OpenFile(path, excelize.Options{ShortDatePattern: isoDate, UnzipSizeLimit: maxWorkbookBytes})
	if err != nil {
		return nil, fmt.Errorf("%w: %s: not a readable Excel workbook (.xlsx): %w", ErrFormat, path, err)
	}
	defer f.Close()
	numberFormats(f)
	for _, sheet := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(sheet); err == nil && !visible {
			continue // hidden sheets hold lists and lookups, not data
		}
		t, err := readSheet(f, path, sheet)
		if err != nil {
			return nil, err
		}
		if t != nil {
			tables = append(tables, *t)
		}
	}
	return tables, nil
}

// readSheet streams one sheet; it returns nil for an empty sheet. The header
// is the first row with at least two non-empty cells: rows with a single cell
// above it are titles and notes, and are skipped (a sheet whose rows all have
// a single cell has its first row as header).
func readSheet(f *excelize.File, path, sheet string) (*Table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: sheet %q: %w", ErrFormat, path, sheet, err)
	}
	defer rows.Close()
	var t *Table
	var titles []Row // single-cell rows before the header
	line := 0        // the iterator also yields rows missing from the file, so this is the row number
	for rows.Next() {
		line++
		cells, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("%w: %s: sheet %q, row %d: %w", ErrFormat, path, sheet, line, err)
		}
		filled := 0
		for i, c := range cells {
			c = cleanCell(c)
			cells[i] = c
			if c != "" {
				filled++
			}
		}
		if filled == 0 {
			continue
		}
		if t == nil {
			if filled == 1 {
				titles = append(titles, Row{Line: line, Cells: cells})
				continue
			}
			t = &Table{File: path, Sheet: sheet, Header: trimRight(cells), HeaderLine: line}
			continue
		}
		for len(cells) < len(t.Header) {
			cells = append(cells, "")
		}
		t.Rows = append(t.Rows, Row{Line: line, Cells: cells})
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%w: %s: sheet %q: %w", ErrFormat, path, sheet, err)
	}
	if t == nil && len(titles) > 0 {
		// A one-column sheet: its first row is the header.
		t = &Table{File: path, Sheet: sheet, Header: trimRight(titles[0].Cells), HeaderLine: titles[0].Line}
		for _, r := range titles[1:] {
			for len(r.Cells) < len(t.Header) {
				r.Cells = append(r.Cells, "")
			}
			t.Rows = append(t.Rows, r)
		}
	}
	return t, nil
}

// trimRight removes the empty cells at the end of a header.
func trimRight(cells []string) []string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// cleanCell trims a cell and removes the floating-point noise that General
// numbers can carry (0.30000000000000004 → 0.3).
func cleanCell(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 15 && strings.ContainsRune(s, '.') && !strings.ContainsAny(s, "eE") {
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			// 15 significant digits is what Excel displays.
			short := strconv.FormatFloat(f, 'g', 15, 64)
			if g, err := strconv.ParseFloat(short, 64); err == nil {
				return strconv.FormatFloat(g, 'f', -1, 64)
			}
		}
	}
	return s
}

// numberFormats rewrites the number formats of the workbook so that cells
// read as data rather than as decorated text: dates display ISO 8601
// (built-in formats 14–17 and 22, custom formats with day or year codes),
// and numbers display plainly (General) when their format adds thousands
// separators, currency, percent, exponents, fractions or literal text — "1,500"
// or "1 500 €" would not read back as 1500. Formats of zeros only ("00000" for
// a postal code, "0.00") and times are kept.
func numberFormats(f *excelize.File) {
	if _, err := f.GetStyle(0); err != nil || f.Styles == nil {
		return
	}
	if f.Styles.CellXfs != nil {
		for i := range f.Styles.CellXfs.Xf {
			xf := &f.Styles.CellXfs.Xf[i]
			if xf.NumFmtID == nil {
				continue
			}
			switch *xf.NumFmtID {
			case 15, 16, 17:
				id := 14 // d-mmm-yy and others: the short date, which is ISO here
				xf.NumFmtID = &id
			case 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 37, 38, 39, 40, 41, 42, 43, 44, 48:
				id := 0 // grouped, currency, percent, scientific, fraction: General
				xf.NumFmtID = &id
			}
		}
	}
	if f.Styles.NumFmts == nil {
		return
	}
	for _, nf := range f.Styles.NumFmts.NumFmt {
		code := nf.FormatCode
		if nf.FormatCode16 != "" {
			code = nf.FormatCode16
		}
		if plain, ok := plainFormat(code); ok {
			nf.FormatCode, nf.FormatCode16 = plain, ""
		}
	}
}

// plainFormat returns the format that a custom number format is read with,
// and whether it differs from code: ISO 8601 for dates, General for decorated
// numbers (see numberFormats).
func plainFormat(code string) (string, bool) {
	var b strings.Builder
	quoted, bracket, literal, currency := false, false, false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted, literal = true, true
		case c == '[':
			bracket = true
			if i+1 < len(code) && code[i+1] == '$' {
				currency = true
			}
		case c == '\\':
			i++
			literal = true
		case c == '_' || c == '*':
			i++
		case c == ';':
			i = len(code) // only the first section matters
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	plain := b.String()
	switch {
	case strings.ContainsAny(plain, "yd"):
		if strings.ContainsAny(plain, "hs") {
			return isoDate + " hh:mm:ss", true
		}
		return isoDate, true
	case strings.ContainsAny(plain, "hs"), plain == "general", plain == "@", plain == "":
		return code, false
	case strings.Trim(plain, "0.") == "" && !literal && !currency:
		return code, false
	}
	return "General", true
}
