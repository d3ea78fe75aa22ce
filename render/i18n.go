package render

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// texts are the words of the legend in one language.
type texts struct {
	families                                                    map[string]string
	levels                                                      map[string]string
	unknownFamily, unknownLevel                                 string
	colour, shape, size, width                                  string
	tieWeight, participation                                    string
	actors, ties, projects, seed, participations                string
	flagged, others, othersSuggest, suggested, centre, projNode string
	titles                                                      map[View]string
	metrics                                                     map[string]string
	labelled                                                    string
	entered, ghost                                              string
	overview, notDrawn                                          string
	colourCommunity, communityItem, communityOne                string
	reasons                                                     map[string]string
	keyHead, keySuggested, keyMore                              string
	otherCommunities                                            string
}

var textsByLang = map[string]texts{
	"en": {
		families: map[string]string{
			"collectivite": "Local authority", "association": "Association", "ong": "NGO",
			"entreprise": "Company", "institution": "Institution", "autre": "Other",
		},
		levels: map[string]string{
			"local": "local", "regional": "regional", "national": "national", "international": "international",
		},
		unknownFamily: "family unknown", unknownLevel: "level unknown",
		colour: "Colour: family", shape: "Shape: level", size: "Size: %s", width: "Line width: tie weight",
		tieWeight: "shared projects + declared links", participation: "thin line: takes part in the project",
		actors: "actors", ties: "ties", projects: "projects", participations: "participations", seed: "layout seed",
		flagged: "red outline, number: flagged (reasons in the key under the map)", others: "grey: not flagged", othersSuggest: "grey: neither flagged nor suggested",
		suggested: "dashed line: suggested partner", centre: "largest, thick outline: centre; dashed rings: 1, 2… ties away; pale lines: ties between partners",
		projNode: "white rectangle: project",
		titles: map[View]string{
			ViewNetwork:   "Cooperation network",
			ViewEgo:       "Partners of %s (depth %d)",
			ViewProject:   "Project %s",
			ViewBipartite: "Actors and projects",
			ViewIsolated:  "Isolated and peripheral actors",
		},
		metrics: map[string]string{
			"degree": "number of partners", "strength": "sum of tie weights",
			"betweenness": "betweenness", "closeness": "closeness", "harmonic": "harmonic centrality",
			"eigenvector": "eigenvector centrality", "pagerank": "PageRank", "core": "core number",
			"clustering": "clustering", "constraint": "constraint", "effective_size": "effective size",
			"ei_index": "E-I index", "partner_diversity": "partner diversity",
		},
		labelled: "names: the first %d by %s where they fit",
		entered:  "thick black outline: new in this slice", ghost: "faint: not in this slice",
		overview: "overview: the %s first of %s actors by %s, where they are in the whole network, and the 3 strongest ties of each",
		notDrawn: "not drawn: %s actors and %s ties",
		reasons: map[string]string{"isolate": "no tie", "pendant": "one partner only", "outside_main_component": "outside the main component",
			"single_family": "ties only within its family", "broker_dependent": "cut off if one partner leaves"},
		keyHead: "Flagged actors: why, and suggested partners", keySuggested: "suggested:", keyMore: "… and %s more: alliances isolated lists them all",
		colourCommunity: "Colour: community (Louvain)", communityItem: "%d (%s actors)", communityOne: "%d (1 actor)", otherCommunities: "smaller communities",
	},
	"fr": {
		families: map[string]string{
			"collectivite": "Collectivité territoriale", "association": "Association", "ong": "ONG",
			"entreprise": "Entreprise", "institution": "Institution", "autre": "Autre",
		},
		levels: map[string]string{
			"local": "local", "regional": "régional", "national": "national", "international": "international",
		},
		unknownFamily: "famille inconnue", unknownLevel: "niveau inconnu",
		colour: "Couleur : famille", shape: "Forme : niveau", size: "Taille : %s", width: "Épaisseur : poids du lien",
		tieWeight: "projets communs + liens déclarés", participation: "trait fin : participe au projet",
		actors: "acteurs", ties: "liens", projects: "projets", participations: "participations", seed: "graine de placement",
		flagged: "contour rouge, numéro : acteur signalé (raisons sous la carte)", others: "gris : non signalé", othersSuggest: "gris : ni signalé ni suggéré",
		suggested: "tirets : partenaire suggéré", centre: "le plus grand, contour épais : centre ; cercles en tirets : à 1, 2… liens ; traits pâles : liens entre partenaires",
		projNode: "rectangle blanc : projet",
		titles: map[View]string{
			ViewNetwork:   "Réseau de coopération",
			ViewEgo:       "Partenaires de %s (profondeur %d)",
			ViewProject:   "Projet %s",
			ViewBipartite: "Acteurs et projets",
			ViewIsolated:  "Acteurs isolés et périphériques",
		},
		metrics: map[string]string{
			"degree": "nombre de partenaires", "strength": "somme des poids des liens",
			"betweenness": "intermédiarité", "closeness": "proximité", "harmonic": "centralité harmonique",
			"eigenvector": "centralité de vecteur propre", "pagerank": "PageRank", "core": "k-cœur",
			"clustering": "coefficient de clustering", "constraint": "contrainte", "effective_size": "taille effective",
			"ei_index": "indice E-I", "partner_diversity": "diversité des partenaires",
		},
		labelled: "noms : les %d premiers par %s, là où ils tiennent",
		entered:  "contour noir épais : nouveau dans cette tranche", ghost: "pâle : absent de cette tranche",
		overview: "vue d'ensemble : les %s premiers des %s acteurs par %s, à leur place dans le réseau entier, et les 3 liens les plus forts de chacun",
		notDrawn: "non dessinés : %s acteurs et %s liens",
		reasons: map[string]string{"isolate": "aucun lien", "pendant": "un seul partenaire", "outside_main_component": "hors de la composante principale",
			"single_family": "liens dans sa seule famille", "broker_dependent": "coupé si un partenaire part"},
		keyHead: "Acteurs signalés : pourquoi, et partenaires suggérés", keySuggested: "suggérés :", keyMore: "… et %s autres : alliances isolated les liste tous",
		colourCommunity: "Couleur : communauté (Louvain)", communityItem: "%d (%s acteurs)", communityOne: "%d (1 acteur)", otherCommunities: "communautés plus petites",
	},
}

// FamilyLabel returns the label of a family of graph.Families in the
// language lang ("en" or "fr"), as the legends show it ("Local authority",
// "Collectivité territoriale"), and false for another family or language.
func FamilyLabel(lang, family string) (string, bool) {
	s, ok := textsByLang[lang].families[family]
	return s, ok
}

// LevelLabel returns the label of a level of graph.Levels in the language
// lang ("en" or "fr"), and false for another level or language.
func LevelLabel(lang, level string) (string, bool) {
	s, ok := textsByLang[lang].levels[level]
	return s, ok
}

// metricName is the legend name of a metric key.
func (t texts) metricName(key string) string {
	if s, ok := t.metrics[key]; ok {
		return s
	}
	return key
}

// num writes v as the legend does (formatNum), with a decimal comma in
// French.
func (s *scene) num(v float64) string {
	out := formatNum(v)
	if s.opts.Lang == "fr" {
		out = strings.Replace(out, ".", ",", 1)
	}
	return out
}

// count writes n with thousands separated: 35,871 in English, 35 871 in
// French (narrow no-break space).
func (s *scene) count(n int) string {
	sep := ","
	if s.opts.Lang == "fr" {
		sep = "\u202f"
	}
	digits := strconv.Itoa(n)
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// clusterName is the label of a cluster: a country code named in the
// language of the map (FR: France in English and French, MA: Morocco,
// Maroc; CLDR names), a territory as it is.
func (s *scene) clusterName(key string) string {
	if s.opts.Cluster != "country" {
		return key
	}
	r, err := language.ParseRegion(key)
	if err != nil || len(key) != 2 {
		return key
	}
	tag := language.English
	if s.opts.Lang == "fr" {
		tag = language.French
	}
	if name := display.Regions(tag).Name(r); name != "" {
		return name
	}
	return key
}
