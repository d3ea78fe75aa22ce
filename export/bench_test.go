package export

import (
	"io"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// bigDataset is a network the size of a large national survey: 5,000 actors,
// 20,000 links, 500 projects and 5,000 participations, with metrics.
func bigDataset() (*graph.Dataset, *analysis.Result) {
	const actors = 5000
	d := storetest.Generate(actors, 20000, 500, 5000)
	res := &analysis.Result{}
	for i, a := range d.Actors {
		res.Actors = append(res.Actors, analysis.ActorMetrics{ID: a.ID, Degree: i % 17,
			Betweenness: analysis.Num(float64(i) / actors), Constraint: analysis.Undefined})
	}
	return d, res
}

func BenchmarkWriters(b *testing.B) {
	d, res := bigDataset()
	opts := Options{WithMetrics: true, Metrics: res}
	for name, write := range writers {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := write(io.Discard, d, opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("csv", func(b *testing.B) {
		b.ReportAllocs()
		dir := b.TempDir()
		for b.Loop() {
			if _, err := CSV(dir, d, opts); err != nil {
				b.Fatal(err)
			}
		}
	})
}
