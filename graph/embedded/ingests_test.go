package embedded

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// TestIngestLogPersists: the log is in the file (a reopened, read-only store
// reads it) and a store written before the log existed has an empty one; a
// PutBatches, which writes a new generation of the tables, keeps it.
func TestIngestLogPersists(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "alliances.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if log, err := s.Ingests(ctx); err != nil || len(log) != 0 {
		t.Fatalf("Ingests of a store without a log = %v, %v; want none", log, err)
	}
	want := []graph.IngestRecord{
		{Files: []graph.RecordedFile{{Path: "acteurs.csv", SHA256: "01"}}, Actors: 3, Warnings: []string{"w"}},
		{Files: []graph.RecordedFile{{Path: "liens.csv", SHA256: "02"}}, Links: 2},
	}
	if err := s.AddIngest(ctx, want[0]); err != nil {
		t.Fatal(err)
	}
	// More records than one part, so that the embedded store writes a new
	// generation.
	big := storetest.Generate(2000, 60000, 10, 100)
	big.Sort()
	if _, err := s.PutBatches(ctx, graph.InBatches(big, 1000), graph.Upsert); err != nil {
		t.Fatal(err)
	}
	if err := s.AddIngest(ctx, want[1]); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.Ingests(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Ingests after reopening = %+v, want %+v", got, want)
	}
}
