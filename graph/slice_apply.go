package graph

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// SliceInfo describes a slice taken of a dataset, for every output that
// states its slice (the JSON "slice" object, map captions, report methods):
// its filters, what it kept and what it left out.
type SliceInfo struct {
	Filters SliceFilterValues `json:"filters"`
	// Text is the slice in a few words ("phase 2 · inclusive"), in English.
	Text string `json:"text"`
	// What the slice kept.
	Projects       int `json:"projects"`
	Actors         int `json:"actors"`
	Ties           int `json:"ties"`
	Links          int `json:"links"`
	Participations int `json:"participations"`
	// UndatedLinks counts the kept declared links that have no dates (active
	// in every period): only with a period.
	UndatedLinks int `json:"undated_links,omitempty"`
	// LeftOut counts what the slice left out of the dataset.
	LeftOut SliceLeftOut `json:"left_out"`
}

// SliceLeftOut counts the records a slice left out. UndatedProjects are the
// projects with no dates, left out by a period.
type SliceLeftOut struct {
	Projects        int `json:"projects"`
	Actors          int `json:"actors"`
	Links           int `json:"links"`
	Participations  int `json:"participations"`
	UndatedProjects int `json:"undated_projects,omitempty"`
}

// SliceFilterValues are the filters of a slice as JSON: only those given.
type SliceFilterValues struct {
	Programme []string `json:"programme,omitempty"`
	Phase     []int    `json:"phase,omitempty"`
	Project   []string `json:"project,omitempty"`
	Dimension []string `json:"dimension,omitempty"`
	Target    []string `json:"target,omitempty"`
	Period    *Period  `json:"period,omitempty"`
	Role      []string `json:"role,omitempty"`
	Family    []string `json:"family,omitempty"`
	Country   []string `json:"country,omitempty"`
	Territory []string `json:"territory,omitempty"`
	LinkType  []string `json:"link_type,omitempty"`
}

// MarshalJSON writes a period as {"from": …, "to": …}, open ends as null.
func (p Period) MarshalJSON() ([]byte, error) {
	q := func(s string) string {
		if s == "" {
			return "null"
		}
		return strconv.Quote(s)
	}
	return []byte(`{"from":` + q(p.From) + `,"to":` + q(p.To) + `}`), nil
}

// Filters returns the filters of s as JSON values.
func (s *Slice) Filters() SliceFilterValues {
	f := SliceFilterValues{
		Programme: s.Programmes, Phase: s.Phases, Project: s.Projects, Dimension: s.Dimensions,
		Target: s.Targets, Role: s.Roles, Family: s.Families, Country: s.Countries,
		Territory: s.Territories, LinkType: s.LinkTypes,
	}
	if !s.Period.IsZero() {
		p := s.Period
		f.Period = &p
	}
	return f
}

// Text says in a few words what s selects, in English (lang "en") or French
// ("fr"): "programme X · phases 2–3 · inclusive · 2016–2019". The zero slice
// is "whole store" ("toutes les données").
func (s *Slice) Text(lang string) string {
	fr := lang == "fr"
	word := func(en, frw string) string {
		if fr {
			return frw
		}
		return en
	}
	var parts []string
	add := func(en, frw string, vs []string) {
		if len(vs) > 0 {
			parts = append(parts, word(en, frw)+" "+strings.Join(vs, ", "))
		}
	}
	add("programme", "programme", s.Programmes)
	if len(s.Phases) > 0 {
		parts = append(parts, word("phase", "phase")+" "+phaseText(s.Phases))
	}
	add("project", "projet", s.Projects)
	terms := func(vs []string) []string {
		if !fr {
			return vs
		}
		out := make([]string, len(vs))
		for i, v := range vs {
			out[i] = FrenchTerm(v)
		}
		return out
	}
	add("dimension", "dimension", terms(s.Dimensions))
	add("target", "cible", terms(s.Targets))
	if !s.Period.IsZero() {
		from, to := s.Period.From, s.Period.To
		switch {
		case from == to:
			parts = append(parts, from)
		case from == "":
			parts = append(parts, word("until ", "jusqu’à ")+to)
		case to == "":
			parts = append(parts, word("from ", "depuis ")+from)
		default:
			parts = append(parts, from+"–"+to)
		}
	}
	add("role", "rôle", s.Roles)
	add("family", "famille", s.Families)
	add("country", "pays", s.Countries)
	add("territory", "territoire", s.Territories)
	add("link type", "type de lien", s.LinkTypes)
	if len(parts) == 0 {
		return word("whole store", "toutes les données")
	}
	return strings.Join(parts, " · ")
}

// phaseText writes sorted phases with runs as ranges: 1–3, 5.
func phaseText(ph []int) string {
	var out []string
	for i := 0; i < len(ph); {
		j := i
		for j+1 < len(ph) && ph[j+1] == ph[j]+1 {
			j++
		}
		if j > i {
			out = append(out, fmt.Sprintf("%d–%d", ph[i], ph[j]))
		} else {
			out = append(out, strconv.Itoa(ph[i]))
		}
		i = j + 1
	}
	return strings.Join(out, ", ")
}

// Apply returns the slice of d that s selects, as a dataset of its own, and
// its description (SliceInfo.Ties is left to the caller that builds the
// network; Network does both). d is not modified; the records of the result
// are copies sharing d's strings. A filter value that matches nothing in d is
// a *SliceError wrapping ErrNoMatch that lists the values present; filters
// that together select nothing are a *SliceError wrapping ErrEmptySlice that
// names the filter that emptied the slice.
func (s *Slice) Apply(d *Dataset) (*Dataset, *SliceInfo, error) {
	if err := s.checkValues(d); err != nil {
		return nil, nil, err
	}
	info := &SliceInfo{Filters: s.Filters(), Text: s.Text("en")}
	out := &Dataset{}

	// Projects, filter after filter, so that an empty result names its filter.
	projects := d.Projects
	applied := []string{}
	step := func(filter string, values string, keep func(p *Project) bool) error {
		var next []Project
		for i := range projects {
			if keep(&projects[i]) {
				next = append(next, projects[i])
			}
		}
		if len(next) == 0 {
			return emptied(filter, values, fmt.Sprintf("no project%s matches it", within(applied, len(projects))))
		}
		projects = next
		applied = append(applied, "--"+filter+" "+values)
		return nil
	}
	if len(s.Programmes) > 0 {
		progs := s.resolve(s.Programmes, programmeValues(d))
		if err := step("programme", strings.Join(s.Programmes, ","), func(p *Project) bool {
			return inProgramme(p.Programme, progs)
		}); err != nil {
			return nil, nil, err
		}
	}
	if len(s.Projects) > 0 {
		ids, _ := s.projectIDs(d) // checked by checkValues
		if err := step("project", strings.Join(s.Projects, ","), func(p *Project) bool { return ids[p.ID] }); err != nil {
			return nil, nil, err
		}
	}
	if len(s.Phases) > 0 {
		if err := step("phase", phaseText(s.Phases), func(p *Project) bool { return slices.Contains(s.Phases, p.Phase) }); err != nil {
			return nil, nil, err
		}
	}
	if len(s.Dimensions) > 0 {
		if err := step("dimension", strings.Join(s.Dimensions, ","), func(p *Project) bool { return overlap(p.Dimensions, s.Dimensions) }); err != nil {
			return nil, nil, err
		}
	}
	if len(s.Targets) > 0 {
		if err := step("target", strings.Join(s.Targets, ","), func(p *Project) bool { return overlap(p.Targets, s.Targets) }); err != nil {
			return nil, nil, err
		}
	}
	if !s.Period.IsZero() {
		undated := 0
		for _, p := range projects {
			if !dated(p.Start, p.End) {
				undated++
			}
		}
		info.LeftOut.UndatedProjects = undated
		if err := step("period", s.Period.String(), func(p *Project) bool {
			return dated(p.Start, p.End) && s.Period.Overlaps(p.Start, p.End)
		}); err != nil {
			if undated > 0 {
				err.(*SliceError).Msg += fmt.Sprintf(" (%d undated project(s) left out)", undated)
			}
			return nil, nil, err
		}
	}

	// Participations of the kept projects with a kept role; actors.
	byProject := s.byProject() || len(s.Roles) > 0
	keptProject := make(map[string]bool, len(projects))
	for _, p := range projects {
		keptProject[p.ID] = true
	}
	roles := normalizedSet(s.Roles)
	var parts []Participation
	for _, p := range d.Participations {
		if byProject && !keptProject[p.Project] {
			continue
		}
		if len(roles) > 0 && !roles[Normalize(p.Role)] {
			continue
		}
		if !s.Period.IsZero() && dated(p.Start, p.End) && !s.Period.Overlaps(p.Start, p.End) {
			continue
		}
		parts = append(parts, p)
	}
	actors := d.Actors
	if byProject {
		in := make(map[string]bool)
		for _, p := range parts {
			in[p.Actor] = true
		}
		actors = nil
		for _, a := range d.Actors {
			if in[a.ID] {
				actors = append(actors, a)
			}
		}
		if len(actors) == 0 {
			filter, values := lastProjectFilter(s)
			return nil, nil, emptied(filter, values, fmt.Sprintf("the %d selected project(s) have no participant%s", len(projects), roleClause(s)))
		}
	}

	// Actor filters.
	actorStep := func(filter string, values []string, field func(a *Actor) string, norm func(string) string) error {
		want := make(map[string]bool, len(values))
		for _, v := range values {
			want[norm(v)] = true
		}
		var next []Actor
		for i := range actors {
			if want[norm(field(&actors[i]))] {
				next = append(next, actors[i])
			}
		}
		if len(next) == 0 {
			return emptied(filter, strings.Join(values, ","), fmt.Sprintf("no actor%s matches it", within(applied, len(actors))))
		}
		actors = next
		applied = append(applied, "--"+filter+" "+strings.Join(values, ","))
		return nil
	}
	upper := strings.ToUpper
	territories := s.territories(d)
	for _, f := range []struct {
		name   string
		values []string
		field  func(a *Actor) string
		norm   func(string) string
	}{
		{"family", s.Families, func(a *Actor) string { return a.Family }, Normalize},
		{"country", s.Countries, func(a *Actor) string { return a.Country }, upper},
		{"territory", territories, func(a *Actor) string { return a.Territory }, Normalize},
	} {
		if len(f.values) == 0 {
			continue
		}
		if err := actorStep(f.name, f.values, f.field, f.norm); err != nil {
			return nil, nil, err
		}
	}
	kept := make(map[string]bool, len(actors))
	for _, a := range actors {
		kept[a.ID] = true
	}
	out.Actors = append([]Actor(nil), actors...)
	for _, p := range parts {
		if kept[p.Actor] {
			out.Participations = append(out.Participations, p)
		}
	}
	if s.byActor() {
		// Projects left with no participant of the kept actors go.
		has := make(map[string]bool)
		for _, p := range out.Participations {
			has[p.Project] = true
		}
		var next []Project
		for _, p := range projects {
			if has[p.ID] {
				next = append(next, p)
			}
		}
		projects = next
	}
	out.Projects = append([]Project(nil), projects...)

	// Declared links between kept actors, of a kept type, active in the period.
	types := normalizedSet(s.LinkTypes)
	for _, l := range d.Links {
		if !kept[l.Source] || !kept[l.Target] {
			continue
		}
		if len(types) > 0 && !types[Normalize(l.Type)] {
			continue
		}
		if !s.Period.IsZero() {
			if !dated(l.Start, l.End) {
				info.UndatedLinks++
			} else if !s.Period.Overlaps(l.Start, l.End) {
				continue
			}
		}
		out.Links = append(out.Links, l)
	}

	info.Projects, info.Actors = len(out.Projects), len(out.Actors)
	info.Links, info.Participations = len(out.Links), len(out.Participations)
	info.LeftOut.Projects = len(d.Projects) - info.Projects
	info.LeftOut.Actors = len(d.Actors) - info.Actors
	info.LeftOut.Links = len(d.Links) - info.Links
	info.LeftOut.Participations = len(d.Participations) - info.Participations
	return out, info, nil
}

// Network applies s to d and builds the network of the slice, which carries
// its description (Network.Slice; nil for the zero slice, the whole store).
func (s *Slice) Network(d *Dataset) (*Dataset, *Network, error) {
	if s.IsZero() {
		return d, NewNetwork(d), nil
	}
	sd, info, err := s.Apply(d)
	if err != nil {
		return nil, nil, err
	}
	n := NewNetwork(sd)
	info.Ties = len(n.Ties)
	n.Slice = info
	return sd, n, nil
}

func emptied(filter, values, why string) *SliceError {
	return &SliceError{Filter: filter, Value: values, Msg: "empties the slice: " + why, Err: ErrEmptySlice}
}

// within says which projects or actors a filter was applied to.
func within(applied []string, n int) string {
	if len(applied) == 0 {
		return ""
	}
	return fmt.Sprintf(" of the %d selected by %s", n, strings.Join(applied, " "))
}

func roleClause(s *Slice) string {
	if len(s.Roles) == 0 {
		return ""
	}
	return " with role " + strings.Join(s.Roles, " or ")
}

// lastProjectFilter names the filter that an empty set of participants is
// blamed on: --role when given, else the last project filter.
func lastProjectFilter(s *Slice) (string, string) {
	switch {
	case len(s.Roles) > 0:
		return "role", strings.Join(s.Roles, ",")
	case !s.Period.IsZero():
		return "period", s.Period.String()
	case len(s.Targets) > 0:
		return "target", strings.Join(s.Targets, ",")
	case len(s.Dimensions) > 0:
		return "dimension", strings.Join(s.Dimensions, ",")
	case len(s.Phases) > 0:
		return "phase", phaseText(s.Phases)
	case len(s.Projects) > 0:
		return "project", strings.Join(s.Projects, ",")
	}
	return "programme", strings.Join(s.Programmes, ",")
}

func overlap(xs, ys []string) bool {
	for _, x := range xs {
		if slices.Contains(ys, x) {
			return true
		}
	}
	return false
}

func normalizedSet(vs []string) map[string]bool {
	if len(vs) == 0 {
		return nil
	}
	m := make(map[string]bool, len(vs))
	for _, v := range vs {
		m[Normalize(v)] = true
	}
	return m
}

// inProgramme reports whether a project's programme is one of progs
// (normalised), or a "|"-list holding one of them.
func inProgramme(programme string, progs map[string]bool) bool {
	if progs[Normalize(programme)] {
		return true
	}
	if strings.Contains(programme, "|") {
		for _, part := range strings.Split(programme, "|") {
			if progs[Normalize(part)] {
				return true
			}
		}
	}
	return false
}

// programmeValues lists the programmes of d, "|"-lists split.
func programmeValues(d *Dataset) []string {
	set := map[string]bool{}
	for _, p := range d.Projects {
		for _, part := range strings.Split(p.Programme, "|") {
			if part = strings.TrimSpace(part); part != "" {
				set[part] = true
			}
		}
	}
	return sortedKeys(set)
}

// resolve returns the normalised values of a name filter (programme,
// territory): a value that names one of present whole is taken whole, any
// other is split at commas.
func (s *Slice) resolve(values, present []string) map[string]bool {
	whole := normalizedSet(present)
	out := map[string]bool{}
	for _, v := range values {
		if whole[Normalize(v)] {
			out[Normalize(v)] = true
			continue
		}
		for _, part := range splitList(v) {
			out[Normalize(part)] = true
		}
	}
	return out
}

// territoryValues lists the territories of the actors of d.
func territoryValues(d *Dataset) []string {
	set := map[string]bool{}
	var out []string
	for _, a := range d.Actors {
		if a.Territory != "" && !set[Normalize(a.Territory)] {
			set[Normalize(a.Territory)] = true
			out = append(out, a.Territory)
		}
	}
	sort.Strings(out)
	return out
}

// territories returns the territory values of s: a value naming a territory
// of d whole is kept whole, any other is split at commas.
func (s *Slice) territories(d *Dataset) []string {
	whole := normalizedSet(territoryValues(d))
	var out []string
	for _, v := range s.Territories {
		if whole[Normalize(v)] {
			out = append(out, v)
			continue
		}
		out = append(out, splitList(v)...)
	}
	return out
}

// projectIDs returns the ids of the projects named by s.Projects, found
// with the one Lookup of projects (id, name or part of a name). A value that
// names no single project whole is split at commas.
func (s *Slice) projectIDs(d *Dataset) (map[string]bool, error) {
	l := ProjectLookup(d.Projects)
	ids := map[string]bool{}
	for _, v := range s.Projects {
		id, err := l.Find(v)
		if err == nil {
			ids[id] = true
			continue
		}
		parts := splitList(v)
		if len(parts) == 1 {
			return nil, &SliceError{Filter: "project", Value: v, Msg: err.Error(), Err: ErrNoMatch}
		}
		for _, part := range parts {
			id, err := l.Find(part)
			if err != nil {
				return nil, &SliceError{Filter: "project", Value: part, Msg: err.Error(), Err: ErrNoMatch}
			}
			ids[id] = true
		}
	}
	return ids, nil
}

// checkValues reports the first filter value that matches nothing in d.
func (s *Slice) checkValues(d *Dataset) error {
	noMatch := func(filter, value, what string, present []string) error {
		msg := "no " + what + " in the store"
		if len(present) == 0 {
			msg += ", which holds no value for it"
		}
		return &SliceError{Filter: filter, Value: value, Msg: msg, Present: present, Err: ErrNoMatch}
	}
	if len(s.Programmes) > 0 {
		present := programmeValues(d)
		set := normalizedSet(present)
		for _, v := range s.Programmes {
			if set[Normalize(v)] {
				continue
			}
			for _, part := range splitList(v) {
				if !set[Normalize(part)] {
					return noMatch("programme", part, "project belongs to this programme", present)
				}
			}
		}
	}
	if len(s.Projects) > 0 {
		if _, err := s.projectIDs(d); err != nil {
			return err
		}
	}
	if len(s.Phases) > 0 {
		set := map[int]bool{}
		for _, p := range d.Projects {
			if p.Phase > 0 {
				set[p.Phase] = true
			}
		}
		for _, ph := range s.Phases {
			if !set[ph] {
				var present []string
				for _, q := range sortedIntKeys(set) {
					present = append(present, strconv.Itoa(q))
				}
				return noMatch("phase", strconv.Itoa(ph), "project has this phase", present)
			}
		}
	}
	vocab := func(filter string, values []string, field func(p *Project) []string, canon []string) error {
		set := map[string]bool{}
		for i := range d.Projects {
			for _, v := range field(&d.Projects[i]) {
				set[v] = true
			}
		}
		for _, v := range values {
			if !set[v] {
				var present []string
				for _, c := range canon {
					if set[c] {
						present = append(present, c)
					}
				}
				return noMatch(filter, v, "project has this "+filter, present)
			}
		}
		return nil
	}
	if err := vocab("dimension", s.Dimensions, func(p *Project) []string { return p.Dimensions }, Dimensions); err != nil {
		return err
	}
	if err := vocab("target", s.Targets, func(p *Project) []string { return p.Targets }, Targets); err != nil {
		return err
	}
	field := func(filter, what string, values []string, norm func(string) string, each func(add func(string))) error {
		if len(values) == 0 {
			return nil
		}
		seen := map[string]string{}
		each(func(v string) {
			if v != "" {
				seen[norm(v)] = v
			}
		})
		for _, v := range values {
			if _, ok := seen[norm(v)]; !ok {
				var present []string
				for _, orig := range seen {
					present = append(present, orig)
				}
				sort.Strings(present)
				return noMatch(filter, v, what, present)
			}
		}
		return nil
	}
	actors := func(get func(a *Actor) string) func(add func(string)) {
		return func(add func(string)) {
			for i := range d.Actors {
				add(get(&d.Actors[i]))
			}
		}
	}
	if err := field("role", "participation has this role", s.Roles, Normalize, func(add func(string)) {
		for _, p := range d.Participations {
			add(p.Role)
		}
	}); err != nil {
		return err
	}
	if err := field("family", "actor is of this family", s.Families, Normalize, actors(func(a *Actor) string { return a.Family })); err != nil {
		return err
	}
	if err := field("country", "actor is in this country", s.Countries, strings.ToUpper, actors(func(a *Actor) string { return a.Country })); err != nil {
		return err
	}
	if len(s.Territories) > 0 {
		present := territoryValues(d)
		set := normalizedSet(present)
		for _, v := range s.territories(d) {
			if !set[Normalize(v)] {
				return noMatch("territory", v, "actor is in this territory", present)
			}
		}
	}
	return field("link-type", "declared link has this type", s.LinkTypes, Normalize, func(add func(string)) {
		for _, l := range d.Links {
			add(l.Type)
		}
	})
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sortedIntKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// Slice returns the slice that these filters describe.
func (f SliceFilterValues) Slice() *Slice {
	s := &Slice{
		Programmes: f.Programme, Phases: f.Phase, Projects: f.Project, Dimensions: f.Dimension,
		Targets: f.Target, Roles: f.Role, Families: f.Family, Countries: f.Country,
		Territories: f.Territory, LinkTypes: f.LinkType,
	}
	if f.Period != nil {
		s.Period = *f.Period
	}
	return s
}

// Args returns the command-line flags that select s again, in the order of
// SliceFilters: ["--programme", "P", "--phase", "1-2,4", …].
func (s *Slice) Args() []string {
	var out []string
	add := func(name string, vs []string) {
		for _, v := range vs {
			out = append(out, "--"+name, v)
		}
	}
	add("programme", s.Programmes)
	if len(s.Phases) > 0 {
		out = append(out, "--phase", strings.ReplaceAll(strings.ReplaceAll(phaseText(s.Phases), "–", "-"), ", ", ","))
	}
	add("project", s.Projects)
	add("dimension", s.Dimensions)
	add("target", s.Targets)
	if !s.Period.IsZero() {
		out = append(out, "--period", s.Period.String())
	}
	add("role", s.Roles)
	add("family", s.Families)
	add("country", s.Countries)
	add("territory", s.Territories)
	add("link-type", s.LinkTypes)
	return out
}
