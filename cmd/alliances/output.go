package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/sanitize"
)

// Output formats of --format.
const (
	formatTable = "table"
	formatCSV   = "csv"
	formatJSON  = "json"
)

func checkFormat(f string) error {
	switch f {
	case formatTable, formatCSV, formatJSON:
		return nil
	}
	return usagef("unknown --format %q: use table, csv or json", f)
}

// writeJSON writes v as indented JSON with a final newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeRows writes a header and rows as an aligned text table or as CSV.
func writeRows(w io.Writer, format string, header []string, rows [][]string) error {
	if format == formatCSV {
		// Cells a spreadsheet would run as formulas are neutralised
		// (sanitize.CSVCell, OWASP); nothing else changes.
		cw := csv.NewWriter(w)
		cw.Write(sanitize.CSVRecord(slices.Clone(header)))
		for _, r := range rows {
			cw.Write(sanitize.CSVRecord(slices.Clone(r)))
		}
		cw.Flush()
		return cw.Error()
	}
	header, rows = dropRedundantNames(header, rows)
	header, rows, left := fitWidth(header, rows, tableWidth(w))
	defer func() {
		if len(left) > 0 {
			fmt.Fprintf(w, "(%d column(s) left out to fit the terminal: %s; --format csv has them all)\n", len(left), strings.Join(left, ", "))
		}
	}()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, h := range header {
		if i > 0 {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprint(tw, sanitize.Text(h))
	}
	fmt.Fprintln(tw)
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			// No control character, bidirectional override or
			// non-character from the data reaches the terminal; a tab or
			// line break would break the columns.
			c = sanitize.Text(c)
			if i == len(r)-1 && i > 0 {
				// The last column holds lists (actors, projects, suggestions)
				// that run to thousands of characters on real data; CSV and
				// JSON keep them whole.
				c = shortList(c, maxListCell)
			}
			fmt.Fprint(tw, c)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// dropRedundantNames removes the name column of a text table when every
// name repeats its actor's id (as when a data set identifies organisations
// by name): the long ids are then shown once, whole.
func dropRedundantNames(header []string, rows [][]string) ([]string, [][]string) {
	id, name := slices.Index(header, "id"), slices.Index(header, "name")
	if id < 0 || name < 0 || len(rows) == 0 {
		return header, rows
	}
	for _, r := range rows {
		n := r[name]
		if n != "" && n != r[id] && !(strings.HasSuffix(n, "…") && strings.HasPrefix(r[id], strings.TrimSuffix(n, "…"))) {
			return header, rows
		}
	}
	drop := func(r []string) []string { return slices.Delete(slices.Clone(r), name, name+1) }
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = drop(r)
	}
	return drop(header), out
}

// num formats a metric value: machine form for CSV (empty when undefined),
// 4 decimals for tables ("-" when undefined).
func num(v analysis.Num, format string) string {
	switch {
	case format == formatCSV:
		return v.String()
	case !v.Defined():
		return "-"
	}
	return strconv.FormatFloat(float64(v), 'f', 4, 64)
}

// maxListCell is the length, in characters, beyond which the last column of
// a table is cut.
const maxListCell = 120

// shortList cuts a comma- or semicolon-separated list longer than n
// characters after its last whole item that fits, and ends it with "…".
func shortList(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexAny(cut, ",;"); i > 0 {
		return cut[:i+1] + " …"
	}
	return cut + "…"
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// tableWidth is the width a text table written to w may take: the COLUMNS
// environment variable when set, else the width of the terminal that w is,
// else 0 (no limit: a pipe or a file).
func tableWidth(w io.Writer) int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	if n, _, err := term.GetSize(int(f.Fd())); err == nil && n > 0 {
		return n
	}
	return 0
}

// fitWidth makes a text table at most width characters wide (no limit when
// width is 0): it shortens the last column (lists), then a name column, to
// no less than 16 characters, then leaves out columns from the right, never
// the first two, and returns the names of those left out.
func fitWidth(header []string, rows [][]string, width int) ([]string, [][]string, []string) {
	if width <= 0 || len(header) == 0 {
		return header, rows, nil
	}
	widths := func() []int {
		ws := make([]int, len(header))
		for i, h := range header {
			ws[i] = utf8.RuneCountInString(h)
		}
		for _, r := range rows {
			for i, c := range r {
				if i < len(ws) {
					if i == len(r)-1 && i > 0 {
						c = shortList(c, maxListCell)
					}
					ws[i] = max(ws[i], utf8.RuneCountInString(c))
				}
			}
		}
		return ws
	}
	total := func(ws []int) int {
		t := 2 * (len(ws) - 1)
		for _, x := range ws {
			t += x
		}
		return t
	}
	rows = slices.Clone(rows)
	shorten := func(col int, n int) {
		for i, r := range rows {
			r = slices.Clone(r)
			if col < len(r) {
				if col == len(r)-1 {
					r[col] = shortList(r[col], n)
				} else {
					r[col] = truncate(r[col], n)
				}
			}
			rows[i] = r
		}
	}
	ws := widths()
	over := total(ws) - width
	if over <= 0 {
		return header, rows, nil
	}
	last := len(header) - 1
	if last > 0 && ws[last] > 16 {
		shorten(last, max(16, ws[last]-over))
		ws = widths()
		over = total(ws) - width
	}
	if name := slices.Index(header, "name"); name >= 0 && over > 0 && ws[name] > 16 {
		shorten(name, max(16, ws[name]-over))
		ws = widths()
		over = total(ws) - width
	}
	var left []string
	for over > 0 && len(header) > 2 {
		n := len(header) - 1
		left = append([]string{header[n]}, left...)
		over -= ws[n] + 2
		header = header[:n]
		ws = ws[:n]
		for i, r := range rows {
			rows[i] = r[:min(n, len(r))]
		}
	}
	return header, rows, left
}
