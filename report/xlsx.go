package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/alliances/alliances/sanitize"
)

// maxSheetRows is Excel's limit of rows in a sheet (header included).
const maxSheetRows = 1 << 20

// workbook writes the sheets as one XLSX workbook (tables/tables.xlsx): one
// sheet per table, the header in bold and frozen, numeric columns as numbers
// (so that every spreadsheet shows them in its own language), undefined
// values as empty cells. Its document properties carry the report date,
// so that the same report gives the same bytes. A table longer than an
// Excel sheet is cut, with a last row that says so; the CSV file holds it
// whole.
func workbook(sheets []*sheet, date time.Time) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	first := true
	for _, sh := range sheets {
		if sh == nil {
			continue
		}
		if first {
			if err := f.SetSheetName("Sheet1", sh.Name); err != nil {
				return nil, err
			}
			first = false
		} else if _, err := f.NewSheet(sh.Name); err != nil {
			return nil, err
		}
		if err := writeSheet(f, sh, bold); err != nil {
			return nil, fmt.Errorf("sheet %s: %w", sh.Name, err)
		}
	}
	stamp := date.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{Created: stamp, Modified: stamp, Creator: "alliances"}); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		return nil, err
	}
	return sortedZip(b.Bytes())
}

// sortedZip rewrites a zip archive with its entries in a fixed order
// ("[Content_Types].xml" first, then by name) and no time stamps: excelize
// writes them in map order, and a report must give the same bytes.
func sortedZip(data []byte) ([]byte, error) {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	files := slices.Clone(r.File)
	slices.SortFunc(files, func(a, b *zip.File) int {
		const first = "[Content_Types].xml"
		switch {
		case a.Name == first:
			return -1
		case b.Name == first:
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range files {
		dst, err := w.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		src, err := f.Open()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(dst, src)
		src.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func writeSheet(f *excelize.File, sh *sheet, bold int) error {
	sw, err := f.NewStreamWriter(sh.Name)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(sh.Head))
	for i, h := range sh.Head {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	rows := sh.Rows
	cut := len(rows) > maxSheetRows-2
	if cut {
		rows = rows[:maxSheetRows-2]
	}
	for i, r := range rows {
		vals := make([]any, len(r))
		for j, c := range r {
			vals[j] = cellValue(c, j < len(sh.Num) && sh.Num[j])
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+2), vals); err != nil {
			return err
		}
	}
	if cut {
		note := fmt.Sprintf("… %d more rows in %s.csv", len(sh.Rows)-len(rows), sh.Name)
		if err := sw.SetRow("A"+strconv.Itoa(len(rows)+2), []any{note}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// cellValue is a number for a numeric column, nil for an empty cell, and
// otherwise the text, without the control characters XML cannot hold
// (sanitize.Text). Text cells of a workbook are never run as formulas.
func cellValue(s string, numeric bool) any {
	if s == "" {
		return nil
	}
	if numeric {
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return v
		}
	}
	return sanitize.Text(s)
}
