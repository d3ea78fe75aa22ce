package ingest

import (
	"fmt"
	"path"
	"strings"
)

// Kind is the kind of a table: which domain records its rows hold.
type Kind string

// Kinds of tables.
const (
	KindActors         Kind = "actors"
	KindLinks          Kind = "links"
	KindProjects       Kind = "projects"
	KindParticipations Kind = "participations"
	// KindSkip marks, in a mapping, tables to ignore.
	KindSkip Kind = "skip"
	// KindLookup marks, in a mapping, tables that only give values to the
	// templates of other tables ({@name:Column}).
	KindLookup Kind = "lookup"
)

// kinds lists the kinds in the order tables are processed: declarations first.
var kinds = []Kind{KindActors, KindProjects, KindLinks, KindParticipations}

// fieldSpec describes a field of a kind of table: its name (as used in
// mappings) and the header aliases that recognise it.
type fieldSpec struct {
	name     string
	required bool
	aliases  []string
}

// Fields of each kind of table, with their French and English header aliases
// (compared with key: case, accents, spaces, '_' and '-' do not matter).
var kindFields = map[Kind][]fieldSpec{
	KindActors: {
		{"id", true, []string{"id", "identifiant", "identifier", "code", "actor id", "id acteur", "actor", "acteur", "organisation id", "org id"}},
		{"name", false, []string{"name", "nom", "label", "libelle", "raison sociale", "organisation", "organization", "denomination", "actor name", "nom acteur", "nom de la structure", "nom structure", "structure"}},
		{"family", false, []string{"family", "famille", "type d'acteur", "type acteur", "actor type", "type of actor", "categorie", "category", "type", "type de structure", "type structure"}},
		{"country", false, []string{"country", "pays", "country code", "code pays", "iso"}},
		{"territory", false, []string{"territory", "territoire", "territoires"}},
		{"level", false, []string{"level", "niveau", "echelle", "scale", "echelon"}},
	},
	KindLinks: {
		{"source", true, []string{"source", "de", "from", "acteur 1", "actor 1", "acteur1", "actor1", "source id", "origine"}},
		{"target", true, []string{"target", "vers", "to", "acteur 2", "actor 2", "acteur2", "actor2", "target id", "destination", "cible"}},
		{"type", false, []string{"type", "type de lien", "link type", "nature", "relation", "type de relation", "tie type"}},
		{"weight", false, []string{"weight", "poids", "intensite", "strength", "force"}},
		{"directed", false, []string{"directed", "oriente", "dirige", "orientation"}},
		{"start", false, []string{"start", "debut", "date debut", "date de debut", "start date", "annee debut", "start year", "depuis", "since"}},
		{"end", false, []string{"end", "fin", "date fin", "date de fin", "end date", "annee fin", "end year", "jusqu'a", "until"}},
	},
	KindProjects: {
		{"id", true, []string{"id", "identifiant", "identifier", "code", "project id", "id projet", "projet", "project"}},
		{"name", false, []string{"name", "nom", "titre", "title", "intitule", "libelle", "label", "project name", "nom du projet"}},
		{"programme", false, []string{"programme", "program", "programme name"}},
		{"phase", false, []string{"phase", "etape", "stage"}},
		{"start", false, []string{"start", "debut", "date debut", "date de debut", "start date", "annee debut", "start year"}},
		{"end", false, []string{"end", "fin", "date fin", "date de fin", "end date", "annee fin", "end year"}},
		{"dimensions", false, []string{"dimensions", "dimension", "axes", "axe"}},
		{"targets", false, []string{"targets", "target", "target groups", "target group", "cibles", "cible", "publics cibles", "public cible", "publics", "public", "beneficiaires"}},
		{"territory", false, []string{"territory", "territoire", "territoires", "zone", "zone d'intervention"}},
	},
	KindParticipations: {
		{"actor", true, []string{"actor", "acteur", "actor id", "id acteur", "organisation", "organization", "partner", "partenaire", "participant", "membre", "member"}},
		{"project", true, []string{"project", "projet", "project id", "id projet"}},
		{"role", false, []string{"role", "fonction", "function", "statut"}},
		{"start", false, []string{"start", "debut", "date debut", "date de debut", "start date", "annee debut", "start year"}},
		{"end", false, []string{"end", "fin", "date fin", "date de fin", "end date", "annee fin", "end year"}},
	},
}

// Fields of actors and projects that a links or participations table may carry
// (with a mapping, as "actor.family", "project.programme"…) to describe the
// actors and projects it names.
var (
	actorDetailFields   = []string{"name", "family", "country", "territory", "level"}
	projectDetailFields = []string{"name", "programme", "phase", "start", "end", "dimensions", "targets", "territory"}
)

// fieldIndex maps, for each kind, a header key to the field it names.
var fieldIndex = func() map[Kind]map[string]string {
	m := make(map[Kind]map[string]string)
	for k, fs := range kindFields {
		m[k] = make(map[string]string)
		for _, f := range fs {
			for _, a := range f.aliases {
				m[k][key(a)] = f.name
			}
		}
	}
	return m
}()

// recognise guesses the kind of a table from its header: the kind whose
// required columns are all present and that recognises the most columns wins;
// ties are broken by the file name (acteurs.csv, projects.csv…) and then by the
// order actors, projects, links, participations. It returns "" when no kind
// has its required columns.
func recognise(header []string, file, sheet string) Kind {
	best, bestScore := Kind(""), -1
	hint := kindFromName(sheet)
	if hint == "" {
		hint = kindFromName(file)
	}
	for _, k := range kinds {
		found := make(map[string]bool)
		for _, h := range header {
			if f, ok := fieldIndex[k][key(h)]; ok {
				found[f] = true
			}
		}
		ok := true
		for _, f := range kindFields[k] {
			if f.required && !has(k, found, f.name) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		score := 2 * len(found)
		if k == hint {
			score++
		}
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	return best
}

// has reports whether a table of kind k with the fields found has the field
// f: an actors table without an id column is keyed by its name column.
func has(k Kind, found map[string]bool, f string) bool {
	return found[f] || k == KindActors && f == "id" && found["name"]
}

// sheetKind is the kind of table that a workbook sheet's name announces
// (Acteurs, Actors, Liens, Links, Ties, Projets, Projects, Participations…),
// or "": the first word of the name, singular or plural.
func sheetKind(sheet string) Kind {
	f := strings.Fields(key(sheet))
	if len(f) == 0 {
		return ""
	}
	switch strings.TrimSuffix(f[0], "s") {
	case "acteur", "actor", "organisation", "organization", "structure", "partenaire", "partner":
		return KindActors
	case "lien", "link", "tie", "relation", "edge":
		return KindLinks
	case "projet", "project":
		return KindProjects
	case "participation":
		return KindParticipations
	}
	return ""
}

// closestKind is the kind whose columns the header matches best, when it
// lacks a required column of every kind ("" when nothing matches); its
// missing required columns are returned too.
func closestKind(header []string) (Kind, []string) {
	best, bestScore := Kind(""), 0
	var bestMissing []string
	for _, k := range kinds {
		found := make(map[string]bool)
		for _, h := range header {
			if f, ok := fieldIndex[k][key(h)]; ok {
				found[f] = true
			}
		}
		score := 0
		var missing []string
		for _, f := range kindFields[k] {
			if f.required && has(k, found, f.name) {
				score += 2
			} else if f.required {
				missing = append(missing, f.name)
			}
		}
		if score == 0 {
			continue
		}
		score += len(found)
		if score > bestScore {
			best, bestScore, bestMissing = k, score, missing
		}
	}
	return best, bestMissing
}

// kindFromName guesses a kind from a file or sheet name.
func kindFromName(name string) Kind {
	n := key(strings.TrimSuffix(path.Base(name), path.Ext(name)))
	switch {
	case n == "":
		return ""
	case strings.Contains(n, "particip"):
		return KindParticipations
	case strings.Contains(n, "lien") || strings.Contains(n, "link") || strings.Contains(n, "tie") ||
		strings.Contains(n, "edge") || strings.Contains(n, "relation"):
		return KindLinks
	case strings.Contains(n, "proj"):
		return KindProjects
	case strings.Contains(n, "act") || strings.Contains(n, "org") || strings.Contains(n, "partner") ||
		strings.Contains(n, "node") || strings.Contains(n, "noeud"):
		return KindActors
	}
	return ""
}

// expectedColumns describes the columns of every kind, for hints.
func expectedColumns() string {
	var parts []string
	for _, k := range kinds {
		var cols []string
		for _, f := range kindFields[k] {
			c := f.name
			if f.required {
				c += "*"
			}
			cols = append(cols, c)
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", k, strings.Join(cols, ", ")))
	}
	return "name the columns of one kind of table: " + strings.Join(parts, "; ") +
		" (* required; French names such as nom, famille, pays, source/cible, poids, acteur, projet, rôle work too), or give a column mapping"
}
