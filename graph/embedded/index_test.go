package embedded

import (
	"context"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// TestIndexRebuilt checks the index that PutBatches builds for the
// generation it writes, from sorted runs merged over many transactions, in
// both modes, and that Put keeps it in place: the answers of the store as a
// graph.NetworkReader match what Load returns.
func TestIndexRebuilt(t *testing.T) {
	rebuilding(t, 37)
	oldRun := runBytes
	runBytes = 500 // about twenty keys a run
	t.Cleanup(func() { runBytes = oldRun })
	ctx := context.Background()
	base, update := testData()
	s := openTemp(t).(*Store)
	defer s.Close()
	if _, err := s.PutBatches(ctx, graph.InBatches(base, 100), graph.Upsert); err != nil {
		t.Fatal(err)
	}
	checkReader(t, "after a first PutBatches", s, mustLoad(t, s))
	extra := storetest.Generate(40, 100, 5, 60) // ids a0000xx, p000xx: some shared with base
	extra.Sort()
	if _, err := s.PutBatches(ctx, graph.InBatches(extra, 30), graph.Upsert); err != nil {
		t.Fatal(err)
	}
	checkReader(t, "after a second PutBatches", s, mustLoad(t, s))
	if _, err := s.PutBatches(ctx, graph.InBatches(update, 100), graph.Replace); err != nil {
		t.Fatal(err)
	}
	got := mustLoad(t, s)
	if len(got.Participations) != 0 || len(got.Links) != len(base.Links) {
		t.Fatalf("after a replace by links only: %d participations, %d links", len(got.Participations), len(got.Links))
	}
	checkReader(t, "after a PutBatches with Replace", s, got)
	smallPut = 1 << 20 // in place
	if err := s.Put(ctx, extra); err != nil {
		t.Fatal(err)
	}
	checkReader(t, "after a Put in place", s, mustLoad(t, s))
	if err := s.verify(ctx); err != nil {
		t.Errorf("the file does not verify: %v", err)
	}
}
