package storetest

import "github.com/alliances/alliances/graph"

// richData fills in every field of every table, with accents, quotes, new
// lines, non-Latin scripts, directed links in both directions between the same
// actors, an undirected link put with its endpoints in reverse order, a link
// without a type and a self-loop. Every link and participation names a stored
// actor and project.
func richData() *graph.Dataset {
	return &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite", Country: "FR", Territory: "Loire-Atlantique", Level: "local",
				Attrs:  map[string]string{"site": "https://metropole.nantes.fr", "population": "320732"},
				Origin: graph.Provenance{File: "acteurs.csv", Line: 2}},
			{ID: "enda-tm", Name: "ENDA Tiers Monde", Family: "ong", Country: "SN", Territory: "Dakar", Level: "international",
				Origin: graph.Provenance{File: "acteurs.csv", Line: 3}},
			{ID: "assoc-évry", Name: "Association « Solidarité Évry–Ségou »", Family: "association", Country: "FR", Territory: "Essonne", Level: "local",
				Attrs: map[string]string{
					"thème":              "santé",
					"contact":            "Zoé Ngô <zoe@example.org>",
					"notes":              "ligne 1\nligne 2; \"citée\", tab\t",
					"nombre d'adhérents": "1 204",
				},
				Origin: graph.Provenance{File: "données/acteurs été.xlsx", Line: 14}},
			{ID: "Ségou", Name: "Conseil de cercle de Ségou", Family: "collectivite", Country: "ML", Level: "local"},
			{ID: "minimal"},
			{ID: "東京-ngo", Name: "東京 NGO ネットワーク", Family: "ong", Country: "JP", Level: "national", Attrs: map[string]string{"langue": "日本語"}},
			{ID: "bâtir-sarl", Name: "Bâtir SARL", Family: "entreprise", Country: "MA", Territory: "Souss-Massa", Level: "regional",
				Origin: graph.Provenance{Line: 7}},
		},
		Projects: []graph.Project{
			{ID: "P-eau-1", Name: "Accès à l'eau potable", Programme: "Eau & assainissement", Phase: 1, Start: "2018", End: "2020-06-30",
				Dimensions: []string{"development", "inclusive"}, Targets: []string{"women", "youth"}, Territory: "Ségou",
				Attrs:  map[string]string{"budget_eur": "1 250 000,50", "bailleur": "AFD"},
				Origin: graph.Provenance{File: "projets.csv", Line: 2}},
			{ID: "P-eau-2", Name: "Accès à l'eau potable — phase 2", Programme: "Eau & assainissement", Phase: 2, Start: "2021-01-01",
				Dimensions: []string{"sustainable"}, Targets: []string{"precarity", "disability", "women", "youth"},
				Origin: graph.Provenance{File: "projets.csv", Line: 3}},
			{ID: "P-min"},
		},
		Links: []graph.Link{
			{Source: "nantes", Target: "enda-tm", Type: "partnership", Weight: 2.5, Start: "2015", End: "2021",
				Origin: graph.Provenance{File: "liens.csv", Line: 2}},
			{Source: "enda-tm", Target: "nantes", Type: "funding", Weight: 1, Directed: true, Origin: graph.Provenance{File: "liens.csv", Line: 3}},
			{Source: "nantes", Target: "enda-tm", Type: "funding", Weight: 4, Directed: true},
			{Source: "Ségou", Target: "assoc-évry", Type: "technical support", Weight: 0.125},
			{Source: "nantes", Target: "minimal", Weight: 1},
			{Source: "東京-ngo", Target: "enda-tm", Type: "membership", Weight: 1e-3, Start: "2001-09"},
			{Source: "nantes", Target: "nantes", Type: "jumelage", Weight: 1},
			{Source: "bâtir-sarl", Target: "nantes", Type: "partenariat économique", Weight: 7, Directed: true, End: "2024"},
		},
		Participations: []graph.Participation{
			{Actor: "nantes", Project: "P-eau-1", Role: "lead", Start: "2018", End: "2020", Origin: graph.Provenance{File: "participations.csv", Line: 2}},
			{Actor: "enda-tm", Project: "P-eau-1", Role: "operator"},
			{Actor: "assoc-évry", Project: "P-eau-2", Role: "partenaire"},
			{Actor: "Ségou", Project: "P-eau-2"},
			{Actor: "nantes", Project: "P-eau-2", Role: "funder"},
			{Actor: "minimal", Project: "P-min"},
		},
	}
}

// changes holds records with the keys of records of richData, changed (fields
// cleared, attributes removed, an undirected link with its endpoints swapped),
// and new records.
func changes() *graph.Dataset {
	return &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "nantes", Name: "Nantes Métropole", Family: "collectivite", Country: "FR", Level: "regional",
				Attrs: map[string]string{"site": "https://nantes.fr"}, Origin: graph.Provenance{File: "acteurs-2.csv", Line: 20}},
			{ID: "assoc-évry", Name: "Association Solidarité Évry–Ségou", Family: "association", Country: "FR"},
			{ID: "zz-nouveau", Name: "Nouvel acteur", Family: "autre"},
		},
		Projects: []graph.Project{
			{ID: "P-eau-1", Name: "Accès à l'eau", Programme: "Eau & assainissement", Dimensions: []string{"local"}},
		},
		Links: []graph.Link{
			{Source: "enda-tm", Target: "nantes", Type: "partnership", Weight: 3},
			{Source: "enda-tm", Target: "nantes", Type: "funding", Weight: 1.5, Directed: true, Origin: graph.Provenance{File: "liens-2.csv", Line: 9}},
			{Source: "zz-nouveau", Target: "nantes", Type: "partnership", Weight: 1},
		},
		Participations: []graph.Participation{
			{Actor: "nantes", Project: "P-eau-1", Role: "co-lead"},
			{Actor: "zz-nouveau", Project: "P-eau-1", Role: "partner"},
		},
	}
}
