package main

import "github.com/alliances/alliances/graph"

// resolveActor returns the id of the actor that q names on the command line:
// its id, its name or a unique part of it (graph.Lookup). An unknown or
// ambiguous actor is a usage error that lists the candidates.
func resolveActor(net *graph.Network, q string) (string, error) {
	id, err := graph.ActorLookup(net.Actors).Find(q)
	if err != nil {
		return "", usageError{err.Error()}
	}
	return id, nil
}

// resolveProject is resolveActor for projects.
func resolveProject(net *graph.Network, q string) (string, error) {
	id, err := graph.ProjectLookup(net.Projects).Find(q)
	if err != nil {
		return "", usageError{err.Error()}
	}
	return id, nil
}
