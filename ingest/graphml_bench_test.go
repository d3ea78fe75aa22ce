package ingest

import (
	"bytes"
	"io"
	"testing"

	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// benchDataset is a network of 5,000 actors, 20,000 links, 500 projects and
// 5,000 participations.
func benchDataset() *graph.Dataset { return storetest.Generate(5000, 20000, 500, 5000) }

// BenchmarkReaders reads the exports of benchDataset in each format.
func BenchmarkReaders(b *testing.B) {
	d := benchDataset()
	for _, f := range []struct {
		name  string
		write func(io.Writer, *graph.Dataset, export.Options) error
		read  func(io.Reader, string) (*graph.Dataset, []Problem)
	}{
		{"graphml", export.GraphML, readGraphML},
		{"gexf", export.GEXF, readGEXF},
		{"json", export.JSON, readJSON},
	} {
		var buf bytes.Buffer
		if err := f.write(&buf, d, export.Options{}); err != nil {
			b.Fatal(err)
		}
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				got, probs := f.read(bytes.NewReader(buf.Bytes()), "bench")
				if len(probs) > 0 || len(got.Links) != len(d.Links) {
					b.Fatalf("%d problems, %d links", len(probs), len(got.Links))
				}
			}
		})
	}
}
