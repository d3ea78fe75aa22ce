// Command cypherstatements writes every Cypher statement of the Neo4j store's
// registry, with the schema they use, as JSON to standard output for the
// linter in tools/cypherlint:
//
//	go run ./graph/neo4jstore/cmd/cypherstatements | node tools/cypherlint/lint.mjs
//
// The output is {"labels": […], "relationship_types": […], "relationship_ends":
// {type: [from, to]}, "property_keys": […], "statements": [{"name", "cypher",
// "params"}…]}.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/alliances/alliances/graph/neo4jstore"
)

func main() { os.Exit(run(os.Stdout, os.Stderr)) }

type output struct {
	Labels            []string               `json:"labels"`
	RelationshipTypes []string               `json:"relationship_types"`
	RelationshipEnds  map[string][2]string   `json:"relationship_ends"`
	PropertyKeys      []string               `json:"property_keys"`
	Statements        []neo4jstore.Statement `json:"statements"`
}

func run(stdout, stderr io.Writer) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	err := enc.Encode(output{
		Labels:            neo4jstore.Labels,
		RelationshipTypes: neo4jstore.RelationshipTypes,
		RelationshipEnds:  neo4jstore.RelationshipEnds,
		PropertyKeys:      neo4jstore.PropertyKeys(),
		Statements:        neo4jstore.Statements(),
	})
	if err != nil {
		fmt.Fprintln(stderr, "cypherstatements:", err)
		return 1
	}
	return 0
}
