// Package export writes the cooperation network, optionally with the metrics
// of an analysis.Result, as GEXF 1.2 or 1.3 (Gephi), GraphML, JSON or CSV
// tables (alliances export, docs/export.md).
//
// NetworkGEXF, NetworkGraphML, NetworkJSON and NetworkCSV write the actor
// network that the analysis measures (graph.Network): actors, and undirected
// ties with their weight and what they are made of (TieColumns), so that
// NetworkX, igraph or Gephi recompute the exported metrics from the file.
//
// GEXF, GraphML, JSON and CSV write the two-mode data, a graph.Dataset. Every
// writer sorts its input and writes stable bytes: the same dataset and
// metrics give the same file. Projects and participations survive a round trip
// through ingest in every format:
//
//   - JSON is the graph.Dataset itself ({"actors", "links", "projects",
//     "participations"}), plus "metrics" (the analysis.Result) with metrics.
//   - CSV writes actors.csv, links.csv, projects.csv and participations.csv with
//     the English input headers that ingest recognises; lists (dimensions,
//     targets) are joined with "|"; metrics add columns to actors.csv.
//   - GEXF and GraphML write a bipartite graph: actors are nodes with
//     kind=actor; projects are nodes with kind=project whose id is
//     "project:" + the project id (so that it never clashes with an actor id);
//     links are edges between actors (GraphML: data kind=link and type; GEXF:
//     the link type as edge kind); participations are edges from the actor to
//     the project node with kind=participation (GraphML data, GEXF edge kind).
//     The graph is undirected: when some links are directed, every link has
//     the boolean attribute directed (NetworkX and igraph read no graph that
//     mixes directed and undirected edges).
//     A user attribute whose name would be read back as a field (say an actor
//     attribute "family", or "label") is written as "attr:" + its name, and
//     ingest removes the prefix. Metric attributes have ids starting with
//     "metric." and are ignored when the file is read back.
//
// Characters that XML 1.0 cannot hold (control characters other than tab,
// newline and carriage return) are written as U+FFFD in GEXF and GraphML.
package export
