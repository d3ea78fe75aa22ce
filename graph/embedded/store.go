package embedded

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
)

// Schema is the version of the layout of the file that this package writes.
// Schema 4 seals every record with a checksum, keeps the counts of the
// records of each table, and holds the index of graph.NetworkReader (see the
// package documentation). This package also reads schemas 2 (tables at the
// top level of the file rather than in a generation) and 3 (no checksums, no
// index), and rewrites such a file as schema 4 at its first write. Schema 1,
// records as JSON, only existed during development.
const Schema = 4

// oldestSchema is the oldest schema that this package reads.
const oldestSchema = 2

// ErrNotStore is wrapped by Open when the file exists but is not a store of
// alliances: another kind of file, a damaged file, or a bbolt database of
// another program.
var ErrNotStore = errors.New("not an alliances store")

// Buckets, one per table, plus the metrics and the meta data.
var (
	bucketMeta           = []byte("meta")
	bucketActors         = []byte("actors")
	bucketProjects       = []byte("projects")
	bucketLinks          = []byte("links")
	bucketParticipations = []byte("participations")
	bucketMetrics        = []byte("metrics")

	keyFormat  = []byte("format")
	keySchema  = []byte("schema")
	keyCurrent = []byte("current") // the generation holding the tables (schema 3)
	formatID   = []byte("alliances")

	genPrefix = []byte("gen-") // generations are named gen-1, gen-2…
)

var tables = [][]byte{bucketActors, bucketProjects, bucketLinks, bucketParticipations, bucketMetrics}

// lockTimeout is how long Open waits for a file locked by another process.
var lockTimeout = time.Second

// checkEvery is how many records Put and Load handle between two looks at the
// context.
const checkEvery = 1 << 14

// Store is a graph.Store kept in one bbolt file.
type Store struct {
	db   *bolt.DB
	path string
	file os.FileInfo // the file opened, to trim it only (compact.go)
	// wrote is set once this Store has written to the file: Close then trims it.
	wrote bool
	// sealed is set when the current generation is of schema 4: checksums,
	// counts and index.
	sealed bool
	// verified is set once verify found the file whole: this Store holds the
	// file's lock, and writes nothing but whole transactions, so it stays
	// whole.
	verified bool
}

var _ graph.Store = (*Store)(nil)

// Open opens the store in the file at path, creating the file if it does not
// exist. Only one process can hold a store open for writing, and none may
// read it meanwhile: when another one holds it, Open gives up after about a
// second with an error wrapping graph.ErrUnreachable. A file that is not a
// store of alliances gives an error wrapping ErrNotStore.
func Open(path string) (*Store, error) { return open(path, false) }

// OpenReadOnly opens an existing store for reading only: any number of
// processes may read one store at once (while none writes it). Put and
// PutMetrics on a read-only store fail.
func OpenReadOnly(path string) (*Store, error) { return open(path, true) }

func open(path string, readOnly bool) (s *Store, err error) {
	defer protect(path)(&err)
	defer func() {
		if err != nil && errors.Is(err, ErrDamaged) && !strings.HasPrefix(err.Error(), "store ") {
			err = fmt.Errorf("store %s: %w", path, err)
		}
	}()
	// The meta pages and the size of the file, before bbolt maps it.
	if err := checkFile(path); err != nil {
		return nil, err
	}
	opts := &bolt.Options{Timeout: lockTimeout, ReadOnly: readOnly}
	if strconv.IntSize == 64 {
		// Map generously (address space, not memory): when a transaction
		// outgrows the map, bbolt copies every record it holds to the heap
		// before remapping, which made a put of a million links take a minute.
		opts.InitialMmapSize = 1 << 30
		if fi, err := os.Stat(path); err == nil {
			opts.InitialMmapSize += 2 * int(fi.Size())
		}
	}
	db, err := bolt.Open(path, 0o644, opts)
	switch {
	case err == nil:
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("store %s: the file is in use by another process (is another alliances command running?): %w",
			path, graph.ErrUnreachable)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return nil, fmt.Errorf("store %s: %w: the file is not a bbolt database, or it is damaged (%v)", path, ErrNotStore, err)
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			// The file could not be opened, read or locked at all.
			if dir := filepath.Dir(path); errors.Is(pe.Err, fs.ErrNotExist) {
				return nil, fmt.Errorf("store %s: %w: the directory %s does not exist", path, graph.ErrUnreachable, dir)
			}
			return nil, fmt.Errorf("store %s: %w: %w", path, graph.ErrUnreachable, pe.Err)
		}
		// bbolt's own words ("file size too small 3367") mean nothing to a
		// user who gave a data file as --store.
		return nil, fmt.Errorf("store %s: %w: the file was not written by alliances ingest (%v); --store names the store, data files are the arguments of ingest", path, ErrNotStore, err)
	}
	// A bbolt database whose pages did not close and reopen as one.
	defer func() {
		if err != nil {
			db.Close()
		}
	}()
	// Only a new file is written to: opening an existing store must not change
	// a byte of it (re-ingesting the same data changes nothing).
	fresh, sealed, blank := false, false, false
	err = guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			// A file cut short (a copy that did not end, a full disk) has pages
			// that its meta data names but the file does not hold: reading them
			// would fault.
			if fi, err := os.Stat(path); err == nil && fi.Size() < tx.Size() {
				return damaged("the file is %d bytes long, its pages end at byte %d: it was cut short", fi.Size(), tx.Size())
			}
			if fresh = tx.Bucket(bucketMeta) == nil; fresh {
				blank = true
				return nil
			}
			if err := checkMeta(tx.Bucket(bucketMeta)); err != nil {
				return err
			}
			schema, _ := strconv.Atoi(string(tx.Bucket(bucketMeta).Get(keySchema)))
			sealed = schema >= 4
			if gen := tx.Bucket(bucketMeta).Get(keyCurrent); gen != nil {
				g := tx.Bucket(gen)
				need := tables
				if sealed {
					need = generation
				}
				for _, name := range need {
					if g == nil || g.Bucket(name) == nil {
						return damaged("table %s of generation %s is missing", name, gen)
					}
				}
				if sealed {
					if _, err := readTallies(g); err != nil {
						return err
					}
				}
				return nil
			}
			if sealed {
				return damaged("a store of schema %d names no generation", schema)
			}
			for _, name := range tables {
				fresh = fresh || tx.Bucket(name) == nil
			}
			return nil
		})
	})
	switch {
	case err == nil && fresh && readOnly:
		err = fmt.Errorf("%w: the file holds no store of alliances yet", ErrNotStore)
	case err == nil && fresh:
		err = guard(func() error { return db.Update(initialise) })
		sealed = err == nil && blank
	}
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	st := &Store{db: db, path: path, wrote: fresh && !readOnly, sealed: sealed}
	// Every record against its checksum, the tallies, the ingest log and
	// bbolt's check of its pages: the reads of graph.NetworkReader, which
	// look records up by key, would not see a record lost or a key changed.
	if err = guard(func() error { return st.verify(context.Background()) }); err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	st.file, _ = os.Stat(path)
	return st, nil
}

// checkMeta checks that meta is the meta data of a store of a schema that this
// package reads.
func checkMeta(meta *bolt.Bucket) error {
	if !bytes.Equal(meta.Get(keyFormat), formatID) {
		return fmt.Errorf("%w: the file is a bbolt database of another program", ErrNotStore)
	}
	v, err := strconv.Atoi(string(meta.Get(keySchema)))
	if err != nil {
		return fmt.Errorf("%w: unreadable schema version %q", ErrNotStore, meta.Get(keySchema))
	}
	if v > Schema {
		return fmt.Errorf("the store was written by a newer version of alliances (schema %d, this version reads %d to %d)", v, oldestSchema, Schema)
	}
	if v < oldestSchema {
		return fmt.Errorf("the store was written by an older version of alliances (schema %d, this version reads %d to %d): ingest the data again into a new store", v, oldestSchema, Schema)
	}
	if v < 3 && meta.Get(keyCurrent) != nil {
		return damaged("a store of schema %d names a generation", v)
	}
	return nil
}

// initialise lays out a new file in the schema of this package, the tables in
// a first generation; in a file of schema 2 that lacks some tables, it creates
// them at the top level.
func initialise(tx *bolt.Tx) error {
	if meta := tx.Bucket(bucketMeta); meta != nil {
		if err := checkMeta(meta); err != nil {
			return err
		}
		for _, name := range tables {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	}
	foreign := false
	if err := tx.ForEach(func([]byte, *bolt.Bucket) error { foreign = true; return nil }); err != nil {
		return err
	}
	if foreign {
		return fmt.Errorf("%w: the file is a bbolt database of another program", ErrNotStore)
	}
	meta, err := tx.CreateBucket(bucketMeta)
	if err != nil {
		return err
	}
	gen := generationName(1)
	for _, kv := range [][2][]byte{{keyFormat, formatID}, {keySchema, []byte(strconv.Itoa(Schema))}, {keyCurrent, gen}} {
		if err := meta.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return createGeneration(tx, gen)
}

// generationName returns the name of the bucket of generation n.
func generationName(n int) []byte { return strconv.AppendInt(slices.Clone(genPrefix), int64(n), 10) }

// createGeneration creates the bucket of a generation, with empty tables and
// index.
func createGeneration(tx *bolt.Tx, name []byte) error {
	g, err := tx.CreateBucket(name)
	if err != nil {
		return err
	}
	for _, t := range generation {
		if _, err := g.CreateBucket(t); err != nil {
			return err
		}
	}
	return writeTallies(g, &tallies{})
}

// current returns the bucket of the current generation, nil in a file of
// schema 2.
func current(tx *bolt.Tx) *bolt.Bucket {
	if gen := tx.Bucket(bucketMeta).Get(keyCurrent); gen != nil {
		return tx.Bucket(gen)
	}
	return nil
}

// table returns the bucket of the named table in the current state: in the
// generation named by the meta data, or at the top level of a file of schema 2.
// Open checked that it exists.
func table(tx *bolt.Tx, name []byte) *bolt.Bucket {
	if gen := tx.Bucket(bucketMeta).Get(keyCurrent); gen != nil {
		return tx.Bucket(gen).Bucket(name)
	}
	return tx.Bucket(name)
}

// Path returns the file of the store.
func (s *Store) Path() string { return s.path }

// Close releases the file. The file of a store that was written is first
// cut to the size of its data (compact.go).
func (s *Store) Close() error {
	if s.wrote {
		s.trim()
	}
	return s.db.Close()
}

// record is one encoded record: its key in its bucket and its value.
type record struct {
	kv    []byte // key then value
	klen  uint32
	index uint32 // position in the input, to keep the last of equal keys
}

func (r record) key() []byte   { return r.kv[:r.klen:r.klen] }
func (r record) value() []byte { return r.kv[r.klen:] }

// Put upserts d in one transaction: either all of d is stored or nothing is.
// Records with an empty key field are an error. A file of an older schema is
// written anew, as PutBatches does, in the schema of this package; a damaged
// file is not written to (ErrDamaged).
func (s *Store) Put(ctx context.Context, d *graph.Dataset) (err error) {
	defer protect(s.path)(&err)
	if err := ctx.Err(); err != nil {
		return err
	}
	if d == nil {
		return nil
	}
	if err := validate(d); err != nil {
		return err
	}
	if !s.sealed {
		c := &graph.Dataset{}
		c.Merge(d)
		_, err := s.rebuild(ctx, graph.InBatches(c, 5000), false)
		return err
	}
	// Encode before taking the write lock; bbolt needs the bytes until commit.
	batches := []struct {
		bucket  []byte
		records []record
	}{
		{bucketActors, encode(bucketActors, d.Actors, func(a *graph.Actor) string { return a.ID }, appendActor)},
		{bucketProjects, encode(bucketProjects, d.Projects, func(p *graph.Project) string { return p.ID }, appendProject)},
		{bucketLinks, encode(bucketLinks, d.Links, (*graph.Link).Key, appendLink)},
		{bucketParticipations, encode(bucketParticipations, d.Participations, (*graph.Participation).Key, appendParticipation)},
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.verify(ctx); err != nil {
		return err
	}
	s.wrote = true
	return s.db.Update(func(tx *bolt.Tx) error {
		if err := deleteStale(tx); err != nil {
			return err
		}
		g := current(tx)
		ts, err := readTallies(g)
		if err != nil {
			return err
		}
		n := 0
		for _, batch := range batches {
			b := g.Bucket(batch.bucket)
			if len(batch.records) == 0 {
				continue
			}
			// Appending after the last key fills pages completely; inserting
			// among existing keys keeps room for later inserts.
			if last, _ := b.Cursor().Last(); last == nil || bytes.Compare(last, batch.records[0].key()) < 0 {
				b.FillPercent = 1
			}
			t := ts.of(batch.bucket)
			for _, r := range batch.records {
				if n++; n%checkEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				if old := b.Get(r.key()); old != nil {
					t.remove(crcOf(old))
				} else if err := putIndex(g, batch.bucket, r.key(), ts); err != nil {
					return err
				}
				if err := b.Put(r.key(), r.value()); err != nil {
					return fmt.Errorf("storing %s %q: %w", batch.bucket, r.key(), err)
				}
				t.add(crcOf(r.value()))
			}
		}
		if err := writeTallies(g, ts); err != nil {
			return err
		}
		// Returning an error rolls the transaction back.
		return ctx.Err()
	})
}

// validate reports the first record of d with an empty key field.
func validate(d *graph.Dataset) error {
	where := func(table string, i int, o graph.Provenance) string {
		s := fmt.Sprintf("%s record %d", table, i+1)
		if o.File != "" {
			s += fmt.Sprintf(" (%s:%d)", o.File, o.Line)
		}
		return s
	}
	for i, a := range d.Actors {
		if nul(a.ID) {
			return fmt.Errorf("%s: actor id holds a NUL character", where("actor", i, a.Origin))
		}
		if a.ID == "" {
			return fmt.Errorf("%s: empty actor id", where("actor", i, a.Origin))
		}
		if len(a.ID) > bolt.MaxKeySize {
			return fmt.Errorf("%s: actor id longer than %d bytes", where("actor", i, a.Origin), bolt.MaxKeySize)
		}
	}
	for i, p := range d.Projects {
		if nul(p.ID) {
			return fmt.Errorf("%s: project id holds a NUL character", where("project", i, p.Origin))
		}
		if p.ID == "" {
			return fmt.Errorf("%s: empty project id", where("project", i, p.Origin))
		}
		if len(p.ID) > bolt.MaxKeySize {
			return fmt.Errorf("%s: project id longer than %d bytes", where("project", i, p.Origin), bolt.MaxKeySize)
		}
	}
	for i, l := range d.Links {
		if nul(l.Source, l.Target, l.Type) {
			return fmt.Errorf("%s: link end or type holds a NUL character", where("link", i, l.Origin))
		}
		if l.Source == "" || l.Target == "" {
			return fmt.Errorf("%s: link without source or target", where("link", i, l.Origin))
		}
		if len(l.Source)+len(l.Target)+len(l.Type)+4 > bolt.MaxKeySize {
			return fmt.Errorf("%s: link key longer than %d bytes", where("link", i, l.Origin), bolt.MaxKeySize)
		}
	}
	for i, p := range d.Participations {
		if nul(p.Actor, p.Project) {
			return fmt.Errorf("%s: participation actor or project holds a NUL character", where("participation", i, p.Origin))
		}
		if p.Actor == "" || p.Project == "" {
			return fmt.Errorf("%s: participation without actor or project", where("participation", i, p.Origin))
		}
		if len(p.Actor)+len(p.Project)+1 > bolt.MaxKeySize {
			return fmt.Errorf("%s: participation key longer than %d bytes", where("participation", i, p.Origin), bolt.MaxKeySize)
		}
	}
	return nil
}

// nul reports whether a key field holds a NUL character, which separates the
// fields of keys.
func nul(fields ...string) bool {
	for _, f := range fields {
		if strings.IndexByte(f, 0) >= 0 {
			return true
		}
	}
	return false
}

// encode encodes xs, records of the table name, in parallel with appendValue,
// sealed with their checksums, and returns the records sorted by key. Of records with the same key the last one wins, as in
// graph.Dataset.Merge. Keys and values are packed into large shared buffers,
// which bbolt keeps pointing to until the transaction ends.
func encode[T any](name []byte, xs []T, key func(*T) string, appendValue func([]byte, *T) []byte) []record {
	tag := tagOf(name)
	recs := make([]record, len(xs))
	parallel(len(xs), func(lo, hi int) {
		var arena []byte
		// Chunks of at most 1 MiB, smaller for small inputs (the parts of
		// PutBatches), as the records keep them alive until commit.
		chunk := min(1<<20, max(64<<10, (hi-lo)*256))
		for i := lo; i < hi; i++ {
			if cap(arena)-len(arena) < 4096 {
				arena = make([]byte, 0, chunk)
			}
			start := len(arena)
			arena = append(arena, key(&xs[i])...)
			k := len(arena)
			arena = seal(appendValue(arena, &xs[i]), k, tag, arena[start:k])
			recs[i] = record{kv: arena[start:len(arena):len(arena)], klen: uint32(k - start), index: uint32(i)}
		}
	})
	slices.SortFunc(recs, func(a, b record) int {
		if c := bytes.Compare(a.key(), b.key()); c != 0 {
			return c
		}
		return cmp.Compare(a.index, b.index)
	})
	// Keep the last record of each run of equal keys.
	out := recs[:0]
	for i, r := range recs {
		if i+1 < len(recs) && bytes.Equal(recs[i+1].key(), r.key()) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// parallel calls f on consecutive ranges of [0, n) from several goroutines.
func parallel(n int, f func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 4096 || workers == 1 {
		f(0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// Load returns every stored record, each table in the order of
// graph.Dataset.Sort (which is the byte order of the keys in the file).
func (s *Store) Load(ctx context.Context) (*graph.Dataset, error) { return s.load(ctx, true) }

// LoadNodes returns the stored actors and projects, as Load does, with no
// links and no participations.
func (s *Store) LoadNodes(ctx context.Context) (*graph.Dataset, error) { return s.load(ctx, false) }

func (s *Store) load(ctx context.Context, ties bool) (d *graph.Dataset, err error) {
	defer protect(s.path)(&err)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d = &graph.Dataset{Links: []graph.Link{}, Participations: []graph.Participation{}}
	err = s.db.View(func(tx *bolt.Tx) error {
		var err error
		if d.Actors, err = decode(ctx, s, tx, bucketActors, false, decodeActor); err != nil {
			return err
		}
		if d.Projects, err = decode(ctx, s, tx, bucketProjects, false, decodeProject); err != nil || !ties {
			return err
		}
		if d.Links, err = decode(ctx, s, tx, bucketLinks, true, decodeLink); err != nil {
			return err
		}
		d.Participations, err = decode(ctx, s, tx, bucketParticipations, true, decodeParticipation)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: load: %w", s.path, err)
	}
	return d, nil
}

// decode decodes every record of a table, in key order.
func decode[T any](ctx context.Context, s *Store, tx *bolt.Tx, name []byte, intern bool,
	decodeValue func(d *decoder, key []byte, x *T)) ([]T, error) {
	out := make([]T, 0, s.count(tx, name))
	d := &decoder{}
	if intern {
		d.intern = make(map[string]string)
	}
	err := s.scan(ctx, tx, name, func(k, rec []byte) error {
		out = append(out, *new(T))
		d.reset(rec)
		decodeValue(d, k, &out[len(out)-1])
		if err := d.done(); err != nil {
			return damaged("record %q of %s does not read: %v", k, name, err)
		}
		return nil
	})
	return out, err
}

// count returns the number of records of a table, to allocate for them.
func (s *Store) count(tx *bolt.Tx, name []byte) int {
	if s.sealed {
		if ts, err := readTallies(current(tx)); err == nil {
			return int(min(ts.of(name).n, 1<<24))
		}
		return 0
	}
	return table(tx, name).Stats().KeyN
}

// scan calls f with the key and the record of every entry of a table, or of
// the index, of the current state, in key order, and checks them: in a file
// of schema 4, each record against its checksum, the keys for their order,
// and at the end the count and checksums of the table against its tally.
func (s *Store) scan(ctx context.Context, tx *bolt.Tx, name []byte, f func(k, rec []byte) error) error {
	b := table(tx, name)
	if b == nil {
		return nil // the index of a file of schema 3
	}
	var t tally
	var last []byte
	tag := tagOf(name)
	n := 0
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if n++; n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if v == nil {
			return damaged("table %s holds a bucket %q", name, k)
		}
		rec := v
		if s.sealed {
			if last != nil && bytes.Compare(k, last) <= 0 {
				return damaged("the keys of table %s are out of order at %q", name, k)
			}
			last = k
			var err error
			if rec, err = unseal(tag, k, v); err != nil {
				return err
			}
			t.add(crcOf(v))
		}
		if err := f(k, rec); err != nil {
			return err
		}
	}
	if !s.sealed {
		return ctx.Err()
	}
	ts, err := readTallies(current(tx))
	if err != nil {
		return err
	}
	if want := ts.of(name); t != *want {
		return damaged("table %s holds %d records that do not add up to the %d written", name, t.n, want.n)
	}
	return ctx.Err()
}

// verify checks the whole file before a write: every record of the current
// state as Load does, the ingest log, and bbolt's own consistency check of
// its pages. Nothing is written into a damaged file. The file is checked once
// by a Store that writes it: it then holds the lock of the file.
func (s *Store) verify(ctx context.Context) error {
	if s.verified {
		return nil
	}
	err := s.db.View(func(tx *bolt.Tx) error {
		names := tables
		if s.sealed {
			names = generation
		}
		for _, name := range names {
			if err := s.scan(ctx, tx, name, func(k, rec []byte) error { return nil }); err != nil {
				return err
			}
		}
		if err := readIngests(tx, func(graph.IngestRecord) {}); err != nil {
			return err
		}
		var first error
		for err := range tx.Check() {
			if first == nil {
				first = damaged("%v", err)
			}
		}
		return first
	})
	s.verified = err == nil
	return err
}

// PutMetrics replaces the metric values of the named actors in one
// transaction. An id that names no stored actor is an error and nothing is
// written. Values that are not finite numbers (undefined metrics) are left out.
func (s *Store) PutMetrics(ctx context.Context, metrics []graph.ActorMetrics) (err error) {
	defer protect(s.path)(&err)
	if err := ctx.Err(); err != nil {
		return err
	}
	if !s.sealed {
		// Written anew in the schema of this package first.
		if _, err := s.rebuild(ctx, graph.InBatches(&graph.Dataset{}, 1), false); err != nil {
			return err
		}
	}
	if err := s.verify(ctx); err != nil {
		return s.errorf(err)
	}
	s.wrote = true
	tag := tagOf(bucketMetrics)
	return s.db.Update(func(tx *bolt.Tx) error {
		g := current(tx)
		ts, err := readTallies(g)
		if err != nil {
			return err
		}
		t := ts.of(bucketMetrics)
		actors, b := g.Bucket(bucketActors), g.Bucket(bucketMetrics)
		for _, m := range metrics {
			id := []byte(m.ID)
			if len(id) == 0 || actors.Get(id) == nil {
				return fmt.Errorf("metrics for unknown actor %q: nothing was written", m.ID)
			}
			vals := make(map[string]float64, len(m.Values))
			for k, v := range m.Values {
				if !math.IsNaN(v) && !math.IsInf(v, 0) {
					vals[k] = v
				}
			}
			if old := b.Get(id); old != nil {
				t.remove(crcOf(old))
			}
			v := seal(appendMetrics(nil, vals), 0, tag, id)
			if err := b.Put(id, v); err != nil {
				return err
			}
			t.add(crcOf(v))
		}
		if err := writeTallies(g, ts); err != nil {
			return err
		}
		return ctx.Err()
	})
}

// Metrics returns the stored metric values, sorted by actor id.
func (s *Store) Metrics(ctx context.Context) (out []graph.ActorMetrics, err error) {
	defer protect(s.path)(&err)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out = []graph.ActorMetrics{}
	err = s.db.View(func(tx *bolt.Tx) error {
		return s.scan(ctx, tx, bucketMetrics, func(k, rec []byte) error {
			d := &decoder{b: rec}
			m := graph.ActorMetrics{ID: string(k), Values: decodeMetrics(d)}
			if err := d.done(); err != nil {
				return damaged("the metrics of actor %q do not read: %v", k, err)
			}
			out = append(out, m)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", s.path, err)
	}
	return out, nil
}
