package graph

// Dimensions and Targets are the vocabularies of project dimensions and
// target groups (docs/ingest.md), in canonical order.
var (
	Dimensions = []string{"development", "local", "sustainable", "inclusive"}
	Targets    = []string{"youth", "women", "disability", "precarity"}
)

// DimensionAliases and TargetAliases list the French and English names that
// stand for each dimension and target group: ingest reads them in project
// tables, and the slice flags --dimension and --target accept them.
var (
	DimensionAliases = map[string][]string{
		"development": {"development", "développement", "dev", "developpement economique", "développement économique"},
		"local":       {"local", "locale", "territorial", "territoriale"},
		"sustainable": {"sustainable", "durable", "sustainability", "durabilité", "environnement", "environment"},
		"inclusive":   {"inclusive", "inclusif", "inclusion", "inclusive growth", "inclusion sociale", "social inclusion"},
	}
	TargetAliases = map[string][]string{
		"youth":      {"youth", "young", "young people", "jeunes", "jeunesse", "jeune"},
		"women":      {"women", "woman", "femmes", "femme", "gender", "genre"},
		"disability": {"disability", "disabilities", "disabled", "handicap", "handicapés", "personnes handicapées", "people with disabilities"},
		"precarity":  {"precarity", "précarité", "precarite", "poverty", "pauvreté", "precarious", "précaires", "exclusion"},
	}
)

// FrenchTerm is the French word of a dimension or a target group, for
// French output; other values are returned unchanged.
func FrenchTerm(v string) string {
	if fr, ok := frenchTerms[v]; ok {
		return fr
	}
	return v
}

var frenchTerms = map[string]string{
	"development": "développement", "local": "locale", "sustainable": "durable", "inclusive": "inclusive",
	"youth": "jeunes", "women": "femmes", "disability": "handicap", "precarity": "précarité",
}

// Dimension returns the dimension that s names (in English or French).
func Dimension(s string) (string, bool) { return lookupAlias(DimensionAliases, s) }

// Target returns the target group that s names (in English or French).
func Target(s string) (string, bool) { return lookupAlias(TargetAliases, s) }

func lookupAlias(aliases map[string][]string, s string) (string, bool) {
	k := Normalize(s)
	for canon, names := range aliases {
		for _, n := range names {
			if Normalize(n) == k {
				return canon, true
			}
		}
	}
	return "", false
}
