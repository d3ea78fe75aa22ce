// Package query answers the named alliance questions of SPEC §6 on a
// cooperation network, whichever store it was loaded from.
//
// Every query reads a *graph.Network (graph.NewNetwork of a loaded dataset),
// where a tie between two actors merges their declared links, in either
// direction, and the projects they share; its weight is the sum of the link
// weights plus the number of shared projects.
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
