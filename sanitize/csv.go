package sanitize

import "regexp"

// formulaStart lists the first characters that make a spreadsheet read a
// cell as a formula (OWASP, "CSV Injection": = + - @ tab and carriage
// return).
const formulaStart = "=+-@\t\r"

// number matches a plain decimal number, with a point or a comma: a cell
// that a spreadsheet reads as that number, never as a formula, so that
// negative values (an E-I index of -0.5) stay numbers.
var number = regexp.MustCompile(`^[+-]?([0-9]+([.,][0-9]*)?|[.,][0-9]+)([eE][+-]?[0-9]+)?$`)

// CSVCell returns s for a cell of a CSV file that people open in a
// spreadsheet: a cell that starts with = + - @ tab or carriage return, and
// is not a plain number, gets a leading apostrophe, which spreadsheets
// show as text and do not evaluate (OWASP, "CSV Injection"). So does a
// cell that starts with apostrophes followed by one of those, so that
// UnCSVCell, which ingest applies, gives every cell back unchanged.
func CSVCell(s string) string {
	if s == "" || !(isFormulaStart(s[0]) && !number.MatchString(s) || escaped(s)) {
		return s
	}
	return "'" + s
}

// CSVRecord applies CSVCell to every cell of rec, in place, and returns
// it.
func CSVRecord(rec []string) []string {
	for i, c := range rec {
		rec[i] = CSVCell(c)
	}
	return rec
}

// UnCSVCell undoes CSVCell: of apostrophes that start a cell and are
// followed by = + - @ tab or carriage return, one is removed. (A
// spreadsheet does not write such an apostrophe into a CSV file: it marks
// text typed in a cell and is not part of it.)
func UnCSVCell(s string) string {
	if escaped(s) {
		return s[1:]
	}
	return s
}

// escaped reports whether s is one or more apostrophes followed by a
// character of formulaStart.
func escaped(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	return i > 0 && i < len(s) && isFormulaStart(s[i])
}

func isFormulaStart(c byte) bool {
	for i := 0; i < len(formulaStart); i++ {
		if formulaStart[i] == c {
			return true
		}
	}
	return false
}
