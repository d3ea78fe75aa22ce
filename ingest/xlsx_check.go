package ingest

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// maxWorkbookBytes bounds what a workbook may unzip to (zip bombs): 1 GiB
// is far beyond a survey's spreadsheet.
const maxWorkbookBytes = 1 << 30

// checkWorkbook reads the parts of an XLSX file that excelize would read
// whole or trust, before it does: every XML token of the shared strings and
// of the worksheets must stay within maxTokenBytes (a 900 MB cell would
// otherwise be read whole, several times), and every cell that refers to
// the shared-string table must refer to a string that exists (excelize
// reads such a cell as empty, and the row would silently lose it).
func checkWorkbook(file string) error {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil // excelize says what is wrong with it
	}
	defer zr.Close()
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		parts[f.Name] = f
	}
	budget := int64(maxWorkbookBytes)
	nstrings := 0
	if f := parts["xl/sharedStrings.xml"]; f != nil {
		if err := scanPart(f, &budget, func(d *xml.Decoder, t xml.Token, depth int) error {
			if se, ok := t.(xml.StartElement); ok && depth == 2 && se.Name.Local == "si" {
				nstrings++
			}
			return nil
		}); err != nil {
			return fmt.Errorf("%w: %s: the shared strings: %w", ErrFormat, file, err)
		}
	}
	names := sheetNames(parts)
	var bad []string
	badCells := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || path.Ext(f.Name) != ".xml" {
			continue
		}
		sheet := names[f.Name]
		if sheet == "" {
			sheet = f.Name
		}
		var ref string
		var shared, inValue bool
		if err := scanPart(f, &budget, func(d *xml.Decoder, t xml.Token, depth int) error {
			switch t := t.(type) {
			case xml.StartElement:
				switch t.Name.Local {
				case "c":
					ref, shared = "", false
					for _, a := range t.Attr {
						switch a.Name.Local {
						case "r":
							ref = a.Value
						case "t":
							shared = a.Value == "s"
						}
					}
				case "v":
					inValue = shared
				}
			case xml.EndElement:
				if t.Name.Local == "v" {
					inValue = false
				}
			case xml.CharData:
				if !inValue {
					return nil
				}
				i, err := strconv.Atoi(strings.TrimSpace(string(t)))
				if err != nil || i < 0 || i >= nstrings {
					badCells++
					if len(bad) < 5 {
						bad = append(bad, fmt.Sprintf("sheet %q, cell %s refers to shared string %s, but the workbook has %d", sheet, ref, strings.TrimSpace(string(t)), nstrings))
					}
				}
			}
			return nil
		}); err != nil {
			return fmt.Errorf("%w: %s: sheet %q: %w", ErrFormat, file, sheet, err)
		}
	}
	if badCells > 0 {
		more := ""
		if badCells > len(bad) {
			more = fmt.Sprintf(" (and %d more such cells)", badCells-len(bad))
		}
		return fmt.Errorf("%w: %s: the workbook is damaged: %s%s; its text cannot be trusted", ErrFormat, file, strings.Join(bad, "; "), more)
	}
	return nil
}

// scanPart streams the XML part f, calling fn with every token and its
// depth (1 for the root element), within maxTokenBytes per token and the
// remaining unzipped budget.
func scanPart(f *zip.File, budget *int64, fn func(d *xml.Decoder, t xml.Token, depth int) error) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	counted := &countingReader{r: rc, budget: budget}
	bound := &boundedReader{r: counted, max: maxTokenBytes, what: "an XML token (a cell, a text)"}
	d := xml.NewDecoder(bound)
	depth := 0
	for {
		bound.reset()
		t, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if _, ok := t.(xml.StartElement); ok {
			depth++
		}
		if err := fn(d, t, depth); err != nil {
			return err
		}
		if _, ok := t.(xml.EndElement); ok {
			depth--
		}
	}
}

// countingReader fails once the shared budget of unzipped bytes is spent.
type countingReader struct {
	r      io.Reader
	budget *int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	if *c.budget <= 0 {
		return 0, errors.New("the workbook unzips to more than 1 GiB")
	}
	n, err := c.r.Read(p)
	*c.budget -= int64(n)
	return n, err
}

// sheetNames maps the worksheet parts of a workbook to the names of their
// sheets, from xl/workbook.xml and its relationships; a part it cannot
// name is left out.
func sheetNames(parts map[string]*zip.File) map[string]string {
	names := map[string]string{}
	rels := map[string]string{} // relationship id → part
	var budget int64 = maxTokenBytes * 16
	if f := parts["xl/_rels/workbook.xml.rels"]; f != nil {
		scanPart(f, &budget, func(_ *xml.Decoder, t xml.Token, _ int) error {
			if se, ok := t.(xml.StartElement); ok && se.Name.Local == "Relationship" {
				var id, target string
				for _, a := range se.Attr {
					switch a.Name.Local {
					case "Id":
						id = a.Value
					case "Target":
						target = a.Value
					}
				}
				if strings.HasPrefix(target, "/") {
					target = strings.TrimPrefix(target, "/")
				} else {
					target = path.Join("xl", target)
				}
				rels[id] = target
			}
			return nil
		})
	}
	if f := parts["xl/workbook.xml"]; f != nil {
		scanPart(f, &budget, func(_ *xml.Decoder, t xml.Token, _ int) error {
			if se, ok := t.(xml.StartElement); ok && se.Name.Local == "sheet" {
				var name, id string
				for _, a := range se.Attr {
					switch a.Name.Local {
					case "name":
						name = a.Value
					case "id":
						id = a.Value
					}
				}
				if p, ok := rels[id]; ok {
					names[p] = name
				}
			}
			return nil
		})
	}
	return names
}
