package graph

import "strings"

// shortKeys are the attribute names of a short label (acronym), compared
// in lower case without spaces, underscores or hyphens.
var shortKeys = []string{"sigle", "short", "shortname", "shortlabel", "acronyme", "acronym", "abbreviation", "abreviation", "abréviation", "nomcourt"}

// ShortLabel returns the short label of the actor (an acronym such as CD44
// or AFD) from an attribute named sigle, short, short_name, acronyme,
// acronym, abbreviation or nom court (any case), or "" when it has none.
func (a Actor) ShortLabel() string { return shortLabel(a.Attrs) }

// ShortLabel returns the short label of the project, as Actor.ShortLabel.
func (p Project) ShortLabel() string { return shortLabel(p.Attrs) }

func shortLabel(attrs map[string]string) string {
	if len(attrs) == 0 {
		return ""
	}
	best, bestRank := "", len(shortKeys)
	for k, v := range attrs {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		k = strings.NewReplacer(" ", "", "_", "", "-", "").Replace(strings.ToLower(strings.TrimSpace(k)))
		for rank, sk := range shortKeys {
			if k == sk && rank < bestRank {
				best, bestRank = v, rank
			}
		}
	}
	return best
}
