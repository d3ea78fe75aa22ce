package ingest

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// countryLanguages are the languages whose country names the country column
// may hold, besides ISO codes: the names of the Unicode CLDR, through
// golang.org/x/text/language/display.
var countryLanguages = []language.Tag{language.English, language.French, language.Spanish, language.German,
	language.Italian, language.Portuguese, language.Dutch}

// countryVariants are common ways of naming a country that the CLDR names
// do not cover: EU and UN usage, acronyms, former names.
var countryVariants = map[string]string{
	"el": "GR", "uk": "GB", // the EU's codes for Greece and the United Kingdom
	"great britain": "GB", "grande bretagne": "GB", "angleterre": "GB", "england": "GB",
	"usa": "US", "united states of america": "US", "etats unis d'amerique": "US",
	"rdc": "CD", "rd congo": "CD", "dr congo": "CD", "drc": "CD",
	"republique democratique du congo": "CD", "democratic republic of the congo": "CD", "democratic republic of congo": "CD",
	"congo brazzaville": "CG", "republique du congo": "CG", "republic of the congo": "CG",
	"ivory coast": "CI", "holland": "NL", "czech republic": "CZ", "republique tcheque": "CZ",
	"swaziland": "SZ", "macedonia": "MK", "macedoine": "MK", "burma": "MM", "birmanie": "MM",
	"turkey": "TR", "turquie": "TR", "cape verde": "CV", "cap vert": "CV",
}

// countryNames maps the folded names of every country (countryKey) to its
// ISO 3166-1 alpha-2 code.
var countryNames = sync.OnceValue(func() map[string]string {
	names := make(map[string]string)
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code || r.Canonicalize() != r {
				continue
			}
			for _, t := range countryLanguages {
				name := display.Regions(t).Name(r)
				for _, n := range nameForms(name) {
					if _, taken := names[n]; !taken {
						names[n] = code
					}
				}
			}
		}
	}
	for n, code := range countryVariants {
		names[n] = code
	}
	return names
})

// nameForms returns the keys a CLDR name answers to: the name, and for
// "Myanmar (Burma)" or "Congo - Kinshasa" each part too.
func nameForms(name string) []string {
	forms := []string{countryKey(name)}
	if i := strings.IndexByte(name, '('); i > 0 {
		forms = append(forms, countryKey(name[:i]), countryKey(strings.Trim(name[i:], "()")))
	}
	return forms
}

// countryKey folds a country name: case, accents, punctuation and a leading
// article (the, la, le, les, l') do not matter.
func countryKey(s string) string {
	s = countryPunct.Replace(s)
	k := key(s)
	for _, article := range []string{"the ", "la ", "le ", "les ", "l'", "el ", "die ", "der "} {
		if rest, ok := strings.CutPrefix(k, article); ok && rest != "" {
			k = rest
			break
		}
	}
	return strings.Join(strings.Fields(k), " ")
}

// countryPunct is the punctuation that countryKey reads as spaces or words.
var countryPunct = strings.NewReplacer("’", "'", "‘", "'", ".", " ", ",", " ", "(", " ", ")", " ", "&", " and ")

// countryCode returns the ISO 3166-1 alpha-2 code of the country that s
// names: an ISO code (alpha-2 in any case, alpha-3 or numeric), a name in
// English, French, Spanish, German, Italian, Portuguese or Dutch as the
// CLDR spells it (compared without case, accents, punctuation or a leading
// article), or one of countryVariants. ok is false when s names no country;
// code is then s, upper-cased when it has two letters. An empty s is ok.
func countryCode(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	if c, ok := countryNames()[countryKey(s)]; ok {
		return c, true
	}
	if len(s) == 3 {
		if r, err := language.ParseRegion(s); err == nil && r.IsCountry() {
			if c := r.Canonicalize().String(); len(c) == 2 {
				return c, true
			}
		}
	}
	if len(s) == 2 && isLetter(s[0]) && isLetter(s[1]) {
		if r, err := language.ParseRegion(s); err == nil && r.IsCountry() {
			return r.Canonicalize().String(), true
		}
		return strings.ToUpper(s), false
	}
	return s, false
}
