package ingest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
)

// maxSuggestions bounds the number of "did you mean" searches over actor and
// project ids, which cost a pass over every id each.
const maxSuggestions = 1000

// builder turns planned tables into a Dataset and collects every problem.
type builder struct {
	vocab *Vocabulary
	known *graph.Dataset

	knownActor, knownProject map[string]bool

	actors    []graph.Actor
	actorAt   map[string]int
	projects  []graph.Project
	projectAt map[string]int
	links     *sorter[graph.Link]
	parts     *sorter[graph.Participation]
	tmp       tempDir
	prog      *progress
	ctx       context.Context

	// declaredActors / declaredProjects: an actors (projects) table or a
	// dataset file is part of this ingest, so every referenced actor (project)
	// must be declared.
	declaredActors, declaredProjects bool
	// implicit marks actors and projects created from links and
	// participations, with the row that created them.
	implicitActor, implicitProject map[string]bool
	implicitActors, implicitProjs  int

	suggestions    int
	unknownCountry map[string]bool // values of country columns warned about
	aliases        *Aliases
	aliasUsed      map[string]bool // aliases met in the input
	fromAlias      map[string]bool // actors declared by the row of one of their aliases
	nearGroups     []NearDuplicate
	errs, warns    problemLog
	buf            [2][]string // reused by ids

	sheetFiles map[string]string // "book.xlsx[Sheet]" → "book.xlsx"

	actorCands, projectCands   *candidates
	actorCandsN, projectCandsN int
}

func newBuilder(vocab *Vocabulary, known *graph.Dataset) *builder {
	b := &builder{vocab: vocab, known: known, actorAt: map[string]int{}, projectAt: map[string]int{},
		knownActor: map[string]bool{}, knownProject: map[string]bool{},
		implicitActor: map[string]bool{}, implicitProject: map[string]bool{}, ctx: context.Background()}
	b.links = &sorter[graph.Link]{cmp: compareLinks, lead: linkEnds, codec: linkCodec, dir: b.tmp.path}
	b.parts = &sorter[graph.Participation]{cmp: compareParticipations, codec: participationCodec, dir: b.tmp.path,
		lead: func(p *graph.Participation) (string, string) { return p.Actor, p.Project }}
	if known != nil {
		for _, a := range known.Actors {
			b.knownActor[a.ID] = true
		}
		for _, p := range known.Projects {
			b.knownProject[p.ID] = true
		}
	}
	return b
}

// origin is the file named in the provenance of records while they are
// built: the sheet is named too (book.xlsx[Partners]) so that warnings about
// duplicates locate them, and finish puts the path alone.
func (b *builder) origin(t *Table) string {
	if t.Sheet == "" {
		return t.File
	}
	name := displayName(t)
	if b.sheetFiles == nil {
		b.sheetFiles = map[string]string{}
	}
	b.sheetFiles[name] = t.File
	return name
}

// pathOrigin replaces the sheet name in a provenance by the file's path.
func (b *builder) pathOrigin(o *graph.Provenance) {
	if f, ok := b.sheetFiles[o.File]; ok {
		o.File = f
	}
}

func (b *builder) errorf(t *Table, line, col int, field string, err error, hint string) {
	b.errs.add(Problem{File: displayName(t), Line: line, Column: col, Field: field, Err: err, Hint: hint})
}

func (b *builder) warnf(t *Table, line, col int, field string, err error, hint string) {
	b.warns.add(Problem{File: displayName(t), Line: line, Column: col, Field: field, Err: err, Hint: hint})
}

// rowError reports a bad value of a field on a row.
func (b *builder) rowError(p *plan, row *Row, field string, err error, hint string) {
	col, name := p.column(field)
	b.errorf(p.table, row.Line, col, name, err, hint)
}

// keep applies the row filters and skip_if_missing of the plan.
func (p *plan) keep(cells []string) bool {
	for _, f := range p.filters {
		if !f.values[key(cells[f.col])] {
			return false
		}
	}
	return true
}

func blank(cells []string) bool {
	for _, c := range cells {
		if trimCell(c) != "" {
			return false
		}
	}
	return true
}

// rows calls fn for every row of the plan's table that the filters keep and
// that has every skip_if_missing field; it warns once about skipped rows.
func (b *builder) rows(p *plan, fn func(row *Row)) {
	var skipped []int
	each := func(row *Row) {
		if blank(row.Cells) || !p.keep(row.Cells) {
			return
		}
		for _, f := range p.skipIfMiss {
			if p.get(f, row.Cells) == "" {
				skipped = append(skipped, row.Line)
				return
			}
		}
		fn(row)
	}
	if cs := p.table.stream; cs != nil {
		var progress func(done, total int64)
		if b.prog != nil && cs.scans == 0 {
			progress = b.prog.reporter(cs.file)
		}
		b.errs.add(cs.scan(each, progress)...)
	} else {
		for i := range p.table.Rows {
			each(&p.table.Rows[i])
		}
	}
	if len(skipped) > 0 {
		b.warnf(p.table, skipped[0], 0, "", fmt.Errorf("%d row(s) skipped because %s is missing (lines %s)",
			len(skipped), strings.Join(p.skipIfMiss, " or "), lineList(skipped)), "")
	}
}

func lineList(lines []int) string {
	var s []string
	for i, l := range lines {
		if i == 10 {
			s = append(s, "…")
			break
		}
		s = append(s, fmt.Sprint(l))
	}
	return strings.Join(s, ", ")
}

// family resolves a family value, reporting unknown ones.
// country returns the ISO 3166-1 alpha-2 code of the country v names
// (countryCode). A value that names no country is kept as written, with one
// warning for its first row.
func (b *builder) country(p *plan, row *Row, field, v string) string {
	code, ok := countryCode(v)
	if !ok && !b.unknownCountry[v] {
		if b.unknownCountry == nil {
			b.unknownCountry = map[string]bool{}
		}
		b.unknownCountry[v] = true
		col, name := p.column(field)
		b.warnf(p.table, row.Line, col, name, fmt.Errorf("country %q is no country name or ISO code known: kept as written (warned once)", v),
			"write the ISO 3166-1 alpha-2 code (FR, MA, SN…) or the country's English or French name, or translate the value in a mapping: "+field+"[VALUE] = CODE")
	}
	return code
}

func (b *builder) family(p *plan, row *Row, field, v string) string {
	if v == "" {
		return ""
	}
	f, ok := b.vocab.Family(v)
	if !ok {
		hint := "families are " + vocabList(b.vocab.Families())
		if s := suggest(v, b.vocab.candidates()); s != "" {
			hint = fmt.Sprintf("did you mean %q (%s)? ", s, b.vocab.alias[key(s)]) + hint
		}
		hint += "; add aliases or new families with a vocabulary file, or map values with " + field + "[VALUE] = FAMILY"
		b.rowError(p, row, field, fmt.Errorf("%w: %q", ErrUnknownFamily, v), hint)
	}
	return f
}

func (b *builder) level(p *plan, row *Row, field, v string) string {
	if v == "" {
		return ""
	}
	l, ok := levelIndex[key(v)]
	if !ok {
		hint := "levels are " + vocabList(graph.Levels)
		if s := suggest(v, indexCandidates(levelIndex)); s != "" {
			hint = fmt.Sprintf("did you mean %q (%s)? ", s, levelIndex[key(s)]) + hint
		}
		b.rowError(p, row, field, fmt.Errorf("%w: unknown level %q", ErrBadValue, v), hint)
	}
	return l
}

func (b *builder) date(p *plan, row *Row, field, v string) string {
	d, err := parseDate(v)
	if err != nil {
		b.rowError(p, row, field, err, "write a year (2015) or a date (2015-03-31 or 31/03/2015)")
	}
	return d
}

// vocabSet resolves a multi-valued cell against a vocabulary (dimensions,
// targets), in canonical order without repeats.
func (b *builder) vocabSet(p *plan, row *Row, field, v string, idx map[string]string, canon []string) []string {
	if v == "" {
		return nil
	}
	found := map[string]bool{}
	for _, item := range splitMulti(v, p.comma()) {
		c, ok := idx[key(item)]
		if !ok {
			hint := field + " are " + vocabList(canon)
			if s := suggest(item, indexCandidates(idx)); s != "" {
				hint = fmt.Sprintf("did you mean %q (%s)? ", s, idx[key(s)]) + hint
			}
			b.rowError(p, row, field, fmt.Errorf("%w: unknown %s value %q", ErrBadValue, strings.TrimSuffix(field, "s"), item), hint+"; separate several values with |")
			continue
		}
		found[c] = true
	}
	var out []string
	for _, c := range canon {
		if found[c] {
			out = append(out, c)
		}
	}
	return out
}

func (p *plan) comma() rune {
	if p.decimalComma {
		return ';'
	}
	return ','
}

// attrs reads the attributes of a row.
func (p *plan) readAttrs(srcs []attrSource, cells []string) map[string]string {
	var m map[string]string
	for _, a := range srcs {
		v, miss := a.src.value(cells, p.missing)
		if miss {
			continue
		}
		if m == nil {
			m = make(map[string]string, len(srcs))
		}
		m[a.name] = v
	}
	return m
}

// readLookups fills reg from the lookup tables: for each key, the distinct
// values in order of appearance, joined with "|".
func (b *builder) readLookups(plans []*plan, reg lookups) {
	for _, p := range plans {
		b.rows(p, func(row *Row) {
			name, k, v := p.get("name", row.Cells), p.get("key", row.Cells), p.get("value", row.Cells)
			if name == "" || k == "" || v == "" {
				return
			}
			m := reg[name]
			if m == nil {
				m = map[string]string{}
				reg[name] = m
			}
			switch old := m[k]; {
			case old == "":
				m[k] = v
			case !slices.Contains(strings.Split(old, "|"), v):
				m[k] = old + "|" + v
			}
		})
	}
}

// addActors reads an actors table.
func (b *builder) addActors(p *plan) {
	b.rows(p, func(row *Row) {
		c := row.Cells
		a := graph.Actor{ID: p.get("id", c), Name: p.get("name", c), Country: b.country(p, row, "country", p.get("country", c)),
			Territory: p.get("territory", c), Attrs: p.readAttrs(p.attrs, c),
			Origin: graph.Provenance{File: b.origin(p.table), Line: row.Line}}
		a.Family = b.family(p, row, "family", p.get("family", c))
		a.Level = b.level(p, row, "level", p.get("level", c))
		if a.ID == "" {
			b.rowError(p, row, "id", fmt.Errorf("%w: empty actor id", ErrBadValue), "every actor needs a unique id")
			return
		}
		b.putAliased(p, row, a)
	})
}

// putAliased puts an actor declared by a row, merging the rows of its
// aliases: the row of the canonical id is kept, or else the first row of an
// alias.
func (b *builder) putAliased(p *plan, row *Row, a graph.Actor) {
	id := b.canon(a.ID)
	switch i, dup := b.actorAt[id]; {
	case id != a.ID && dup:
		return
	case id != a.ID:
		a.ID = id
		if b.fromAlias == nil {
			b.fromAlias = map[string]bool{}
		}
		b.fromAlias[id] = true
	case dup && b.fromAlias[id]:
		b.actors[i] = a
		delete(b.fromAlias, id)
		return
	}
	b.putActor(p, row, a)
}

func (b *builder) putActor(p *plan, row *Row, a graph.Actor) {
	ok := b.validID(p, row, "id", a.ID)
	ok = b.validTexts(p, row, a.Attrs, "name", a.Name, "territory", a.Territory, "country", a.Country) && ok
	if !ok {
		return
	}
	if i, dup := b.actorAt[a.ID]; dup {
		old := b.actors[i]
		b.duplicate(p, row, "id", a.ID, "actor", old.Origin, sameActor(old, a))
		return
	}
	b.actorAt[a.ID] = len(b.actors)
	b.actors = append(b.actors, a)
}

func (b *builder) duplicate(p *plan, row *Row, field, id, what string, first graph.Provenance, same bool) {
	col, name := p.column(field)
	at := fmt.Sprintf("%s:%d", first.File, first.Line)
	if same {
		b.warnf(p.table, row.Line, col, name, fmt.Errorf("%w: %s %q repeated (identical to %s)", ErrDuplicate, what, id, at), "the repeated row is ignored")
		return
	}
	if p.firstDup {
		b.warnf(p.table, row.Line, col, name, fmt.Errorf("%w: %s %q already defined at %s with other values", ErrDuplicate, what, id, at), "the first definition is kept (duplicates = first)")
		return
	}
	b.errorf(p.table, row.Line, col, name, fmt.Errorf("%w: %s %q already defined at %s with other values", ErrDuplicate, what, id, at),
		"give each "+what+" a unique id, or merge the two rows")
}

func sameActor(a, b graph.Actor) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Family == b.Family && a.Country == b.Country &&
		a.Territory == b.Territory && a.Level == b.Level && maps.Equal(a.Attrs, b.Attrs)
}

func sameProject(a, b graph.Project) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Programme == b.Programme && a.Phase == b.Phase &&
		a.Start == b.Start && a.End == b.End && slices.Equal(a.Dimensions, b.Dimensions) &&
		slices.Equal(a.Targets, b.Targets) && a.Territory == b.Territory && maps.Equal(a.Attrs, b.Attrs)
}

// readProject reads the project fields of a row, with prefix "" (projects
// tables) or "project." (participations).
func (b *builder) readProject(p *plan, row *Row, prefix string, attrs []attrSource) graph.Project {
	c := row.Cells
	pr := graph.Project{Name: p.get(prefix+"name", c), Programme: p.get(prefix+"programme", c),
		Territory: p.get(prefix+"territory", c), Attrs: p.readAttrs(attrs, c),
		Origin: graph.Provenance{File: b.origin(p.table), Line: row.Line}}
	if prefix == "" {
		pr.ID = p.get("id", c)
	}
	var err error
	if pr.Phase, err = parsePhase(p.get(prefix+"phase", c)); err != nil {
		b.rowError(p, row, prefix+"phase", err, "the phase orders the successive projects of a programme: 1, 2, 3…")
	}
	pr.Start = b.date(p, row, prefix+"start", p.get(prefix+"start", c))
	pr.End = b.date(p, row, prefix+"end", p.get(prefix+"end", c))
	b.checkPeriod(p, row, prefix+"end", pr.Start, pr.End)
	pr.Dimensions = b.vocabSet(p, row, prefix+"dimensions", p.get(prefix+"dimensions", c), dimensionIndex, Dimensions)
	pr.Targets = b.vocabSet(p, row, prefix+"targets", p.get(prefix+"targets", c), targetIndex, Targets)
	return pr
}

func (b *builder) checkPeriod(p *plan, row *Row, field, start, end string) {
	if start != "" && end != "" && end < start[:min(len(start), len(end))] {
		col, name := p.column(field)
		b.warnf(p.table, row.Line, col, name, fmt.Errorf("%w: ends (%s) before it starts (%s)", ErrBadValue, end, start), "check the dates")
	}
}

// addProjects reads a projects table.
func (b *builder) addProjects(p *plan) {
	b.rows(p, func(row *Row) {
		pr := b.readProject(p, row, "", p.attrs)
		if pr.ID == "" {
			b.rowError(p, row, "id", fmt.Errorf("%w: empty project id", ErrBadValue), "every project needs a unique id")
			return
		}
		b.putProject(p, row, pr)
	})
}

func (b *builder) putProject(p *plan, row *Row, pr graph.Project) {
	ok := b.validID(p, row, "id", pr.ID)
	ok = b.validTexts(p, row, pr.Attrs, "name", pr.Name, "programme", pr.Programme, "territory", pr.Territory) && ok
	if !ok {
		return
	}
	if i, dup := b.projectAt[pr.ID]; dup {
		old := b.projects[i]
		b.duplicate(p, row, "id", pr.ID, "project", old.Origin, sameProject(old, pr))
		return
	}
	b.projectAt[pr.ID] = len(b.projects)
	b.projects = append(b.projects, pr)
}

// validID reports whether v can be an id or a link type (graph.CheckID:
// the keys of the stores hold them), and reports a problem otherwise, so
// that --dry-run finds what the store would refuse.
func (b *builder) validID(p *plan, row *Row, field, v string) bool {
	err := graph.CheckID(v)
	if err == nil {
		return true
	}
	hint := "remove the character; the file may be damaged or not text"
	if len(v) > graph.MaxIDBytes {
		hint = "an id is a short code (at most 4096 bytes): map another column as id, or shorten the values"
	}
	if len(v) > 60 {
		v = v[:60] + "…"
	}
	b.rowError(p, row, field, fmt.Errorf("%w: %s %q: %w", ErrBadValue, field, v, err), hint)
	return false
}

// validTexts reports whether every text given as field, value pairs, and
// every attribute, can be stored (graph.CheckText), and reports a problem
// for each that cannot.
func (b *builder) validTexts(p *plan, row *Row, attrs map[string]string, pairs ...string) bool {
	ok := true
	check := func(field, v string) {
		if err := graph.CheckText(v); err != nil {
			b.rowError(p, row, field, fmt.Errorf("%w: %s: %w", ErrBadValue, field, err), "remove the character; the file may be damaged or not text")
			ok = false
		}
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		check(pairs[i], pairs[i+1])
	}
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		check(k, k)
		check(k, attrs[k])
	}
	return ok
}

// actorKnown reports whether id is declared in this ingest or in the store.
func (b *builder) actorKnown(id string) bool {
	_, ok := b.actorAt[id]
	return ok || b.knownActor[id]
}

// resolveActor checks a reference to an actor from a link or a participation.
// When no actors table is part of the ingest, an unknown actor is created from
// the row (two-mode and edge-list input); otherwise it is an error.
//
// An actor of the store that a row describes (a mapping gives actor.family,
// actor.country…) is read again from the row when no actors table is given,
// so that re-reading a two-mode file with a corrected mapping updates it;
// otherwise actors of the store are left as they are.
func (b *builder) resolveActor(p *plan, row *Row, field, id string) bool {
	if _, ok := b.actorAt[id]; ok {
		return true
	}
	if !b.validID(p, row, field, id) {
		return false
	}
	if b.knownActor[id] && (b.declaredActors || !p.hasActorDetails()) {
		return true
	}
	if !b.declaredActors {
		a := graph.Actor{ID: id, Origin: graph.Provenance{File: b.origin(p.table), Line: row.Line}}
		if p.hasActorDetails() {
			c := row.Cells
			a.Name, a.Territory = p.get("actor.name", c), p.get("actor.territory", c)
			a.Country = b.country(p, row, "actor.country", p.get("actor.country", c))
			a.Family = b.family(p, row, "actor.family", p.get("actor.family", c))
			a.Level = b.level(p, row, "actor.level", p.get("actor.level", c))
			a.Attrs = p.readAttrs(p.actorAttrs, c)
		}
		b.actorAt[id] = len(b.actors)
		b.actors = append(b.actors, a)
		b.implicitActor[id] = true
		if !b.knownActor[id] {
			b.implicitActors++
		}
		return true
	}
	hint := "add it to the actors table"
	if b.suggestions < maxSuggestions {
		b.suggestions++
		if s := b.nearestActor(id); s != "" {
			hint = fmt.Sprintf("did you mean %q? Otherwise %s", s, hint)
		}
	}
	b.rowError(p, row, field, fmt.Errorf("%w: %q", ErrUnknownActor, id), hint)
	return false
}

// nearestActor is the declared actor id nearest to id, by edit distance.
// The folded ids are computed once, and again only when actors were added.
func (b *builder) nearestActor(id string) string {
	if n := len(b.actors) + len(b.knownActor); b.actorCands == nil || b.actorCandsN != n {
		ids := make([]string, 0, n)
		for _, a := range b.actors {
			ids = append(ids, a.ID)
		}
		for k := range b.knownActor {
			if _, ok := b.actorAt[k]; !ok {
				ids = append(ids, k)
			}
		}
		b.actorCands, b.actorCandsN = newCandidates(ids), n
	}
	return b.actorCands.nearest(id)
}

// nearestProject is nearestActor for projects.
func (b *builder) nearestProject(id string) string {
	if n := len(b.projects) + len(b.knownProject); b.projectCands == nil || b.projectCandsN != n {
		ids := make([]string, 0, n)
		for _, q := range b.projects {
			ids = append(ids, q.ID)
		}
		for k := range b.knownProject {
			if _, ok := b.projectAt[k]; !ok {
				ids = append(ids, k)
			}
		}
		b.projectCands, b.projectCandsN = newCandidates(ids), n
	}
	return b.projectCands.nearest(id)
}

func (p *plan) hasActorDetails() bool {
	for _, f := range actorDetailFields {
		if p.fields["actor."+f] != nil {
			return true
		}
	}
	return len(p.actorAttrs) > 0
}

func (p *plan) hasProjectDetails() bool {
	for _, f := range projectDetailFields {
		if p.fields["project."+f] != nil {
			return true
		}
	}
	return len(p.projectAttrs) > 0
}

// checkActorDetails warns when a row describes an implicit actor differently
// from the row that created it.
func (b *builder) checkActorDetails(p *plan, row *Row, id string) {
	if !b.implicitActor[id] || !p.hasActorDetails() {
		return
	}
	a := &b.actors[b.actorAt[id]]
	if a.Origin.Line == row.Line && a.Origin.File == b.origin(p.table) {
		return
	}
	c := row.Cells
	check := func(field, have, got string) {
		if got != "" && have != "" && got != have {
			col, name := p.column(field)
			b.warnf(p.table, row.Line, col, name, fmt.Errorf("actor %q is %s here but %s at %s:%d", id, got, have, a.Origin.File, a.Origin.Line),
				"the first value is kept")
		}
	}
	if f := p.get("actor.family", c); f != "" {
		if fam, ok := b.vocab.Family(f); ok {
			check("actor.family", a.Family, fam)
		}
	}
	if v, ok := countryCode(p.get("actor.country", c)); ok {
		check("actor.country", a.Country, v)
	}
}

func (b *builder) resolveProject(p *plan, row *Row, id string) bool {
	if _, ok := b.projectAt[id]; ok {
		return true
	}
	if !b.validID(p, row, "project", id) {
		return false
	}
	if b.knownProject[id] && (b.declaredProjects || !p.hasProjectDetails()) {
		return true
	}
	if !b.declaredProjects {
		pr := graph.Project{ID: id, Origin: graph.Provenance{File: b.origin(p.table), Line: row.Line}}
		if p.hasProjectDetails() {
			pr = b.readProject(p, row, "project.", p.projectAttrs)
			pr.ID = id
		}
		b.projectAt[id] = len(b.projects)
		b.projects = append(b.projects, pr)
		b.implicitProject[id] = true
		if !b.knownProject[id] {
			b.implicitProjs++
		}
		return true
	}
	hint := "add it to the projects table"
	if b.suggestions < maxSuggestions {
		b.suggestions++
		if s := b.nearestProject(id); s != "" {
			hint = fmt.Sprintf("did you mean %q? Otherwise %s", s, hint)
		}
	}
	b.rowError(p, row, "project", fmt.Errorf("%w: %q", ErrUnknownProject, id), hint)
	return false
}

// ids returns the actor or project ids named by a field of a row: one, or
// several when the mapping splits the field.
// The ids are appended to buf[:0], which spares an allocation per row.
func (b *builder) ids(p *plan, row *Row, field string, actors bool, buf []string) []string {
	v := p.get(field, row.Cells)
	sep, ok := p.split[field]
	if !ok || v == "" {
		if v == "" {
			return nil
		}
		if actors {
			v = b.canon(v)
		}
		return append(buf[:0], v)
	}
	known := func(id string) bool {
		if actors {
			return b.actorKnown(id)
		}
		_, ok := b.projectAt[id]
		return ok || b.knownProject[id]
	}
	out := append(buf[:0], splitKnown(v, sep, known)...)
	if actors {
		for i := range out {
			out[i] = b.canon(out[i])
		}
	}
	return out
}

// splitKnown splits a cell that joins several names with sep, where names may
// contain sep themselves: at each position it takes the longest known name
// followed by sep or by the end, and falls back to the next sep.
func splitKnown(v, sep string, known func(string) bool) []string {
	var out []string
	for v != "" {
		// Candidate ends: every occurrence of sep, and the end of v.
		cut := -1
		for end := len(v); end > 0; {
			if cand := trimCell(v[:end]); cand != "" && known(cand) {
				cut = end
				break
			}
			i := strings.LastIndex(v[:end], sep)
			if i < 0 {
				break
			}
			end = i
		}
		if cut < 0 {
			cut = strings.Index(v, sep)
			if cut < 0 {
				cut = len(v)
			}
		}
		if t := trimCell(v[:cut]); t != "" {
			out = append(out, t)
		}
		v = v[cut:]
		v = strings.TrimPrefix(strings.TrimLeft(v, " \t"), strings.TrimLeft(sep, " \t"))
	}
	return out
}

// addLinks reads a links table.
func (b *builder) addLinks(p *plan) {
	b.rows(p, func(row *Row) {
		c := row.Cells
		sources, targets := b.ids(p, row, "source", true, b.buf[0]), b.ids(p, row, "target", true, b.buf[1])
		b.buf[0], b.buf[1] = sources, targets
		ok := true
		if len(sources) == 0 {
			b.rowError(p, row, "source", fmt.Errorf("%w: empty source", ErrBadValue), "a link joins two actors: give the id of the first one")
			ok = false
		}
		if len(targets) == 0 {
			b.rowError(p, row, "target", fmt.Errorf("%w: empty target", ErrBadValue), "a link joins two actors: give the id of the second one")
			ok = false
		}
		w, err := parseWeight(p.get("weight", c), p.decimalComma)
		if err != nil {
			hint := weightHint
			if !p.decimalComma {
				hint += "; in a comma-separated file write decimals with a point (0.5)"
			}
			b.rowError(p, row, "weight", err, hint)
			ok = false
		}
		dir, err := parseBool(p.get("directed", c))
		if err != nil {
			b.rowError(p, row, "directed", err, "write yes/no, oui/non, true/false or 1/0")
			ok = false
		}
		start := b.date(p, row, "start", p.get("start", c))
		end := b.date(p, row, "end", p.get("end", c))
		b.checkPeriod(p, row, "end", start, end)
		for _, s := range sources {
			ok = b.resolveActor(p, row, "source", s) && ok
			b.checkActorDetails(p, row, s)
		}
		for _, t := range targets {
			ok = b.resolveActor(p, row, "target", t) && ok
		}
		if !ok {
			return
		}
		typ := p.get("type", c)
		if typ != "" && !b.validID(p, row, "type", typ) {
			return
		}
		for _, s := range sources {
			for _, t := range targets {
				if s == t {
					col, name := p.column("target")
					b.warnf(p.table, row.Line, col, name, fmt.Errorf("self-loop: %q is linked to itself", s), "the link is kept in the store but ignored by the analysis")
				}
				b.links.add(graph.Link{Source: s, Target: t, Type: typ, Weight: w, Directed: dir,
					Start: start, End: end, Origin: graph.Provenance{File: b.origin(p.table), Line: row.Line}})
			}
		}
	})
}

// addParticipations reads a participations table.
func (b *builder) addParticipations(p *plan) {
	b.rows(p, func(row *Row) {
		c := row.Cells
		actors, projects := b.ids(p, row, "actor", true, b.buf[0]), b.ids(p, row, "project", false, b.buf[1])
		b.buf[0], b.buf[1] = actors, projects
		ok := true
		if len(actors) == 0 && p.split["actor"] == "" {
			b.rowError(p, row, "actor", fmt.Errorf("%w: empty actor", ErrBadValue), "give the id of the actor that takes part in the project")
			ok = false
		}
		if len(projects) == 0 {
			b.rowError(p, row, "project", fmt.Errorf("%w: empty project", ErrBadValue), "give the id of the project")
			ok = false
		}
		start := b.date(p, row, "start", p.get("start", c))
		end := b.date(p, row, "end", p.get("end", c))
		b.checkPeriod(p, row, "end", start, end)
		for _, pid := range projects {
			ok = b.resolveProject(p, row, pid) && ok
		}
		for _, a := range actors {
			if b.resolveActor(p, row, "actor", a) {
				b.checkActorDetails(p, row, a)
			} else {
				ok = false
			}
		}
		if !ok {
			return
		}
		role := p.get("role", c)
		if !b.validTexts(p, row, nil, "role", role) {
			return
		}
		for _, a := range actors {
			for _, pid := range projects {
				b.parts.add(graph.Participation{Actor: a, Project: pid, Role: role, Start: start, End: end,
					Origin: graph.Provenance{File: b.origin(p.table), Line: row.Line}})
			}
		}
	})
}

// addGraph adds the records of a GraphML, GEXF or JSON file: its actors and
// projects, which count as declared, then its links and participations as
// the file gives them. It returns the number of links and participations.
func (b *builder) addGraph(g *graphSource, file string) (links, parts int) {
	t := &Table{File: file}
	p := &plan{table: t, fields: map[string]*source{}}
	for _, a := range g.nodes.Actors {
		row := &Row{Line: a.Origin.Line}
		if a.ID == "" {
			b.errorf(t, row.Line, 0, "id", fmt.Errorf("%w: empty actor id", ErrBadValue), "every actor needs a unique id")
			continue
		}
		if a.Family != "" {
			if f, ok := b.vocab.Family(a.Family); ok {
				a.Family = f
			} else {
				b.family(p, row, "family", a.Family)
			}
		}
		if a.Level != "" {
			a.Level = b.level(p, row, "level", a.Level)
		}
		a.Country = b.country(p, row, "country", a.Country)
		b.putAliased(p, row, a)
	}
	for _, pr := range g.nodes.Projects {
		row := &Row{Line: pr.Origin.Line}
		if pr.ID == "" {
			b.errorf(t, row.Line, 0, "id", fmt.Errorf("%w: empty project id", ErrBadValue), "every project needs a unique id")
			continue
		}
		// The checks of a projects table (issue #16, finding 8): dates,
		// periods, dimensions and target groups.
		pr.Start = b.date(p, row, "start", pr.Start)
		pr.End = b.date(p, row, "end", pr.End)
		b.checkPeriod(p, row, "end", pr.Start, pr.End)
		pr.Dimensions = b.vocabSet(p, row, "dimensions", strings.Join(pr.Dimensions, "|"), dimensionIndex, Dimensions)
		pr.Targets = b.vocabSet(p, row, "targets", strings.Join(pr.Targets, "|"), targetIndex, Targets)
		b.putProject(p, row, pr)
	}
	problems := g.edges(func(l graph.Link) {
		links++
		row := &Row{Line: l.Origin.Line}
		l.Source, l.Target = b.canon(l.Source), b.canon(l.Target)
		ok := b.resolveActor(p, row, "source", l.Source)
		ok = b.resolveActor(p, row, "target", l.Target) && ok
		if l.Weight == 0 {
			l.Weight = 1
		}
		if err := checkWeight(l.Weight, strconv.FormatFloat(l.Weight, 'g', -1, 64)); err != nil {
			b.errorf(t, row.Line, 0, "weight", err, weightHint)
			ok = false
		}
		if l.Type != "" && !b.validID(p, row, "type", l.Type) {
			ok = false
		}
		l.Start = b.date(p, row, "start", l.Start)
		l.End = b.date(p, row, "end", l.End)
		b.checkPeriod(p, row, "end", l.Start, l.End)
		if ok {
			if l.Source == l.Target {
				b.warnf(t, row.Line, 0, "target", fmt.Errorf("self-loop: %q is linked to itself", l.Source), "the link is kept in the store but ignored by the analysis")
			}
			b.links.add(l)
		}
	}, func(pa graph.Participation) {
		parts++
		row := &Row{Line: pa.Origin.Line}
		pa.Actor = b.canon(pa.Actor)
		ok := b.resolveProject(p, row, pa.Project)
		ok = b.resolveActor(p, row, "actor", pa.Actor) && ok
		ok = b.validTexts(p, row, nil, "role", pa.Role) && ok
		pa.Start = b.date(p, row, "start", pa.Start)
		pa.End = b.date(p, row, "end", pa.End)
		b.checkPeriod(p, row, "end", pa.Start, pa.End)
		if ok {
			b.parts.add(pa)
		}
	})
	b.errs.add(problems...)
	return links, parts
}

// finish removes duplicate links and participations, warns about
// near-duplicate names and implicit records, and returns the records read,
// each table in the order of graph.Dataset.Sort. Large tables are left in
// temporary files, which in.Close removes.
func (b *builder) finish(in *Input) error {
	in.Actors, in.Projects = b.actors, b.projects
	sort.Slice(in.Actors, func(i, j int) bool { return in.Actors[i].ID < in.Actors[j].ID })
	sort.Slice(in.Projects, func(i, j int) bool { return in.Projects[i].ID < in.Projects[j].ID })
	in.links = &records[graph.Link]{codec: linkCodec}
	in.parts = &records[graph.Participation]{codec: participationCodec}
	err := dedupe(b, b.links, in.links, compareLinks,
		func(l *graph.Link) *graph.Provenance { return &l.Origin },
		func(x, y *graph.Link) bool {
			return x.Weight == y.Weight && x.Start == y.Start && x.End == y.End
		}, nil, func(l *graph.Link) string { return fmt.Sprintf("link %s – %s (%s)", l.Source, l.Target, l.Type) })
	if err != nil {
		return err
	}
	err = dedupe(b, b.parts, in.parts, compareParticipations,
		func(p *graph.Participation) *graph.Provenance { return &p.Origin },
		func(x, y *graph.Participation) bool { return x.Role == y.Role && x.Start == y.Start && x.End == y.End },
		mergeRoles,
		func(p *graph.Participation) string {
			return fmt.Sprintf("participation of %s in %s", p.Actor, p.Project)
		})
	if err != nil {
		return err
	}
	if b.implicitActors > 0 {
		b.warns.add(Problem{Err: fmt.Errorf("%d actor(s) created from links or participations", b.implicitActors),
			Hint: "no actors table was given: actors are identified by the names in the links and participations; add an actors table to check them"})
	}
	hasFamily := func(a graph.Actor) bool { return a.Family != "" }
	if len(in.Actors) > b.implicitActors && !slices.ContainsFunc(in.Actors, hasFamily) &&
		(b.known == nil || !slices.ContainsFunc(b.known.Actors, hasFamily)) {
		b.warns.add(Problem{Err: fmt.Errorf("no actor has a family: the %d actor(s) all count as %q in the family measures (E-I index, partner diversity, brokerage, single_family)", len(in.Actors), "autre"),
			Hint: "add a family column (family, famille, type) to the actors table, or map one with --map family=COLUMN; in a GraphML or GEXF file, a node attribute named family or famille"})
	}
	if b.implicitProjs > 0 {
		b.warns.add(Problem{Err: fmt.Errorf("%d project(s) created from participations", b.implicitProjs),
			Hint: "no projects table was given: projects are identified by the values of the project column"})
	}
	b.nearDuplicates(in.Actors)
	in.NearDuplicates = b.nearGroups
	b.aliasWarnings()
	for i := range in.Actors {
		b.pathOrigin(&in.Actors[i].Origin)
	}
	for i := range in.Projects {
		b.pathOrigin(&in.Projects[i].Origin)
	}
	return nil
}

// dedupe reads the records of s in key order (cmp orders them as their Key
// methods do) into out, dropping repeated keys: identical repeats and repeats
// with other values are both warnings, and the first record read is kept
// (merge, when not nil, may merge a repeat into it).
func dedupe[T any](b *builder, s *sorter[T], out *records[T], cmp func(*T, *T) int, origin func(*T) *graph.Provenance,
	same func(x, y *T) bool, merge func(*T, T) bool, describe func(*T) string) error {
	defer s.close()
	w := &recordWriter[T]{out: out, dir: b.tmp.path}
	var prev T
	have := false
	emit := func() {
		if have {
			b.pathOrigin(origin(&prev))
			w.add(prev)
		}
	}
	n := 0
	err := s.each(func(x *T) error {
		if n++; n%(1<<16) == 0 {
			if err := b.ctx.Err(); err != nil {
				return err
			}
		}
		if !have || cmp(&prev, x) != 0 {
			emit()
			prev, have = *x, true
			return nil
		}
		first, o := *origin(&prev), *origin(x)
		// A row read by several tables of a mapping (one per role) or a
		// cell naming an actor twice repeats a record on its own row:
		// "first at" its own line would read as a mistake.
		at := fmt.Sprintf("(identical to %s:%d)", first.File, first.Line)
		firstAt := fmt.Sprintf("(first at %s:%d)", first.File, first.Line)
		if first == o {
			at, firstAt = "on the same row", "on the same row"
		}
		msg, hint := "repeated "+at, "the first row is kept"
		if !same(&prev, x) {
			msg = "repeated with other values " + firstAt
			if merge != nil && merge(&prev, *x) {
				msg, hint = "repeated with another role "+firstAt, "the roles are merged"
			}
		}
		if first == o && hint == "the first row is kept" {
			hint = "the repeat is ignored"
		}
		b.warns.add(Problem{File: o.File, Line: o.Line,
			Err:  fmt.Errorf("%w: %s %s", ErrDuplicate, describe(x), msg),
			Hint: hint})
		return nil
	})
	emit()
	return errors.Join(err, w.finish())
}

// linkEnds returns the ends of a link in the order of its key: sorted when
// it is undirected.
func linkEnds(l *graph.Link) (string, string) {
	if !l.Directed && l.Target < l.Source {
		return l.Target, l.Source
	}
	return l.Source, l.Target
}

// compareLinks orders links as graph.Link.Key does, without building keys:
// (low endpoint, high endpoint) for undirected links, then type, then
// directed before undirected.
func compareLinks(a, b *graph.Link) int {
	as, at := linkEnds(a)
	bs, bt := linkEnds(b)
	if c := strings.Compare(as, bs); c != 0 {
		return c
	}
	if c := strings.Compare(at, bt); c != 0 {
		return c
	}
	if c := strings.Compare(a.Type, b.Type); c != 0 {
		return c
	}
	switch {
	case a.Directed == b.Directed:
		return 0
	case a.Directed: // "d" < "u"
		return -1
	}
	return 1
}

// mergeRoles merges into p the role of q, a participation of the same actor
// in the same project with the same dates ("funding, implementing"); it
// reports false when the two differ otherwise.
func mergeRoles(p *graph.Participation, q graph.Participation) bool {
	if p.Start != q.Start || p.End != q.End || q.Role == "" {
		return false
	}
	if slices.Contains(strings.Split(p.Role, ", "), q.Role) {
		return false // a repeat: the first row is kept
	}
	if p.Role == "" {
		p.Role = q.Role
		return true
	}
	p.Role += ", " + q.Role
	return true
}

// compareParticipations orders participations as graph.Participation.Key.
func compareParticipations(a, b *graph.Participation) int {
	if c := strings.Compare(a.Actor, b.Actor); c != 0 {
		return c
	}
	return strings.Compare(a.Project, b.Project)
}

// nameKeyPrefixes are the words removed from names before comparing them for
// near-duplicates: "Mairie de X", "Ville de X" and "Commune de X" are one.
var nameKeyPrefixes = []string{
	"mairie de ", "mairie d'", "ville de ", "ville d'", "commune de ", "commune d'",
	"municipalite de ", "municipality of ", "city of ", "town of ", "conseil municipal de ",
	"commune urbaine de ", "commune rurale de ", "la ", "le ", "les ", "l'", "the ",
}

// nameKey folds an actor name for near-duplicate detection.
func nameKey(name string) string {
	k := key(name)
	for changed := true; changed; {
		changed = false
		for _, p := range nameKeyPrefixes {
			if strings.HasPrefix(k, p) && len(k) > len(p) {
				k = k[len(p):]
				changed = true
			}
		}
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\'', ',', '-', '.', '&':
			return -1
		}
		return r
	}, k)
}

// nearDuplicates warns about actors with different ids whose names differ only
// by case, spaces, accents, punctuation or a common prefix.
//
// Actors of the store take part, so that a new spelling of a stored actor is
// noticed; groups made only of stored actors are not reported again.
func (b *builder) nearDuplicates(actors []graph.Actor) {
	if b.known != nil {
		all := append([]graph.Actor(nil), actors...)
		for _, a := range b.known.Actors {
			if _, ok := b.actorAt[a.ID]; !ok {
				all = append(all, a)
			}
		}
		actors = all
	}
	groups := make(map[string][]int)
	for i, a := range actors {
		name := a.Name
		if name == "" {
			// Actors created from links are named by their ids.
			name = a.ID
		}
		k := nameKey(name)
		if k == "" {
			continue
		}
		groups[k] = append(groups[k], i)
	}
	keys := make([]string, 0)
	for k, g := range groups {
		if len(g) > 1 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		g := groups[k]
		fresh := false
		for _, i := range g {
			if _, ok := b.actorAt[actors[i].ID]; ok {
				fresh = true
			}
		}
		if !fresh {
			continue
		}
		first := actors[g[0]]
		var others []string
		var group NearDuplicate
		for n, i := range g {
			a := actors[i]
			group.IDs = append(group.IDs, a.ID)
			group.Names = append(group.Names, a.Name)
			group.Origins = append(group.Origins, fmt.Sprintf("%s:%d", a.Origin.File, a.Origin.Line))
			if n > 0 {
				others = append(others, fmt.Sprintf("%q (%s, %s:%d)", a.Name, a.ID, a.Origin.File, a.Origin.Line))
			}
		}
		b.nearGroups = append(b.nearGroups, group)
		b.warns.add(Problem{File: first.Origin.File, Line: first.Origin.Line, Field: "name",
			Err:  fmt.Errorf("near-duplicate actors: %q (%s) and %s", first.Name, first.ID, strings.Join(others, ", ")),
			Hint: "if they are the same organisation, give them the same id, or merge them with an alias file (--aliases FILE; --suggest-aliases FILE writes one)"})
	}
}
