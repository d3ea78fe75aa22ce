package analysis

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
)

// BenchmarkHolesEdgeList times constraint and effective size, unweighted and
// weighted, on the edge list named by ALLIANCES_BENCH_EDGES ("a\tb\tweight"
// lines). testdata/compl_bench.py writes that file and compares the time with
// NetworkX on the same graph; without the variable the benchmark is skipped.
func BenchmarkHolesEdgeList(b *testing.B) {
	path := os.Getenv("ALLIANCES_BENCH_EDGES")
	if path == "" {
		b.Skip("ALLIANCES_BENCH_EDGES not set (see testdata/compl_bench.py)")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	d := &graph.Dataset{}
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 3 {
			continue
		}
		w, err := strconv.ParseFloat(fs[2], 64)
		if err != nil {
			b.Fatal(err)
		}
		for _, id := range fs[:2] {
			if !seen[id] {
				seen[id] = true
				d.Actors = append(d.Actors, graph.Actor{ID: id, Family: graph.Families[len(id)%len(graph.Families)]})
			}
		}
		d.Links = append(d.Links, graph.Link{Source: fs[0], Target: fs[1], Weight: w})
	}
	net := graph.NewNetwork(d)
	g := newAdjacency(net)
	fp := newFamilyPartition(net)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		structuralHoles(g, fp, Options{})
		structuralHoles(g, fp, Options{Weighted: true})
	}
}
