package ingest

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/alliances/alliances/graph"
)

// Vocabulary maps the values found in family columns to the families of
// docs/ingest.md. The built-in vocabulary knows French and English aliases; users
// extend it with LoadVocabulary.
//
// A Vocabulary is read-only once built and safe for concurrent use.
type Vocabulary struct {
	families []string          // families in canonical order, user families last
	alias    map[string]string // normalised alias → family
}

// builtinFamilyAliases lists the aliases of each built-in family (docs/ingest.md).
// Keys and aliases are compared after normalisation (key).
var builtinFamilyAliases = map[string][]string{
	"collectivite": {
		"collectivité", "collectivité territoriale", "collectivités territoriales",
		"collectivité locale", "autorité locale", "local authority", "local authorities",
		"local government", "regional authority", "municipality", "municipalité",
		"commune", "mairie", "ville", "city", "town", "city council", "county", "county council",
		"conseil départemental", "conseil general", "conseil régional", "conseil municipal",
		"conseil préfectoral", "conseil provincial", "département", "région", "province",
		"préfecture", "intercommunalité", "epci", "communauté de communes",
		"communauté d'agglomération", "métropole", "metropole", "territorial authority",
		"subnational government",
	},
	"association": {"association", "associations", "assoc", "asso", "association loi 1901", "club", "collectif"},
	"ong":         {"ong", "ngo", "ngos", "ingo", "international ngo", "national ngo", "organisation non gouvernementale", "non governmental organisation", "non governmental organization", "cso", "civil society organisation", "osc"},
	"entreprise": {
		"entreprise", "entreprises", "company", "companies", "sme", "smes", "pme", "tpe",
		"business", "société", "societe", "firm", "private sector", "private company",
		"cooperative", "coopérative", "scop", "bureau d'études", "consultancy", "startup",
	},
	"institution": {
		"institution", "institutions", "state body", "public body", "public agency",
		"agence publique", "établissement public", "ministry", "ministère", "government",
		"gouvernement", "state", "état", "international organisation", "international organization",
		"organisation internationale", "multilateral", "multilatéral", "university", "université",
		"research institute", "institut de recherche", "school", "école", "donor", "bailleur",
		"bailleur de fonds", "funder", "agency", "agence", "embassy", "ambassade", "chamber",
		"chambre consulaire", "chambre de commerce",
	},
	"autre": {"autre", "autres", "other", "others", "divers", "unknown", "inconnu"},
}

// levelAliases maps the aliases of levels to the levels of docs/ingest.md.
var levelAliases = map[string][]string{
	"local":         {"local", "locale", "communal", "communale", "municipal", "city", "ville", "commune", "intercommunal"},
	"regional":      {"regional", "régional", "régionale", "region", "région", "departmental", "départemental", "départementale", "provincial", "provinciale", "province", "county", "préfectoral"},
	"national":      {"national", "nationale", "country", "pays", "état", "state"},
	"international": {"international", "internationale", "transnational", "global", "mondial", "multilateral", "multilatéral", "européen", "european", "supranational"},
}

// Dimensions and target groups of projects (docs/ingest.md), with their aliases:
// one vocabulary, in package graph, shared with the slice flags.
var (
	dimensionAliases = graph.DimensionAliases
	targetAliases    = graph.TargetAliases
	Dimensions       = graph.Dimensions
	Targets          = graph.Targets
)

var (
	levelIndex     = aliasIndex(levelAliases)
	dimensionIndex = aliasIndex(dimensionAliases)
	targetIndex    = aliasIndex(targetAliases)
)

func aliasIndex(m map[string][]string) map[string]string {
	idx := make(map[string]string)
	for canon, aliases := range m {
		idx[key(canon)] = canon
		for _, a := range aliases {
			idx[key(a)] = canon
		}
	}
	return idx
}

// key folds a vocabulary value or a header for comparison: graph.Normalize,
// typographic apostrophes made straight, dots and trailing punctuation removed.
func key(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '’', '`', '´':
			return '\''
		case '.':
			return -1
		case '(', ')', ':', '*', '"', '?', '!':
			return ' '
		}
		return r
	}, s)
	return graph.Normalize(s)
}

// DefaultVocabulary returns the built-in family vocabulary of docs/ingest.md.
func DefaultVocabulary() *Vocabulary {
	v := &Vocabulary{families: append([]string(nil), graph.Families...), alias: make(map[string]string)}
	for fam, aliases := range builtinFamilyAliases {
		v.alias[key(fam)] = fam
		for _, a := range aliases {
			v.alias[key(a)] = fam
		}
	}
	return v
}

// Families returns the families of v: the built-in ones in canonical order,
// then the families added by the user in the order of their declaration.
func (v *Vocabulary) Families() []string { return append([]string(nil), v.families...) }

// Family returns the family that the value s stands for.
func (v *Vocabulary) Family(s string) (string, bool) {
	f, ok := v.alias[key(s)]
	return f, ok
}

// Add declares alias as a name of family; a family that is not yet known is
// added to the vocabulary. The alias and the family are normalised.
func (v *Vocabulary) Add(alias, family string) {
	fam := strings.ReplaceAll(key(family), " ", "_")
	if _, ok := v.alias[fam]; !ok || !slices.Contains(v.families, fam) {
		if !slices.Contains(v.families, fam) {
			v.families = append(v.families, fam)
		}
		v.alias[fam] = fam
	}
	v.alias[key(alias)] = fam
}

// LoadVocabulary reads a vocabulary file and returns the built-in vocabulary
// extended with it. See ParseVocabulary for the format.
func LoadVocabulary(path string) (*Vocabulary, error) {
	f, err := openFile(path)
	if err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	defer f.Close()
	return ParseVocabulary(f, path)
}

// ParseVocabulary reads a vocabulary file and returns the built-in vocabulary
// extended with it. The file has one declaration per line:
//
//	# comment
//	alias = family
//
// where family is a built-in family or a new one (declared by its first use).
// A line holding a single word declares a family without alias. Values are
// compared case- and accent-insensitively. Example:
//
//	coopérative agricole = entreprise
//	fondation = fondation
//	foundation = fondation
func ParseVocabulary(r io.Reader, file string) (*Vocabulary, error) {
	v := DefaultVocabulary()
	sc := bufio.NewScanner(r)
	var problems []Problem
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		alias, fam, ok := strings.Cut(text, "=")
		if !ok {
			fam = alias
		}
		alias, fam = strings.TrimSpace(alias), strings.TrimSpace(fam)
		if alias == "" || fam == "" {
			problems = append(problems, Problem{File: file, Line: line, Err: fmt.Errorf("%w: %q", ErrBadValue, text),
				Hint: "write one declaration per line: alias = family"})
			continue
		}
		v.Add(alias, fam)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("vocabulary %s: %w", file, err)
	}
	if len(problems) > 0 {
		return nil, &ValidationError{Problems: problems}
	}
	return v, nil
}

// suggest returns the candidate nearest to s (edit distance on normalised
// forms), or "" when none is close enough to be a likely typo.
func suggest(s string, names []string) string { return newCandidates(names).nearest(s) }

// candidates holds names with their folded forms, for repeated "did you mean"
// searches.
type candidates struct {
	names, keys []string
	lens        []int
}

func newCandidates(names []string) *candidates {
	c := &candidates{names: append([]string(nil), names...)}
	sort.Strings(c.names)
	c.keys = make([]string, len(c.names))
	c.lens = make([]int, len(c.names))
	for i, n := range c.names {
		c.keys[i] = key(n)
		c.lens[i] = utf8.RuneCountInString(c.keys[i])
	}
	return c
}

// nearest returns the name nearest to s, or "" when none is within
// max(2, len/3) edits; ties go to the first name in sorted order.
func (c *candidates) nearest(s string) string {
	k := key(s)
	n := utf8.RuneCountInString(k)
	limit := max(2, n/3)
	best, bestD := "", limit+1
	for i, kc := range c.keys {
		// The length difference bounds the distance from below.
		if diff := c.lens[i] - n; diff >= bestD || -diff >= bestD {
			continue
		}
		if d := graph.EditDistance(k, kc); d < bestD {
			best, bestD = c.names[i], d
		}
	}
	return best
}

// aliasesOf returns the sorted keys of idx whose value is in vocab order; used
// for hints.
func vocabList(canon []string) string { return strings.Join(canon, ", ") }

// familyCandidates returns every alias and family name, for "did you mean".
func (v *Vocabulary) candidates() []string {
	out := make([]string, 0, len(v.alias))
	for a := range v.alias {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

func indexCandidates(idx map[string]string) []string {
	out := make([]string, 0, len(idx))
	for a := range idx {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}
