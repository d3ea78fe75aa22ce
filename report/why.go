package report

import (
	"regexp"
	"strings"
)

// translateWhy returns the explanation of a suggested partner in the report
// language. Package analysis writes explanations as English phrases joined by
// "; " ("complementary family: association ↔ ong; same country FR; 2 common
// partners (A, B); shares dimension inclusive, target youth; in the main
// component; well connected (8 partners)"). Family ids become family labels
// in both languages; the French report translates every phrase it knows and
// keeps the others as they are.
func translateWhy(l lang, why string) string {
	parts := splitPhrases(why)
	for i, p := range parts {
		parts[i] = translatePhrase(l, p)
	}
	if l.fr {
		return frenchSpaces.Replace(strings.Join(parts, " ; "))
	}
	return strings.Join(parts, "; ")
}

var (
	reComplementary = regexp.MustCompile(`^complementary family: (.+) ↔ (.+)$`)
	reTerritory     = regexp.MustCompile(`^same territory (.+)$`)
	reCountry       = regexp.MustCompile(`^same country (.+)$`)
	reCommon        = regexp.MustCompile(`^(\d+) common partners? \((.*)\)$`)
	reShares        = regexp.MustCompile(`^shares (.+)$`)
	reConnected     = regexp.MustCompile(`^well connected \((\d+) partners?\)$`)
)

func translatePhrase(l lang, p string) string {
	if m := reComplementary.FindStringSubmatch(p); m != nil {
		return l.F("why.complementary", l.FamilyLower(m[1]), l.FamilyLower(m[2]))
	}
	if !l.fr {
		return p
	}
	switch {
	case p == "in the main component":
		return "dans la composante principale"
	case reTerritory.MatchString(p):
		return "même territoire (" + reTerritory.FindStringSubmatch(p)[1] + ")"
	case reCountry.MatchString(p):
		return "même pays (" + reCountry.FindStringSubmatch(p)[1] + ")"
	case reCommon.MatchString(p):
		m := reCommon.FindStringSubmatch(p)
		if m[1] == "1" {
			return "1 partenaire commun (" + m[2] + ")"
		}
		return m[1] + " partenaires communs (" + m[2] + ")"
	case reConnected.MatchString(p):
		return "bien connecté (" + reConnected.FindStringSubmatch(p)[1] + " partenaires)"
	case reShares.MatchString(p):
		var out []string
		for _, f := range strings.Split(reShares.FindStringSubmatch(p)[1], ", ") {
			kind, value, _ := strings.Cut(f, " ")
			if fr, ok := projectTermsFR[value]; ok {
				value = fr
			}
			switch kind {
			case "dimension":
				out = append(out, "la dimension "+value)
			case "target":
				out = append(out, "la cible "+value)
			default:
				out = append(out, f)
			}
		}
		return "partage " + strings.Join(out, ", ")
	}
	return p
}

// projectTermsFR translates the vocabulary of project dimensions and targets
// (docs/ingest.md).
var projectTermsFR = map[string]string{
	"development": "développement", "local": "locale", "sustainable": "durable", "inclusive": "inclusive",
	"youth": "jeunes", "women": "femmes", "disability": "handicap", "precarity": "précarité",
}

// splitPhrases splits why at "; ", but not inside parentheses: the list of
// common partners names actors, whose names may hold "; ".
func splitPhrases(why string) []string {
	var parts []string
	for _, p := range strings.Split(why, "; ") {
		if n := len(parts); n > 0 && strings.Count(parts[n-1], "(") > strings.Count(parts[n-1], ")") {
			parts[n-1] += "; " + p
			continue
		}
		parts = append(parts, p)
	}
	return parts
}

// TranslateWhy returns the explanation of a suggested partner
// (analysis.Suggestion.Why) as the report of language code ("en" or "fr")
// writes it; the explorer shows the same words.
func TranslateWhy(code, why string) string {
	l, err := newLang(code)
	if err != nil {
		return why
	}
	return translateWhy(l, why)
}
