package graph

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Slice selects the part of a dataset that a researcher means by "phase 2 of
// the programme", "the projects for young people since 2018" or "the NGOs of
// Morocco" (docs/slices.md). Filters combine with AND; the values of one filter
// with OR. The zero Slice selects everything.
//
// Applied to a dataset (Apply), a slice keeps:
//
//   - projects: those that pass every project filter (Programmes, Phases,
//     Projects, Dimensions, Targets, Period);
//   - participations: those of the kept projects whose role is among Roles
//     (when given) and, with a Period, whose own dates (when they have any)
//     overlap it;
//   - actors: when a project filter or Roles is given, the actors with a kept
//     participation; otherwise every actor, isolates included. The actor
//     filters (Families, Countries, Territories) then keep the matching
//     actors only, with their participations;
//   - declared links: those between two kept actors, of a type among
//     LinkTypes (when given), active in the Period (a link with no dates is
//     active in every period).
//
// Co-participation ties therefore come from the kept projects only, through
// the kept participations only, and the network of a slice is built by
// NewNetwork like that of a whole store: metrics computed on it are those of
// the slice as a network of its own.
type Slice struct {
	// Programmes are programme names. A project belongs to a programme when
	// its programme is that name, or a "|"-separated list holding it (H2020
	// projects of several programme parts: "SC1|SC6").
	Programmes []string
	// Phases are phase numbers (≥ 1) of projects.
	Phases []int
	// Projects are project ids (or project names).
	Projects []string
	// Dimensions and Targets are canonical values of Dimensions and Targets.
	Dimensions, Targets []string
	// Period keeps the projects whose [start, end] overlaps it.
	Period Period
	// Families, Countries (ISO codes) and Territories filter actors.
	Families, Countries, Territories []string
	// Roles keeps only the participations with these roles.
	Roles []string
	// LinkTypes keeps only the declared links of these types.
	LinkTypes []string
}

// SliceFilters are the names of the filters of a slice, in the order they are
// applied, as the command line spells them (--programme, --phase…).
var SliceFilters = []string{"programme", "phase", "project", "dimension", "target", "period",
	"role", "family", "country", "territory", "link-type"}

// Sentinel errors of slices, wrapped by *SliceError.
var (
	// ErrSliceValue: a filter value is malformed (a phase that is not a
	// number, a reversed period, an unknown dimension).
	ErrSliceValue = errors.New("bad filter value")
	// ErrNoMatch: a filter value matches nothing in the dataset.
	ErrNoMatch = errors.New("matches nothing")
	// ErrEmptySlice: the filters together select no actor or no project.
	ErrEmptySlice = errors.New("empty slice")
)

// SliceError explains why a slice cannot be taken: which filter, which value,
// and the values the dataset holds for that filter.
type SliceError struct {
	Filter  string   // name of the filter, as in SliceFilters
	Value   string   // the value at fault, when one is
	Present []string // values present in the dataset for the filter, sorted
	Msg     string   // what happened, for people
	Err     error    // ErrSliceValue, ErrNoMatch or ErrEmptySlice
}

func (e *SliceError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "--%s", e.Filter)
	if e.Value != "" {
		fmt.Fprintf(&b, " %s", e.Value)
	}
	b.WriteString(": " + e.Msg)
	if len(e.Present) > 0 {
		fmt.Fprintf(&b, "; present: %s", listValues(e.Present, 30))
	}
	return b.String()
}

func (e *SliceError) Unwrap() error { return e.Err }

// listValues joins values for a message, quoting those with spaces or
// commas, and says how many more there are after max.
func listValues(vs []string, max int) string {
	out := make([]string, 0, min(len(vs), max))
	for i, v := range vs {
		if i == max {
			out = append(out, fmt.Sprintf("… and %d more", len(vs)-max))
			break
		}
		if strings.ContainsAny(v, " ,;|\"") || v == "" {
			v = strconv.Quote(v)
		}
		out = append(out, v)
	}
	return strings.Join(out, ", ")
}

// IsZero reports whether s has no filter: it selects the whole dataset.
func (s *Slice) IsZero() bool {
	return !s.byProject() && len(s.Roles) == 0 && !s.byActor() && len(s.LinkTypes) == 0
}

func (s *Slice) byProject() bool {
	return len(s.Programmes) > 0 || len(s.Phases) > 0 || len(s.Projects) > 0 ||
		len(s.Dimensions) > 0 || len(s.Targets) > 0 || !s.Period.IsZero()
}

func (s *Slice) byActor() bool {
	return len(s.Families) > 0 || len(s.Countries) > 0 || len(s.Territories) > 0
}

// Set adds the values of one filter, as given on the command line: filter is
// a name of SliceFilters, value one flag value. A comma-separated list gives
// several values (except for --period, and for programme, project and
// territory names, which may hold commas: a value that names one of them whole
// is taken whole when the slice is applied). A repeated filter adds values.
func (s *Slice) Set(filter, value string) error {
	bad := func(msg string, args ...any) error {
		return &SliceError{Filter: filter, Value: value, Msg: fmt.Sprintf(msg, args...), Err: ErrSliceValue}
	}
	value = strings.TrimSpace(value)
	if value == "" {
		return bad("empty value")
	}
	switch filter {
	case "programme":
		s.Programmes = append(s.Programmes, value)
	case "project":
		s.Projects = append(s.Projects, value)
	case "territory":
		s.Territories = append(s.Territories, value)
	case "phase":
		ph, err := ParsePhases(value)
		if err != nil {
			return bad("%v", err)
		}
		for _, p := range ph {
			if !slices.Contains(s.Phases, p) {
				s.Phases = append(s.Phases, p)
			}
		}
		sort.Ints(s.Phases)
	case "dimension", "target":
		lookup, vocab := Dimension, Dimensions
		if filter == "target" {
			lookup, vocab = Target, Targets
		}
		for _, v := range splitList(value) {
			c, ok := lookup(v)
			if !ok {
				return bad("unknown %s %q: use %s (or in French %s)", filter, v, strings.Join(vocab, ", "), frenchList(vocab))
			}
			if filter == "dimension" {
				s.Dimensions = addOnce(s.Dimensions, c)
			} else {
				s.Targets = addOnce(s.Targets, c)
			}
		}
	case "period":
		if !s.Period.IsZero() {
			return bad("give one period (a second --period was given: %s)", s.Period)
		}
		p, err := ParsePeriod(value)
		if err != nil {
			return bad("%v", err)
		}
		s.Period = p
	case "family":
		for _, v := range splitList(value) {
			s.Families = addOnce(s.Families, v)
		}
	case "country":
		for _, v := range splitList(value) {
			s.Countries = addOnce(s.Countries, strings.ToUpper(v))
		}
	case "role":
		for _, v := range splitList(value) {
			s.Roles = addOnce(s.Roles, v)
		}
	case "link-type":
		for _, v := range splitList(value) {
			s.LinkTypes = addOnce(s.LinkTypes, v)
		}
	default:
		return fmt.Errorf("%w: unknown slice filter %q", ErrSliceValue, filter)
	}
	return nil
}

func frenchList(vocab []string) string {
	fr := make([]string, len(vocab))
	for i, v := range vocab {
		fr[i] = FrenchTerm(v)
	}
	return strings.Join(fr, ", ")
}

func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func addOnce(xs []string, v string) []string {
	if slices.Contains(xs, v) {
		return xs
	}
	return append(xs, v)
}

// maxPhaseRange bounds a phase range (N-M): phases number the successive
// projects of a programme, never thousands of them.
const maxPhaseRange = 1000

// ParsePhases reads a phase selection: a number N, a range N-M, or a comma
// list of them ("1-2,4"). Phases are whole numbers from 1.
func ParsePhases(v string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := strings.Cut(part, "-")
		a, errA := strconv.Atoi(strings.TrimSpace(lo))
		b := a
		var errB error
		if isRange {
			b, errB = strconv.Atoi(strings.TrimSpace(hi))
		}
		switch {
		case errA != nil || errB != nil || part == "":
			return nil, fmt.Errorf("%q is not a phase: write N, N-M or N,M (e.g. 2, 1-3, 1,3)", part)
		case a < 1 || b < 1:
			return nil, fmt.Errorf("phases are numbered from 1, not %q", part)
		case b < a:
			return nil, fmt.Errorf("the range %q is reversed: write %d-%d", part, b, a)
		case b-a >= maxPhaseRange:
			return nil, fmt.Errorf("the range %q spans more than %d phases", part, maxPhaseRange)
		}
		for p := a; p <= b; p++ {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	sort.Ints(out)
	return out, nil
}

// Period is a time interval with possibly open ends. From and To are a year
// (YYYY), a month (YYYY-MM) or a day (YYYY-MM-DD); empty is open. A year or a
// month stands for the whole of it: the period 2016:2018 runs from 1 January
// 2016 to 31 December 2018.
type Period struct {
	From, To string
}

// IsZero reports whether p has neither end: no period filter.
func (p Period) IsZero() bool { return p.From == "" && p.To == "" }

// String writes p as it is given on the command line: FROM:TO.
func (p Period) String() string { return p.From + ":" + p.To }

// ParsePeriod reads FROM:TO, where each side is a year, YYYY-MM or an ISO
// date, and either side may be empty (2016:, :2019-06-30). A single year or
// date (2018) stands for the period it spans (2018:2018).
func ParsePeriod(v string) (Period, error) {
	from, to, ok := strings.Cut(strings.TrimSpace(v), ":")
	if !ok {
		to = from
	}
	from, to = strings.TrimSpace(from), strings.TrimSpace(to)
	if from == "" && to == "" {
		return Period{}, fmt.Errorf("give at least one end: FROM:TO, FROM: or :TO (years or ISO dates, e.g. 2016:2019)")
	}
	for _, d := range []string{from, to} {
		if d != "" && !validDate(d) {
			return Period{}, fmt.Errorf("%q is not a year or an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", d)
		}
	}
	if from != "" && to != "" && lowDate(from) > highDate(to) {
		return Period{}, fmt.Errorf("the period is reversed: %s ends before it starts (write %s:%s)", v, to, from)
	}
	return Period{From: from, To: to}, nil
}

var dateLayouts = map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}

// validDate reports whether d is a year, a month or a day in ISO form.
func validDate(d string) bool {
	l, ok := dateLayouts[len(d)]
	if !ok {
		return false
	}
	t, err := time.Parse(l, d)
	return err == nil && t.Year() >= 1000
}

// lowDate and highDate return the first and the last day that a date of
// any precision (year, month, day) covers, as YYYY-MM-DD; ISO days compare
// as strings. They return "" for a value that is not a date.
func lowDate(d string) string {
	if !validDate(d) {
		return ""
	}
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	return d
}

func highDate(d string) string {
	if !validDate(d) {
		return ""
	}
	switch len(d) {
	case 4:
		return d + "-12-31"
	case 7:
		t, _ := time.Parse("2006-01", d)
		return t.AddDate(0, 1, -1).Format("2006-01-02")
	}
	return d
}

// dated reports whether a record with these dates has at least one of them.
func dated(start, end string) bool { return lowDate(start) != "" || highDate(end) != "" }

// Overlaps reports whether a record running from start to end (dates of any
// precision; an empty or unreadable end is open) overlaps p.
func (p Period) Overlaps(start, end string) bool {
	if p.To != "" {
		if s := lowDate(start); s != "" && s > highDate(p.To) {
			return false
		}
	}
	if p.From != "" {
		if e := highDate(end); e != "" && e < lowDate(p.From) {
			return false
		}
	}
	return true
}
