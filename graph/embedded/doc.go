// Package embedded provides the default graph.Store: one bbolt file, no server.
//
// The file holds one bucket per table (actors, projects, links,
// participations), keyed by the record keys of package graph (Actor.ID,
// Project.ID, Link.Key, Participation.Key), with each record in a compact
// binary encoding (codec.go); a metrics bucket keyed by actor id; and a meta
// bucket with the format name, the schema version (Schema) and the current
// generation. Bucket order is byte order, which is the order of
// graph.Dataset.Sort, so Load reads every table already sorted. The ingest
// log (Store.AddIngest) is a top-level bucket "ingests" beside the
// generations: JSON records keyed by their 8-byte sequence number.
//
// # Generations
//
// The five buckets of the tables live in a generation: a top-level bucket
// gen-N that the meta key "current" names. Load, Put, PutMetrics and Metrics
// work on the current generation. PutBatches, which must not hold a large
// input in memory, writes the next generation, gen-N+1, beside it: a merge of
// each current table with the incoming records, both in key order, appended
// over transactions of at most about 50,000 records, and a copy of the
// metrics; then one small transaction names it current and deletes gen-N. A
// crash before that last commit leaves gen-N current and intact, and a
// partial gen-N+1 that the next Put or PutBatches deletes (Open never writes
// to an existing file). Before writing anything, PutBatches compares the
// input with the stored records, and leaves the file byte for byte as it was
// when nothing differs. An input of at most 50,000 records is written in
// place in one transaction, as Put does, rather than by a copy of the whole
// store: adding a small file to a large store stays fast.
//
// Files of schema 2 have the five buckets at the top level and no current
// generation; they are read, and updated in place by Put, and PutBatches
// writes their first generation and makes them schema 3.
//
// A store that was written is cut, when it is closed, to the high-water
// mark of its pages: bbolt grows a file in steps of 16 MiB, and never uses
// the space past that mark, so a new store is as small as its data
// (compact.go).
//
// Put writes in one bbolt transaction, so an interrupted or failed Put leaves
// the file as it was. Only one process can open a file at a time: a second
// one gets an error wrapping graph.ErrUnreachable after about a second.
package embedded
