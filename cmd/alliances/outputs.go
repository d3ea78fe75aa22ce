package main

import (
	"github.com/alliances/alliances/graph/neo4jstore"
	"github.com/alliances/alliances/outfile"
)

// outputOptions are the options of every output file of a command that
// uses the store location: an output never replaces the embedded store.
func outputOptions(store string) outfile.Options {
	if neo4jstore.IsURI(store) {
		return outfile.Options{}
	}
	return outfile.Options{Store: store}
}
