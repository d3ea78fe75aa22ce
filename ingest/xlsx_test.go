package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestReadXLSXOpenpyxl reads a workbook written by openpyxl
// (testdata/xlsx_openpyxl.py): one table per non-empty sheet, the header is
// the first row of several cells (the title above it is skipped), lines are spreadsheet row numbers, dates are ISO
// whatever their display format, numbers lose their floating-point noise.
func TestReadXLSXOpenpyxl(t *testing.T) {
	tables, err := readXLSX("testdata/xlsx_openpyxl.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := []Table{
		{File: "testdata/xlsx_openpyxl.xlsx", Sheet: "Acteurs", HeaderLine: 3,
			Header: []string{"identifiant", "nom", "famille", "pays", "budget", "date d'adhésion"},
			Rows: []Row{
				{Line: 4, Cells: []string{"cd44", "Département de Loire-Atlantique", "collectivité", "FR", "0.3", "2019-03-31"}},
				{Line: 6, Cells: []string{"asso1", "Jeunes de Thiès", "association", "SN", "1500", "2021-01-02 14:30:00"}},
				{Line: 7, Cells: []string{"ong2", "Eau Vive", "ONG", "", "12.50", "2022-12-01"}},
			}},
		{File: "testdata/xlsx_openpyxl.xlsx", Sheet: "Liens", HeaderLine: 1,
			Header: []string{"source", "cible", "poids", "type"},
			Rows: []Row{
				{Line: 2, Cells: []string{"cd44", "asso1", "2", "financement"}},
				{Line: 3, Cells: []string{"asso1", "ong2", "", "partenariat"}},
			}},
	}
	if !reflect.DeepEqual(tables, want) {
		t.Errorf("got  %+v\nwant %+v", tables, want)
	}
}

// TestReadXLSXExcelize reads a workbook written by excelize with the built-in
// date format (14), a custom one, a sheet that starts at column B and row 2,
// short rows, a one-column sheet, a hidden sheet (skipped), and numbers with
// thousands separators, percent and currency (read plainly) or zero padding
// (kept).
func TestReadXLSXExcelize(t *testing.T) {
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow("Sheet1", "A1", &[]any{"id", "nom", "poids", "début"}))
	must(f.SetSheetRow("Sheet1", "A2", &[]any{"a1", "Mairie", 1.0 / 3, time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)}))
	must(f.SetSheetRow("Sheet1", "A3", &[]any{"a2"}))
	must(f.SetCellValue("Sheet1", "D4", time.Date(2021, 1, 2, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellValue("Sheet1", "A4", "a3"))
	builtin, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	custom := `[$-40C]dd" "mmm" "yy;@`
	customStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
	must(err)
	must(f.SetCellStyle("Sheet1", "D2", "D2", builtin))
	must(f.SetCellStyle("Sheet1", "D4", "D4", customStyle))
	_, err = f.NewSheet("Links")
	must(err)
	must(f.SetSheetRow("Links", "B2", &[]any{"source", "target"}))
	must(f.SetSheetRow("Links", "B3", &[]any{"a1", "a2"}))
	_, err = f.NewSheet("Ids")
	must(err)
	must(f.SetSheetRow("Ids", "A1", &[]any{"id"}))
	must(f.SetSheetRow("Ids", "A2", &[]any{"x1"}))
	must(f.SetSheetRow("Ids", "A4", &[]any{"x2"}))
	_, err = f.NewSheet("Listes")
	must(err)
	must(f.SetSheetRow("Listes", "A1", &[]any{"famille", "niveau"}))
	must(f.SetSheetRow("Listes", "A2", &[]any{"ong", "local"}))
	must(f.SetSheetVisible("Listes", false))
	_, err = f.NewSheet("Montants")
	must(err)
	must(f.SetSheetRow("Montants", "A1", &[]any{"grouped", "percent", "postcode", "euros", "plain", "d-mmm-yy"}))
	must(f.SetSheetRow("Montants", "A2", &[]any{1500, 0.25, 4000, 1234.5, 7, time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)}))
	for cell, st := range map[string]excelize.Style{
		"A2": {NumFmt: 3}, "B2": {NumFmt: 9}, "F2": {NumFmt: 15},
		"C2": {CustomNumFmt: ptr("00000")}, "D2": {CustomNumFmt: ptr(`#,##0.00\ "€"`)},
	} {
		id, err := f.NewStyle(&st)
		must(err)
		must(f.SetCellStyle("Montants", cell, cell, id))
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	must(f.SaveAs(path))

	tables, err := readXLSX(path)
	must(err)
	want := []Table{
		{File: path, Sheet: "Sheet1", HeaderLine: 1, Header: []string{"id", "nom", "poids", "début"},
			Rows: []Row{
				{Line: 2, Cells: []string{"a1", "Mairie", "0.333333333333333", "2024-03-31"}},
				{Line: 3, Cells: []string{"a2", "", "", ""}},
				{Line: 4, Cells: []string{"a3", "", "", "2021-01-02"}},
			}},
		{File: path, Sheet: "Links", HeaderLine: 2, Header: []string{"", "source", "target"},
			Rows: []Row{{Line: 3, Cells: []string{"", "a1", "a2"}}}},
		{File: path, Sheet: "Ids", HeaderLine: 1, Header: []string{"id"},
			Rows: []Row{{Line: 2, Cells: []string{"x1"}}, {Line: 4, Cells: []string{"x2"}}}},
		{File: path, Sheet: "Montants", HeaderLine: 1, Header: []string{"grouped", "percent", "postcode", "euros", "plain", "d-mmm-yy"},
			Rows: []Row{{Line: 2, Cells: []string{"1500", "0.25", "04000", "1234.5", "7", "2020-02-29"}}}},
	}
	if !reflect.DeepEqual(tables, want) {
		t.Errorf("got  %+v\nwant %+v", tables, want)
	}
}

func TestReadXLSXErrors(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "fake.xlsx")
	if err := os.WriteFile(notZip, []byte("id;name\na;b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{notZip, filepath.Join(dir, "missing.xlsx")} {
		_, err := readXLSX(path)
		if !errors.Is(err, ErrFormat) {
			t.Errorf("%s: error %v, want ErrFormat", filepath.Base(path), err)
		}
	}
	if _, err := readXLSX(filepath.Join(dir, "missing.xlsx")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error %v does not wrap os.ErrNotExist", err)
	}
}

func TestPlainFormat(t *testing.T) {
	for _, c := range []struct {
		code, want string
		changed    bool
	}{
		{"dd/mm/yyyy", isoDate, true},
		{"[$-409]MM/DD/YYYY", isoDate, true},
		{"d mmmm yyyy", isoDate, true},
		{"yyyy-mm-dd hh:mm", isoDate + " hh:mm:ss", true},
		{`dd" de "mmmm" de "yyyy;@`, isoDate, true},
		{"0.00", "0.00", false},
		{"00000", "00000", false}, // postal codes keep their leading zero
		{"hh:mm", "hh:mm", false}, // times without a date stay as displayed
		{"@", "@", false},
		{`#,##0 "days"`, "General", true}, // quoted text does not make a date
		{"[Red]0.0;[Blue]-0.0", "[Red]0.0;[Blue]-0.0", false},
		{`#\ ##0`, "General", true},
		{"0%", "General", true},
		{`#,##0.00\ "€"`, "General", true},
		{"[$€-40C]0.00", "General", true},
		{`0.00" k€"`, "General", true},
		{"0.00E+00", "General", true},
	} {
		got, changed := plainFormat(c.code)
		if changed != c.changed || got != c.want {
			t.Errorf("plainFormat(%q) = %q, %v; want %q, %v", c.code, got, changed, c.want, c.changed)
		}
	}
}

func TestCleanCell(t *testing.T) {
	for in, want := range map[string]string{
		"0.30000000000000004": "0.3",
		"1500":                "1500",
		" Eau Vive ":          "Eau Vive",
		"1.2345678901234567":  "1.23456789012346",
		"0612345678901234567": "0612345678901234567", // long ids without a point are kept
		"1.5E+20":             "1.5E+20",
	} {
		if got := cleanCell(in); got != want {
			t.Errorf("cleanCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzReadXLSX checks that no workbook, however damaged, makes the reader
// panic, and that every failure wraps ErrFormat.
func FuzzReadXLSX(f *testing.F) {
	if data, err := os.ReadFile("testdata/xlsx_openpyxl.xlsx"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tables, err := readXLSX(path)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		for _, tb := range tables {
			if len(tb.Header) == 0 || tb.HeaderLine < 1 {
				t.Errorf("sheet %q: empty header at line %d", tb.Sheet, tb.HeaderLine)
			}
			last := tb.HeaderLine
			for _, r := range tb.Rows {
				if r.Line <= last || len(r.Cells) < len(tb.Header) {
					t.Errorf("sheet %q: row %d after %d with %d cells for %d columns", tb.Sheet, r.Line, last, len(r.Cells), len(tb.Header))
				}
				last = r.Line
			}
		}
	})
}

func ptr[T any](v T) *T { return &v }

// FuzzReadXLSXParts fuzzes the parts of a valid workbook that hold the data —
// the first sheet and the styles with their number formats — since random
// bytes rarely make a valid zip: the reader must never panic and must keep
// its row invariants.
func FuzzReadXLSXParts(f *testing.F) {
	base, err := os.ReadFile("testdata/xlsx_openpyxl.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(base), int64(len(base)))
	if err != nil {
		f.Fatal(err)
	}
	part := func(name string) []byte {
		for _, zf := range zr.File {
			if zf.Name == name {
				rc, err := zf.Open()
				if err != nil {
					f.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					f.Fatal(err)
				}
				return b
			}
		}
		f.Fatalf("no %s in the workbook", name)
		return nil
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		parts[zf.Name] = part(zf.Name)
	}
	f.Add(parts["xl/worksheets/sheet1.xml"], parts["xl/styles.xml"])
	f.Add([]byte(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2"><c r="B2" s="3" t="n"><v>1e308</v></c><c r="A2" t="s"><v>99</v></c></row><row r="1"><c r="ZZ1" t="b"><v>1</v></c></row></sheetData></worksheet>`),
		[]byte(`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="[$-40C]dddd d mmmm yyyy;@"/></numFmts><cellXfs><xf numFmtId="164"/><xf numFmtId="17"/><xf numFmtId="3"/></cellXfs></styleSheet>`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, sheet, styles []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, zf := range zr.File {
			w, err := zw.Create(zf.Name)
			if err != nil {
				t.Fatal(err)
			}
			switch zf.Name {
			case "xl/worksheets/sheet1.xml":
				_, err = w.Write(sheet)
			case "xl/styles.xml":
				_, err = w.Write(styles)
			default:
				_, err = w.Write(parts[zf.Name])
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "parts.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		tables, err := readXLSX(path)
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Errorf("error %v does not wrap ErrFormat", err)
			}
			return
		}
		for _, tb := range tables {
			last := tb.HeaderLine
			for _, r := range tb.Rows {
				if r.Line <= last || len(r.Cells) < len(tb.Header) {
					t.Errorf("sheet %q: row %d after %d with %d cells for %d columns", tb.Sheet, r.Line, last, len(r.Cells), len(tb.Header))
				}
				last = r.Line
			}
		}
	})
}
