package ingest

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
)

// source extracts one value from a row: a column, a template over columns or
// a literal.
type source struct {
	col   int // the column read, or -1 for templates and literals
	parts []sourcePart
	pos   int    // column number (1-based) for messages, 0 for literals
	name  string // column name for messages
}

type sourcePart struct {
	lit    string
	col    int // -1: literal
	filter string
	// lookup, when set, replaces the cell by its value in a lookup table.
	lookup string
	reg    lookups
}

// lookups are the tables of kind lookup of an ingest: name → key → value.
type lookups map[string]map[string]string

// value returns the trimmed value of s in cells and whether it is missing.
// A template is missing when every column it reads is missing.
func (s *source) value(cells []string, missing func(string) bool) (string, bool) {
	if s.col >= 0 {
		v := trimCell(cells[s.col])
		if missing(v) {
			return "", true
		}
		return v, false
	}
	var b strings.Builder
	allMissing, anyCol := true, false
	for _, p := range s.parts {
		if p.col < 0 {
			b.WriteString(p.lit)
			continue
		}
		anyCol = true
		v := trimCell(cells[p.col])
		if missing(v) {
			continue
		}
		if p.lookup != "" {
			if v = p.reg[p.lookup][v]; v == "" {
				continue
			}
		}
		allMissing = false
		b.WriteString(applyFilter(v, p.filter))
	}
	if anyCol && allMissing {
		return "", true
	}
	v := strings.TrimSpace(b.String())
	return v, v == ""
}

func applyFilter(v, filter string) string {
	switch filter {
	case "first":
		if f := strings.Fields(v); len(f) > 0 {
			return f[0]
		}
		return ""
	case "lower":
		return strings.ToLower(v)
	case "upper":
		return strings.ToUpper(v)
	case "trim":
		return strings.Join(strings.Fields(v), " ")
	}
	return v
}

// trimCell removes surrounding white space (spaces, tabs, NBSP, line breaks).
func trimCell(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }

// attrSource is an attribute with its source.
type attrSource struct {
	name string
	src  *source
}

// plan says how to turn the rows of one table into records of one kind.
type plan struct {
	table *Table
	kind  Kind
	// fields by name: "id", "family", "actor.family", "project.start"…
	fields       map[string]*source
	attrs        []attrSource // of the main record (actors, projects)
	actorAttrs   []attrSource // actor.attr.X in links and participations
	projectAttrs []attrSource
	values       map[string]map[string]string
	rules        map[string][]Rule
	split        map[string]string
	filters      []rowFilter
	missingSet   map[string]bool
	skipIfMiss   []string
	firstDup     bool
	decimalComma bool
	mapped       bool
	keyedByName  bool     // an actors table whose ids are its names
	uses         []string // lookup tables read by templates
}

type rowFilter struct {
	col    int
	values map[string]bool // keys
}

func (p *plan) missing(v string) bool {
	return v == "" || v == "NA" || p.missingSet[v]
}

// get returns the value of a field in a row ("" when missing or unmapped),
// translated by the value map of the field.
func (p *plan) get(field string, cells []string) string {
	s := p.fields[field]
	if s == nil {
		return ""
	}
	v, miss := s.value(cells, p.missing)
	if miss {
		return ""
	}
	if vm := p.values[field]; vm != nil {
		if t, ok := vm[key(v)]; ok {
			return t
		}
	}
	if rules := p.rules[field]; rules != nil {
		k := key(v)
		for _, r := range rules {
			if r.Match.MatchString(k) {
				return r.Value
			}
		}
	}
	return v
}

// column returns the column number and name of a field, for messages.
func (p *plan) column(field string) (int, string) {
	if s := p.fields[field]; s != nil {
		return s.pos, s.name
	}
	return 0, field
}

// newPlan builds the plan of a table: from a mapping section when sec is not
// nil, else from the header alone. It returns problems when the table cannot
// be read (unknown kind, missing required or mapped columns).
func newPlan(t *Table, sec *Section, comma rune, reg lookups) (*plan, []Problem) {
	p := &plan{table: t, fields: map[string]*source{}, missingSet: map[string]bool{},
		decimalComma: comma != ',', values: map[string]map[string]string{}, split: map[string]string{}}
	colIndex := make(map[string]int, len(t.Header))
	for i, h := range t.Header {
		k := key(h)
		if _, dup := colIndex[k]; !dup {
			colIndex[k] = i
		}
	}
	var problems []Problem
	where := func(col int) Problem {
		return Problem{File: displayName(t), Line: t.HeaderLine, Column: col}
	}
	used := make(map[int]bool)
	if sec != nil {
		p.mapped = true
		p.kind = sec.Kind
		p.firstDup = sec.FirstDuplicate
		p.skipIfMiss = sec.SkipIfMissing
		for _, m := range sec.Missing {
			p.missingSet[m] = true
		}
		for f, vm := range sec.Values {
			m := make(map[string]string, len(vm))
			for k, v := range vm {
				m[key(k)] = v
			}
			p.values[canonField(f)] = m
		}
		for f, r := range sec.Rules {
			if p.rules == nil {
				p.rules = map[string][]Rule{}
			}
			p.rules[canonField(f)] = r
		}
		for f, s := range sec.Split {
			p.split[f] = s
		}
		compile := func(src string) (*source, error) {
			if isLiteral(src) {
				return &source{col: -1, parts: []sourcePart{{lit: src[1 : len(src)-1], col: -1}}}, nil
			}
			if !strings.Contains(src, "{") {
				i, ok := colIndex[key(src)]
				if !ok {
					return nil, fmt.Errorf("%w: no column %q", ErrMissingColumn, src)
				}
				used[i] = true
				return &source{col: i, pos: i + 1, name: t.Header[i]}, nil
			}
			s := &source{col: -1}
			for _, tp := range parseTemplate(src) {
				if tp.column == "" {
					s.parts = append(s.parts, sourcePart{lit: tp.lit, col: -1})
					continue
				}
				col, lookup := tp.column, ""
				if name, c, ok := strings.Cut(col, ":"); ok && strings.HasPrefix(name, "@") {
					lookup, col = strings.TrimSpace(name[1:]), strings.TrimSpace(c)
					p.uses = append(p.uses, lookup)
				}
				i, ok := colIndex[key(col)]
				if !ok {
					return nil, fmt.Errorf("%w: no column %q", ErrMissingColumn, col)
				}
				used[i] = true
				if s.pos == 0 {
					s.pos, s.name = i+1, t.Header[i]
				}
				s.parts = append(s.parts, sourcePart{col: i, filter: tp.filter, lookup: lookup, reg: reg})
			}
			return s, nil
		}
		for _, f := range sec.fieldOrder() {
			s, err := compile(sec.Fields[f])
			if err != nil {
				pr := where(0)
				pr.Field, pr.Err = f, err
				pr.Hint = "the header has: " + strings.Join(t.Header, ", ")
				problems = append(problems, pr)
				continue
			}
			switch {
			case strings.HasPrefix(f, "attr."):
				p.attrs = append(p.attrs, attrSource{f[5:], s})
			case strings.HasPrefix(f, "actor.attr."):
				p.actorAttrs = append(p.actorAttrs, attrSource{f[11:], s})
			case strings.HasPrefix(f, "project.attr."):
				p.projectAttrs = append(p.projectAttrs, attrSource{f[13:], s})
			default:
				p.fields[f] = s
			}
		}
		cols := make([]string, 0, len(sec.Filter))
		for c := range sec.Filter {
			cols = append(cols, c)
		}
		sort.Strings(cols)
		for _, c := range cols {
			i, ok := colIndex[key(c)]
			if !ok {
				pr := where(0)
				pr.Field, pr.Err, pr.Hint = c, fmt.Errorf("%w: filter on %q", ErrMissingColumn, c), "the header has: "+strings.Join(t.Header, ", ")
				problems = append(problems, pr)
				continue
			}
			f := rowFilter{col: i, values: map[string]bool{}}
			for _, v := range sec.Filter[c] {
				f.values[key(v)] = true
			}
			p.filters = append(p.filters, f)
		}
		if len(problems) > 0 {
			return nil, problems
		}
		if p.kind == KindLookup {
			for _, f := range []string{"name", "key", "value"} {
				if p.fields[f] == nil {
					pr := where(0)
					pr.Field, pr.Err = f, fmt.Errorf("%w: a lookup section needs name, key and value", ErrMissingColumn)
					pr.Hint = `e.g. name = "programme_part", key = rcn, value = programme_part`
					problems = append(problems, pr)
				}
			}
			if len(problems) > 0 {
				return nil, problems
			}
			return p, nil
		}
		if p.kind == "" {
			p.kind = kindOfFields(p.fields)
		}
	}
	if p.kind == "" {
		// Recognise the kind from the header, counting mapped fields as present.
		h := append([]string(nil), t.Header...)
		for f := range p.fields {
			h = append(h, f)
		}
		p.kind = recognise(h, t.File, t.Sheet)
	}
	if p.kind == "" && !p.mapped {
		if k, missing := closestKind(t.Header); k != "" {
			var problems []Problem
			for _, f := range missing {
				pr := where(0)
				pr.Field = f
				pr.Err = fmt.Errorf("%w: %s table without %q column", ErrMissingColumn, k, f)
				pr.Hint = fmt.Sprintf("add a column %s (%s), or map one with --map %s=COLUMN", f, aliasesOf(k, f), f)
				problems = append(problems, pr)
			}
			return nil, problems
		}
	}
	if p.kind == "" {
		pr := where(0)
		pr.Err = fmt.Errorf("%w: the header (%s) is not that of a known table", ErrMissingColumn, strings.Join(t.Header, ", "))
		pr.Hint = expectedColumns()
		return nil, []Problem{pr}
	}
	// Recognise the fields of the kind that the mapping does not give.
	rank := make(map[string]int)
	for i, h := range t.Header {
		if used[i] {
			continue
		}
		k := key(h)
		f, ok := fieldIndex[p.kind][k]
		if !ok || p.fields[f] != nil && rank[f] == 0 && p.mapped {
			if p.kind == KindActors || p.kind == KindProjects {
				if !ok && !p.mapped {
					p.attrs = append(p.attrs, attrSource{h, &source{col: i, pos: i + 1, name: h}})
				}
			}
			continue
		}
		r := aliasRank(p.kind, f, k) + 1
		if old := p.fields[f]; old != nil {
			if r >= rank[f] {
				// A less specific alias of a field already found: keep it as an attribute.
				if (p.kind == KindActors || p.kind == KindProjects) && !p.mapped {
					p.attrs = append(p.attrs, attrSource{h, &source{col: i, pos: i + 1, name: h}})
				}
				continue
			}
			if (p.kind == KindActors || p.kind == KindProjects) && !p.mapped {
				p.attrs = append(p.attrs, attrSource{old.name, old})
			}
		}
		p.fields[f] = &source{col: i, pos: i + 1, name: h}
		rank[f] = r
	}
	sort.SliceStable(p.attrs, func(i, j int) bool { return p.attrs[i].src.pos < p.attrs[j].src.pos })
	if p.kind == KindActors && p.fields["id"] == nil && p.fields["name"] != nil {
		// Keyed by names, as links and participations that name actors are.
		p.fields["id"] = p.fields["name"]
		p.keyedByName = true
	}
	for _, f := range kindFields[p.kind] {
		if f.required && p.fields[f.name] == nil {
			pr := where(0)
			pr.Field = f.name
			pr.Err = fmt.Errorf("%w: %s table without %q column", ErrMissingColumn, p.kind, f.name)
			pr.Hint = fmt.Sprintf("add a column %s (%s), or map one with --map %s=COLUMN",
				f.name, aliasesOf(p.kind, f.name), f.name)
			problems = append(problems, pr)
		}
	}
	if p.mapped {
		problems = append(problems, p.checkMappedFields(t)...)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	return p, nil
}

// checkMappedFields rejects mapped fields that the kind does not have, and
// moves unprefixed actor/project details to their prefixed names in links and
// participations (family=Legal Status means actor.family there).
func (p *plan) checkMappedFields(t *Table) []Problem {
	var problems []Problem
	own := make(map[string]bool)
	for _, f := range kindFields[p.kind] {
		own[f.name] = true
	}
	names := make([]string, 0, len(p.fields))
	for f := range p.fields {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		if own[f] {
			continue
		}
		if p.kind == KindLinks || p.kind == KindParticipations {
			if base, ok := strings.CutPrefix(f, "actor."); ok && slices.Contains(actorDetailFields, base) {
				continue
			}
			if base, ok := strings.CutPrefix(f, "project."); ok && p.kind == KindParticipations && slices.Contains(projectDetailFields, base) {
				continue
			}
			if slices.Contains(actorDetailFields, f) {
				p.moveField(f, "actor."+f)
				continue
			}
			if slices.Contains(projectDetailFields, f) && p.kind == KindParticipations {
				p.moveField(f, "project."+f)
				continue
			}
		}
		s := p.fields[f]
		problems = append(problems, Problem{File: displayName(t), Line: t.HeaderLine, Column: s.pos, Field: f,
			Err:  fmt.Errorf("%w: a %s table has no field %q", ErrBadValue, p.kind, f),
			Hint: "fields of " + string(p.kind) + ": " + fieldNames(p.kind)})
	}
	return problems
}

func (p *plan) moveField(from, to string) {
	p.fields[to] = p.fields[from]
	delete(p.fields, from)
	if vm, ok := p.values[from]; ok {
		p.values[to] = vm
		delete(p.values, from)
	}
	if r, ok := p.rules[from]; ok {
		p.rules[to] = r
		delete(p.rules, from)
	}
	if s, ok := p.split[from]; ok {
		p.split[to] = s
		delete(p.split, from)
	}
}

func fieldNames(k Kind) string {
	var names []string
	for _, f := range kindFields[k] {
		names = append(names, f.name)
	}
	switch k {
	case KindLinks:
		names = append(names, "actor.{"+strings.Join(actorDetailFields, ",")+"}")
	case KindParticipations:
		names = append(names, "actor.{"+strings.Join(actorDetailFields, ",")+"}",
			"project.{"+strings.Join(projectDetailFields, ",")+"}")
	}
	return strings.Join(names, ", ") + ", attr.NAME"
}

// aliasesOf lists the first header aliases of a field, for hints.
func aliasesOf(k Kind, field string) string {
	for _, f := range kindFields[k] {
		if f.name == field {
			return strings.Join(f.aliases[:min(4, len(f.aliases))], ", ")
		}
	}
	return field
}

// aliasRank is the position of the alias k among the aliases of field f: the
// first aliases are the most specific.
func aliasRank(kind Kind, f, k string) int {
	for _, fs := range kindFields[kind] {
		if fs.name != f {
			continue
		}
		for i, a := range fs.aliases {
			if key(a) == k {
				return i
			}
		}
	}
	return 1 << 20
}

// kindOfFields guesses the kind of a mapped table from the fields it maps.
func kindOfFields(fields map[string]*source) Kind {
	has := func(f string) bool { return fields[f] != nil }
	switch {
	case has("source") && has("target"):
		return KindLinks
	case has("actor") && has("project"):
		return KindParticipations
	case has("programme") || has("phase") || has("dimensions") || has("targets"):
		return KindProjects
	case has("family") || has("level") || has("country"):
		return KindActors
	}
	return ""
}
