package graph

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// ErrNotFound and ErrAmbiguous are wrapped by the *LookupError of
// Lookup.Find: nothing matches what was typed, or several records do.
var (
	ErrNotFound  = errors.New("not found")
	ErrAmbiguous = errors.New("ambiguous")
)

// Lookup finds an actor or a project from what a person typed: its id, its
// name, or part of its name. It is the one lookup of every command that
// names an actor or a project, and of the explorer's search.
type Lookup struct {
	kind  string // "actor" or "project"
	ids   []string
	names []string
	keys  []string // Normalize(id)
	nkeys []string // Normalize(name)
	byID  map[string]int
}

// ActorLookup returns the Lookup of actors.
func ActorLookup(actors []Actor) *Lookup {
	l := &Lookup{kind: "actor"}
	for _, a := range actors {
		l.add(a.ID, a.Name)
	}
	return l
}

// ProjectLookup returns the Lookup of projects.
func ProjectLookup(projects []Project) *Lookup {
	l := &Lookup{kind: "project"}
	for _, p := range projects {
		l.add(p.ID, p.Name)
	}
	return l
}

func (l *Lookup) add(id, name string) {
	if l.byID == nil {
		l.byID = map[string]int{}
	}
	if _, ok := l.byID[id]; ok {
		return
	}
	l.byID[id] = len(l.ids)
	l.ids = append(l.ids, id)
	l.names = append(l.names, name)
	l.keys = append(l.keys, Normalize(id))
	l.nkeys = append(l.nkeys, Normalize(name))
}

// Candidate is a record that matches a lookup.
type Candidate struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

func (c Candidate) String() string {
	if c.Name == "" || c.Name == c.ID {
		return fmt.Sprintf("%q", c.ID)
	}
	return fmt.Sprintf("%q (%s)", c.ID, c.Name)
}

// LookupError says why Find found no single record: it wraps ErrNotFound,
// with the nearest records as Candidates ("did you mean"), or ErrAmbiguous,
// with the records that match.
type LookupError struct {
	Kind       string // "actor" or "project"
	Query      string
	Err        error
	Candidates []Candidate
	More       int // matching records beyond Candidates
}

func (e *LookupError) Error() string {
	list := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		list[i] = c.String()
	}
	if e.More > 0 {
		list = append(list, fmt.Sprintf("and %d more", e.More))
	}
	if errors.Is(e.Err, ErrAmbiguous) {
		return fmt.Sprintf("%s %q is ambiguous: %d %ss match: %s (hint: give the id, or more of the name)",
			e.Kind, e.Query, len(e.Candidates)+e.More, e.Kind, strings.Join(list, ", "))
	}
	msg := fmt.Sprintf("unknown %s %q: no %s has this id or name", e.Kind, e.Query, e.Kind)
	if len(list) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", strings.Join(list, ", "))
	}
	return msg
}

func (e *LookupError) Unwrap() error { return e.Err }

// maxCandidates is the most candidates a LookupError lists.
const maxCandidates = 8

// Find returns the id of the record that q names, trying in turn:
//  1. the id itself;
//  2. the id or the name, compared with Normalize (case, accents, spaces,
//     '_' and '-' do not matter): one record, or ErrAmbiguous;
//  3. a part of the id or of the name, compared the same way: one record,
//     or ErrAmbiguous with the candidates.
//
// When nothing matches, the error wraps ErrNotFound and lists the records
// whose id or name is within a few edits of q.
func (l *Lookup) Find(q string) (string, error) {
	if i, ok := l.byID[q]; ok {
		return l.ids[i], nil
	}
	k := Normalize(q)
	if k == "" {
		return "", &LookupError{Kind: l.kind, Query: q, Err: ErrNotFound}
	}
	var exact, part []int
	for i := range l.ids {
		switch {
		case l.keys[i] == k || l.nkeys[i] == k:
			exact = append(exact, i)
		case strings.Contains(l.keys[i], k) || strings.Contains(l.nkeys[i], k):
			part = append(part, i)
		}
	}
	for _, m := range [][]int{exact, part} {
		switch {
		case len(m) == 1:
			return l.ids[m[0]], nil
		case len(m) > 1:
			return "", l.failure(q, ErrAmbiguous, m)
		}
	}
	return "", l.failure(q, ErrNotFound, l.nearest(k))
}

func (l *Lookup) failure(q string, err error, at []int) *LookupError {
	e := &LookupError{Kind: l.kind, Query: q, Err: err}
	if err == ErrAmbiguous {
		// Suggestions come nearest first; matches by id.
		sort.Slice(at, func(a, b int) bool { return l.ids[at[a]] < l.ids[at[b]] })
	}
	for n, i := range at {
		if n == maxCandidates {
			e.More = len(at) - n
			break
		}
		e.Candidates = append(e.Candidates, Candidate{ID: l.ids[i], Name: l.names[i]})
	}
	return e
}

// nearest returns the records whose normalised id or name, or a run of as
// many words of it as k has, is nearest to k, within max(2, len/3) edits; at
// most three.
func (l *Lookup) nearest(k string) []int {
	n := utf8.RuneCountInString(k)
	limit := max(2, n/3)
	words := len(strings.Fields(k))
	// d is twice the distance, plus one for a run of words rather than the
	// whole id or name: at the same distance, the whole comes first.
	type hit struct{ i, d int }
	var hits []hit
	for i := range l.ids {
		d := 2*limit + 2
		for _, c := range []string{l.keys[i], l.nkeys[i]} {
			for j, w := range windows(c, words) {
				if 2*abs(utf8.RuneCountInString(w)-n) < d {
					d = min(d, 2*EditDistance(k, w)+min(j, 1))
				}
			}
		}
		if d <= 2*limit+1 {
			hits = append(hits, hit{i, d})
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].d != hits[b].d {
			return hits[a].d < hits[b].d
		}
		return l.ids[hits[a].i] < l.ids[hits[b].i]
	})
	var out []int
	for _, h := range hits[:min(3, len(hits))] {
		out = append(out, h.i)
	}
	return out
}

// windows returns s, and the runs of n consecutive words of s when it has
// more.
func windows(s string, n int) []string {
	if s == "" {
		return nil
	}
	out := []string{s}
	f := strings.Fields(s)
	for i := 0; n > 0 && i+n <= len(f) && n < len(f); i++ {
		out = append(out, strings.Join(f[i:i+n], " "))
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// EditDistance is the Levenshtein distance between a and b, counted in
// runes: the fewest insertions, deletions and substitutions that turn one
// into the other.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Nearest returns the names within max(2, len/3) edits of s (compared with
// Normalize), nearest first, at most three: the "did you mean" of a word
// such as a command name.
func Nearest(s string, names []string) []string {
	l := &Lookup{}
	for _, n := range names {
		l.add(n, "")
	}
	var out []string
	for _, i := range l.nearest(Normalize(s)) {
		out = append(out, l.ids[i])
	}
	return out
}
