package export_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
)

func ExampleGraphML() {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite"},
			{ID: "enda", Name: "ENDA", Family: "ong"},
		},
		Links: []graph.Link{{Source: "nantes", Target: "enda", Type: "funding", Weight: 2, Directed: true}},
	}
	if err := export.GraphML(os.Stdout, d, export.Options{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="n.label" for="node" attr.name="label" attr.type="string"/>
	//   <key id="n.kind" for="node" attr.name="kind" attr.type="string"/>
	//   <key id="n.family" for="node" attr.name="family" attr.type="string"/>
	//   <key id="e.kind" for="edge" attr.name="kind" attr.type="string"/>
	//   <key id="e.type" for="edge" attr.name="type" attr.type="string"/>
	//   <key id="e.weight" for="edge" attr.name="weight" attr.type="double"/>
	//   <graph id="alliances" edgedefault="undirected">
	//     <node id="enda">
	//       <data key="n.label">ENDA</data>
	//       <data key="n.kind">actor</data>
	//       <data key="n.family">ong</data>
	//     </node>
	//     <node id="nantes">
	//       <data key="n.label">Ville de Nantes</data>
	//       <data key="n.kind">actor</data>
	//       <data key="n.family">collectivite</data>
	//     </node>
	//     <edge id="e0" source="nantes" target="enda" directed="true">
	//       <data key="e.kind">link</data>
	//       <data key="e.type">funding</data>
	//       <data key="e.weight">2</data>
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
