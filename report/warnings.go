package report

import (
	"regexp"
	"strings"
)

// translateWarning returns a validation warning of the ingest in the report
// language. Package ingest writes warnings in English, as
// "FILE:LINE[:COLUMN]: [column "FIELD": ]MESSAGE[ (hint: HINT)]"; the French
// report translates the messages and hints that ingest writes (ingest's
// warnings are listed in warnings_test.go) and keeps anything else as it is.
func translateWarning(l lang, w string) string {
	if !l.fr {
		return w
	}
	return frenchSpaces.Replace(l.agree(translateFrench(w)))
}

// translateFrench translates the message and hint of a warning.
func translateFrench(w string) string {
	msg, hint := w, ""
	if i := strings.LastIndex(w, " (hint: "); i >= 0 && strings.HasSuffix(w, ")") {
		msg, hint = w[:i], w[i+len(" (hint: "):len(w)-1]
	}
	where := ""
	if m := reWarningColumn.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			where = strings.TrimSuffix(m[1], ": ") + " : "
		}
		where, msg = where+"colonne "+m[2]+" : ", m[3]
	} else if m := reWarningPlace.FindStringSubmatch(msg); m != nil {
		where, msg = m[1]+" : ", m[2]
	}
	out := where + translateMessage(msg)
	if hint != "" {
		out += " (conseil : " + translateHint(hint) + ")"
	}
	return out
}

var (
	// A place, then the column: "links.csv:3:2: column "target": …".
	reWarningColumn = regexp.MustCompile(`^(.*?: )?column ("(?:[^"\\]|\\.)*"): (.*)$`)
	// A place with a line: "links.csv:3: …", "book.xlsx[Sheet]:3:2: …".
	reWarningPlace = regexp.MustCompile(`^(.+?:\d+(?::\d+)?): (.*)$`)
)

// warningMessages translate the messages of ingest's warnings; $1, $2…
// are the parts of the message that stay as they are (names, ids, places).
var warningMessages = []struct {
	re *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`^duplicate: actor (".*") repeated \(identical to (.+)\)$`), "doublon : l’acteur $1 est répété (identique à $2)"},
	{regexp.MustCompile(`^duplicate: project (".*") repeated \(identical to (.+)\)$`), "doublon : le projet $1 est répété (identique à $2)"},
	{regexp.MustCompile(`^duplicate: actor (".*") already defined at (.+) with other values$`), "doublon : l’acteur $1 est déjà défini en $2 avec d’autres valeurs"},
	{regexp.MustCompile(`^duplicate: project (".*") already defined at (.+) with other values$`), "doublon : le projet $1 est déjà défini en $2 avec d’autres valeurs"},
	{regexp.MustCompile(`^duplicate: link (.+) repeated (.+)$`), "doublon : le lien $1 est répété $2"},
	{regexp.MustCompile(`^duplicate: participation of (.+) in (.+) repeated (.+)$`), "doublon : la participation de $1 à $2 est répétée $3"},
	{regexp.MustCompile(`^bad value: ends \((.*)\) before it starts \((.*)\)$`), "valeur incorrecte : la fin ($1) précède le début ($2)"},
	{regexp.MustCompile(`^actor (".*") is (.*) here but (.*) at (.+)$`), "l’acteur $1 vaut $2 ici mais $3 en $4"},
	{regexp.MustCompile(`^self-loop: (".*") is linked to itself$`), "boucle : $1 est lié à lui-même"},
	{regexp.MustCompile(`^(\d+) actor\(s\) created from links or participations$`), "$1 acteur(s) créé(s) à partir des liens ou des participations"},
	{regexp.MustCompile(`^(\d+) project\(s\) created from participations$`), "$1 projet(s) créé(s) à partir des participations"},
	{regexp.MustCompile(`^no actor has a family: the (\d+) actor\(s\) all count as "autre" in the family measures \(E-I index, partner diversity, brokerage, single_family\)$`),
		"aucun acteur n’a de famille : les $1 acteur(s) comptent tous comme « autre » dans les mesures de familles (indice E-I, diversité des partenaires, courtage, single_family)"},
	{regexp.MustCompile(`^near-duplicate actors: ("(?:[^"\\]|\\.)*" \([^)]*\)) and (.+)$`), "acteurs presque identiques : $1 et $2"},
	{regexp.MustCompile(`^not UTF-8: read as Windows-1252 \(Latin-1\)$`), "pas en UTF-8 : lu comme Windows-1252 (Latin-1)"},
	{regexp.MustCompile(`^country (".*") is no country name or ISO code known: kept as written \(warned once\)$`), "le pays $1 n’est ni un nom de pays ni un code ISO connu : gardé tel quel (signalé une fois)"},
	{regexp.MustCompile(`^aliases: (\d+) actor id\(s\) merged into (\d+) actor\(s\), with their links and participations$`), "alias : $1 identifiant(s) d’acteurs fusionné(s) en $2 acteur(s), avec leurs liens et participations"},
	{regexp.MustCompile(`^alias (".*") names no actor of the input$`), "l’alias $1 ne désigne aucun acteur des données"},
	{regexp.MustCompile(`^(\d+) row\(s\) skipped because (.+) is missing \(lines (.+)\)$`), "$1 ligne(s) ignorée(s) faute de $2 (lignes $3)"},
	{regexp.MustCompile(`^no lookup table (".*"): the values that come from it are missing$`), "pas de table de correspondance $1 : les valeurs qui en viennent manquent"},
	{regexp.MustCompile(`^the column mapping was not used: it applies to CSV and XLSX tables, and these are graph or JSON files$`),
		"la correspondance de colonnes n’a pas servi : elle s’applique aux tables CSV et XLSX, et ces fichiers sont des graphes ou du JSON"},
}

// duplicateEndings translate the end of the messages of repeated links and
// participations.
var duplicateEndings = []struct {
	re *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`^\(identical to (.+)\)$`), "(identique à $1)"},
	{regexp.MustCompile(`^on the same row$`), "sur la même ligne"},
	{regexp.MustCompile(`^with other values \(first at (.+)\)$`), "avec d’autres valeurs (d’abord en $1)"},
	{regexp.MustCompile(`^with other values on the same row$`), "avec d’autres valeurs sur la même ligne"},
	{regexp.MustCompile(`^with another role \(first at (.+)\)$`), "avec un autre rôle (d’abord en $1)"},
	{regexp.MustCompile(`^with another role on the same row$`), "avec un autre rôle sur la même ligne"},
}

func translateMessage(msg string) string {
	for _, t := range warningMessages {
		m := t.re.FindStringSubmatchIndex(msg)
		if m == nil {
			continue
		}
		out := string(t.re.ExpandString(nil, t.fr, msg, m))
		// The last part of a repeated link or participation says how.
		if strings.HasPrefix(msg, "duplicate: link ") || strings.HasPrefix(msg, "duplicate: participation ") {
			last := msg[m[len(m)-2]:m[len(m)-1]]
			for _, e := range duplicateEndings {
				if em := e.re.FindStringSubmatchIndex(last); em != nil {
					out = strings.TrimSuffix(out, last) + string(e.re.ExpandString(nil, e.fr, last, em))
					break
				}
			}
		}
		return out
	}
	return msg
}

// warningHints translate the hints of ingest's warnings.
var warningHints = map[string]string{
	"the repeated row is ignored":                               "la ligne répétée est ignorée",
	"the first definition is kept (duplicates = first)":         "la première définition est gardée (duplicates = first)",
	"check the dates":                                           "vérifiez les dates",
	"the first value is kept":                                   "la première valeur est gardée",
	"the link is kept in the store but ignored by the analysis": "le lien est gardé dans la base mais ignoré par l’analyse",
	"the first row is kept":                                     "la première ligne est gardée",
	"the repeat is ignored":                                     "la répétition est ignorée",
	"the roles are merged":                                      "les rôles sont fusionnés",
	"if they are the same organisation, give them the same id, or merge them with an alias file (--aliases FILE; --suggest-aliases FILE writes one)":                            "s’il s’agit de la même organisation, donnez-leur le même identifiant, ou fusionnez-les avec un fichier d’alias (--aliases FICHIER ; --suggest-aliases FICHIER en écrit un)",
	"links between merged actors become self-loops, repeated links and participations keep the first":                                                                           "les liens entre acteurs fusionnés deviennent des boucles, les liens et participations répétés gardent le premier",
	"check its spelling against the ids of the input (ingest --suggest-aliases writes them)":                                                                                    "vérifiez son orthographe d’après les identifiants des données (ingest --suggest-aliases les écrit)",
	"if accented letters look wrong, save the file as CSV UTF-8":                                                                                                                "si des lettres accentuées sont fausses, enregistrez le fichier en CSV UTF-8",
	"no projects table was given: projects are identified by the values of the project column":                                                                                  "aucune table de projets n’a été donnée : les projets sont identifiés par les valeurs de la colonne projet",
	"no actors table was given: actors are identified by the names in the links and participations; add an actors table to check them":                                          "aucune table d’acteurs n’a été donnée : les acteurs sont identifiés par les noms des liens et des participations ; ajoutez une table d’acteurs pour les vérifier",
	"add a family column (family, famille, type) to the actors table, or map one with --map family=COLUMN; in a GraphML or GEXF file, a node attribute named family or famille": "ajoutez une colonne famille (family, famille, type) à la table des acteurs, ou désignez-en une avec --map family=COLONNE ; dans un fichier GraphML ou GEXF, un attribut de nœud family ou famille",
	"GraphML and GEXF attributes are matched by name (family, famille, country, pays…): rename the attribute in the file":                                                       "les attributs GraphML et GEXF sont reconnus par leur nom (family, famille, country, pays…) : renommez l’attribut dans le fichier",
}

var reCountryHint = regexp.MustCompile(`^write the ISO 3166-1 alpha-2 code \(FR, MA, SN…\) or the country's English or French name, or translate the value in a mapping: (.*)\[VALUE\] = CODE$`)

var reLookupHint = regexp.MustCompile(`^give the file of the lookup table too, mapped by a section with kind = lookup and name = (".*")$`)

func translateHint(h string) string {
	if fr, ok := warningHints[h]; ok {
		return fr
	}
	if m := reCountryHint.FindStringSubmatch(h); m != nil {
		return "écrivez le code ISO 3166-1 alpha-2 (FR, MA, SN…) ou le nom du pays en français ou en anglais, ou traduisez la valeur dans une correspondance : " + m[1] + "[VALEUR] = CODE"
	}
	if m := reLookupHint.FindStringSubmatch(h); m != nil {
		return "donnez aussi le fichier de la table de correspondance, avec une section kind = lookup et name = " + m[1]
	}
	return h
}
