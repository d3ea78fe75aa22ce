package graph

import (
	"sort"
	"strings"
)

// Families is the built-in vocabulary of actor families (docs/ingest.md), in canonical order.
var Families = []string{"collectivite", "association", "ong", "entreprise", "institution", "autre"}

// CoreFamilies are the families whose presence makes an alliance complete (docs/metrics.md,
// family coverage).
var CoreFamilies = []string{"collectivite", "association", "ong", "entreprise"}

// Levels is the vocabulary of actor levels (docs/ingest.md).
var Levels = []string{"local", "regional", "national", "international"}

// Provenance records where a record was read from.
type Provenance struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

// Actor is an organisation that cooperates: a local authority, an association,
// an NGO, a company or an institution.
type Actor struct {
	ID        string            `json:"id"`
	Name      string            `json:"name,omitempty"`
	Family    string            `json:"family,omitempty"`
	Country   string            `json:"country,omitempty"`
	Territory string            `json:"territory,omitempty"`
	Level     string            `json:"level,omitempty"`
	Attrs     map[string]string `json:"attrs,omitempty"`
	Origin    Provenance        `json:"origin,omitzero"`
}

// Label is the name of the actor, or its id when it has no name.
func (a Actor) Label() string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}

// Link is a declared tie between two actors.
type Link struct {
	Source   string     `json:"source"`
	Target   string     `json:"target"`
	Type     string     `json:"type,omitempty"`
	Weight   float64    `json:"weight"`
	Directed bool       `json:"directed,omitempty"`
	Start    string     `json:"start,omitempty"`
	End      string     `json:"end,omitempty"`
	Origin   Provenance `json:"origin,omitzero"`
}

// Key identifies a link for upserts: re-ingesting the same link replaces it.
// Undirected links are keyed with their endpoints in sorted order.
func (l Link) Key() string {
	s, t := l.Source, l.Target
	if !l.Directed && t < s {
		s, t = t, s
	}
	dir := "u"
	if l.Directed {
		dir = "d"
	}
	return s + "\x00" + t + "\x00" + l.Type + "\x00" + dir
}

// Project is a cooperation project; successive projects of a programme are ordered
// by Phase.
type Project struct {
	ID         string            `json:"id"`
	Name       string            `json:"name,omitempty"`
	Programme  string            `json:"programme,omitempty"`
	Phase      int               `json:"phase,omitempty"`
	Start      string            `json:"start,omitempty"`
	End        string            `json:"end,omitempty"`
	Dimensions []string          `json:"dimensions,omitempty"`
	Targets    []string          `json:"targets,omitempty"`
	Territory  string            `json:"territory,omitempty"`
	Attrs      map[string]string `json:"attrs,omitempty"`
	Origin     Provenance        `json:"origin,omitzero"`
}

// Label is the name of the project, or its id when it has no name.
func (p Project) Label() string {
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

// Participation says that an actor takes part in a project.
type Participation struct {
	Actor   string     `json:"actor"`
	Project string     `json:"project"`
	Role    string     `json:"role,omitempty"`
	Start   string     `json:"start,omitempty"`
	End     string     `json:"end,omitempty"`
	Origin  Provenance `json:"origin,omitzero"`
}

// Key identifies a participation for upserts.
func (p Participation) Key() string { return p.Actor + "\x00" + p.Project }

// Dataset is everything a store holds.
type Dataset struct {
	Actors         []Actor         `json:"actors"`
	Links          []Link          `json:"links"`
	Projects       []Project       `json:"projects"`
	Participations []Participation `json:"participations"`
}

// Sort puts every table in its canonical order: actors and projects by id, links
// by key, participations by (actor, project). Stores return sorted datasets.
func (d *Dataset) Sort() {
	sort.Slice(d.Actors, func(i, j int) bool { return d.Actors[i].ID < d.Actors[j].ID })
	sort.Slice(d.Projects, func(i, j int) bool { return d.Projects[i].ID < d.Projects[j].ID })
	sort.Slice(d.Links, func(i, j int) bool { return d.Links[i].Key() < d.Links[j].Key() })
	sort.Slice(d.Participations, func(i, j int) bool {
		return d.Participations[i].Key() < d.Participations[j].Key()
	})
}

// Merge upserts src into d: records of src replace records of d with the same key
// (actor id, project id, link key, participation key). The result is sorted.
func (d *Dataset) Merge(src *Dataset) {
	actors := make(map[string]Actor, len(d.Actors)+len(src.Actors))
	for _, a := range append(d.Actors, src.Actors...) {
		actors[a.ID] = a
	}
	projects := make(map[string]Project, len(d.Projects)+len(src.Projects))
	for _, p := range append(d.Projects, src.Projects...) {
		projects[p.ID] = p
	}
	links := make(map[string]Link, len(d.Links)+len(src.Links))
	for _, l := range append(d.Links, src.Links...) {
		links[l.Key()] = l
	}
	parts := make(map[string]Participation, len(d.Participations)+len(src.Participations))
	for _, p := range append(d.Participations, src.Participations...) {
		parts[p.Key()] = p
	}
	*d = Dataset{
		Actors:         values(actors),
		Projects:       values(projects),
		Links:          values(links),
		Participations: values(parts),
	}
	d.Sort()
}

func values[T any](m map[string]T) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// ActorIndex maps actor ids to their position in d.Actors.
func (d *Dataset) ActorIndex() map[string]int {
	idx := make(map[string]int, len(d.Actors))
	for i, a := range d.Actors {
		idx[a.ID] = i
	}
	return idx
}

// Normalize folds s for comparisons of names and vocabulary: lower case, accents
// removed for the common Latin letters, runs of spaces collapsed.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		if r == ' ' || r == '\t' || r == '\u00a0' || r == '_' || r == '-' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if f, ok := foldAccent[r]; ok {
			r = f
		}
		b.WriteRune(r)
	}
	return b.String()
}

var foldAccent = map[rune]rune{
	'à': 'a', 'â': 'a', 'ä': 'a', 'á': 'a', 'ã': 'a', 'å': 'a',
	'ç': 'c', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'î': 'i', 'ï': 'i', 'í': 'i', 'ì': 'i',
	'ô': 'o', 'ö': 'o', 'ó': 'o', 'ò': 'o', 'õ': 'o',
	'û': 'u', 'ü': 'u', 'ú': 'u', 'ù': 'u', 'ÿ': 'y', 'ñ': 'n',
}
