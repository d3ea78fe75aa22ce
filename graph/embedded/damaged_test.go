package embedded

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"testing"
	"time"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// The damages of issue #16 (finding 2) and #17: a store file cut short, pages
// zeroed, bytes flipped, garbage appended. Every read of a damaged copy
// either fails with an error wrapping ErrDamaged or reads back exactly what
// was written (a damage in space the file does not use), and a write into it
// either fails with that error, leaving the file byte for byte as it was, or
// (a harmless damage) stores what it was given.

// damagedPageSize is the page size of the stores this package writes (bbolt
// takes the page size of the system).
var damagedPageSize = os.Getpagesize()

// pristine is a store written through the API of the package, and what each
// read of it returns.
type pristine struct {
	file    []byte
	load    *graph.Dataset
	nodes   *graph.Dataset
	metrics []graph.ActorMetrics
	ingests []graph.IngestRecord
	reads   map[string]any // answers of the graph.NetworkReader reads

	// What the store holds once the write of a case has been made into it.
	put       *graph.Dataset
	record    graph.IngestRecord
	afterLoad *graph.Dataset
	afterLog  []graph.IngestRecord
	actors    []string
	projects  []string
}

// writePristine writes a store in dir as the commands do: a first ingest, a
// second one that rebuilds the tables in a new generation (leaving the pages
// of the first one free, stale), metrics, and the ingest log.
func writePristine(t testing.TB, dir string) *pristine {
	ctx := context.Background()
	path := filepath.Join(dir, "pristine.db")
	base := storetest.Generate(60, 200, 20, 120)
	base.Sort()
	update := &graph.Dataset{Links: slices.Clone(base.Links[:80])}
	for i := range update.Links {
		update.Links[i].Weight += 1
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatches(ctx, graph.InBatches(base, 50), graph.Upsert); err != nil {
		t.Fatal(err)
	}
	if err := s.AddIngest(ctx, graph.IngestRecord{Files: []graph.RecordedFile{{Path: "acteurs.csv", SHA256: "0a1b"}}, Actors: 60, Links: 200, Projects: 20, Participations: 120, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	oldSmall := smallPut
	smallPut = 0 // rebuild the tables: a second generation
	_, err = s.PutBatches(ctx, graph.InBatches(update, 50), graph.Upsert)
	smallPut = oldSmall
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddIngest(ctx, graph.IngestRecord{Files: []graph.RecordedFile{{Path: "liens.csv", SHA256: "2c3d"}}, Links: 80, Warnings: []string{"liens.csv:3:1: a warning"}}); err != nil {
		t.Fatal(err)
	}
	var metrics []graph.ActorMetrics
	for i, a := range base.Actors[:40] {
		metrics = append(metrics, graph.ActorMetrics{ID: a.ID, Values: map[string]float64{"degree": float64(i), "betweenness": float64(i) / 7}})
	}
	if err := s.PutMetrics(ctx, metrics); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := &pristine{file: file}
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	if p.load, err = r.Load(ctx); err != nil {
		t.Fatal(err)
	}
	p.nodes, err = r.LoadNodes(ctx)
	errs = append(errs, err)
	p.metrics, err = r.Metrics(ctx)
	errs = append(errs, err)
	p.ingests, err = r.Ingests(ctx)
	errs = append(errs, err)
	for _, a := range p.load.Actors {
		p.actors = append(p.actors, a.ID)
	}
	for _, pr := range p.load.Projects {
		p.projects = append(p.projects, pr.ID)
	}
	p.actors = append(p.actors, "inconnu")
	p.projects = append(p.projects, "P-inconnu")
	p.reads, err = networkReads(ctx, r, p.actors, p.projects)
	errs = append(errs, err, r.Close())
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}

	// The write of each case: a new actor in a project, and its record.
	p.put = &graph.Dataset{
		Actors:         []graph.Actor{{ID: "zz-nouveau", Name: "Nouvel acteur", Family: graph.Families[0]}},
		Participations: []graph.Participation{{Actor: "zz-nouveau", Project: p.load.Projects[0].ID, Role: "partenaire"}},
	}
	p.record = graph.IngestRecord{Files: []graph.RecordedFile{{Path: "nouveau.csv", SHA256: "4e5f"}}, Actors: 1, Participations: 1}
	want := &graph.Dataset{}
	want.Merge(p.load)
	want.Merge(p.put)
	want.Sort()
	p.afterLoad = want
	p.afterLog = append(slices.Clone(p.ingests), p.record)
	return p
}

// networkReads returns the answers of the reads of graph.NetworkReader for
// the given ids, one at a time and all at once.
func networkReads(ctx context.Context, r *Store, actors, projects []string) (map[string]any, error) {
	out := map[string]any{}
	var errs []error
	ask := func(name string, f func([]string) (any, error), ids []string) {
		v, err := f(ids)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			return
		}
		out[name] = v
	}
	byID := func(ids []string) (any, error) { return r.ActorsByID(ctx, ids) }
	members := func(ids []string) (any, error) { return r.Memberships(ctx, ids) }
	participants := func(ids []string) (any, error) { return r.Participants(ctx, ids) }
	links := func(ids []string) (any, error) { return r.LinksOf(ctx, ids) }
	ask("ActorsByID(all)", byID, actors)
	ask("Memberships(all)", members, actors)
	ask("Participants(all)", participants, projects)
	ask("LinksOf(all)", links, actors)
	for _, id := range actors {
		ask("ActorsByID "+id, byID, []string{id})
		ask("Memberships "+id, members, []string{id})
		ask("LinksOf "+id, links, []string{id})
	}
	for _, id := range projects {
		ask("Participants "+id, participants, []string{id})
	}
	return out, errors.Join(errs...)
}

// damage is one damaged copy of the pristine file.
type damage struct {
	name string
	file []byte
}

// damages returns the damages tried: truncations, zeroed pages, flipped
// bytes and appended garbage.
func damages(orig []byte, page int) []damage {
	var out []damage
	size := len(orig)
	with := func(name string, f func(b []byte) []byte) {
		out = append(out, damage{name, f(slices.Clone(orig))})
	}
	// Truncations: at 0, within the first pages, at every page boundary, in
	// the middle of every page, one byte short.
	cuts := []int{0, 1, 16, 100, 512, page / 2, page - 1, size - 1}
	for at := page; at < size; at += page {
		cuts = append(cuts, at, at+page/2, at-1, at+1)
	}
	slices.Sort(cuts)
	for _, at := range slices.Compact(cuts) {
		if at >= 0 && at < size {
			with(fmt.Sprintf("cut at %d", at), func(b []byte) []byte { return b[:at] })
		}
	}
	// Each page zeroed, and each page's header zeroed.
	for at := 0; at < size; at += page {
		with(fmt.Sprintf("page %d zeroed", at/page), func(b []byte) []byte { clear(b[at:min(at+page, size)]); return b })
		with(fmt.Sprintf("page %d header zeroed", at/page), func(b []byte) []byte { clear(b[at : at+16]); return b })
		with(fmt.Sprintf("page %d filled with 0xff", at/page), func(b []byte) []byte {
			for i := at; i < min(at+page, size); i++ {
				b[i] = 0xff
			}
			return b
		})
	}
	// Single bytes flipped: every byte of the page headers and the meta data,
	// and bytes all across the file, at a stride prime to the page size.
	flips := []int{}
	for at := 0; at < size; at += page {
		for i := range 16 {
			flips = append(flips, at+i)
		}
	}
	for i := 16; i < 96; i++ {
		flips = append(flips, i, page+i)
	}
	for at := 7; at < size; at += 127 {
		flips = append(flips, at)
	}
	slices.Sort(flips)
	for _, at := range slices.Compact(flips) {
		if at < size {
			with(fmt.Sprintf("byte %d flipped", at), func(b []byte) []byte { b[at] ^= 0xff; return b })
			with(fmt.Sprintf("bit 0 of byte %d flipped", at), func(b []byte) []byte { b[at] ^= 1; return b })
		}
	}
	// Garbage appended: a few bytes, a page, a page of zeros, a copy of the
	// first pages.
	junk := func(n int) []byte {
		b := make([]byte, n)
		x := uint32(2463534242)
		for i := range b {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			b[i] = byte(x)
		}
		return b
	}
	with("7 bytes appended", func(b []byte) []byte { return append(b, junk(7)...) })
	with("a page of garbage appended", func(b []byte) []byte { return append(b, junk(page)...) })
	with("a page of zeros appended", func(b []byte) []byte { return append(b, make([]byte, page)...) })
	with("the first two pages appended", func(b []byte) []byte { return append(b, orig[:2*page]...) })
	return out
}

// outcome is what a damage gave.
type outcome struct {
	detected bool     // a read or the write failed with ErrDamaged
	failures []string // broken promises
}

func (o *outcome) fail(format string, args ...any) {
	o.failures = append(o.failures, fmt.Sprintf(format, args...))
}

// check requires err to be nil or to wrap ErrDamaged and name the file.
func (o *outcome) check(what, path string, err error) bool {
	if err == nil {
		return true
	}
	switch {
	case !errors.Is(err, ErrDamaged):
		o.fail("%s: error %q does not wrap ErrDamaged", what, err)
	case !bytes.Contains([]byte(err.Error()), []byte(path)):
		o.fail("%s: error %q does not name the file", what, err)
	default:
		o.detected = true
	}
	return false
}

// same requires got to equal want.
func (o *outcome) same(what string, got, want any) {
	if !reflect.DeepEqual(got, want) {
		o.fail("%s: read back different data without an error", what)
	}
}

// tryDamage opens the damaged file at path, reads it every way, and writes
// into it.
func tryDamage(p *pristine, path string) (o outcome) {
	defer func() {
		if r := recover(); r != nil {
			o.fail("panic: %v\n%s", r, debug.Stack())
		}
	}()
	ctx := context.Background()
	before, err := os.ReadFile(path)
	if err != nil {
		o.fail("%v", err)
		return o
	}
	if r, err := OpenReadOnly(path); o.check("OpenReadOnly", path, err) {
		if d, err := r.Load(ctx); o.check("Load", path, err) {
			o.same("Load", d, p.load)
		}
		if d, err := r.LoadNodes(ctx); o.check("LoadNodes", path, err) {
			o.same("LoadNodes", d, p.nodes)
		}
		if m, err := r.Metrics(ctx); o.check("Metrics", path, err) {
			o.same("Metrics", m, p.metrics)
		}
		if l, err := r.Ingests(ctx); o.check("Ingests", path, err) {
			o.same("Ingests", l, p.ingests)
		}
		reads, err := networkReads(ctx, r, p.actors, p.projects)
		o.check("NetworkReader", path, err)
		for name, got := range reads {
			o.same(name, got, p.reads[name])
		}
		if err := r.Close(); err != nil {
			o.fail("Close after reading: %v", err)
		}
	}
	readsDetected := o.detected

	// The write of an ingest: the whole of it, or nothing.
	s, err := Open(path)
	if o.check("Open", path, err) {
		_, err = s.PutBatches(ctx, graph.InBatches(p.put, 50), graph.Upsert)
		if err == nil {
			err = s.AddIngest(ctx, p.record)
		}
		if cerr := s.Close(); err == nil && cerr != nil {
			err = cerr
		}
		if o.check("ingest", path, err) {
			if readsDetected {
				o.fail("ingest into a file whose reads failed succeeded")
			}
			r, err := OpenReadOnly(path)
			if !o.check("OpenReadOnly after the ingest", path, err) {
				o.fail("the file does not open after an ingest that succeeded")
				return o
			}
			defer r.Close()
			if d, err := r.Load(ctx); o.check("Load after the ingest", path, err) {
				o.same("Load after the ingest", d, p.afterLoad)
			} else {
				o.fail("the file does not load after an ingest that succeeded")
			}
			if l, err := r.Ingests(ctx); o.check("Ingests after the ingest", path, err) {
				o.same("Ingests after the ingest", l, p.afterLog)
			} else {
				o.fail("the ingest log does not read after an ingest that succeeded")
			}
			return o
		}
	}
	after, err := os.ReadFile(path)
	if err != nil {
		o.fail("%v", err)
	} else if !bytes.Equal(after, before) {
		o.fail("a failed ingest changed the file")
	}
	return o
}

// caseDeadline bounds each damage: a read that does not end is a failure.
const caseDeadline = 30 * time.Second

// TestDamagedStoreFiles tries every damage of damages on a store written by
// the package.
func TestDamagedStoreFiles(t *testing.T) {
	dir := t.TempDir()
	p := writePristine(t, dir)
	ds := damages(p.file, damagedPageSize)
	if testing.Short() {
		ds = ds[:0:0]
		for i, d := range damages(p.file, damagedPageSize) {
			if i%7 == 0 {
				ds = append(ds, d)
			}
		}
	}
	detected, harmless, failed := 0, 0, 0
	for i, d := range ds {
		path := filepath.Join(dir, fmt.Sprintf("damaged-%d.db", i))
		if err := os.WriteFile(path, d.file, 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan outcome, 1)
		go func() { done <- tryDamage(p, path) }()
		var o outcome
		select {
		case o = <-done:
		case <-time.After(caseDeadline):
			t.Fatalf("%s: no answer after %v", d.name, caseDeadline)
		}
		switch {
		case len(o.failures) > 0:
			failed++
			for _, f := range o.failures {
				t.Errorf("%s: %s", d.name, f)
			}
		case o.detected:
			detected++
		default:
			harmless++
		}
		os.Remove(path)
	}
	t.Logf("%d bytes (%d pages): %d damages tried, %d detected, %d harmless (read back as written), %d failed",
		len(p.file), len(p.file)/damagedPageSize, len(ds), detected, harmless, failed)
}

// FuzzStoreFile opens arbitrary bytes as a store and reads them every way:
// never a panic, and every error of a file of bbolt wraps ErrDamaged or
// ErrNotStore.
func FuzzStoreFile(f *testing.F) {
	p := writePristine(f, f.TempDir())
	f.Add(p.file)
	for i, d := range damages(p.file, damagedPageSize) {
		if i%97 == 0 {
			f.Add(d.file)
		}
	}
	f.Add([]byte("id,name\n1,Nantes\n"))
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, file []byte) {
		path := filepath.Join(t.TempDir(), "fuzz.db")
		if err := os.WriteFile(path, file, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := OpenReadOnly(path)
		if err != nil {
			if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotStore) {
				t.Fatalf("OpenReadOnly: %v wraps neither ErrDamaged nor ErrNotStore", err)
			}
			return
		}
		defer r.Close()
		var errs []error
		_, err = r.Load(ctx)
		errs = append(errs, err)
		_, err = r.Metrics(ctx)
		errs = append(errs, err)
		_, err = r.Ingests(ctx)
		errs = append(errs, err)
		_, err = networkReads(ctx, r, p.actors[:5], p.projects[:5])
		errs = append(errs, err)
		for _, err := range errs {
			if err != nil && !errors.Is(err, ErrDamaged) {
				t.Errorf("a read of a file that opened: %v does not wrap ErrDamaged", err)
			}
		}
	})
}
