package embedded

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// rebuilding makes PutBatches rebuild the tables whatever the size of the
// input (not write a small one in place), committing every n records, during
// the test.
func rebuilding(t *testing.T, n int) {
	t.Helper()
	oldTx, oldSmall := txRecords, smallPut
	txRecords, smallPut = n, 0
	t.Cleanup(func() { txRecords, smallPut = oldTx, oldSmall })
}

// TestContractRebuilding runs the contract with PutBatches rebuilding the
// tables over many transactions, which the data of the suite is too small
// for: TestContract covers the puts written in place.
func TestContractRebuilding(t *testing.T) {
	rebuilding(t, 7)
	storetest.Run(t, openTemp)
}

// testData returns a sorted dataset without repeated keys, and the same with
// the weight of every link changed.
func testData() (base, update *graph.Dataset) {
	base = storetest.Generate(300, 2000, 30, 300)
	base.Sort()
	update = &graph.Dataset{Links: append([]graph.Link(nil), base.Links...)}
	for i := range update.Links {
		update.Links[i].Weight += 1
	}
	return base, update
}

// want returns what Load gives after putting each of ds in turn into a new
// store.
func want(t *testing.T, ds ...*graph.Dataset) *graph.Dataset {
	t.Helper()
	s := openTemp(t)
	defer s.Close()
	for _, d := range ds {
		if err := s.Put(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	return mustLoad(t, s)
}

func mustLoad(t *testing.T, s graph.Store) *graph.Dataset {
	t.Helper()
	d, err := s.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustOpen(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// checkReader checks the answers of s as a graph.NetworkReader against want.
func checkReader(t *testing.T, what string, s *Store, want *graph.Dataset) {
	t.Helper()
	storetest.CheckReader(t, what, s, want)
}

func checkLoad(t *testing.T, what string, s graph.Store, want *graph.Dataset) {
	t.Helper()
	got := mustLoad(t, s)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: Load returned %d actors, %d projects, %d links, %d participations, not what was expected (%d, %d, %d, %d)",
			what, len(got.Actors), len(got.Projects), len(got.Links), len(got.Participations),
			len(want.Actors), len(want.Projects), len(want.Links), len(want.Participations))
	}
}

// generations returns the generation holding the tables and every
// generation in the file.
func generations(t *testing.T, s *Store) (current string, all []string) {
	t.Helper()
	err := s.db.View(func(tx *bolt.Tx) error {
		current = string(tx.Bucket(bucketMeta).Get(keyCurrent))
		return tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
			if bytes.HasPrefix(name, genPrefix) {
				all = append(all, string(name))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return current, all
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPutBatchesUnchanged: putting what is stored reports no change and
// leaves the file byte for byte as it was, whether the data was stored by
// Put or by PutBatches.
func TestPutBatchesUnchanged(t *testing.T) {
	base, _ := testData()
	ctx := context.Background()
	for _, how := range []string{"Put", "PutBatches"} {
		t.Run(how, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "alliances.db")
			s := mustOpen(t, path)
			var err error
			if how == "Put" {
				err = s.Put(ctx, base)
			} else {
				_, err = s.PutBatches(ctx, graph.InBatches(base, 100), graph.Upsert)
			}
			if err == nil {
				err = s.PutMetrics(ctx, []graph.ActorMetrics{{ID: base.Actors[0].ID, Values: map[string]float64{"degree": 3}}})
			}
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			before := fileBytes(t, path)
			s = mustOpen(t, path)
			for _, d := range []*graph.Dataset{
				base,
				{Links: base.Links[500:1500]},
				{Actors: base.Actors[len(base.Actors)-1:], Participations: base.Participations[:1]},
				{},
			} {
				res, err := s.PutBatches(ctx, graph.InBatches(d, 64), graph.Upsert)
				changed := res.Changed
				if err != nil || changed {
					t.Errorf("PutBatches of stored records: changed %v, error %v; want no change", changed, err)
				}
			}
			s.Close()
			if !bytes.Equal(fileBytes(t, path), before) {
				t.Error("PutBatches of stored records changed the file")
			}
		})
	}
}

var errBoom = errors.New("the input file became unreadable")

// failing returns b failing at its part-th part from its second call on:
// after the comparison, once PutBatches has committed some of the new
// generation.
func failing(b graph.Batches, part int) graph.Batches {
	calls := 0
	return func(yield func(*graph.Dataset) error) error {
		calls++
		n := 0
		return b(func(p *graph.Dataset) error {
			if n++; calls > 1 && n == part {
				return errBoom
			}
			return yield(p)
		})
	}
}

// TestPutBatchesLeftovers leaves behind what a process killed during
// PutBatches leaves (a generation partly written, over committed
// transactions), and checks that Load reads the previous state, that Open
// does not touch the file, that the next PutBatches deletes the leftover, and
// that repeated failures do not make the file grow.
func TestPutBatchesLeftovers(t *testing.T) {
	rebuilding(t, 50)
	defer func() { cleanUp = true }()
	cleanUp = false
	ctx := context.Background()
	base, update := testData()
	path := filepath.Join(t.TempDir(), "alliances.db")
	s := mustOpen(t, path)
	if err := s.Put(ctx, base); err != nil {
		t.Fatal(err)
	}
	metrics := []graph.ActorMetrics{{ID: base.Actors[5].ID, Values: map[string]float64{"degree": 3}}}
	if err := s.PutMetrics(ctx, metrics); err != nil {
		t.Fatal(err)
	}
	old := mustLoad(t, s)
	var sizes []int64
	for i := range 8 {
		_, err := s.PutBatches(ctx, failing(graph.InBatches(update, 40), 30), graph.Upsert)
		if !errors.Is(err, errBoom) {
			t.Fatalf("PutBatches of failing batches: error %v, want one wrapping theirs", err)
		}
		current, all := generations(t, s)
		if len(all) != 2 {
			t.Fatalf("after failure %d: generations %q (current %q), want the current one and one left over", i+1, all, current)
		}
		checkLoad(t, fmt.Sprintf("after failure %d", i+1), s, old)
		// The pages in use, up to the last one: bbolt grows the file itself
		// by 16 MiB at a time.
		s.db.View(func(tx *bolt.Tx) error { sizes = append(sizes, tx.Size()); return nil })
	}
	t.Logf("size of the database after each failed PutBatches: %d bytes", sizes)
	if sizes[len(sizes)-1] > sizes[1] {
		t.Errorf("the database grew with each failed PutBatches: %d bytes", sizes)
	}
	s.Close()

	before := fileBytes(t, path)
	s = mustOpen(t, path)
	checkLoad(t, "after reopening", s, old)
	s.Close()
	if !bytes.Equal(fileBytes(t, path), before) {
		t.Error("opening a store left by a failed PutBatches changed the file")
	}

	cleanUp = true
	s = mustOpen(t, path)
	defer s.Close()
	if res, err := s.PutBatches(ctx, graph.InBatches(update, 40), graph.Upsert); err != nil || !res.Changed {
		t.Fatalf("PutBatches: changed %v, error %v", res.Changed, err)
	}
	if current, all := generations(t, s); len(all) != 1 || all[0] != current {
		t.Errorf("after a PutBatches that succeeded: generations %q, current %q; want only the current one", all, current)
	}
	checkLoad(t, "after a PutBatches that succeeded", s, want(t, base, update))
	if m, err := s.Metrics(ctx); err != nil || !reflect.DeepEqual(m, metrics) {
		t.Errorf("metrics after PutBatches: %+v, %v; want %+v", m, err, metrics)
	}
}

// TestPutBatchesFailureCleansUp: a PutBatches that fails after committing
// part of the new generation deletes it.
func TestPutBatchesFailureCleansUp(t *testing.T) {
	rebuilding(t, 50)
	base, update := testData()
	s := openTemp(t).(*Store)
	defer s.Close()
	ctx := context.Background()
	if err := s.Put(ctx, base); err != nil {
		t.Fatal(err)
	}
	current, _ := generations(t, s)
	// The error of the input comes back as it was given, without the name of
	// the store, which has nothing to do with it.
	if _, err := s.PutBatches(ctx, failing(graph.InBatches(update, 40), 20), graph.Upsert); err != errBoom {
		t.Fatalf("PutBatches of failing batches: error %v, want theirs", err)
	}
	if c, all := generations(t, s); c != current || len(all) != 1 {
		t.Errorf("after a failed PutBatches: generations %q, current %q; want only %q", all, c, current)
	}
	checkLoad(t, "after a failed PutBatches", s, want(t, base))
}

// TestPutBatchesErrors: the errors of PutBatches name the store.
func TestPutBatchesErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alliances.db")
	s := mustOpen(t, path)
	defer s.Close()
	for name, d := range map[string]*graph.Dataset{
		"out of order":   {Actors: []graph.Actor{{ID: "b"}, {ID: "a"}}},
		"empty actor id": {Actors: []graph.Actor{{ID: ""}}},
	} {
		_, err := s.PutBatches(context.Background(), graph.InBatches(d, 1), graph.Upsert)
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("PutBatches of records %s: error %v, want one naming the store", name, err)
		}
	}
}

// TestSchema2 reads a file of schema 2, written here as the previous version
// wrote it (records without checksums, no generation, no index), answers
// the questions of graph.NetworkReader without its index, and writes it
// anew in the current schema at its first write.
func TestSchema2(t *testing.T) {
	rebuilding(t, 50)
	base, update := testData()
	path := filepath.Join(t.TempDir(), "alliances.db")
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	metrics := []graph.ActorMetrics{{ID: base.Actors[1].ID, Values: map[string]float64{"core": 2}}}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		meta.Put(keyFormat, formatID)
		meta.Put(keySchema, []byte("2"))
		put := func(name []byte, recs []record) error {
			b, err := tx.CreateBucket(name)
			for _, r := range recs {
				if err == nil {
					// Without the checksum of schema 4.
					err = b.Put(r.key(), r.value()[:len(r.value())-crcSize])
				}
			}
			return err
		}
		return errors.Join(
			put(bucketActors, encode(bucketActors, base.Actors, func(a *graph.Actor) string { return a.ID }, appendActor)),
			put(bucketProjects, encode(bucketProjects, base.Projects, func(p *graph.Project) string { return p.ID }, appendProject)),
			put(bucketLinks, encode(bucketLinks, base.Links, (*graph.Link).Key, appendLink)),
			put(bucketParticipations, encode(bucketParticipations, base.Participations, (*graph.Participation).Key, appendParticipation)),
			put(bucketMetrics, []record{{kv: append(appendMetrics([]byte(metrics[0].ID), metrics[0].Values), 0, 0, 0, 0), klen: uint32(len(metrics[0].ID))}}),
		)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	schema := func(s *Store) (v string, current []byte, topLevel bool) {
		s.db.View(func(tx *bolt.Tx) error {
			v = string(tx.Bucket(bucketMeta).Get(keySchema))
			current = tx.Bucket(bucketMeta).Get(keyCurrent)
			topLevel = tx.Bucket(bucketActors) != nil
			return nil
		})
		return v, current, topLevel
	}

	before := fileBytes(t, path)
	s := mustOpen(t, path)
	checkLoad(t, "a store of schema 2", s, want(t, base))
	if res, err := s.PutBatches(ctx, graph.InBatches(base, 100), graph.Upsert); err != nil || res.Changed {
		t.Errorf("PutBatches of the stored records: changed %v, error %v; want no change", res.Changed, err)
	}
	s.Close()
	if !bytes.Equal(fileBytes(t, path), before) {
		t.Error("opening a store of schema 2, and putting what it holds, changed the file")
	}

	s = mustOpen(t, path)
	defer s.Close()
	checkReader(t, "a store of schema 2", s, want(t, base))
	extra := &graph.Dataset{Actors: []graph.Actor{{ID: "zz-nouveau", Name: "Nouvel acteur"}}}
	if err := s.Put(ctx, extra); err != nil {
		t.Fatal(err)
	}
	if v, current, top := schema(s); v != fmt.Sprint(Schema) || current == nil || top {
		t.Errorf("after Put: schema %s, current generation %q, tables at the top level %v; want schema %d and only a generation", v, current, top, Schema)
	}
	if res, err := s.PutBatches(ctx, graph.InBatches(update, 100), graph.Upsert); err != nil || !res.Changed {
		t.Fatalf("PutBatches: changed %v, error %v", res.Changed, err)
	}
	checkLoad(t, "after converting to schema 4", s, want(t, base, extra, update))
	checkReader(t, "after converting to schema 4", s, want(t, base, extra, update))
	if m, err := s.Metrics(ctx); err != nil || !reflect.DeepEqual(m, metrics) {
		t.Errorf("metrics after converting: %+v, %v; want %+v", m, err, metrics)
	}
}

// TestNewFileSchema: a new file is laid out in the current schema.
func TestNewFileSchema(t *testing.T) {
	s := openTemp(t).(*Store)
	defer s.Close()
	current, all := generations(t, s)
	var v string
	s.db.View(func(tx *bolt.Tx) error { v = string(tx.Bucket(bucketMeta).Get(keySchema)); return nil })
	if v != fmt.Sprint(Schema) || current == "" || !reflect.DeepEqual(all, []string{current}) {
		t.Errorf("new file: schema %s, generations %q, current %q; want schema %d and one current generation", v, all, current, Schema)
	}
}

// TestPutBatchesReadOnly: a read-only store accepts a PutBatches that
// changes nothing, and refuses any other.
func TestPutBatchesReadOnly(t *testing.T) {
	base, update := testData()
	path := filepath.Join(t.TempDir(), "alliances.db")
	s := mustOpen(t, path)
	if err := s.Put(context.Background(), base); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if res, err := r.PutBatches(context.Background(), graph.InBatches(base, 100), graph.Upsert); err != nil || res.Changed {
		t.Errorf("PutBatches of stored records into a read-only store: changed %v, error %v", res.Changed, err)
	}
	if _, err := r.PutBatches(context.Background(), graph.InBatches(update, 100), graph.Upsert); err == nil {
		t.Error("PutBatches of changes into a read-only store succeeded")
	}
	checkLoad(t, "read-only store", r, want(t, base))
}
