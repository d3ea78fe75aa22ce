package embedded

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// TestCompactFile checks that a store is as small as its data: the file
// ends at the high-water mark of bbolt's pages after every command that
// wrote it (issue 15: a store of 38 actors was a 16.8 MB sparse file), and
// that such a file reads back and takes more writes.
func TestCompactFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alliances.db")
	ctx := context.Background()
	highWater := func() (file, data int64) {
		t.Helper()
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		db.View(func(tx *bolt.Tx) error { data = tx.Size(); return nil })
		return fi.Size(), data
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	file, data := highWater()
	// The fixture is 13 actors: a few pages of 4 KiB per table.
	if file != data || file > 256<<10 {
		t.Errorf("store of the fixture: file of %d bytes, data %d bytes; want the file no larger than its data, under 256 KiB", file, data)
	}

	// Large enough for PutBatches to write a new generation.
	big := storetest.Generate(3000, 60000, 100, 3000)
	big.Sort()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatches(ctx, graph.InBatches(big, 5000), graph.Upsert); err != nil {
		t.Fatal(err)
	}
	want, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if file, data := highWater(); file != data {
		t.Errorf("after a large put: file of %d bytes, data %d bytes", file, data)
	}

	// Reading a store does not change its file, and the trimmed file reads
	// back whole and takes a put again.
	before, _ := os.ReadFile(path)
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("reading the store changed its file")
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the trimmed store does not load what was put")
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, &graph.Dataset{Actors: []graph.Actor{{ID: "zz-new", Name: "Nouveau"}}}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if file, data := highWater(); file != data {
		t.Errorf("after a small put: file of %d bytes, data %d bytes", file, data)
	}
}
