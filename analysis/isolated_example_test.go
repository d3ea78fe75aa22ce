package analysis_test

import (
	"fmt"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// Agadir cooperates with Nantes and with an NGO; the association is alone.
// Nantes and the NGO each hang on Agadir alone (pendant, broker_dependent),
// and Nantes only cooperates with another local authority (single_family).
func ExampleIsolated() {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "agadir", Name: "Commune d'Agadir", Family: "collectivite", Territory: "Agadir", Country: "MA"},
			{ID: "nantes", Name: "Nantes Métropole", Family: "collectivite", Country: "FR"},
			{ID: "asso", Name: "Association Tamount", Family: "association", Territory: "Agadir", Country: "MA"},
			{ID: "ngo", Name: "ONG Migrations & Développement", Family: "ong", Country: "MA"},
		},
		Links: []graph.Link{
			{Source: "agadir", Target: "nantes", Type: "agreement", Weight: 1},
			{Source: "agadir", Target: "ngo", Type: "funding", Weight: 1},
		},
	}
	res := analysis.Isolated(graph.NewNetwork(d), analysis.IsolationOptions{Suggest: 2})
	for _, a := range res.Actors {
		fmt.Println(a.ID, a.Reasons)
		for _, s := range a.Suggestions {
			fmt.Printf("  %s %.3f: %s\n", s.ID, s.Score, s.Why)
		}
	}
	// Output:
	// asso [isolate]
	//   agadir 8.500: complementary family: association ↔ collectivite; same territory Agadir; same country MA; in the main component; well connected (2 partners)
	//   ngo 6.131: complementary family: association ↔ ong; same country MA; in the main component
	// nantes [pendant single_family broker_dependent]
	//   ngo 4.631: complementary family: collectivite ↔ ong; 1 common partner (Commune d'Agadir)
	//   asso 3.000: complementary family: collectivite ↔ association
	// ngo [pendant broker_dependent]
	//   asso 4.000: complementary family: ong ↔ association; same country MA
	//   nantes 1.631: 1 common partner (Commune d'Agadir)
}
