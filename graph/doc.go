// Package graph defines the domain of alliances — actors, ties, projects and
// participations — and the Store interface that every storage backend implements.
//
// It imports only the standard library. Concrete stores live in sub-packages
// (graph/embedded, graph/neo4jstore) and are tested by the shared contract suite
// in graph/storetest.
package graph
