package embedded

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
)

// txRecords and txBytes bound what one transaction of PutBatches writes:
// bbolt keeps every record that a transaction writes in memory until it
// commits.
var (
	txRecords = 50_000
	txBytes   = 32 << 20
)

// cleanUp is false in the tests that leave a failed PutBatches behind as a
// killed process would.
var cleanUp = true

// smallPut is the most records that PutBatches writes in place, in one
// transaction, as Put does: rebuilding the tables would cost a copy of the
// whole store for a few new records.
var smallPut = 50_000

// errLarge stops the comparison of PutBatches once records differ and more
// than smallPut were given.
var errLarge = errors.New("a large put that changes the store")

// PutBatches puts every part of b as one Put would, in bounded memory; with
// graph.Replace it also deletes the stored records that b does not hold, and
// the metrics of the actors it deletes.
//
// It first reads b in one read transaction, comparing each record with the
// stored one: when all are stored, identical, and (with graph.Replace) no
// other is stored, it reports Changed false and writes nothing. An upsert of
// at most 50,000 records is written in place in one transaction, as Put does.
// Otherwise it reads b again and builds the next generation of the tables,
// merging each stored table with the records of b in key order (keeping the
// stored records that b does not hold, or with graph.Replace dropping them),
// over transactions of at most about 50,000 records, then makes it the
// current generation in one last small transaction. Until then Load, even
// after a crash, reads the previous generation; a failed PutBatches deletes
// what it wrote, and the next one deletes what a crash left.
//
// A part out of the order of graph.Batches gives an error wrapping
// graph.ErrBatchOrder. The metrics of the store are kept.
func (s *Store) PutBatches(ctx context.Context, b graph.Batches, mode graph.PutMode) (_ graph.PutResult, err error) {
	defer protect(s.path)(&err)
	if err := ctx.Err(); err != nil {
		return graph.PutResult{}, s.errorf(err)
	}
	c, err := s.stored(ctx, b)
	if err != nil {
		return graph.PutResult{}, s.batchError(err)
	}
	if c.complete() && c.absent.Total() == 0 {
		// Nothing to delete: a replace is an upsert.
		mode = graph.Upsert
	}
	switch {
	case c.complete() && !c.changed && mode == graph.Upsert:
		return graph.PutResult{Absent: c.absent}, nil
	case c.complete() && mode == graph.Upsert:
		d, err := gather(b)
		if err != nil {
			return graph.PutResult{}, err
		}
		return graph.PutResult{Changed: true, Absent: c.absent}, s.Put(ctx, d)
	}
	if err := s.verify(ctx); err != nil {
		return graph.PutResult{}, s.errorf(err)
	}
	absent, err := s.rebuild(ctx, b, mode == graph.Replace)
	if err != nil {
		return graph.PutResult{}, s.batchError(err)
	}
	return graph.PutResult{Changed: true, Absent: absent}, nil
}

// sourceError is an error that the batches returned.
type sourceError struct{ err error }

func (e sourceError) Error() string { return e.err.Error() }
func (e sourceError) Unwrap() error { return e.err }

// batchError returns the error of the batches as they gave it (it holds the
// errors of PutBatches that stopped them, which name the store), and other
// errors naming the store.
func (s *Store) batchError(err error) error {
	if se, ok := errors.AsType[sourceError](err); ok {
		return se.err
	}
	return s.errorf(err)
}

func (s *Store) errorf(err error) error { return fmt.Errorf("store %s: %w", s.path, err) }

// stored compares the records of b with the stored ones. It checks the order
// and the keys of the parts it reads: all of them when they are the same or
// few, else up to the first record that differs and smallPut records more.
func (s *Store) stored(ctx context.Context, b graph.Batches) (*comparison, error) {
	c := &comparison{ctx: ctx, sealed: s.sealed}
	err := s.db.View(func(tx *bolt.Tx) error {
		var order graph.BatchOrder
		err := b(func(part *graph.Dataset) error {
			if err := order.Check(part); err != nil {
				return s.errorf(err)
			}
			if err := validate(part); err != nil {
				return s.errorf(err)
			}
			err := compare(c, 0, bucketActors, table(tx, bucketActors), part.Actors, func(a *graph.Actor) string { return a.ID }, appendActor)
			if err == nil {
				err = compare(c, 1, bucketProjects, table(tx, bucketProjects), part.Projects, func(p *graph.Project) string { return p.ID }, appendProject)
			}
			if err == nil {
				err = compare(c, 2, bucketLinks, table(tx, bucketLinks), part.Links, (*graph.Link).Key, appendLink)
			}
			if err == nil {
				err = compare(c, 3, bucketParticipations, table(tx, bucketParticipations), part.Participations, (*graph.Participation).Key, appendParticipation)
			}
			if err != nil {
				return s.errorf(err)
			}
			if c.changed && c.n > smallPut {
				c.large = true
				return errLarge
			}
			return nil
		})
		if err != nil && !errors.Is(err, errLarge) {
			return sourceError{err}
		}
		if !c.large {
			c.absent = graph.Counts{
				Actors:         table(tx, bucketActors).Stats().KeyN - c.matched[0],
				Projects:       table(tx, bucketProjects).Stats().KeyN - c.matched[1],
				Links:          table(tx, bucketLinks).Stats().KeyN - c.matched[2],
				Participations: table(tx, bucketParticipations).Stats().KeyN - c.matched[3],
			}
		}
		return nil
	})
	return c, err
}

// comparison is the state of stored across parts.
type comparison struct {
	ctx     context.Context
	buf     []byte // the value of the record being compared
	n       int    // records read
	changed bool   // a record read differs from the stored one
	sealed  bool   // stored values end with their checksum (schema 4)
	large   bool   // stored stopped reading: more than smallPut records, some changed
	matched [4]int // records read whose key is stored, by table
	absent  graph.Counts
}

// complete reports whether stored read every record, and so knows what
// is absent.
func (c *comparison) complete() bool { return !c.large }

// compare counts the records of xs, those whose key is stored in b, and
// compares them with the stored ones.
func compare[T any](c *comparison, t int, name []byte, b *bolt.Bucket, xs []T, key func(*T) string, appendValue func([]byte, *T) []byte) error {
	tag := tagOf(name)
	for i := range xs {
		if c.n++; c.n%checkEvery == 0 {
			if err := c.ctx.Err(); err != nil {
				return err
			}
		}
		k := []byte(key(&xs[i]))
		v := b.Get(k)
		if v != nil {
			c.matched[t]++
		}
		if c.changed {
			continue
		}
		if v != nil && c.sealed {
			var err error
			if v, err = unseal(tag, k, v); err != nil {
				return err
			}
		}
		c.buf = appendValue(c.buf[:0], &xs[i])
		if v == nil || !bytes.Equal(v, c.buf) {
			c.changed = true
		}
	}
	return nil
}

// gather returns every record of b in one dataset.
func gather(b graph.Batches) (*graph.Dataset, error) {
	d := &graph.Dataset{}
	err := b(func(part *graph.Dataset) error {
		// The parts may be reused: copy their records.
		d.Actors = append(d.Actors, part.Actors...)
		d.Projects = append(d.Projects, part.Projects...)
		d.Links = append(d.Links, part.Links...)
		d.Participations = append(d.Participations, part.Participations...)
		return nil
	})
	return d, err
}

// rebuild writes the next generation: the stored tables merged with the
// records of b (only the records of b when replace is set), and the stored
// metrics (of the actors of the new generation). It returns how many stored
// records b does not hold.
func (s *Store) rebuild(ctx context.Context, b graph.Batches, replace bool) (absent graph.Counts, err error) {
	s.wrote = true
	w := &builder{ctx: ctx, db: s.db, replace: replace, sealed: s.sealed}
	w.indexes[0].name, w.indexes[1].name = bucketMembers, bucketLinkEnds
	// First transaction: delete what failed puts left, and make the new
	// generation.
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := deleteStale(tx); err != nil {
			return err
		}
		cur := tx.Bucket(bucketMeta).Get(keyCurrent)
		n := 0
		if cur != nil {
			w.old = bytes.Clone(cur)
			if num, ok := bytes.CutPrefix(cur, genPrefix); ok {
				n, _ = strconv.Atoi(string(num))
			}
		}
		for n++; tx.Bucket(generationName(n)) != nil; n++ {
		}
		w.gen = generationName(n)
		return createGeneration(tx, w.gen)
	})
	if err != nil {
		return absent, err
	}
	defer func() {
		// A panic of bbolt on a damaged file: roll back, delete what was
		// written, and say so.
		if r := recover(); r != nil {
			err = damaged("%v", r)
		}
		if err == nil {
			return
		}
		if w.tx != nil {
			w.tx.Rollback()
		}
		if cleanUp {
			// The next PutBatches deletes it if this fails.
			s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(w.gen) })
		}
	}()

	if err := w.begin(); err != nil {
		return absent, err
	}
	var order graph.BatchOrder
	err = b(func(part *graph.Dataset) error {
		if err := order.Check(part); err != nil {
			return s.errorf(err)
		}
		if err := validate(part); err != nil {
			return s.errorf(err)
		}
		if err := ctx.Err(); err != nil {
			return s.errorf(err)
		}
		for t, recs := range [][]record{
			encode(bucketActors, part.Actors, func(a *graph.Actor) string { return a.ID }, appendActor),
			encode(bucketProjects, part.Projects, func(p *graph.Project) string { return p.ID }, appendProject),
			encode(bucketLinks, part.Links, (*graph.Link).Key, appendLink),
			encode(bucketParticipations, part.Participations, (*graph.Participation).Key, appendParticipation),
		} {
			if len(recs) == 0 {
				continue
			}
			if err := w.to(t); err != nil {
				return s.errorf(err)
			}
			for _, r := range recs {
				if err := w.add(r.key(), r.value()); err != nil {
					return s.errorf(err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return absent, sourceError{err}
	}
	// The rest of the stored records, and the metrics.
	if err := w.to(len(tables) - 1); err != nil {
		return absent, err
	}
	if err := w.copyBefore(nil); err != nil {
		return absent, err
	}
	// The index, and the tallies of the new generation.
	for i := range w.indexes {
		if err := w.indexes[i].finish(w, &w.tally); err != nil {
			return absent, err
		}
	}
	if err := writeTallies(w.tx.Bucket(w.gen), &w.tally); err != nil {
		return absent, err
	}
	if err := w.commit(); err != nil {
		return absent, err
	}
	if err := ctx.Err(); err != nil {
		return absent, err
	}
	absent = graph.Counts{Actors: w.absent[0], Projects: w.absent[1], Links: w.absent[2], Participations: w.absent[3]}
	// Last transaction: the new generation becomes the current one.
	err = s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if err := meta.Put(keyCurrent, w.gen); err != nil {
			return err
		}
		if err := meta.Put(keySchema, []byte(strconv.Itoa(Schema))); err != nil {
			return err
		}
		if w.old != nil {
			return tx.DeleteBucket(w.old)
		}
		for _, name := range tables {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		s.sealed = true
	}
	return absent, err
}

// deleteStale deletes the generations that failed or killed puts left.
func deleteStale(tx *bolt.Tx) error {
	cur := tx.Bucket(bucketMeta).Get(keyCurrent)
	var stale [][]byte
	err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		if bytes.HasPrefix(name, genPrefix) && !bytes.Equal(name, cur) {
			stale = append(stale, bytes.Clone(name))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, name := range stale {
		if err := tx.DeleteBucket(name); err != nil {
			return fmt.Errorf("deleting the generation %s that a failed put left: %w", name, err)
		}
	}
	return nil
}

// builder writes a new generation, table after table in key order, over as
// many transactions as it takes, merging the tables of the old generation
// (old, nil for the top level of schema 2) with new records. With replace,
// it drops the old records instead, and the metrics of actors that the new
// generation does not hold.
type builder struct {
	ctx      context.Context
	db       *bolt.DB
	old, gen []byte
	replace  bool
	absent   [4]int // old records of each table that no new record replaced
	// sealed is set when the old records carry their checksums; else they
	// are sealed as they are copied.
	sealed  bool
	tally   tallies    // of the new generation
	indexes [2]indexer // the keys of its index, members then linkends

	tx    *bolt.Tx
	table int          // index in tables
	dst   *bolt.Bucket // the table in gen
	src   *bolt.Cursor // the table in old
	k, v  []byte       // the next record of src, nil after the last
	last  []byte       // the last key written to dst
	n     int          // records written by tx
	size  int          // bytes written by tx
	count int          // records written
}

// begin begins a transaction and finds the place of the table being written.
func (w *builder) begin() error {
	tx, err := w.db.Begin(true)
	if err != nil {
		return err
	}
	w.tx = tx
	w.open()
	return nil
}

// open opens the table being written in tx, with the cursor of the old table
// on its first key after the last one written.
func (w *builder) open() {
	name := tables[w.table]
	w.dst = w.tx.Bucket(w.gen).Bucket(name)
	w.dst.FillPercent = 1 // keys only ever come after the last one
	if w.old != nil {
		w.src = w.tx.Bucket(w.old).Bucket(name).Cursor()
	} else {
		w.src = w.tx.Bucket(name).Cursor()
	}
	if w.last == nil {
		w.k, w.v = w.src.First()
		return
	}
	w.k, w.v = w.src.Seek(w.last)
	if w.k != nil && bytes.Equal(w.k, w.last) {
		w.k, w.v = w.src.Next()
	}
}

// commit commits the transaction. What it wrote needs to live until then.
func (w *builder) commit() error {
	w.last = bytes.Clone(w.last)
	err := w.tx.Commit()
	w.tx, w.dst, w.src, w.k, w.v = nil, nil, nil, nil, nil
	w.n, w.size = 0, 0
	return err
}

// roll commits the transaction when it is full, and begins the next one.
func (w *builder) roll() error {
	if w.n < txRecords && w.size < txBytes {
		return nil
	}
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if err := w.commit(); err != nil {
		return err
	}
	return w.begin()
}

func (w *builder) put(k, v []byte) error {
	name := tables[w.table]
	if err := w.dst.Put(k, v); err != nil {
		return fmt.Errorf("storing %s %q: %w", name, k, err)
	}
	w.tally.of(name).add(crcOf(v))
	for i := range w.indexes {
		if x := &w.indexes[i]; bytes.Equal(x.name, indexOf(name)) {
			x.add(k)
			if x.full() {
				if err := x.spill(w.tx.Bucket(w.gen)); err != nil {
					return err
				}
			}
		}
	}
	w.last = k
	w.n++
	w.size += len(k) + len(v)
	if w.count++; w.count%checkEvery == 0 {
		return w.ctx.Err()
	}
	return nil
}

// copyBefore copies the old records of the table with keys before key, or
// all of them when key is nil. It ends with an open transaction that has room
// for one more record.
func (w *builder) copyBefore(key []byte) error {
	for {
		if err := w.roll(); err != nil {
			return err
		}
		if w.k == nil || key != nil && bytes.Compare(w.k, key) >= 0 {
			return nil
		}
		if w.keep() {
			v := w.v
			if !w.sealed {
				v = seal(slices.Clone(v), 0, tagOf(tables[w.table]), w.k)
			}
			if err := w.put(w.k, v); err != nil {
				return err
			}
		}
		w.k, w.v = w.src.Next()
	}
}

// keep counts the old record at the cursor, which no new record replaces,
// and reports whether to copy it.
func (w *builder) keep() bool {
	if w.table < len(w.absent) {
		w.absent[w.table]++
		return !w.replace
	}
	// Metrics, of the actors of the new generation.
	return !w.replace || w.tx.Bucket(w.gen).Bucket(bucketActors).Get(w.k) != nil
}

// add writes a new record of the table, in place of the old one with its key.
func (w *builder) add(k, v []byte) error {
	if err := w.copyBefore(k); err != nil {
		return err
	}
	// No commit between skipping the old record and putting the new one: the
	// cursor would find the old one again.
	if w.k != nil && bytes.Equal(w.k, k) {
		w.k, w.v = w.src.Next()
	}
	return w.put(k, v)
}

// to moves on to table t, copying the rest of the old tables before it.
func (w *builder) to(t int) error {
	for w.table < t {
		if err := w.copyBefore(nil); err != nil {
			return err
		}
		w.table++
		w.last = nil
		w.open()
	}
	return nil
}
