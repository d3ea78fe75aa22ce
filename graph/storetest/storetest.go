package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/alliances/alliances/graph"
)

// Run runs the contract of graph.Store (graph/store.go) as subtests of t, one
// after another. open must return a fresh, empty store each time it is called;
// Run calls it once or more per subtest and closes every store it gets, before
// the cleanups that open registered run, failing the test if Close fails.
//
// Besides the contract written on graph.Store, Run checks what follows from it:
//
//   - a record with an empty key field (Actor.ID, Project.ID, Link.Source or
//     Link.Target, Participation.Actor or Participation.Project) is invalid: Put
//     returns an error and stores nothing of d;
//   - Put with a cancelled context returns an error wrapping context.Canceled
//     and stores nothing; a context cancelled while Put runs leaves either all of
//     d stored or nothing;
//   - a failed Put leaves the store usable;
//   - Put does not modify d;
//   - an undirected link put again with its endpoints swapped replaces the
//     stored one (same Link.Key), and Load returns it as last put;
//   - metric values do not show up in Load, and PutMetrics replaces the whole
//     set of values of an actor;
//   - PutBatches stores what one Put of the same records stores, keeps the
//     metrics, reports a change whenever a record differs from the stored
//     one, and copes with a Batches that reuses its parts;
//   - PutBatches fails, and writes nothing, when the batches fail (with an
//     error wrapping theirs), when a part breaks their order (wrapping
//     graph.ErrBatchOrder), when a record is invalid, and when its context is
//     cancelled (wrapping context.Canceled); a context cancelled while it
//     runs leaves either every record stored or none;
//   - PutBatches counts the stored records that the batches do not hold;
//     Upsert keeps them, Replace deletes them with their metrics;
//   - the ingest log is returned as added, whole and in order, however the
//     caller changes its records afterwards.
func Run(t *testing.T, open func(t *testing.T) graph.Store) {
	t.Helper()
	tests := []struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) graph.Store)
	}{
		{"Empty", testEmpty},
		{"RoundTrip", testRoundTrip},
		{"Fixture", testFixture},
		{"SortOrder", testSortOrder},
		{"IncrementalPuts", testIncrementalPuts},
		{"PutTwiceChangesNothing", testPutTwice},
		{"UpsertReplaces", testUpsertReplaces},
		{"CancelledContext", testCancelled},
		{"InvalidRecord", testInvalidRecord},
		{"InterruptedPut", testInterruptedPut},
		{"Metrics", testMetrics},
		{"MetricsUnknownActor", testMetricsUnknownActor},
		{"LoadNodes", testLoadNodes},
		{"Large", testLarge},
		{"BatchesRoundTrip", testBatchesRoundTrip},
		{"BatchesUpsert", testBatchesUpsert},
		{"BatchesUnchanged", testBatchesUnchanged},
		{"BatchesFailingSource", testBatchesFailingSource},
		{"BatchesOrder", testBatchesOrder},
		{"BatchesInvalidRecord", testBatchesInvalidRecord},
		{"BatchesCancelled", testBatchesCancelled},
		{"BatchesAbsent", testBatchesAbsent},
		{"BatchesReplace", testBatchesReplace},
		{"BatchesReplaceFails", testBatchesReplaceFails},
		{"Ingests", testIngests},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.run(t, open) })
	}
}

// openStore opens a fresh store and closes it when the (sub)test ends.
func openStore(t *testing.T, open func(t *testing.T) graph.Store) graph.Store {
	t.Helper()
	s := open(t)
	if s == nil {
		t.Fatal("open returned a nil store")
	}
	// Registered after open's own cleanups, so it runs before them.
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func mustPut(t *testing.T, s graph.Store, d *graph.Dataset) {
	t.Helper()
	if err := s.Put(context.Background(), d); err != nil {
		t.Fatalf("Put: %v", err)
	}
}

func mustLoad(t *testing.T, s graph.Store) *graph.Dataset {
	t.Helper()
	d, err := s.Load(context.Background())
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if d == nil {
		t.Fatal("Load returned a nil dataset and no error")
	}
	return d
}

func mustMetrics(t *testing.T, s graph.Store) []graph.ActorMetrics {
	t.Helper()
	m, err := s.Metrics(context.Background())
	if err != nil {
		t.Fatalf("Metrics: %v", err)
	}
	return m
}

// testEmpty: a fresh store loads as an empty dataset and holds no metrics;
// putting an empty dataset changes nothing.
func testEmpty(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	checkDataset(t, "fresh store", mustLoad(t, s), &graph.Dataset{})
	if m := mustMetrics(t, s); len(m) != 0 {
		t.Errorf("fresh store: Metrics returned %d entries, want none", len(m))
	}
	mustPut(t, s, &graph.Dataset{})
	checkDataset(t, "after putting an empty dataset", mustLoad(t, s), &graph.Dataset{})
}

// testLoadNodes: LoadNodes returns the actors and projects that Load
// returns, and no links or participations.
func testLoadNodes(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, richData())
	got, err := s.LoadNodes(context.Background())
	if err != nil {
		t.Fatalf("LoadNodes: %v", err)
	}
	want := mustLoad(t, s)
	want.Links, want.Participations = nil, nil
	checkDataset(t, "LoadNodes", got, want)
	if len(want.Actors) == 0 || len(want.Projects) == 0 {
		t.Fatal("the data put has no actors or no projects")
	}
}

// testRoundTrip: every field of every table comes back as it was put, in the
// canonical order, and Put leaves its argument untouched.
func testRoundTrip(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	d := richData()
	reverse(d) // stores must sort, not keep the order of the input
	before := clone(d)
	mustPut(t, s, d)
	if !reflect.DeepEqual(d, before) {
		t.Errorf("Put modified its argument")
	}
	checkDataset(t, "Load after Put", mustLoad(t, s), sorted(before))
}

// testFixture: the fixture of the query tests round-trips.
func testFixture(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, Fixture())
	checkDataset(t, "Load after Put(Fixture())", mustLoad(t, s), sorted(Fixture()))
}

// testSortOrder: Load returns each table in the order of Dataset.Sort, which
// is byte order of the UTF-8 keys: upper case before lower case, accented
// letters after z, and characters outside the Basic Multilingual Plane after
// U+FF21 (UTF-16 order, as in Java, would put them before it).
func testSortOrder(t *testing.T, open func(t *testing.T) graph.Store) {
	ids := []string{"b", "😀", "B", "a b", "é", "\uFF21", "e", "Z", "_x", "10", "9", "a", "ab", "a-b", "A", "Ä"}
	d := &graph.Dataset{}
	for i, id := range ids {
		d.Actors = append(d.Actors, graph.Actor{ID: id, Name: "actor " + id})
		d.Projects = append(d.Projects, graph.Project{ID: id, Phase: i})
		d.Participations = append(d.Participations, graph.Participation{Actor: id, Project: ids[(i*7+3)%len(ids)]})
		d.Links = append(d.Links,
			graph.Link{Source: id, Target: ids[(i*5+1)%len(ids)], Type: "partnership", Weight: float64(i + 1)},
			graph.Link{Source: id, Target: ids[(i*3+2)%len(ids)], Type: "funding", Weight: 1, Directed: true},
		)
	}
	s := openStore(t, open)
	// Two puts, so that the second one interleaves with stored records.
	a, b := split(d)
	mustPut(t, s, a)
	mustPut(t, s, b)
	got := mustLoad(t, s)
	want := sorted(d)
	var gotIDs, wantIDs []string
	for _, a := range got.Actors {
		gotIDs = append(gotIDs, a.ID)
	}
	for _, a := range want.Actors {
		wantIDs = append(wantIDs, a.ID)
	}
	if !reflect.DeepEqual(gotIDs, wantIDs) {
		t.Errorf("actor order:\n got %q\nwant %q", gotIDs, wantIDs)
	}
	checkDataset(t, "Load", got, want)
}

// testIncrementalPuts: two puts of disjoint records load as their union.
func testIncrementalPuts(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	a, b := split(richData())
	mustPut(t, s, a)
	checkDataset(t, "after the first Put", mustLoad(t, s), sorted(a))
	mustPut(t, s, b)
	checkDataset(t, "after the second Put", mustLoad(t, s), sorted(richData()))
}

// testPutTwice: putting the same data again changes nothing.
func testPutTwice(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, richData())
	first := mustLoad(t, s)
	mustPut(t, s, richData())
	checkDataset(t, "after the second Put of the same data", mustLoad(t, s), first)
	checkDataset(t, "after the second Put of the same data", mustLoad(t, s), sorted(richData()))
}

// testUpsertReplaces: a record with the key of a stored record replaces it
// entirely: fields and attributes left out of the new record are gone.
func testUpsertReplaces(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, richData())
	mustPut(t, s, changes())
	checkDataset(t, "after putting changed records", mustLoad(t, s), merged(richData(), changes()))
}

// testCancelled: Put with a cancelled context fails with context.Canceled and
// stores nothing; the store remains usable.
func testCancelled(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, richData())
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.Put(ctx, changes())
	if err == nil {
		t.Fatal("Put with a cancelled context returned no error")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a cancelled context: error %q does not wrap context.Canceled", err)
	}
	checkDataset(t, "after a cancelled Put", mustLoad(t, s), sorted(richData()))
	mustPut(t, s, changes())
	checkDataset(t, "after a Put following a cancelled one", mustLoad(t, s), merged(richData(), changes()))
}

// testInvalidRecord: a Put holding one invalid record, after many valid ones,
// fails and stores nothing; the store remains usable.
func testInvalidRecord(t *testing.T, open func(t *testing.T) graph.Store) {
	cases := []struct {
		name string
		add  func(d *graph.Dataset)
	}{
		{"actor with empty id", func(d *graph.Dataset) {
			d.Actors = append(d.Actors, graph.Actor{Name: "Sans identifiant", Family: "ong"})
		}},
		{"project with empty id", func(d *graph.Dataset) {
			d.Projects = append(d.Projects, graph.Project{Name: "Projet sans identifiant"})
		}},
		{"link with empty source", func(d *graph.Dataset) {
			d.Links = append(d.Links, graph.Link{Target: "nantes", Type: "partnership", Weight: 1})
		}},
		{"link with empty target", func(d *graph.Dataset) {
			d.Links = append(d.Links, graph.Link{Source: "nantes", Type: "partnership", Weight: 1})
		}},
		{"participation with empty actor", func(d *graph.Dataset) {
			d.Participations = append(d.Participations, graph.Participation{Project: "P-eau-1"})
		}},
		{"participation with empty project", func(d *graph.Dataset) {
			d.Participations = append(d.Participations, graph.Participation{Actor: "nantes"})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := openStore(t, open)
			mustPut(t, s, richData())
			bad := changes()
			// Many valid records first, so that a store writing in batches
			// would already have written some when it meets the invalid one.
			grow(bad, 3000)
			c.add(bad)
			if err := s.Put(context.Background(), bad); err == nil {
				t.Fatalf("Put with an invalid record (%s) returned no error", c.name)
			}
			checkDataset(t, "after a failed Put", mustLoad(t, s), sorted(richData()))
			mustPut(t, s, changes())
			checkDataset(t, "after a Put following a failed one", mustLoad(t, s), merged(richData(), changes()))
		})
	}
}

// testInterruptedPut cancels the context of Put while it runs: after the
// store has consulted the context n times, for several n. Whatever n, Put must
// either store every record or none.
func testInterruptedPut(t *testing.T, open func(t *testing.T) graph.Store) {
	checkInterrupted(t, open, "Put", false, func(ctx context.Context, s graph.Store, d *graph.Dataset) error {
		return s.Put(ctx, d)
	})
}

// checkInterrupted runs put with a context cancelled after the store has
// consulted it n times, for several n: whatever n, every record of a large
// dataset must be stored or none. With canceled, a failed put must say why
// with an error wrapping context.Canceled.
func checkInterrupted(t *testing.T, open func(t *testing.T) graph.Store, what string, canceled bool,
	put func(ctx context.Context, s graph.Store, d *graph.Dataset) error) {
	big := changes()
	grow(big, 2500)
	var succeeded, failed int
	for _, n := range []int{0, 1, 2, 3, 4, 6, 8, 12, 16, 32, 64, 256} {
		s := openStore(t, open)
		mustPut(t, s, richData())
		ctx := newCountdownContext(n)
		err := put(ctx, s, big)
		ctx.stop()
		if err == nil {
			succeeded++
			checkDataset(t, fmt.Sprintf("after a %s that succeeded although its context was cancelled after %d checks", what, n),
				mustLoad(t, s), merged(richData(), big))
		} else {
			failed++
			if canceled && !errors.Is(err, context.Canceled) {
				t.Errorf("%s whose context was cancelled after %d checks: error %q does not wrap context.Canceled", what, n, err)
			}
			checkDataset(t, fmt.Sprintf("after a %s whose context was cancelled after %d checks (%v)", what, n, err),
				mustLoad(t, s), sorted(richData()))
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("interrupted %s: %d failed, %d completed", what, failed, succeeded)
}

// testMetrics: PutMetrics replaces the values of the named actors, leaves the
// others alone, and does not change what Load returns.
func testMetrics(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	mustPut(t, s, richData())
	if err := s.PutMetrics(context.Background(), nil); err != nil {
		t.Fatalf("PutMetrics(nil): %v", err)
	}
	first := []graph.ActorMetrics{
		{ID: "nantes", Values: map[string]float64{"degree": 4, "betweenness": 0.5, "ei_index": -0.25, "pagerank": 0.123456789012345}},
		{ID: "assoc-évry", Values: map[string]float64{"degree": 1, "betweenness": 0, "constraint": 1e-12, "core": 1}},
	}
	if err := s.PutMetrics(context.Background(), first); err != nil {
		t.Fatalf("PutMetrics: %v", err)
	}
	want := []graph.ActorMetrics{first[1], first[0]} // sorted by id
	checkMetrics(t, "after the first PutMetrics", mustMetrics(t, s), want)

	second := []graph.ActorMetrics{
		{ID: "nantes", Values: map[string]float64{"core": 3, "community": 2}},
		{ID: "東京-ngo", Values: map[string]float64{"degree": 1}},
	}
	if err := s.PutMetrics(context.Background(), second); err != nil {
		t.Fatalf("PutMetrics: %v", err)
	}
	want = []graph.ActorMetrics{first[1], second[0], second[1]}
	checkMetrics(t, "after the second PutMetrics (replaces nantes, keeps assoc-évry)", mustMetrics(t, s), want)

	checkDataset(t, "Load after PutMetrics", mustLoad(t, s), sorted(richData()))
}

// testMetricsUnknownActor: metrics naming an actor that is not stored (or no
// actor) are an error, and nothing of the call is written.
func testMetricsUnknownActor(t *testing.T, open func(t *testing.T) graph.Store) {
	s := openStore(t, open)
	if err := s.PutMetrics(context.Background(), []graph.ActorMetrics{{ID: "nantes", Values: map[string]float64{"degree": 1}}}); err == nil {
		t.Error("PutMetrics on an empty store returned no error")
	}
	mustPut(t, s, richData())
	base := []graph.ActorMetrics{{ID: "enda-tm", Values: map[string]float64{"degree": 2}}}
	if err := s.PutMetrics(context.Background(), base); err != nil {
		t.Fatalf("PutMetrics: %v", err)
	}
	for _, bad := range [][]graph.ActorMetrics{
		{
			{ID: "enda-tm", Values: map[string]float64{"degree": 7}},
			{ID: "nantes", Values: map[string]float64{"degree": 3}},
			{ID: "inconnu", Values: map[string]float64{"degree": 1}},
		},
		{
			{ID: "nantes", Values: map[string]float64{"degree": 3}},
			{ID: "", Values: map[string]float64{"degree": 1}},
		},
	} {
		if err := s.PutMetrics(context.Background(), bad); err == nil {
			t.Errorf("PutMetrics naming actor %q returned no error", bad[len(bad)-1].ID)
		}
		checkMetrics(t, "after a failed PutMetrics", mustMetrics(t, s), base)
	}
	checkDataset(t, "Load after failed PutMetrics", mustLoad(t, s), sorted(richData()))
}

// testLarge: a Put of 20,000 actors and 50,000 links, with projects and
// participations, loads back whole.
func testLarge(t *testing.T, open func(t *testing.T) graph.Store) {
	d := Generate(20000, 50000, 1000, 10000)
	s := openStore(t, open)
	start := time.Now()
	mustPut(t, s, d)
	put := time.Since(start)
	start = time.Now()
	got := mustLoad(t, s)
	t.Logf("Put %d actors, %d links, %d projects, %d participations in %v; Load in %v",
		len(d.Actors), len(d.Links), len(d.Projects), len(d.Participations), put, time.Since(start))
	checkDataset(t, "Load after a large Put", got, sorted(d))
}

// Generate returns a deterministic synthetic dataset of the given size, with
// every field filled in: actors a000000…, links between random pairs (a third
// of them directed), projects p00000… and participations of random actors.
// Keys are unique.
func Generate(actors, links, projects, participations int) *graph.Dataset {
	rng := uint64(0x9E3779B97F4A7C15)
	next := func(n int) int {
		rng ^= rng << 13
		rng ^= rng >> 7
		rng ^= rng << 17
		return int(rng % uint64(n))
	}
	d := &graph.Dataset{
		Actors:         make([]graph.Actor, 0, actors),
		Links:          make([]graph.Link, 0, links),
		Projects:       make([]graph.Project, 0, projects),
		Participations: make([]graph.Participation, 0, participations),
	}
	countries := []string{"FR", "SN", "ML", "MA", "BF", "BE", "TN"}
	types := []string{"partnership", "funding", "technical support", "agreement", "membership"}
	for i := 0; i < actors; i++ {
		d.Actors = append(d.Actors, graph.Actor{
			ID:        fmt.Sprintf("a%06d", i),
			Name:      fmt.Sprintf("Acteur n°%d", i),
			Family:    graph.Families[i%len(graph.Families)],
			Country:   countries[i%len(countries)],
			Territory: fmt.Sprintf("Territoire %d", i%97),
			Level:     graph.Levels[i%len(graph.Levels)],
			Attrs:     map[string]string{"rang": fmt.Sprint(i)},
			Origin:    graph.Provenance{File: "acteurs.csv", Line: i + 2},
		})
	}
	seen := make(map[string]bool, links)
	for len(d.Links) < links && actors > 1 {
		l := graph.Link{
			Source:   d.Actors[next(actors)].ID,
			Target:   d.Actors[next(actors)].ID,
			Type:     types[next(len(types))],
			Weight:   float64(1+next(8)) / 2,
			Directed: next(3) == 0,
			Start:    fmt.Sprint(2000 + next(20)),
			Origin:   graph.Provenance{File: "liens.csv", Line: len(d.Links) + 2},
		}
		if l.Source == l.Target || seen[l.Key()] {
			continue
		}
		seen[l.Key()] = true
		d.Links = append(d.Links, l)
	}
	for i := 0; i < projects; i++ {
		d.Projects = append(d.Projects, graph.Project{
			ID:         fmt.Sprintf("p%05d", i),
			Name:       fmt.Sprintf("Projet %d", i),
			Programme:  fmt.Sprintf("Programme %d", i/4),
			Phase:      i%4 + 1,
			Start:      fmt.Sprint(2010 + i%10),
			End:        fmt.Sprint(2012 + i%10),
			Dimensions: []string{"development", "inclusive"}[:1+i%2],
			Targets:    []string{"youth", "women", "precarity"}[:i%4%3+1],
			Territory:  fmt.Sprintf("Territoire %d", i%97),
			Origin:     graph.Provenance{File: "projets.csv", Line: i + 2},
		})
	}
	seen = make(map[string]bool, participations)
	for len(d.Participations) < participations && actors > 0 && projects > 0 && participations <= actors*projects {
		p := graph.Participation{
			Actor:   d.Actors[next(actors)].ID,
			Project: d.Projects[next(projects)].ID,
			Role:    []string{"lead", "partner", "funder", "operator"}[next(4)],
			Origin:  graph.Provenance{File: "participations.csv", Line: len(d.Participations) + 2},
		}
		if seen[p.Key()] {
			continue
		}
		seen[p.Key()] = true
		d.Participations = append(d.Participations, p)
	}
	return d
}

// grow adds n valid new actors to d, each tied to the previous one and taking
// part in a project of the rich data.
func grow(d *graph.Dataset, n int) {
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("lot-%05d", i)
		d.Actors = append(d.Actors, graph.Actor{ID: id, Name: "Acteur " + id, Family: "association", Country: "FR"})
		if i > 0 {
			d.Links = append(d.Links, graph.Link{Source: fmt.Sprintf("lot-%05d", i-1), Target: id, Type: "partnership", Weight: 1})
		}
		d.Participations = append(d.Participations, graph.Participation{Actor: id, Project: "P-eau-2", Role: "partner"})
	}
}

// countdownContext is a context that becomes cancelled once it has been
// consulted (Done or Err) n times.
type countdownContext struct {
	context.Context
	left chan int
	done chan struct{}
}

func newCountdownContext(n int) *countdownContext {
	c := &countdownContext{Context: context.Background(), left: make(chan int, 1), done: make(chan struct{})}
	c.left <- n
	return c
}

// tick counts one consultation and reports whether the context is cancelled.
func (c *countdownContext) tick() bool {
	n := <-c.left
	defer func() { c.left <- n }()
	if n <= 0 {
		select {
		case <-c.done:
		default:
			close(c.done)
		}
		return true
	}
	n--
	return false
}

func (c *countdownContext) Done() <-chan struct{} {
	c.tick()
	return c.done
}

func (c *countdownContext) Err() error {
	if c.tick() {
		return context.Canceled
	}
	return nil
}

// stop cancels the context, so that goroutines a store left waiting on it end.
func (c *countdownContext) stop() {
	n := <-c.left
	select {
	case <-c.done:
	default:
		close(c.done)
	}
	c.left <- n
}

// checkMetrics compares metrics, reporting differences for people.
func checkMetrics(t *testing.T, what string, got, want []graph.ActorMetrics) {
	t.Helper()
	norm := func(ms []graph.ActorMetrics) []graph.ActorMetrics {
		out := make([]graph.ActorMetrics, 0, len(ms))
		for _, m := range ms {
			if len(m.Values) == 0 {
				m.Values = nil
			}
			out = append(out, m)
		}
		return out
	}
	if g, w := norm(got), norm(want); !reflect.DeepEqual(g, w) {
		t.Errorf("%s: Metrics returned\n %+v\nwant\n %+v", what, g, w)
	}
}

// checkDataset compares got with want (sorted), treating nil and empty maps
// and slices alike, and reports the first differences of each table.
func checkDataset(t *testing.T, what string, got, want *graph.Dataset) {
	t.Helper()
	g, w := normalize(got), normalize(want)
	compareTable(t, what, "actors", g.Actors, w.Actors, func(a graph.Actor) string { return a.ID })
	compareTable(t, what, "projects", g.Projects, w.Projects, func(p graph.Project) string { return p.ID })
	compareTable(t, what, "links", g.Links, w.Links, graph.Link.Key)
	compareTable(t, what, "participations", g.Participations, w.Participations, graph.Participation.Key)
}

func compareTable[T any](t *testing.T, what, table string, got, want []T, key func(T) string) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d %s, want %d", what, len(got), table, len(want))
	}
	// Same records in another order?
	byKey := func(xs []T) map[string]T {
		m := make(map[string]T, len(xs))
		for _, x := range xs {
			m[key(x)] = x
		}
		return m
	}
	if len(got) == len(want) && reflect.DeepEqual(byKey(got), byKey(want)) {
		var gk, wk []string
		for i := range got {
			gk = append(gk, fmt.Sprintf("%q", key(got[i])))
			wk = append(wk, fmt.Sprintf("%q", key(want[i])))
			if len(gk) == 10 {
				break
			}
		}
		t.Errorf("%s: the right %s in the wrong order (want the order of Dataset.Sort):\n got %v\nwant %v", what, table, gk, wk)
		return
	}
	gm := byKey(got)
	wm := byKey(want)
	var keys []string
	for k := range wm {
		keys = append(keys, k)
	}
	for k := range gm {
		if _, ok := wm[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	shown := 0
	for _, k := range keys {
		gv, gok := gm[k]
		wv, wok := wm[k]
		switch {
		case !gok:
			t.Errorf("%s: %s: missing %+v", what, table, wv)
		case !wok:
			t.Errorf("%s: %s: unexpected %+v", what, table, gv)
		case !reflect.DeepEqual(gv, wv):
			t.Errorf("%s: %s: key %q:\n got %+v\nwant %+v", what, table, k, gv, wv)
		default:
			continue
		}
		if shown++; shown == 5 {
			t.Errorf("%s: %s: more differences not shown", what, table)
			return
		}
	}
}

// normalize returns a copy of d where empty maps and slices are nil.
func normalize(d *graph.Dataset) *graph.Dataset {
	out := &graph.Dataset{}
	for _, a := range d.Actors {
		a.Attrs = nilIfEmpty(a.Attrs)
		out.Actors = append(out.Actors, a)
	}
	for _, p := range d.Projects {
		p.Attrs = nilIfEmpty(p.Attrs)
		if len(p.Dimensions) == 0 {
			p.Dimensions = nil
		}
		if len(p.Targets) == 0 {
			p.Targets = nil
		}
		out.Projects = append(out.Projects, p)
	}
	out.Links = append(out.Links, d.Links...)
	out.Participations = append(out.Participations, d.Participations...)
	return out
}

func nilIfEmpty(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	return m
}

// clone returns a copy of d that shares no slices or maps with it.
func clone(d *graph.Dataset) *graph.Dataset {
	out := &graph.Dataset{
		Links:          append([]graph.Link(nil), d.Links...),
		Participations: append([]graph.Participation(nil), d.Participations...),
	}
	for _, a := range d.Actors {
		a.Attrs = cloneMap(a.Attrs)
		out.Actors = append(out.Actors, a)
	}
	for _, p := range d.Projects {
		p.Attrs = cloneMap(p.Attrs)
		if p.Dimensions != nil {
			p.Dimensions = append([]string{}, p.Dimensions...)
		}
		if p.Targets != nil {
			p.Targets = append([]string{}, p.Targets...)
		}
		out.Projects = append(out.Projects, p)
	}
	return out
}

func cloneMap(m map[string]string) map[string]string {
	if m == nil {
		return nil
	}
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// sorted returns a sorted copy of d.
func sorted(d *graph.Dataset) *graph.Dataset {
	c := clone(d)
	c.Sort()
	return c
}

// merged returns what a store holds after putting base, then changes.
func merged(base, changes *graph.Dataset) *graph.Dataset {
	c := clone(base)
	c.Merge(clone(changes))
	return c
}

// reverse reverses every table of d.
func reverse(d *graph.Dataset) {
	rev := func(n int, swap func(i, j int)) {
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
			swap(i, j)
		}
	}
	rev(len(d.Actors), reflect.Swapper(d.Actors))
	rev(len(d.Projects), reflect.Swapper(d.Projects))
	rev(len(d.Links), reflect.Swapper(d.Links))
	rev(len(d.Participations), reflect.Swapper(d.Participations))
}

// split returns two datasets that hold every record of d between them, with
// no record of the first naming an actor or project of the second: alternate
// actors and projects, and the links and participations that can go first.
func split(d *graph.Dataset) (a, b *graph.Dataset) {
	a, b = &graph.Dataset{}, &graph.Dataset{}
	first := make(map[string]bool)
	for i, x := range d.Actors {
		if i%2 == 0 {
			a.Actors = append(a.Actors, x)
			first["actor:"+x.ID] = true
		} else {
			b.Actors = append(b.Actors, x)
		}
	}
	for i, x := range d.Projects {
		if i%2 == 0 {
			a.Projects = append(a.Projects, x)
			first["project:"+x.ID] = true
		} else {
			b.Projects = append(b.Projects, x)
		}
	}
	for _, x := range d.Links {
		if first["actor:"+x.Source] && first["actor:"+x.Target] {
			a.Links = append(a.Links, x)
		} else {
			b.Links = append(b.Links, x)
		}
	}
	for _, x := range d.Participations {
		if first["actor:"+x.Actor] && first["project:"+x.Project] {
			a.Participations = append(a.Participations, x)
		} else {
			b.Participations = append(b.Participations, x)
		}
	}
	return a, b
}
