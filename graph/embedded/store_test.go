package embedded

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

func openTemp(t *testing.T) graph.Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "alliances.db"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, openTemp)
}

func TestQueries(t *testing.T) {
	storetest.RunQueries(t, openTemp)
}

func TestReader(t *testing.T) {
	storetest.RunReader(t, openTemp)
}

func TestReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alliances.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Put(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if err := s.PutMetrics(ctx, []graph.ActorMetrics{{ID: "nantes", Values: map[string]float64{"degree": 6}}}); err != nil {
		t.Fatal(err)
	}
	want, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Actors) != len(want.Actors) || len(got.Links) != len(want.Links) ||
		len(got.Projects) != len(want.Projects) || len(got.Participations) != len(want.Participations) {
		t.Errorf("after reopening: %d actors, %d links, %d projects, %d participations; want %d, %d, %d, %d",
			len(got.Actors), len(got.Links), len(got.Projects), len(got.Participations),
			len(want.Actors), len(want.Links), len(want.Projects), len(want.Participations))
	}
	m, err := s.Metrics(ctx)
	if err != nil || len(m) != 1 || m[0].Values["degree"] != 6 {
		t.Errorf("metrics after reopening: %+v, %v", m, err)
	}
}

func TestLockedFile(t *testing.T) {
	defer func(d time.Duration) { lockTimeout = d }(lockTimeout)
	lockTimeout = 200 * time.Millisecond
	path := filepath.Join(t.TempDir(), "alliances.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = Open(path)
	if err == nil {
		t.Fatal("opening a file held open by another store succeeded")
	}
	if !errors.Is(err, graph.ErrUnreachable) {
		t.Errorf("error %q does not wrap graph.ErrUnreachable", err)
	}
	if !strings.Contains(err.Error(), "in use") {
		t.Errorf("error %q does not say that the file is in use", err)
	}
	if d := time.Since(start); d > 5*lockTimeout {
		t.Errorf("Open waited %v for a locked file", d)
	}
}

// TestReadersShareTheStore checks that several commands can read one store at
// once (analyze in one terminal, map in another), that a writer waits for
// them, and that a read-only store refuses writes.
func TestReadersShareTheStore(t *testing.T) {
	defer func(d time.Duration) { lockTimeout = d }(lockTimeout)
	lockTimeout = 200 * time.Millisecond
	path := filepath.Join(t.TempDir(), "alliances.db")
	if _, err := OpenReadOnly(path); err == nil {
		t.Fatal("OpenReadOnly of a missing file succeeded")
	}
	w, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d := &graph.Dataset{Actors: []graph.Actor{{ID: "a", Name: "Alpha"}}}
	if err := w.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	w.Close()
	r1, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("a second reader: %v", err)
	}
	defer r2.Close()
	for _, r := range []*Store{r1, r2} {
		got, err := r.Load(context.Background())
		if err != nil || len(got.Actors) != 1 {
			t.Fatalf("Load: %v, %+v", err, got)
		}
	}
	if err := r1.Put(context.Background(), d); err == nil {
		t.Error("Put on a read-only store succeeded")
	}
	if _, err := Open(path); !errors.Is(err, graph.ErrUnreachable) {
		t.Errorf("a writer while readers hold the store: %v, want ErrUnreachable", err)
	}
}

func TestNotAStore(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("other")); return err }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	cases := map[string]string{
		"csv file":        write("acteurs.csv", []byte("id;nom;famille\nnantes;Ville de Nantes;collectivite\n")),
		"large text file": write("big.txt", []byte(strings.Repeat("Ceci n'est pas une base de données.\n", 2000))),
		"zeros":           write("zeros.db", make([]byte, 1<<16)),
		"other bbolt db":  foreign,
	}
	for name, path := range cases {
		t.Run(name, func(t *testing.T) {
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrNotStore) {
				t.Errorf("error %q does not wrap ErrNotStore", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			if strings.Contains(err.Error(), "file size too small") && !strings.Contains(err.Error(), "not written by alliances ingest") {
				t.Errorf("error %q gives bbolt's words only", err)
			}
		})
	}
}

func TestUnreachablePath(t *testing.T) {
	dir := t.TempDir()
	for name, path := range map[string]string{
		"missing directory": filepath.Join(dir, "nowhere", "alliances.db"),
		"directory":         dir,
	} {
		t.Run(name, func(t *testing.T) {
			s, err := Open(path)
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, graph.ErrUnreachable) {
				t.Errorf("error %q does not wrap graph.ErrUnreachable", err)
			}
			if name == "missing directory" && !strings.Contains(err.Error(), "directory "+filepath.Join(dir, "nowhere")+" does not exist") {
				t.Errorf("error %q does not name the missing directory", err)
			}
		})
	}
}

func TestOtherSchema(t *testing.T) {
	for _, c := range []struct{ schema, want string }{{"99", "newer version"}, {"1", "older version"}} {
		path := filepath.Join(t.TempDir(), "alliances.db")
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket(bucketMeta).Put(keySchema, []byte(c.schema))
		}); err != nil {
			t.Fatal(err)
		}
		s.Close()
		_, err = Open(path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("opening a store of schema %s: error %v, want one saying %q", c.schema, err, c.want)
		}
	}
}

// TestDuplicateKeysInOnePut: of records with the same key in one Put, the last
// one wins, as in graph.Dataset.Merge.
func TestDuplicateKeysInOnePut(t *testing.T) {
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	d := &graph.Dataset{
		Actors: []graph.Actor{{ID: "a", Name: "first"}, {ID: "b"}, {ID: "a", Name: "second"}},
		Links: []graph.Link{
			{Source: "a", Target: "b", Weight: 1},
			{Source: "b", Target: "a", Weight: 2},
		},
	}
	if err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Actors) != 2 || got.Actors[0].Name != "second" {
		t.Errorf("actors %+v, want a named second, and b", got.Actors)
	}
	if len(got.Links) != 1 || got.Links[0].Weight != 2 || got.Links[0].Source != "b" {
		t.Errorf("links %+v, want the link b–a of weight 2", got.Links)
	}
}

// BenchmarkPut measures one Put of a synthetic dataset with n links (n/5
// actors, n/50 projects, n/5 participations) into a new store, the
// product's ingest target being 1,000,000 links in under 15 s and 1 GiB:
//
//	go test ./graph/embedded -run '^$' -bench 'Put/links=1000000' -benchtime 1x -benchmem
func BenchmarkPut(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run("links="+strconv.Itoa(n), func(b *testing.B) {
			d := storetest.Generate(n/5, n, n/50, n/5)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := s.Put(context.Background(), d); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
		})
	}
}

// BenchmarkLoad measures Load of a store holding n links.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run("links="+strconv.Itoa(n), func(b *testing.B) {
			s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if err := s.Put(context.Background(), storetest.Generate(n/5, n, n/50, n/5)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := s.Load(context.Background()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCodecEveryField fills every field of every record type by reflection
// and checks that it survives a Put and a Load: a field added to a record of
// package graph fails here until the codec writes it.
func TestCodecEveryField(t *testing.T) {
	d := &graph.Dataset{
		Actors:         []graph.Actor{fill[graph.Actor](t, 1)},
		Projects:       []graph.Project{fill[graph.Project](t, 2)},
		Links:          []graph.Link{fill[graph.Link](t, 3)},
		Participations: []graph.Participation{fill[graph.Participation](t, 4)},
	}
	s := openTemp(t)
	defer s.Close()
	if err := s.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("a field did not survive Put and Load:\n got %+v\nwant %+v", got, d)
	}
}

// fill returns a T with every field set to a value that is not zero, derived
// from seed.
func fill[T any](t *testing.T, seed int) T {
	var x T
	fillValue(t, reflect.ValueOf(&x).Elem(), &seed)
	return x
}

func fillValue(t *testing.T, v reflect.Value, seed *int) {
	*seed++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("v%d-é", *seed))
	case reflect.Int:
		v.SetInt(int64(-*seed * 1001))
	case reflect.Float64:
		v.SetFloat(float64(*seed) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fillValue(t, s.Index(i), seed)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 2; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fillValue(t, k, seed)
			fillValue(t, e, seed)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fillValue(t, v.Field(i), seed)
		}
	default:
		t.Fatalf("fill: no value for a field of kind %s: teach the codec and this test", v.Kind())
	}
}

func TestDamagedValue(t *testing.T) {
	s := openTemp(t).(*Store)
	defer s.Close()
	ctx := context.Background()
	if err := s.Put(ctx, storetest.Fixture()); err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(tx *bolt.Tx) error {
		return table(tx, bucketLinks).Put([]byte("x\x00y\x00\x00u"), []byte{200})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Load of a damaged link: error %v, want one saying it is damaged", err)
	}
}
