package export_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
)

func ExampleNetworkGraphML() {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite"},
			{ID: "enda", Name: "ENDA", Family: "ong"},
		},
		Links:          []graph.Link{{Source: "nantes", Target: "enda", Type: "funding", Weight: 2, Directed: true}},
		Projects:       []graph.Project{{ID: "P1", Name: "Eau"}},
		Participations: []graph.Participation{{Actor: "nantes", Project: "P1"}, {Actor: "enda", Project: "P1"}},
	}
	// One tie, of weight 3: the link (2) and the shared project (1).
	if err := export.NetworkGraphML(os.Stdout, graph.NewNetwork(d), export.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="n.label" for="node" attr.name="label" attr.type="string"/>
	//   <key id="n.family" for="node" attr.name="family" attr.type="string"/>
	//   <key id="e.weight" for="edge" attr.name="weight" attr.type="double"/>
	//   <key id="e.distance" for="edge" attr.name="distance" attr.type="double"/>
	//   <key id="e.links" for="edge" attr.name="links" attr.type="int"/>
	//   <key id="e.link_weight" for="edge" attr.name="link_weight" attr.type="double"/>
	//   <key id="e.link_types" for="edge" attr.name="link_types" attr.type="string"/>
	//   <key id="e.shared_projects" for="edge" attr.name="shared_projects" attr.type="int"/>
	//   <key id="e.projects" for="edge" attr.name="projects" attr.type="string"/>
	//   <graph id="network" edgedefault="undirected">
	//     <node id="enda">
	//       <data key="n.label">ENDA</data>
	//       <data key="n.family">ong</data>
	//     </node>
	//     <node id="nantes">
	//       <data key="n.label">Ville de Nantes</data>
	//       <data key="n.family">collectivite</data>
	//     </node>
	//     <edge id="t0" source="enda" target="nantes">
	//       <data key="e.weight">3</data>
	//       <data key="e.distance">0.3333333333333333</data>
	//       <data key="e.links">1</data>
	//       <data key="e.link_weight">2</data>
	//       <data key="e.link_types">funding</data>
	//       <data key="e.shared_projects">1</data>
	//       <data key="e.projects">P1</data>
	//     </edge>
	//   </graph>
	// </graphml>
}

func ExampleCSV() {
	d := &graph.Dataset{
		Actors:         []graph.Actor{{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite", Country: "FR"}},
		Projects:       []graph.Project{{ID: "P1", Name: "Eau", Dimensions: []string{"local", "inclusive"}}},
		Participations: []graph.Participation{{Actor: "nantes", Project: "P1", Role: "lead"}},
	}
	dir, err := os.MkdirTemp("", "export")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	paths, err := export.CSV(dir, d, export.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paths {
		b, _ := os.ReadFile(p)
		fmt.Printf("== %s\n%s", filepath.Base(p), b)
	}
	// Output:
	// == actors.csv
	// id,name,family,country,territory,level
	// nantes,Ville de Nantes,collectivite,FR,,
	// == links.csv
	// source,target,type,weight,directed,start,end
	// == projects.csv
	// id,name,programme,phase,start,end,dimensions,targets,territory
	// P1,Eau,,,,,local|inclusive,,
	// == participations.csv
	// actor,project,role,start,end
	// nantes,P1,lead,,
}
