package ingest

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
)

// benchDataset is a network of 5,000 actors, 20,000 links, 500 projects and
// 5,000 participations.
func benchDataset() *graph.Dataset {
	d := &graph.Dataset{}
	const actors, links, projects, parts = 5000, 20000, 500, 5000
	for i := 0; i < actors; i++ {
		id := fmt.Sprintf("A%05d", i)
		d.Actors = append(d.Actors, graph.Actor{ID: id, Name: fmt.Sprintf("Acteur n°%d", i),
			Family: graph.Families[i%len(graph.Families)], Country: "FR", Level: "local",
			Attrs: map[string]string{"website": "https://example.org/" + id}})
	}
	for i := 0; i < links; i++ {
		d.Links = append(d.Links, graph.Link{Source: d.Actors[i%actors].ID, Target: d.Actors[(i*7+1)%actors].ID,
			Type: "partnership", Weight: float64(1 + i%3), Directed: i%5 == 0})
	}
	for i := 0; i < projects; i++ {
		d.Projects = append(d.Projects, graph.Project{ID: fmt.Sprintf("P%04d", i), Name: "Projet", Phase: 1 + i%3,
			Dimensions: []string{"local", "inclusive"}})
	}
	for i := 0; i < parts; i++ {
		d.Participations = append(d.Participations, graph.Participation{Actor: d.Actors[(i*13)%actors].ID,
			Project: d.Projects[i%projects].ID, Role: "partner"})
	}
	return d
}

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
