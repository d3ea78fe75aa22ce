// Package embedded provides the default graph.Store: one bbolt file, no server.
//
// The file holds one bucket per table (actors, projects, links,
// participations), keyed by the record keys of package graph (Actor.ID,
// Project.ID, Link.Key, Participation.Key), with each record in a compact
// binary encoding (codec.go); a metrics bucket keyed by actor id; and a meta
// bucket with the format name and the schema version (Schema). Bucket order is byte order, which is the
// order of graph.Dataset.Sort, so Load reads every table already sorted.
//
// Put writes in one bbolt transaction, so an interrupted or failed Put leaves
// the file as it was. Only one process can open a file at a time: a second
// one gets an error wrapping graph.ErrUnreachable after about a second.
package embedded
