package storetest

import "github.com/alliances/alliances/graph"

// Fixture returns a small cooperation network, the same at every call, on
// which the expected answers of the query layer (CheckQueries) were worked out
// by hand:
//
//   - a water programme in Rufisque (Senegal) in two phases: eau-rufisque-1
//     (Nantes, Rufisque, ENDA, Sol'Eau, AFD) and eau-rufisque-2 (Rufisque,
//     ENDA, Jeunesse Solidaire 44);
//   - a youth project in Kayes (Mali): kayes-jeunes (Kayes, the women's
//     association of Kayes, Gret);
//   - a study in Agadez with one participant (Coopérative Ténéré, who has no
//     tie at all);
//   - declared links, three of them directed funding links, two links of
//     different types between Nantes and Rufisque;
//   - a separate component of two Moroccan actors (Agadir, Souss PME).
//
// Its one-mode network (graph.NewNetwork) has 13 actors and 22 ties.
func Fixture() *graph.Dataset {
	src := func(file string, line int) graph.Provenance { return graph.Provenance{File: file, Line: line} }
	return &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "afd", Name: "Agence française de développement", Family: "institution", Country: "FR", Territory: "Paris", Level: "national", Origin: src("acteurs.csv", 2)},
			{ID: "agadir", Name: "Commune d'Agadir", Family: "collectivite", Country: "MA", Territory: "Souss-Massa", Level: "local", Origin: src("acteurs.csv", 3)},
			{ID: "enda", Name: "ENDA Tiers Monde", Family: "ong", Country: "SN", Territory: "Dakar", Level: "international", Origin: src("acteurs.csv", 4)},
			{ID: "femmes-kayes", Name: "Association des femmes de Kayes", Family: "association", Country: "ML", Territory: "Kayes", Level: "local", Origin: src("acteurs.csv", 5)},
			{ID: "gret", Name: "Gret", Family: "ong", Country: "FR", Territory: "Île-de-France", Level: "international", Origin: src("acteurs.csv", 6)},
			{ID: "jeunesse-sol", Name: "Jeunesse Solidaire 44", Family: "association", Country: "FR", Territory: "Loire-Atlantique", Level: "local", Origin: src("acteurs.csv", 7)},
			{ID: "kayes", Name: "Conseil de cercle de Kayes", Family: "collectivite", Country: "ML", Territory: "Kayes", Level: "local", Origin: src("acteurs.csv", 8)},
			{ID: "loire-atlantique", Name: "Département de Loire-Atlantique", Family: "collectivite", Country: "FR", Territory: "Loire-Atlantique", Level: "regional", Origin: src("acteurs.csv", 9)},
			{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite", Country: "FR", Territory: "Loire-Atlantique", Level: "local", Attrs: map[string]string{"jumelage": "Rufisque (1992)"}, Origin: src("acteurs.csv", 10)},
			{ID: "rufisque", Name: "Ville de Rufisque", Family: "collectivite", Country: "SN", Territory: "Dakar", Level: "local", Origin: src("acteurs.csv", 11)},
			{ID: "sol-eau", Name: "Sol'Eau SARL", Family: "entreprise", Country: "FR", Territory: "Loire-Atlantique", Level: "local", Origin: src("acteurs.csv", 12)},
			{ID: "souss-pme", Name: "Souss PME", Family: "entreprise", Country: "MA", Territory: "Souss-Massa", Level: "regional", Origin: src("acteurs.csv", 13)},
			{ID: "tenere", Name: "Coopérative Ténéré", Family: "entreprise", Country: "NE", Territory: "Agadez", Level: "local", Origin: src("acteurs.csv", 14)},
		},
		Projects: []graph.Project{
			{ID: "eau-rufisque-1", Name: "Accès à l'eau à Rufisque", Programme: "Eau Rufisque", Phase: 1, Start: "2018", End: "2020",
				Dimensions: []string{"development", "inclusive"}, Targets: []string{"women"}, Territory: "Dakar", Origin: src("projets.csv", 2)},
			{ID: "eau-rufisque-2", Name: "Accès à l'eau à Rufisque, phase 2", Programme: "Eau Rufisque", Phase: 2, Start: "2021", End: "2023",
				Dimensions: []string{"sustainable", "inclusive"}, Targets: []string{"youth", "women"}, Territory: "Dakar", Origin: src("projets.csv", 3)},
			{ID: "etude-agadez", Name: "Étude de filière à Agadez", Programme: "Filières Sahel", Phase: 1, Start: "2022",
				Dimensions: []string{"local"}, Territory: "Agadez", Origin: src("projets.csv", 4)},
			{ID: "kayes-jeunes", Name: "Insertion des jeunes à Kayes", Programme: "Kayes Inclusion", Phase: 1, Start: "2019", End: "2022",
				Dimensions: []string{"inclusive", "local"}, Targets: []string{"youth"}, Territory: "Kayes", Origin: src("projets.csv", 5)},
		},
		Links: []graph.Link{
			{Source: "nantes", Target: "rufisque", Type: "partnership", Weight: 3, Start: "1992", Origin: src("liens.csv", 2)},
			{Source: "nantes", Target: "rufisque", Type: "agreement", Weight: 1, Start: "2017", Origin: src("liens.csv", 3)},
			{Source: "afd", Target: "nantes", Type: "funding", Weight: 2, Directed: true, Origin: src("liens.csv", 4)},
			{Source: "loire-atlantique", Target: "nantes", Type: "agreement", Weight: 1, Origin: src("liens.csv", 5)},
			{Source: "loire-atlantique", Target: "kayes", Type: "partnership", Weight: 2, Start: "2010", Origin: src("liens.csv", 6)},
			{Source: "gret", Target: "enda", Type: "technical support", Weight: 1, Origin: src("liens.csv", 7)},
			{Source: "jeunesse-sol", Target: "femmes-kayes", Type: "partnership", Weight: 1, Origin: src("liens.csv", 8)},
			{Source: "nantes", Target: "jeunesse-sol", Type: "funding", Weight: 1, Directed: true, Origin: src("liens.csv", 9)},
			{Source: "agadir", Target: "souss-pme", Type: "partnership", Weight: 1, Origin: src("liens.csv", 10)},
			{Source: "afd", Target: "gret", Type: "funding", Weight: 2, Directed: true, Origin: src("liens.csv", 11)},
		},
		Participations: []graph.Participation{
			{Actor: "nantes", Project: "eau-rufisque-1", Role: "lead", Origin: src("participations.csv", 2)},
			{Actor: "rufisque", Project: "eau-rufisque-1", Role: "partner", Origin: src("participations.csv", 3)},
			{Actor: "enda", Project: "eau-rufisque-1", Role: "operator", Origin: src("participations.csv", 4)},
			{Actor: "sol-eau", Project: "eau-rufisque-1", Role: "partner", Origin: src("participations.csv", 5)},
			{Actor: "afd", Project: "eau-rufisque-1", Role: "funder", Origin: src("participations.csv", 6)},
			{Actor: "rufisque", Project: "eau-rufisque-2", Role: "lead", Origin: src("participations.csv", 7)},
			{Actor: "enda", Project: "eau-rufisque-2", Role: "operator", Origin: src("participations.csv", 8)},
			{Actor: "jeunesse-sol", Project: "eau-rufisque-2", Role: "partner", Origin: src("participations.csv", 9)},
			{Actor: "kayes", Project: "kayes-jeunes", Role: "lead", Origin: src("participations.csv", 10)},
			{Actor: "femmes-kayes", Project: "kayes-jeunes", Role: "partner", Origin: src("participations.csv", 11)},
			{Actor: "gret", Project: "kayes-jeunes", Role: "operator", Origin: src("participations.csv", 12)},
			{Actor: "tenere", Project: "etude-agadez", Role: "lead", Origin: src("participations.csv", 13)},
		},
	}
}
