package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/alliances/alliances/analysis"
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
		cw := csv.NewWriter(w)
		cw.Write(header)
		cw.WriteAll(rows)
		return cw.Error()
	}
	header, rows = dropRedundantNames(header, rows)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, h := range header {
		if i > 0 {
			fmt.Fprint(tw, "\t")
		}
		fmt.Fprint(tw, h)
	}
	fmt.Fprintln(tw)
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
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
