package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/alliances/alliances/graph"
)

// Absent counts the records of old whose key new does not hold: what
// Store.PutBatches reports in PutResult.Absent when it puts new into a store
// holding old.
func Absent(old, new *graph.Dataset) graph.Counts {
	count := func(of, in []string) int {
		set := make(map[string]bool, len(in))
		for _, k := range in {
			set[k] = true
		}
		n := 0
		for _, k := range of {
			if !set[k] {
				n++
			}
		}
		return n
	}
	o, n := keys(old), keys(new)
	return graph.Counts{
		Actors:         count(o[0], n[0]),
		Projects:       count(o[1], n[1]),
		Links:          count(o[2], n[2]),
		Participations: count(o[3], n[3]),
	}
}

// keys returns the keys of the records of d, table by table.
func keys(d *graph.Dataset) [4][]string {
	var k [4][]string
	for _, a := range d.Actors {
		k[0] = append(k[0], a.ID)
	}
	for _, p := range d.Projects {
		k[1] = append(k[1], p.ID)
	}
	for _, l := range d.Links {
		k[2] = append(k[2], l.Key())
	}
	for _, p := range d.Participations {
		k[3] = append(k[3], p.Key())
	}
	return k
}

// withoutActor returns d without the actor id, its links and its
// participations.
func withoutActor(d *graph.Dataset, id string) *graph.Dataset {
	out := &graph.Dataset{Projects: d.Projects}
	for _, a := range d.Actors {
		if a.ID != id {
			out.Actors = append(out.Actors, a)
		}
	}
	for _, l := range d.Links {
		if l.Source != id && l.Target != id {
			out.Links = append(out.Links, l)
		}
	}
	for _, p := range d.Participations {
		if p.Actor != id {
			out.Participations = append(out.Participations, p)
		}
	}
	return out
}

func putBatches(t *testing.T, s graph.Store, b graph.Batches, mode graph.PutMode) graph.PutResult {
	t.Helper()
	res, err := s.PutBatches(context.Background(), b, mode)
	if err != nil {
		t.Fatalf("PutBatches: %v", err)
	}
	return res
}

// testBatchesAbsent: an upsert in batches keeps the stored records that the
// batches do not hold, and counts them.
func testBatchesAbsent(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	base := bigData(500)
	mustPut(t, s, base)
	next := merged(withoutActor(bigData(480), "lot-00003"), changes())
	res := putBatches(t, s, newSource(next, 100).batches, graph.Upsert)
	if want := Absent(merged(&graph.Dataset{}, base), next); res.Absent != want {
		t.Errorf("Upsert: Absent = %+v, want %+v", res.Absent, want)
	}
	if res.Absent.Actors != 21 {
		t.Errorf("Upsert: %d absent actors, want the 21 left out", res.Absent.Actors)
	}
	checkDataset(t, "after an upsert that leaves records out", mustLoad(t, s), merged(base, next))
	// Nothing absent, nothing changed.
	if res := putBatches(t, s, newSource(merged(base, next), 100).batches, graph.Upsert); res.Absent != (graph.Counts{}) {
		t.Errorf("Upsert of every stored record: Absent = %+v, want none", res.Absent)
	}
}

// testBatchesReplace: a replace in batches leaves the store holding exactly
// the records of the batches, deletes the metrics of the actors it deletes,
// counts what it deleted, and changes nothing when put again.
func testBatchesReplace(t *testing.T, open func(t *testing.T) graph.Store) {
	for _, size := range []int{7, 1 << 20} {
		t.Run(fmt.Sprintf("parts of %d", size), func(t *testing.T) {
			s := openStore(t, open)
			base := bigData(500)
			mustPut(t, s, base)
			metrics := []graph.ActorMetrics{
				{ID: "lot-00003", Values: map[string]float64{"degree": 2}},
				{ID: "lot-00499", Values: map[string]float64{"degree": 1}},
				{ID: "nantes", Values: map[string]float64{"degree": 4}},
			} // sorted by id
			if err := s.PutMetrics(context.Background(), metrics); err != nil {
				t.Fatalf("PutMetrics: %v", err)
			}
			// A corrected file: an actor, its ties and the last 20 actors
			// deleted, some records changed, one added.
			next := merged(withoutActor(bigData(480), "lot-00003"), changes())
			res := putBatches(t, s, newSource(next, size).batches, graph.Replace)
			if !res.Changed {
				t.Error("Replace that deletes records reported no change")
			}
			if want := Absent(merged(&graph.Dataset{}, base), next); res.Absent != want {
				t.Errorf("Replace: Absent = %+v, want %+v", res.Absent, want)
			}
			checkDataset(t, "after Replace", mustLoad(t, s), next)
			checkMetrics(t, "after Replace (metrics of deleted actors go)", mustMetrics(t, s), metrics[2:])

			before := mustLoad(t, s)
			res = putBatches(t, s, newSource(next, size).batches, graph.Replace)
			if res.Absent != (graph.Counts{}) {
				t.Errorf("second Replace with the same records: Absent = %+v, want none", res.Absent)
			}
			checkDataset(t, "after the same Replace again", mustLoad(t, s), before)
			t.Logf("the same Replace again reported changed=%v", res.Changed)

			// Replace by nothing empties the store.
			res = putBatches(t, s, parts(), graph.Replace)
			if res.Absent.Total() != len(next.Actors)+len(next.Projects)+len(next.Links)+len(next.Participations) {
				t.Errorf("Replace by no records: Absent = %+v, want every record of %+v", res.Absent, Absent(next, &graph.Dataset{}))
			}
			checkDataset(t, "after Replace by no records", mustLoad(t, s), &graph.Dataset{})
			checkMetrics(t, "after Replace by no records", mustMetrics(t, s), []graph.ActorMetrics{})
		})
	}
}

// testBatchesReplaceFails: a replace whose batches fail leaves the store as
// it was.
func testBatchesReplaceFails(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	base := bigData(500)
	mustPut(t, s, base)
	before := mustLoad(t, s)
	src := newSource(richData(), 3)
	src.fail = func(call, part int) error {
		if part == 4 {
			return errSource
		}
		return nil
	}
	if _, err := s.PutBatches(context.Background(), src.batches, graph.Replace); err == nil {
		t.Fatal("Replace whose batches failed returned no error")
	}
	checkDataset(t, "after a failed Replace", mustLoad(t, s), before)
}
