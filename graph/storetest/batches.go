package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/alliances/alliances/graph"
)

// source gives a sorted dataset without repeated keys as graph.Batches of
// parts of size records, as a reader of large files would: it reuses one part
// and scribbles over it once yield returns, and counts its calls. When fail
// is set, it is asked before each part (calls and parts numbered from 1) and
// its error ends the call.
type source struct {
	d     *graph.Dataset
	size  int
	calls int
	fail  func(call, part int) error
}

func newSource(d *graph.Dataset, size int) *source {
	return &source{d: merged(&graph.Dataset{}, d), size: size}
}

func (s *source) batches(yield func(*graph.Dataset) error) error {
	s.calls++
	call, n := s.calls, 0
	part := &graph.Dataset{}
	return graph.InBatches(s.d, s.size)(func(p *graph.Dataset) error {
		if n++; s.fail != nil {
			if err := s.fail(call, n); err != nil {
				return err
			}
		}
		part.Actors = append(part.Actors[:0], p.Actors...)
		part.Projects = append(part.Projects[:0], p.Projects...)
		part.Links = append(part.Links[:0], p.Links...)
		part.Participations = append(part.Participations[:0], p.Participations...)
		err := yield(part)
		scribble(part)
		return err
	})
}

// scribble overwrites every record of d, as a reader reusing its buffers
// would.
func scribble(d *graph.Dataset) {
	for i := range d.Actors {
		d.Actors[i] = graph.Actor{ID: "scribbled", Name: "scribbled", Attrs: map[string]string{"scribbled": "yes"}}
	}
	for i := range d.Projects {
		d.Projects[i] = graph.Project{ID: "scribbled", Dimensions: []string{"scribbled"}}
	}
	for i := range d.Links {
		d.Links[i] = graph.Link{Source: "scribbled", Target: "scribbled", Weight: -1}
	}
	for i := range d.Participations {
		d.Participations[i] = graph.Participation{Actor: "scribbled", Project: "scribbled"}
	}
}

// parts returns Batches that yield the given parts as they are.
func parts(ps ...*graph.Dataset) graph.Batches {
	return func(yield func(*graph.Dataset) error) error {
		for _, p := range ps {
			if err := yield(clone(p)); err != nil {
				return err
			}
		}
		return nil
	}
}

func mustPutBatches(t *testing.T, s graph.Store, b graph.Batches) bool {
	t.Helper()
	res, err := s.PutBatches(context.Background(), b, graph.Upsert)
	changed := res.Changed
	if err != nil {
		t.Fatalf("PutBatches: %v", err)
	}
	return changed
}

// bigData is richData grown by n actors, with their links and
// participations.
func bigData(n int) *graph.Dataset {
	d := richData()
	grow(d, n)
	return d
}

// testBatchesRoundTrip: PutBatches of a dataset in parts, tables spanning
// parts, stores what one Put of it stores, and reports a change.
func testBatchesRoundTrip(t *testing.T, open func(t *testing.T) graph.Store) {
	for _, c := range []struct {
		name string
		d    *graph.Dataset
		size int
	}{
		{"rich data in parts of 3", richData(), 3},
		{"rich data in one part", richData(), 1 << 20},
		{"4,000 records in parts of 97", bigData(1000), 97},
		{"synthetic data in parts of 1,000", Generate(2000, 6000, 100, 2000), 1000},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := newSource(c.d, c.size)
			s := openStore(t, open)
			if !mustPutBatches(t, s, src.batches) {
				t.Error("PutBatches into an empty store reported no change")
			}
			t.Logf("the store read the batches %d times", src.calls)
			p := openStore(t, open)
			mustPut(t, p, c.d)
			checkDataset(t, "Load after PutBatches, compared with Load after Put", mustLoad(t, s), mustLoad(t, p))
			checkDataset(t, "Load after PutBatches", mustLoad(t, s), merged(&graph.Dataset{}, c.d))
		})
	}
	t.Run("no parts", func(t *testing.T) {
		s := openStore(t, open)
		mustPutBatches(t, s, parts())
		checkDataset(t, "Load after PutBatches of no parts", mustLoad(t, s), &graph.Dataset{})
		mustPut(t, s, richData())
		mustPutBatches(t, s, parts())
		mustPutBatches(t, s, parts(&graph.Dataset{}, &graph.Dataset{}))
		checkDataset(t, "Load after PutBatches of no records", mustLoad(t, s), sorted(richData()))
	})
}

// testBatchesUpsert: records put in batches replace stored records with their
// keys, entirely; other records and the metrics stay.
func testBatchesUpsert(t *testing.T, open func(t *testing.T) graph.Store) {
	for _, size := range []int{2, 1 << 20} {
		t.Run(fmt.Sprintf("parts of %d", size), func(t *testing.T) {
			s := openStore(t, open)
			base := bigData(500)
			mustPut(t, s, base)
			metrics := []graph.ActorMetrics{
				{ID: "lot-00499", Values: map[string]float64{"degree": 1}},
				{ID: "nantes", Values: map[string]float64{"degree": 4}},
			} // sorted by id
			if err := s.PutMetrics(context.Background(), metrics); err != nil {
				t.Fatalf("PutMetrics: %v", err)
			}
			if !mustPutBatches(t, s, newSource(changes(), size).batches) {
				t.Error("PutBatches of changed records reported no change")
			}
			checkDataset(t, "after PutBatches of changed records", mustLoad(t, s), merged(base, changes()))
			checkMetrics(t, "after PutBatches", mustMetrics(t, s), metrics)
		})
	}
}

// testBatchesUnchanged: putting in batches what is stored changes nothing;
// a store that can tell reports that nothing changed.
func testBatchesUnchanged(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	d := bigData(1000)
	mustPutBatches(t, s, newSource(d, 100).batches)
	before := mustLoad(t, s)
	for _, c := range []struct {
		name string
		d    *graph.Dataset
	}{
		{"the same data", d},
		{"part of the stored data", richData()},
		{"no records", &graph.Dataset{}},
	} {
		changed := mustPutBatches(t, s, newSource(c.d, 100).batches)
		checkDataset(t, "after PutBatches of "+c.name, mustLoad(t, s), before)
		t.Logf("PutBatches of %s reported changed=%v", c.name, changed)
	}
	// One field of one record differs: a change to report.
	c := clone(d)
	c.Links[len(c.Links)-1].Weight += 1
	if !mustPutBatches(t, s, newSource(c, 100).batches) {
		t.Error("PutBatches of data with one changed link weight reported no change")
	}
	checkDataset(t, "after PutBatches of one changed link", mustLoad(t, s), merged(d, c))
}

var errSource = errors.New("reading the input failed")

// testBatchesFailingSource: an error of the batches, after some parts, makes
// PutBatches fail with that error and leaves the store as it was, and usable.
func testBatchesFailingSource(t *testing.T, open func(t *testing.T) graph.Store) {
	for _, c := range []struct {
		name   string
		always bool // fail on every call, not only from the second on
	}{{"every call", true}, {"second call", false}} {
		t.Run(c.name, func(t *testing.T) {
			s := openStore(t, open)
			mustPut(t, s, richData())
			if err := s.PutMetrics(context.Background(), []graph.ActorMetrics{{ID: "nantes", Values: map[string]float64{"degree": 4}}}); err != nil {
				t.Fatalf("PutMetrics: %v", err)
			}
			before, metrics := mustLoad(t, s), mustMetrics(t, s)
			big := changes()
			grow(big, 3000)
			src := newSource(big, 500)
			src.fail = func(call, part int) error {
				if part == 3 && (c.always || call > 1) {
					return fmt.Errorf("part %d: %w", part, errSource)
				}
				return nil
			}
			_, err := s.PutBatches(context.Background(), src.batches, graph.Upsert)
			switch {
			case err != nil:
				if !errors.Is(err, errSource) {
					t.Errorf("PutBatches: error %q does not wrap the error of the batches", err)
				}
				checkDataset(t, "after a PutBatches whose batches failed", mustLoad(t, s), before)
			case c.always:
				t.Fatal("PutBatches returned no error although the batches failed")
			default:
				// The store read the batches only once.
				checkDataset(t, "after a PutBatches that read the batches once", mustLoad(t, s), merged(richData(), big))
			}
			checkMetrics(t, "after a PutBatches whose batches failed", mustMetrics(t, s), metrics)
			now := mustLoad(t, s)
			mustPutBatches(t, s, newSource(changes(), 4).batches)
			checkDataset(t, "after a PutBatches following a failed one", mustLoad(t, s), merged(now, changes()))
		})
	}
}

// testBatchesOrder: parts out of the order of graph.Batches make PutBatches
// fail with an error wrapping graph.ErrBatchOrder, and nothing is written,
// even when the disorder comes after many records.
func testBatchesOrder(t *testing.T, open func(t *testing.T) graph.Store) {
	valid := merged(&graph.Dataset{}, bigData(2000))
	a := func(id string) graph.Actor { return graph.Actor{ID: id, Name: "Acteur " + id} }
	cases := []struct {
		name  string
		parts []*graph.Dataset
	}{
		{"actors after links", []*graph.Dataset{
			{Links: []graph.Link{{Source: "nantes", Target: "enda-tm", Weight: 1}}},
			{Actors: []graph.Actor{a("zz-nouveau")}},
		}},
		{"participations before projects in one part", []*graph.Dataset{
			{Actors: []graph.Actor{a("zz-nouveau")}},
			{Projects: []graph.Project{{ID: "zz-projet"}}, Participations: []graph.Participation{{Actor: "nantes", Project: "P-eau-1"}}},
			{Projects: []graph.Project{{ID: "zz-projet-2"}}},
		}},
		{"actors in reverse order in one part", []*graph.Dataset{
			{Actors: []graph.Actor{a("zz-2"), a("zz-1")}},
		}},
		{"actors in reverse order across parts", []*graph.Dataset{
			{Actors: []graph.Actor{a("zz-2")}},
			{Actors: []graph.Actor{a("zz-1")}},
		}},
		{"a repeated key", []*graph.Dataset{
			{Actors: []graph.Actor{a("zz-1")}},
			{Actors: []graph.Actor{a("zz-1")}},
		}},
		{"links out of order after 4,000 valid records", []*graph.Dataset{
			{Actors: valid.Actors, Projects: valid.Projects},
			{Links: valid.Links},
			{Links: []graph.Link{{Source: "a", Target: "b", Weight: 1}}},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openStore(t, open)
			mustPut(t, s, richData())
			_, err := s.PutBatches(context.Background(), parts(c.parts...), graph.Upsert)
			if err == nil {
				t.Fatal("PutBatches of parts out of order returned no error")
			}
			if !errors.Is(err, graph.ErrBatchOrder) {
				t.Errorf("PutBatches of parts out of order: error %q does not wrap graph.ErrBatchOrder", err)
			}
			checkDataset(t, "after PutBatches of parts out of order", mustLoad(t, s), sorted(richData()))
		})
	}
}

// testBatchesInvalidRecord: a record with an empty key field, in a late
// part, makes PutBatches fail and nothing is written.
func testBatchesInvalidRecord(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, richData())
	big := merged(&graph.Dataset{}, bigData(3000))
	b := parts(
		&graph.Dataset{Actors: big.Actors, Projects: big.Projects, Links: big.Links},
		&graph.Dataset{Participations: append([]graph.Participation{{Actor: "", Project: "P-eau-1"}}, big.Participations...)},
	)
	if _, err := s.PutBatches(context.Background(), b, graph.Upsert); err == nil {
		t.Fatal("PutBatches with a participation without actor returned no error")
	}
	checkDataset(t, "after a failed PutBatches", mustLoad(t, s), sorted(richData()))
}

// testBatchesCancelled: PutBatches with a cancelled context fails with
// context.Canceled and writes nothing; a context cancelled while it runs
// leaves either every record stored or none.
func testBatchesCancelled(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, richData())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.PutBatches(ctx, newSource(changes(), 3).batches, graph.Upsert)
	if err == nil {
		t.Fatal("PutBatches with a cancelled context returned no error")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("PutBatches with a cancelled context: error %q does not wrap context.Canceled", err)
	}
	checkDataset(t, "after a cancelled PutBatches", mustLoad(t, s), sorted(richData()))

	checkInterrupted(t, open, "PutBatches", true, func(ctx context.Context, s graph.Store, d *graph.Dataset) error {
		_, err := s.PutBatches(ctx, newSource(d, 400).batches, graph.Upsert)
		return err
	})
}
