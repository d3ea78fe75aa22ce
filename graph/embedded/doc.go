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
// # Checksums, counts and index (schema 4)
//
// Every value ends with a CRC-32C of its bucket's tag, its key and the record
// (seal.go); a generation keeps, for each of its buckets, the number of its
// entries and the sum of their CRCs (key "tally"). Load and Metrics check
// every record, the order of the keys and the tallies; the reads of
// graph.NetworkReader check each record they read. Before bbolt maps a file,
// its two meta pages, its size and its tree of pages are checked (file.go);
// when it is opened, the whole store is checked as Load does, with the ingest
// log (sealed too) and bbolt's own consistency check of its pages. An empty
// file is refused; bbolt's panics and the faults of reading a damaged map are
// turned into errors. Each of these is an
// error wrapping ErrDamaged that says to restore the file or ingest again, and
// nothing is written into a damaged file.
//
// Two buckets of a generation index what the keys of the tables do not
// give (index.go): members, the participants of each project, and linkends,
// the links that end at each actor, one entry per project or actor.
// graph.NetworkReader reads them (reader.go), so that a query reads the
// records around the actors it visits only.
//
// Files of schemas 2 (five buckets at the top level, no generation) and 3
// (no checksums, no index) are read, the questions of graph.NetworkReader
// answered by reading every participation or link key; their first write
// (Put, PutBatches or PutMetrics) writes them anew as schema 4.
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
