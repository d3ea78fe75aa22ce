package report

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/internal/needs"
)

// readTables is run by pandas: it reads the French CSV the way a French
// spreadsheet does (";", decimal comma, UTF-8 with BOM), the English one as
// RFC 4180, and every sheet of the workbook (openpyxl), and prints what it
// read.
const readTables = `
import json, sys, pandas as pd
d = sys.argv[1]
fr = pd.read_csv(d + "/fr/tables/actors.csv", sep=";", decimal=",", encoding="utf-8", float_precision="round_trip")
en = pd.read_csv(d + "/en/tables/actors.csv", float_precision="round_trip")
book = pd.read_excel(d + "/fr/tables/tables.xlsx", sheet_name=None)
print(json.dumps({
  "fr_columns": list(fr.columns), "fr_rows": len(fr),
  "fr_names": list(fr["name"]), "en_names": list(en["name"]),
  "fr_betweenness": list(fr["betweenness"]), "en_betweenness": list(en["betweenness"]),
  "fr_betweenness_numeric": str(fr["betweenness"].dtype) == "float64",
  "sheets": {k: [len(v), len(v.columns)] for k, v in book.items()},
  "book_betweenness": list(book["actors"]["betweenness"]),
}))
`

// The French tables open in a French spreadsheet with every column, accent
// and number in place, and the workbook holds every table: read with pandas
// and openpyxl, which this project did not write.
func TestTablesReadBySpreadsheetReaders(t *testing.T) {
	py := needs.PythonWith(t, "pandas", "openpyxl")
	dir := t.TempDir()
	for _, lang := range Languages {
		for name, b := range exampleReport(t, lang) {
			p := filepath.Join(dir, lang, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	fr := exampleReport(t, "fr")["tables/actors.csv"]
	if !strings.HasPrefix(string(fr), "\ufeffid;name;") {
		t.Errorf("French actors.csv starts %q, want a BOM and ';'", string(fr[:min(20, len(fr))]))
	}
	out, err := exec.Command(py, "-c", readTables, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("pandas: %v\n%s", err, out)
	}
	var got struct {
		FrColumns    []string          `json:"fr_columns"`
		FrRows       int               `json:"fr_rows"`
		FrNames      []string          `json:"fr_names"`
		EnNames      []string          `json:"en_names"`
		FrBet        []float64         `json:"fr_betweenness"`
		EnBet        []float64         `json:"en_betweenness"`
		FrBetNumeric bool              `json:"fr_betweenness_numeric"`
		Sheets       map[string][2]int `json:"sheets"`
		BookBet      []float64         `json:"book_betweenness"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	actors := strings.Count(string(exampleReport(t, "en")["tables/actors.csv"]), "\n") - 1
	if got.FrRows != actors || len(got.FrColumns) < 20 {
		t.Errorf("French actors.csv read as %d rows × %d columns, want %d rows and every column", got.FrRows, len(got.FrColumns), actors)
	}
	if !got.FrBetNumeric {
		t.Error("the betweenness column of the French CSV is not read as numbers")
	}
	for i := range got.EnBet {
		// The CSV files hold the shortest form that reads back exactly; the
		// workbook, numbers as Excel keeps them (15 significant digits).
		if got.FrBet[i] != got.EnBet[i] || math.Abs(got.BookBet[i]-got.EnBet[i]) > 1e-14*math.Abs(got.EnBet[i]) {
			t.Errorf("row %d: betweenness %v (French CSV), %v (workbook), want %v (English CSV)", i, got.FrBet[i], got.BookBet[i], got.EnBet[i])
		}
	}
	hasAccent := false
	for _, n := range got.FrNames {
		hasAccent = hasAccent || strings.ContainsAny(n, "éèçô")
	}
	if !hasAccent {
		t.Errorf("no accented name read from the French CSV: %q", got.FrNames)
	}
	for _, name := range []string{"actors", "network", "families", "projects", "isolated", "warnings", "inputs"} {
		sh, ok := got.Sheets[name]
		if !ok {
			t.Errorf("workbook has no sheet %q (sheets %v)", name, got.Sheets)
			continue
		}
		csvRows := strings.Count(string(exampleReport(t, "fr")["tables/"+name+".csv"]), "\n") - 1
		if sh[0] != csvRows {
			t.Errorf("sheet %s: %d rows, %s.csv %d", name, sh[0], name, csvRows)
		}
	}
	if strings.Join(got.FrNames, "|") != strings.Join(got.EnNames, "|") {
		t.Errorf("names differ between the French and English CSV")
	}
}
