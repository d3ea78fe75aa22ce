// Package neo4jstore provides a graph.Store kept in a Neo4j 5 database, through
// the official driver github.com/neo4j/neo4j-go-driver/v5.
//
// # Schema
//
// Actors and projects are nodes, ties and participations are relationships
// (docs/architecture.md):
//
//	(:Actor {id, name, family, country, territory, level, attr_<name>…, attribute_names,
//	         origin_file, origin_line, <metric>…, metric_keys})
//	(:Project {id, name, programme, phase, start, end, dimensions, targets,
//	           territory, attr_<name>…, attribute_names, origin_file, origin_line})
//	(:Actor)-[:COOPERATES_WITH {key, type, weight, directed, start, end,
//	                            origin_file, origin_line}]->(:Actor)
//	(:Actor)-[:PARTICIPATES_IN {role, start, end, origin_file, origin_line}]->(:Project)
//	(:Ingest {seq, record})
//
// An :Ingest node is one record of the ingest log (Store.AddIngest): seq
// numbers them in order, record is the JSON of the graph.IngestRecord.
//
// Uniqueness constraints on Actor.id and Project.id are created with IF NOT
// EXISTS when the store is opened. Empty text fields are not stored (Neo4j has
// no empty property; a missing property reads back as ""). Free attributes,
// which Neo4j cannot hold as a map property, are stored one property per
// attribute, named "attr_" followed by the attribute name, and the list of
// attribute names is kept in attribute_names so that re-putting an actor removes the
// attributes it no longer has. A link's key property is the JSON array
// [source, target, type, "u"|"d"] of graph.Link.Key (endpoints sorted for
// undirected links); an undirected link is stored in the direction it was put.
//
// Metrics written by PutMetrics are plain properties of the :Actor nodes, named
// as the metric (a.betweenness, a.pagerank…), so that Cypher users can write
//
//	MATCH (a:Actor) RETURN a.name, a.betweenness ORDER BY a.betweenness DESC
//
// and metric_keys lists them. Metric names that would overwrite a record field
// (id, name, attr_…) are refused.
//
// A link or participation naming an actor or project that is not in the store
// creates a placeholder node marked with _placeholder = true, so that every
// record put is stored; Load leaves placeholders out, and putting the real
// record later replaces the placeholder. Ingest rejects such records, so
// placeholders only appear when the library is used directly.
//
// PutBatches sets the property _put of every record it writes to a token of
// its own: the records with another token (or none) are the stored records
// that its batches do not hold, which it counts, and with graph.Replace
// deletes in the same transaction.
//
// # Transactions
//
// Put runs in one managed write transaction (retried by the driver on transient
// errors), so it is atomic; cancelling its context rolls it back, even while
// the driver waits for the server (the store gives contexts without a
// deadline a distant one, since the driver only watches contexts that have
// one). Records are sent in batches of BatchSize rows with
// UNWIND $rows AS row MERGE … statements; every user value travels as a query
// parameter, and labels, relationship types and property names of the schema
// are fixed in the statement registry (Statements), the only Cypher this
// package sends besides the user's own read-only queries (ReadCypher). The
// registry is linted in CI by Neo4j's own parser (tools/cypherlint).
//
// # Errors
//
// Open, and any call that cannot reach the server, returns an error wrapping
// graph.ErrUnreachable whose first line says what to check. Error text never
// contains the user name or the password, even when it quotes the driver.
package neo4jstore
