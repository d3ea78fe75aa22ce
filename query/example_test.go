package query_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
	"github.com/alliances/alliances/query"
)

func ExamplePaths() {
	n := graph.NewNetwork(storetest.Fixture())
	paths, err := query.Paths(n, "jeunesse-sol", "kayes", 10)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paths {
		for i, t := range p.Ties {
			fmt.Printf("%s → %s (weight %g, types %v, projects %v)\n",
				p.Actors[i].Name, p.Actors[i+1].Name, t.Weight, t.Types, t.Projects)
		}
	}
	// Output:
	// Jeunesse Solidaire 44 → Association des femmes de Kayes (weight 1, types [partnership], projects [])
	// Association des femmes de Kayes → Conseil de cercle de Kayes (weight 1, types [], projects [kayes-jeunes])
}

func ExampleCrossBorder() {
	n := graph.NewNetwork(storetest.Fixture())
	res, err := query.CrossBorder(n)
	if err != nil {
		fmt.Println(err)
		return
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.Encode(res.Pairs)
	// Output:
	// [
	//   {
	//     "country_a": "FR",
	//     "country_b": "SN",
	//     "ties": 9,
	//     "weight": 13,
	//     "actors": 7,
	//     "projects": [
	//       "eau-rufisque-1",
	//       "eau-rufisque-2"
	//     ]
	//   },
	//   {
	//     "country_a": "FR",
	//     "country_b": "ML",
	//     "ties": 4,
	//     "weight": 5,
	//     "actors": 5,
	//     "projects": [
	//       "kayes-jeunes"
	//     ]
	//   }
	// ]
}
