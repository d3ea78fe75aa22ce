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
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
)

// Schema is the version of the layout of the file that this package writes.
// It also reads schema 2, whose tables are at the top level of the file
// rather than in a generation (see the package documentation), and writes
// schema 3 into such a file at its first PutBatches. Schema 1, records as
// JSON, only existed during development.
const Schema = 3

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

func open(path string, readOnly bool) (*Store, error) {
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
	// Only a new file is written to: opening an existing store must not change
	// a byte of it (re-ingesting the same data changes nothing).
	fresh := false
	err = db.View(func(tx *bolt.Tx) error {
		if fresh = tx.Bucket(bucketMeta) == nil; fresh {
			return nil
		}
		if err := checkMeta(tx.Bucket(bucketMeta)); err != nil {
			return err
		}
		if gen := tx.Bucket(bucketMeta).Get(keyCurrent); gen != nil {
			g := tx.Bucket(gen)
			for _, name := range tables {
				if g == nil || g.Bucket(name) == nil {
					return fmt.Errorf("%w: the file is damaged: table %s of generation %s is missing", ErrNotStore, name, gen)
				}
			}
			return nil
		}
		for _, name := range tables {
			fresh = fresh || tx.Bucket(name) == nil
		}
		return nil
	})
	switch {
	case err == nil && fresh && readOnly:
		err = fmt.Errorf("%w: the file holds no store of alliances yet", ErrNotStore)
	case err == nil && fresh:
		err = db.Update(initialise)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	s := &Store{db: db, path: path, wrote: fresh && !readOnly}
	s.file, _ = os.Stat(path)
	return s, nil
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
		return fmt.Errorf("%w: the file is damaged: a store of schema %d names a generation", ErrNotStore, v)
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

// createGeneration creates the bucket of a generation, with empty tables.
func createGeneration(tx *bolt.Tx, name []byte) error {
	g, err := tx.CreateBucket(name)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if _, err := g.CreateBucket(t); err != nil {
			return err
		}
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
// Records with an empty key field are an error.
func (s *Store) Put(ctx context.Context, d *graph.Dataset) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d == nil {
		return nil
	}
	if err := validate(d); err != nil {
		return err
	}
	// Encode before taking the write lock; bbolt needs the bytes until commit.
	batches := []struct {
		bucket  []byte
		records []record
	}{
		{bucketActors, encode(d.Actors, func(a *graph.Actor) string { return a.ID }, appendActor)},
		{bucketProjects, encode(d.Projects, func(p *graph.Project) string { return p.ID }, appendProject)},
		{bucketLinks, encode(d.Links, (*graph.Link).Key, appendLink)},
		{bucketParticipations, encode(d.Participations, (*graph.Participation).Key, appendParticipation)},
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wrote = true
	return s.db.Update(func(tx *bolt.Tx) error {
		if err := deleteStale(tx); err != nil {
			return err
		}
		n := 0
		for _, batch := range batches {
			b := table(tx, batch.bucket)
			if len(batch.records) == 0 {
				continue
			}
			// Appending after the last key fills pages completely; inserting
			// among existing keys keeps room for later inserts.
			if last, _ := b.Cursor().Last(); last == nil || bytes.Compare(last, batch.records[0].key()) < 0 {
				b.FillPercent = 1
			}
			for _, r := range batch.records {
				if n++; n%checkEvery == 0 {
					if err := ctx.Err(); err != nil {
						return err
					}
				}
				if err := b.Put(r.key(), r.value()); err != nil {
					return fmt.Errorf("storing %s %q: %w", batch.bucket, r.key(), err)
				}
			}
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
		if a.ID == "" {
			return fmt.Errorf("%s: empty actor id", where("actor", i, a.Origin))
		}
		if len(a.ID) > bolt.MaxKeySize {
			return fmt.Errorf("%s: actor id longer than %d bytes", where("actor", i, a.Origin), bolt.MaxKeySize)
		}
	}
	for i, p := range d.Projects {
		if p.ID == "" {
			return fmt.Errorf("%s: empty project id", where("project", i, p.Origin))
		}
		if len(p.ID) > bolt.MaxKeySize {
			return fmt.Errorf("%s: project id longer than %d bytes", where("project", i, p.Origin), bolt.MaxKeySize)
		}
	}
	for i, l := range d.Links {
		if l.Source == "" || l.Target == "" {
			return fmt.Errorf("%s: link without source or target", where("link", i, l.Origin))
		}
		if len(l.Source)+len(l.Target)+len(l.Type)+4 > bolt.MaxKeySize {
			return fmt.Errorf("%s: link key longer than %d bytes", where("link", i, l.Origin), bolt.MaxKeySize)
		}
	}
	for i, p := range d.Participations {
		if p.Actor == "" || p.Project == "" {
			return fmt.Errorf("%s: participation without actor or project", where("participation", i, p.Origin))
		}
		if len(p.Actor)+len(p.Project)+1 > bolt.MaxKeySize {
			return fmt.Errorf("%s: participation key longer than %d bytes", where("participation", i, p.Origin), bolt.MaxKeySize)
		}
	}
	return nil
}

// encode encodes xs in parallel with appendValue and returns the records
// sorted by key. Of records with the same key the last one wins, as in
// graph.Dataset.Merge. Keys and values are packed into large shared buffers,
// which bbolt keeps pointing to until the transaction ends.
func encode[T any](xs []T, key func(*T) string, appendValue func([]byte, *T) []byte) []record {
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
			arena = appendValue(arena, &xs[i])
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

func (s *Store) load(ctx context.Context, ties bool) (*graph.Dataset, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d := &graph.Dataset{Links: []graph.Link{}, Participations: []graph.Participation{}}
	err := s.db.View(func(tx *bolt.Tx) error {
		var err error
		if d.Actors, err = decode(ctx, tx, bucketActors, false, decodeActor); err != nil {
			return err
		}
		if d.Projects, err = decode(ctx, tx, bucketProjects, false, decodeProject); err != nil || !ties {
			return err
		}
		if d.Links, err = decode(ctx, tx, bucketLinks, true, decodeLink); err != nil {
			return err
		}
		d.Participations, err = decode(ctx, tx, bucketParticipations, true, decodeParticipation)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store %s: load: %w", s.path, err)
	}
	return d, nil
}

// decode decodes every record of a bucket, in key order.
func decode[T any](ctx context.Context, tx *bolt.Tx, name []byte, intern bool,
	decodeValue func(d *decoder, key []byte, x *T)) ([]T, error) {
	b := table(tx, name)
	out := make([]T, 0, b.Stats().KeyN)
	d := &decoder{}
	if intern {
		d.intern = make(map[string]string)
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(out)%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		out = append(out, *new(T))
		d.reset(v)
		decodeValue(d, k, &out[len(out)-1])
		if err := d.done(); err != nil {
			return nil, fmt.Errorf("%s %q: %w", name, k, err)
		}
	}
	return out, ctx.Err()
}

// PutMetrics replaces the metric values of the named actors in one
// transaction. An id that names no stored actor is an error and nothing is
// written. Values that are not finite numbers (undefined metrics) are left out.
func (s *Store) PutMetrics(ctx context.Context, metrics []graph.ActorMetrics) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.wrote = true
	return s.db.Update(func(tx *bolt.Tx) error {
		actors, b := table(tx, bucketActors), table(tx, bucketMetrics)
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
			if err := b.Put(id, appendMetrics(nil, vals)); err != nil {
				return err
			}
		}
		return ctx.Err()
	})
}

// Metrics returns the stored metric values, sorted by actor id.
func (s *Store) Metrics(ctx context.Context) ([]graph.ActorMetrics, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := []graph.ActorMetrics{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return table(tx, bucketMetrics).ForEach(func(k, v []byte) error {
			d := &decoder{b: v}
			m := graph.ActorMetrics{ID: string(k), Values: decodeMetrics(d)}
			if err := d.done(); err != nil {
				return fmt.Errorf("metrics of actor %q: %w", k, err)
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
