package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/alliances/alliances/graph"
)

// parseWeight reads a tie weight: a number > 0, within graph.CheckWeight's
// range; a decimal comma is accepted when the file's delimiter is not a
// comma. An empty weight is 1.
func parseWeight(s string, decimalComma bool) (float64, error) {
	if s == "" {
		return 1, nil
	}
	w, err := parseNumber(s, decimalComma)
	if err != nil {
		return 0, err
	}
	return w, checkWeight(w, s)
}

// checkWeight returns a problem for a weight w, written s in the file, out
// of the range that the analysis can sum without overflow.
func checkWeight(w float64, s string) error {
	if w <= 0 {
		return fmt.Errorf("%w: weight %q must be > 0", ErrBadValue, s)
	}
	if err := graph.CheckWeight(w); err != nil {
		return fmt.Errorf("%w: weight %q is out of range: it must be from %g to %g", ErrBadValue, s, graph.MinWeight, graph.MaxWeight)
	}
	return nil
}

// weightHint is the hint of every weight problem.
const weightHint = "the weight is a number > 0 (default 1), at most 1e15 and at least 1e-9; rescale very large or small values (e.g. funding in thousands of euros)"

// parseNumber reads a decimal number, with a decimal comma when allowed.
func parseNumber(s string, decimalComma bool) (float64, error) {
	t := s
	if decimalComma && strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, fmt.Errorf("%w: %q is not a number", ErrBadValue, s)
	}
	return f, nil
}

// parseBool reads yes/no values in English and French.
func parseBool(s string) (bool, error) {
	switch key(s) {
	case "", "false", "no", "non", "0", "f", "n", "faux", "undirected", "non oriente":
		return false, nil
	case "true", "yes", "oui", "1", "t", "y", "o", "vrai", "directed", "oriente", "x":
		return true, nil
	}
	return false, fmt.Errorf("%w: %q is not yes/no", ErrBadValue, s)
}

// dateLayouts are the accepted date forms, tried in order, with the layout of
// their normalised form.
var dateLayouts = []struct{ in, out string }{
	{"2006", "2006"},
	{"2006-01-02", "2006-01-02"},
	{"2006-01", "2006-01"},
	{"2006/01/02", "2006-01-02"},
	{"02/01/2006", "2006-01-02"},
	{"2/1/2006", "2006-01-02"},
	{"02.01.2006", "2006-01-02"},
	{"02-01-2006", "2006-01-02"},
	{"01/2006", "2006-01"},
	{"2006-01-02T15:04:05Z07:00", "2006-01-02"},
	{"2006-01-02 15:04:05", "2006-01-02"},
	{"2006-01-02T15:04:05", "2006-01-02"},
}

// parseDate reads a year or a date and returns it in ISO form (YYYY,
// YYYY-MM or YYYY-MM-DD). Days first (DD/MM/YYYY) is the French and European
// convention; MM/DD/YYYY is not accepted.
func parseDate(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	// A year written as a decimal number by a spreadsheet ("2015.0").
	if y, ok := strings.CutSuffix(s, ".0"); ok && len(y) == 4 {
		s = y
	}
	if len(s) == 4 && isDigits(s) {
		if s[0] == '1' || s[0] == '2' {
			return s, nil
		}
	}
	for _, l := range dateLayouts {
		if len(s) < len(l.in)-2 || len(s) > len(l.in)+6 {
			continue
		}
		t, err := time.Parse(l.in, s)
		if err == nil && t.Year() >= 1000 && t.Year() < 3000 {
			return t.Format(l.out), nil
		}
	}
	return "", fmt.Errorf("%w: %q is not a year or a date", ErrBadValue, s)
}

// parsePhase reads the phase of a project: a non-negative integer, possibly
// written "phase 2" or "2.0".
func parsePhase(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	t := strings.TrimSpace(strings.TrimPrefix(key(s), "phase"))
	t = strings.TrimSuffix(t, ".0")
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: phase %q is not a whole number", ErrBadValue, s)
	}
	return n, nil
}

// splitMulti splits a multi-valued cell on '|', on ';' when it is not the
// delimiter, and on ','.
func splitMulti(s string, comma rune) []string {
	f := func(r rune) bool {
		return r == '|' || r == ',' || (r == ';' && comma != ';')
	}
	parts := strings.FieldsFunc(s, f)
	out := parts[:0]
	for _, p := range parts {
		if p = trimCell(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
