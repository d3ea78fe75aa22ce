package export

import (
	"fmt"
	"io"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// bigDataset is a network the size of a large national survey: 5,000 actors,
// 20,000 links, 500 projects and 5,000 participations, with metrics.
func bigDataset() (*graph.Dataset, *analysis.Result) {
	d := &graph.Dataset{}
	res := &analysis.Result{}
	const actors, links, projects, parts = 5000, 20000, 500, 5000
	for i := 0; i < actors; i++ {
		id := fmt.Sprintf("A%05d", i)
		d.Actors = append(d.Actors, graph.Actor{ID: id, Name: fmt.Sprintf("Acteur n°%d", i),
			Family: graph.Families[i%len(graph.Families)], Country: "FR", Level: "local",
			Attrs: map[string]string{"website": "https://example.org/" + id}})
		res.Actors = append(res.Actors, analysis.ActorMetrics{ID: id, Degree: i % 17,
			Betweenness: analysis.Num(float64(i) / actors), Constraint: analysis.Undefined})
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
