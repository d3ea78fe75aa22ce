package embedded

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/alliances/alliances/graph"
)

// stream returns, as graph.Batches of parts of 5,000 records, a synthetic
// sorted dataset with n links (n/5 actors, n/50 projects, n/5
// participations) that it makes up as it goes, so that the source itself
// holds no more than one part in memory.
func stream(n int) graph.Batches {
	actors, projects := max(n/5, 7), max(n/50, 1)
	const size = 5000
	types := []string{"agreement", "funding", "partnership"}
	return func(yield func(*graph.Dataset) error) error {
		part := &graph.Dataset{}
		count := 0
		flush := func(force bool) error {
			if count < size && !(force && count > 0) {
				return nil
			}
			err := yield(part)
			part.Actors, part.Projects, part.Links, part.Participations =
				part.Actors[:0], part.Projects[:0], part.Links[:0], part.Participations[:0]
			count = 0
			return err
		}
		actor := func(i int) string { return fmt.Sprintf("a%07d", i) }
		for i := range actors {
			part.Actors = append(part.Actors, graph.Actor{
				ID: actor(i), Name: fmt.Sprintf("Acteur n°%d", i), Family: graph.Families[i%len(graph.Families)],
				Country: "FR", Territory: fmt.Sprintf("Territoire %d", i%97), Level: graph.Levels[i%len(graph.Levels)],
				Attrs:  map[string]string{"rang": strconv.Itoa(i)},
				Origin: graph.Provenance{File: "acteurs.csv", Line: i + 2},
			})
			count++
			if err := flush(false); err != nil {
				return err
			}
		}
		for i := range projects {
			part.Projects = append(part.Projects, graph.Project{
				ID: fmt.Sprintf("p%06d", i), Name: fmt.Sprintf("Projet %d", i), Programme: fmt.Sprintf("Programme %d", i/4),
				Phase: i%4 + 1, Start: "2015", End: "2018", Dimensions: []string{"development"}, Targets: []string{"youth"},
				Origin: graph.Provenance{File: "projets.csv", Line: i + 2},
			})
			count++
			if err := flush(false); err != nil {
				return err
			}
		}
		// Links from each actor to the next ones, keys in order: source <
		// target, then type.
		links := 0
		for i := 0; links < n && i < actors-1; i++ {
			for d := 1; d <= 6 && i+d < actors && links < n; d++ {
				part.Links = append(part.Links, graph.Link{
					Source: actor(i), Target: actor(i + d), Type: types[d%len(types)], Weight: float64(d),
					Start: strconv.Itoa(2000 + d), Origin: graph.Provenance{File: "liens.csv", Line: links + 2},
				})
				links++
				count++
				if err := flush(false); err != nil {
					return err
				}
			}
		}
		for i := range n / 5 {
			part.Participations = append(part.Participations, graph.Participation{
				Actor: actor(i % actors), Project: fmt.Sprintf("p%06d", i*7%projects), Role: "partner",
				Origin: graph.Provenance{File: "participations.csv", Line: i + 2},
			})
			count++
			if err := flush(false); err != nil {
				return err
			}
		}
		return flush(true)
	}
}

// peakHeap samples the bytes of live and unswept heap objects until stop is
// called, which returns the highest value seen, in MiB.
func peakHeap() (stop func() float64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() float64 {
		close(done)
		wg.Wait()
		return float64(peak) / (1 << 20)
	}
}

// BenchmarkPutBatches measures PutBatches of a stream of n links (and n/5
// actors, n/50 projects, n/5 participations) into a new store ("new"), and
// into a store that holds the same data with every link weight changed
// ("update"), and into a store that holds the same data ("same", which
// writes nothing), reporting the peak heap: it must not grow with n, unlike the
// heap of Put (BenchmarkPutPeak):
//
//	go test ./graph/embedded -run '^$' -bench 'Put(Batches|Peak)' -benchtime 1x
func BenchmarkPutBatches(b *testing.B) {
	for _, n := range []int{250_000, 1_000_000} {
		for _, kind := range []string{"new", "update", "same"} {
			b.Run(fmt.Sprintf("links=%d/%s", n, kind), func(b *testing.B) {
				var peak float64
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
					if err != nil {
						b.Fatal(err)
					}
					switch kind {
					case "update":
						_, err = s.PutBatches(context.Background(), reweighted(stream(n)), graph.Upsert)
					case "same":
						_, err = s.PutBatches(context.Background(), stream(n), graph.Upsert)
					}
					if err != nil {
						b.Fatal(err)
					}
					stop := peakHeap()
					b.StartTimer()
					res, err := s.PutBatches(context.Background(), stream(n), graph.Upsert)
					changed := res.Changed
					b.StopTimer()
					peak = max(peak, stop())
					if err != nil || changed != (kind != "same") {
						b.Fatalf("PutBatches (%s): changed %v, error %v", kind, changed, err)
					}
					s.Close()
					b.StartTimer()
				}
				b.ReportMetric(peak, "peak-MiB")
			})
		}
	}
}

// reweighted returns b with the weight of every link doubled.
func reweighted(b graph.Batches) graph.Batches {
	return func(yield func(*graph.Dataset) error) error {
		return b(func(part *graph.Dataset) error {
			for i := range part.Links {
				part.Links[i].Weight *= 2
			}
			return yield(part)
		})
	}
}

// BenchmarkPutPeak measures Put of the same data as BenchmarkPutBatches,
// gathered in one dataset, with its peak heap.
func BenchmarkPutPeak(b *testing.B) {
	for _, n := range []int{250_000, 1_000_000} {
		b.Run(fmt.Sprintf("links=%d", n), func(b *testing.B) {
			var peak float64
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s, err := Open(filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				stop := peakHeap()
				b.StartTimer()
				// Gathering the parts is part of the cost, as it was of the
				// ingest before PutBatches.
				d, err := gather(stream(n))
				if err == nil {
					err = s.Put(context.Background(), d)
				}
				b.StopTimer()
				peak = max(peak, stop())
				if err != nil {
					b.Fatal(err)
				}
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(peak, "peak-MiB")
		})
	}
}
