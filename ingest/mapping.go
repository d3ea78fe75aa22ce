package ingest

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
)

// Mapping tells how to read tables whose headers are not ours: which of their
// columns hold which of our fields, how to translate their values, which rows
// to keep. It is made of sections, each applying to the files whose name
// matches its pattern.
//
// A mapping file has one "key = value" per line, "#" comments, and sections
// introduced by "[pattern]", a path.Match pattern on the file's base name,
// optionally followed by "#sheet" for spreadsheets (several patterns may be
// given, separated by commas); "data.csv" also matches data.csv.gz. Lines before the first
// section form a section that applies to every table holding all the columns
// it names. Several sections may match the same file: each reads it as a
// table of its own kind (e.g. the projects and the participations of one
// sheet).
//
// Keys:
//
//	kind = actors|links|projects|participations   (default: recognised from the header)
//	kind = skip               ignore the tables of the section (a sheet of notes)
//	kind = lookup             a table of values for other tables' templates:
//	                          name = "parts", key = COLUMN, value = COLUMN;
//	                          {@parts:Column} in a template is then the value
//	                          (values of repeated keys joined with "|")
//	FIELD = SOURCE            our field (id, name, family, source, actor, project, role…)
//	actor.FIELD = SOURCE      in links and participations: describe the actors they name
//	project.FIELD = SOURCE    in participations: describe the projects they name
//	attr.NAME = SOURCE        an extra attribute (actors, projects; actor.attr.NAME…)
//	FIELD[VALUE] = VALUE      translate a value (compared case- and accent-insensitively)
//	FIELD[~REGEXP] = VALUE    translate the values matching a regular expression
//	                          (on the folded value; rules are tried in order)
//	split.FIELD = "SEP"       one cell names several actors or projects
//	missing = NA, n/a, -      extra markers of missing values ("" and NA always are)
//	filter.COLUMN = A|B       keep only the rows whose COLUMN is A or B
//	skip_if_missing = FIELD   skip (with one warning) rows where FIELD is missing
//	duplicates = first        keep the first of duplicate ids (warning, not error)
//
// A SOURCE is a column name (Project Partner), a template that composes
// columns ({Programme} / {Acronym}, with optional filters {Country code|first},
// |lower, |upper, |trim), or a literal in double quotes ("implementing").
type Mapping struct {
	Sections []*Section
}

// Rule translates the values of a field that match a regular expression. The
// expression is matched against the value folded like headers: lower case,
// accents and dots removed, runs of spaces, '_' and '-' made one space.
type Rule struct {
	Match *regexp.Regexp
	Value string
}

// Section is the part of a Mapping that applies to the files matching
// Pattern ("" matches every table that has the columns it names).
type Section struct {
	// Pattern is the section header as written: comma-separated path.Match
	// patterns on the file's base name, each optionally followed by #sheet.
	Pattern string
	// Kind is the kind of the tables; KindSkip ignores them.
	Kind Kind
	// Fields maps our fields to their source.
	Fields map[string]string
	// Values maps, per field, source values (compared by key) to ours.
	Values map[string]map[string]string
	// Rules translate, per field, the values that match a regular expression
	// (FIELD[~REGEXP] = VALUE), tried in order when Values has no entry.
	Rules map[string][]Rule
	// Split gives the separator of multi-valued cells, per field.
	Split map[string]string
	// Filter keeps the rows whose column (by key) has one of the values.
	Filter        map[string][]string
	Missing       []string
	SkipIfMissing []string
	// FirstDuplicate keeps the first of rows with the same id instead of
	// reporting an error.
	FirstDuplicate bool
	// order keeps the declaration order of Fields, for deterministic plans.
	order []string
}

func newSection(pattern string) *Section {
	s := &Section{Fields: map[string]string{}, Values: map[string]map[string]string{},
		Split: map[string]string{}, Filter: map[string][]string{}}
	s.Pattern = strings.TrimSpace(pattern)
	return s
}

// LoadMapping reads a mapping file (see Mapping for the format).
func LoadMapping(file string) (*Mapping, error) {
	f, err := openFile(file)
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	defer f.Close()
	return ParseMapping(f, file)
}

// ParseMapping reads a mapping in the file format described at Mapping.
func ParseMapping(r io.Reader, file string) (*Mapping, error) {
	m := &Mapping{}
	cur := newSection("")
	var problems []Problem
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") {
			m.add(cur)
			cur = newSection(text[1 : len(text)-1])
			continue
		}
		k, v, ok := strings.Cut(text, "=")
		if !ok {
			problems = append(problems, Problem{File: file, Line: line, Err: fmt.Errorf("%w: %q is not key = value", ErrBadValue, text),
				Hint: "write one setting per line, e.g. actor = Project Partner"})
			continue
		}
		if err := cur.set(strings.TrimSpace(k), strings.TrimSpace(v)); err != nil {
			problems = append(problems, Problem{File: file, Line: line, Err: err, Hint: mappingHint})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("mapping %s: %w", file, err)
	}
	m.add(cur)
	if len(problems) > 0 {
		return nil, &ValidationError{Problems: problems}
	}
	return m, nil
}

const mappingHint = "keys are kind, missing, duplicates, skip_if_missing, filter.COLUMN, split.FIELD, FIELD, FIELD[VALUE], actor.FIELD, project.FIELD, attr.NAME"

// ParseMappingFlag reads the compact form given on the command line:
// comma-separated FIELD=SOURCE settings, e.g.
//
//	actor=Project Partner,project=Acronym,family=Legal Status
//
// It makes one section that applies to every table holding the columns it
// names. Other keys of the file format (kind=…, missing=…) work too; values
// cannot contain commas (use a mapping file for those).
func ParseMappingFlag(s string) (*Mapping, error) {
	sec := newSection("")
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		k, v, ok := strings.Cut(item, "=")
		if !ok {
			return nil, fmt.Errorf("%w: mapping %q: %q is not FIELD=COLUMN", ErrBadValue, s, item)
		}
		if err := sec.set(strings.TrimSpace(k), strings.TrimSpace(v)); err != nil {
			return nil, fmt.Errorf("mapping %q: %w", s, err)
		}
	}
	m := &Mapping{}
	m.add(sec)
	return m, nil
}

func (m *Mapping) add(s *Section) {
	if len(s.Fields) > 0 || s.Kind != "" || s.Pattern != "" {
		m.Sections = append(m.Sections, s)
	}
}

// set applies one key = value setting to s.
func (s *Section) set(k, v string) error {
	switch lk := strings.ToLower(k); {
	case lk == "kind":
		kind := Kind(strings.ToLower(v))
		if _, ok := kindFields[kind]; !ok && kind != KindSkip && kind != KindLookup {
			return fmt.Errorf("%w: kind %q (want actors, links, projects, participations, lookup or skip)", ErrBadValue, v)
		}
		s.Kind = kind
	case lk == "missing":
		for _, x := range strings.Split(v, ",") {
			s.Missing = append(s.Missing, unquote(strings.TrimSpace(x)))
		}
	case lk == "duplicates":
		switch strings.ToLower(v) {
		case "first":
			s.FirstDuplicate = true
		case "error":
			s.FirstDuplicate = false
		default:
			return fmt.Errorf("%w: duplicates = %q (want first or error)", ErrBadValue, v)
		}
	case lk == "skip_if_missing":
		for _, x := range strings.Split(v, ",") {
			if x = strings.TrimSpace(x); x != "" {
				s.SkipIfMissing = append(s.SkipIfMissing, canonField(x))
			}
		}
	case strings.HasPrefix(lk, "filter."):
		col := k[len("filter."):]
		for _, x := range strings.Split(v, "|") {
			s.Filter[col] = append(s.Filter[col], strings.TrimSpace(unquote(x)))
		}
	case strings.HasPrefix(lk, "split."):
		sep := unquote(v)
		if sep == "" {
			return fmt.Errorf("%w: %s: empty separator", ErrBadValue, k)
		}
		s.Split[canonField(k[len("split."):])] = sep
	case strings.HasSuffix(k, "]") && strings.Contains(k, "[~"):
		i := strings.Index(k, "[~")
		f := canonField(k[:i])
		re, err := regexp.Compile(k[i+2 : len(k)-1])
		if err != nil {
			return fmt.Errorf("%w: %s: %v", ErrBadValue, k, err)
		}
		if s.Rules == nil {
			s.Rules = map[string][]Rule{}
		}
		s.Rules[f] = append(s.Rules[f], Rule{Match: re, Value: unquote(v)})
	case strings.HasSuffix(k, "]") && strings.Contains(k, "["):
		i := strings.Index(k, "[")
		f := canonField(k[:i])
		if s.Values[f] == nil {
			s.Values[f] = map[string]string{}
		}
		s.Values[f][key(k[i+1:len(k)-1])] = unquote(v)
	default:
		if v == "" {
			return fmt.Errorf("%w: %s has no source column", ErrBadValue, k)
		}
		f := canonField(k)
		if _, dup := s.Fields[f]; !dup {
			s.order = append(s.order, f)
		}
		s.Fields[f] = v
	}
	return nil
}

// canonField folds a field name of a mapping: case-insensitive, except for
// the name of attributes which is kept as written.
func canonField(f string) string {
	f = strings.TrimSpace(f)
	if i := strings.Index(strings.ToLower(f), "attr."); i >= 0 {
		return strings.ToLower(f[:i+5]) + f[i+5:]
	}
	return strings.ToLower(f)
}

func unquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return v[1 : len(v)-1]
	}
	return v
}

// matches reports whether the section applies to the table by its name; the
// global section ("" pattern) is checked against the header when planning.
func (s *Section) matches(file, sheet string) bool {
	if s.Pattern == "" {
		return true
	}
	base := path.Base(strings.ReplaceAll(file, "\\", "/"))
	for _, alt := range strings.Split(s.Pattern, ",") {
		pat, sh, hasSheet := strings.Cut(strings.TrimSpace(alt), "#")
		pat = strings.TrimSpace(pat)
		ok, _ := path.Match(pat, base)
		if !ok {
			ok, _ = path.Match(pat, strings.TrimSuffix(base, ".gz"))
		}
		if !ok {
			ok, _ = path.Match(pat, file)
		}
		if ok && (!hasSheet || key(sh) == key(sheet)) {
			return true
		}
	}
	return false
}

// fieldOrder returns the mapped fields in declaration order; fields set
// directly in Fields by Go code come last, sorted.
func (s *Section) fieldOrder() []string {
	out := make([]string, 0, len(s.Fields))
	seen := make(map[string]bool, len(s.Fields))
	for _, f := range s.order {
		if _, ok := s.Fields[f]; ok && !seen[f] {
			out = append(out, f)
			seen[f] = true
		}
	}
	var rest []string
	for f := range s.Fields {
		if !seen[f] {
			rest = append(rest, f)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// columns returns the columns that the section names (in templates too).
func (s *Section) columns() []string {
	var cols []string
	for _, f := range s.fieldOrder() {
		src := s.Fields[f]
		if isLiteral(src) {
			continue
		}
		if strings.Contains(src, "{") {
			for _, p := range parseTemplate(src) {
				if name, c, ok := strings.Cut(p.column, ":"); ok && strings.HasPrefix(name, "@") {
					cols = append(cols, strings.TrimSpace(c))
				} else if p.column != "" {
					cols = append(cols, p.column)
				}
			}
			continue
		}
		cols = append(cols, src)
	}
	for c := range s.Filter {
		cols = append(cols, c)
	}
	return cols
}

func isLiteral(src string) bool { return len(src) >= 2 && src[0] == '"' && src[len(src)-1] == '"' }

// templatePart is a literal text or a column reference with an optional filter.
type templatePart struct {
	lit    string
	column string
	filter string
}

// parseTemplate splits "{A} / {B|lower}" into its parts. An unclosed brace is
// taken literally.
func parseTemplate(src string) []templatePart {
	var parts []templatePart
	for src != "" {
		i := strings.Index(src, "{")
		j := strings.Index(src, "}")
		if i < 0 || j < i {
			parts = append(parts, templatePart{lit: src})
			break
		}
		if i > 0 {
			parts = append(parts, templatePart{lit: src[:i]})
		}
		col, filter, _ := strings.Cut(src[i+1:j], "|")
		parts = append(parts, templatePart{column: strings.TrimSpace(col), filter: strings.ToLower(strings.TrimSpace(filter))})
		src = src[j+1:]
	}
	return parts
}
