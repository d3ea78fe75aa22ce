package ingest

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors that problems wrap, for errors.Is.
var (
	ErrMissingColumn  = errors.New("missing column")
	ErrUnknownActor   = errors.New("unknown actor")
	ErrUnknownProject = errors.New("unknown project")
	ErrBadValue       = errors.New("bad value")
	ErrDuplicate      = errors.New("duplicate")
	ErrUnknownFamily  = errors.New("unknown family")
	ErrFormat         = errors.New("unreadable file")
)

// Problem is one error or warning about the input, located as precisely as the
// format allows (Line and Column start at 1; 0 means unknown).
type Problem struct {
	File   string
	Line   int
	Column int
	// Field is the column or attribute name, when there is one.
	Field string
	Err   error
	// Hint tells the user how to fix the problem.
	Hint string
}

func (p Problem) Error() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.File != "" && p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	if p.File != "" {
		b.WriteString(": ")
	}
	if p.Field != "" {
		fmt.Fprintf(&b, "column %q: ", p.Field)
	}
	b.WriteString(p.Err.Error())
	if p.Hint != "" {
		b.WriteString(" (hint: " + p.Hint + ")")
	}
	return b.String()
}

func (p Problem) Unwrap() error { return p.Err }

// ValidationError holds every error found in the input; when Read returns it,
// nothing must be written.
type ValidationError struct {
	Problems []Problem
	// More counts the problems found beyond the first maxKept, which are
	// not listed (the last of Problems says how many).
	More int
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	n := len(e.Problems)
	if e.More > 0 {
		n += e.More - 1 // the last problem only counts the others
	}
	fmt.Fprintf(&b, "%d problem(s) in the input, nothing was written:", n)
	for _, p := range e.Problems {
		b.WriteString("\n  " + p.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so that errors.Is finds their sentinels.
func (e *ValidationError) Unwrap() []error {
	errs := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		errs[i] = p
	}
	return errs
}

// maxKept is the number of problems (errors, and warnings) that an ingest
// keeps; the others are counted. A file of twenty million faulty or repeated
// rows then takes the memory of a thousand problems, and a thousand are more
// than anyone reads before correcting the file.
const maxKept = 1000

// problemLog keeps the first maxKept problems added and counts the others.
type problemLog struct {
	list []Problem
	more int
}

func (l *problemLog) add(ps ...Problem) {
	for _, p := range ps {
		if len(l.list) < maxKept {
			l.list = append(l.list, p)
		} else {
			l.more++
		}
	}
}

// len is the number of problems added, kept or not.
func (l *problemLog) len() int { return len(l.list) + l.more }

// sorted returns the kept problems, sorted, followed by a problem that
// counts the others when there are any.
func (l *problemLog) sorted(what string) []Problem {
	sortProblems(l.list)
	if l.more == 0 {
		return l.list
	}
	return append(l.list, Problem{Err: fmt.Errorf("… and %d more %s, not listed: only the first %d are kept; correct these and run again", l.more, what, maxKept)})
}
