package report

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/ingest"
)

// BenchmarkWriteSC6 writes the report, without maps, of the Horizon 2020 SC6
// network of the notebooks (2,067 actors, 20,634 ties, 249 flagged actors):
// the cost of the report itself, apart from the analysis and the maps.
func BenchmarkWriteSC6(b *testing.B) {
	dir := filepath.Join("..", "notebooks", "data", "h2020-sc6")
	r, err := ingest.Read([]string{filepath.Join(dir, "actors.csv"), filepath.Join(dir, "projects.csv"),
		filepath.Join(dir, "participations.csv")}, ingest.Options{})
	if err != nil {
		b.Skip("SC6 data not readable:", err)
	}
	net := graph.NewNetwork(r.Dataset)
	res, err := analysis.Analyze(net, analysis.Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Network: net, Metrics: res, Isolated: analysis.Isolated(net, analysis.IsolationOptions{Suggest: 3})}
	out := b.TempDir()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Write(context.Background(), out, in, Options{Lang: "fr", Date: testDate, NoMaps: true}); err != nil {
			b.Fatal(err)
		}
	}
}
