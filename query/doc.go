// Package query answers the named alliance questions of docs/queries.md on a
// cooperation network, whichever store it was loaded from.
//
// A tie between two actors merges their declared links, in either direction,
// and the projects they share; its weight is the sum of the link weights plus
// the number of shared projects (graph.NewNetwork).
//
// Every query reads a *graph.View: the network of a graph.NetworkReader (a
// store, or a *graph.Network in memory) read as the question needs it.
// PartnersOf, PathsOf, BetweenOf and CrossBorderOf take a View; Partners,
// Paths, Between and CrossBorder are the same on a *graph.Network. An ego
// network or a path reads the records around the actors it visits, by a
// breadth-first search that reads each project once (its participants are
// all one tie apart), and paths are searched from both ends at once, so that
// a query on a large store does not pay for the whole network; ties are
// computed when they are listed, one actor at a time, and the functions that
// may list millions of them (EgoNetwork.EachTie, BetweenOf, CrossBorderOf)
// hand them over one by one. Alliances, which looks for cliques in the whole
// network, reads a *graph.Network.
//
//   - Partners: the ego network of an actor up to a depth k: every actor at
//     most k ties away, with its distance, and every tie among them (as
//     NetworkX's ego_graph).
//   - Paths: every shortest cooperation path between two actors, counting
//     ties (hops), not weights.
//   - Alliances: the projects whose participants belong to at least k
//     families, and the groups of actors that are all tied to one another
//     (maximal cliques of three actors or more) and belong to at least k
//     families. A group may be the participants of one project, since a
//     project ties all its participants; the projects that every member of a
//     group takes part in are listed with it, and a group with none was built
//     by declared links or by several projects.
//   - Between: the ties between actors of two families, or inside one.
//   - CrossBorder: the ties between actors of different countries, and a
//     summary per pair of countries.
//
// Results are sorted deterministically and carry JSON tags (snake_case): the
// same network gives the same bytes. Formatting them as text tables is left to
// the command line. An unknown actor or family is an error wrapping
// ErrUnknownActor or ErrUnknownFamily; families are matched with
// graph.Normalize, so "Collectivité" finds "collectivite".
package query
