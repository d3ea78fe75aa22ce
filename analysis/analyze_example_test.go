package analysis_test

import (
	"fmt"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// A commune works with two associations and an NGO; one association also
// works with a company. The commune lies on 5 of the 6 shortest paths between
// the others (betweenness 5/6); the company reaches the others in 1 + 2 + 3 + 3
// steps (closeness 4/9).
func ExampleAnalyze() {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "asso1", Family: "association"},
			{ID: "asso2", Family: "association"},
			{ID: "commune", Family: "collectivite"},
			{ID: "ngo", Family: "ong"},
			{ID: "sme", Family: "entreprise"},
		},
		Links: []graph.Link{
			{Source: "commune", Target: "asso1", Weight: 2},
			{Source: "commune", Target: "asso2", Weight: 1},
			{Source: "commune", Target: "ngo", Weight: 1},
			{Source: "asso1", Target: "sme", Weight: 3},
		},
	}
	res, err := analysis.Analyze(graph.NewNetwork(d), analysis.Options{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range res.Actors {
		fmt.Printf("%-8s degree %d strength %.0f betweenness %.3f closeness %.3f\n",
			a.ID, a.Degree, float64(a.Strength), float64(a.Betweenness), float64(a.Closeness))
	}
	n := res.Network
	fmt.Printf("density %.2f, degree centralization %.3f, betweenness %s\n",
		float64(n.Density), float64(n.DegreeCentralization), res.Parameters.Betweenness)
	// Output:
	// asso1    degree 2 strength 5 betweenness 0.500 closeness 0.667
	// asso2    degree 1 strength 1 betweenness 0.000 closeness 0.500
	// commune  degree 3 strength 4 betweenness 0.833 closeness 0.800
	// ngo      degree 1 strength 1 betweenness 0.000 closeness 0.500
	// sme      degree 1 strength 3 betweenness 0.000 closeness 0.444
	// density 0.40, degree centralization 0.583, betweenness exact
}
