package analysis

import (
	"context"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph/network"
)

// The benchmarks run on a stochastic block model of 10,000 actors, 40,000
// ties and 4 families, the size of the issue-4 target (bench/analysis.sh
// compares the same work with igraph and NetworkX).
var benchNet = sync.OnceValue(func() *adjacency { return newAdjacency(blockNetwork(10000, 40000, 4, 8, 1)) })

func BenchmarkAnalyze10k(b *testing.B) {
	net := blockNetwork(10000, 40000, 4, 8, 1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Analyze(net, Options{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkShortestPaths10k(b *testing.B) {
	g := benchNet()
	for _, weighted := range []bool{false, true} {
		name := "hops"
		if weighted {
			name = "weighted"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				shortestPathMetrics(context.Background(), g, weighted, 0, DefaultExactLimit, 1)
			}
		})
	}
}

func BenchmarkSampledBetweenness10k(b *testing.B) {
	g := benchNet()
	b.ReportAllocs()
	for b.Loop() {
		shortestPathMetrics(context.Background(), g, false, 0, 1000, 1)
	}
}

func BenchmarkLouvain10k(b *testing.B) {
	g := benchNet()
	b.ReportAllocs()
	for b.Loop() {
		louvain(g, false, 1)
	}
}

func BenchmarkSpectral10k(b *testing.B) {
	g := benchNet()
	b.ReportAllocs()
	for b.Loop() {
		eigenvectorCentrality(g, false)
		pageRank(g, false)
	}
}

func BenchmarkLocal10k(b *testing.B) {
	g := benchNet()
	b.ReportAllocs()
	for b.Loop() {
		tri := triangles(g)
		clustering(g, false, tri)
		coreNumbers(g)
		components(g)
	}
}

// BenchmarkBetweenness2k compares the CSR Brandes kernel (one worker, with
// closeness and harmonic centrality from the same passes) with gonum's
// generic network.Betweenness on the same 2,000-actor network.
func BenchmarkBetweenness2k(b *testing.B) {
	g := newAdjacency(blockNetwork(2000, 8000, 4, 8, 1))
	b.Run("csr", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			shortestPathMetrics(context.Background(), g, false, 1, DefaultExactLimit, 1)
		}
	})
	b.Run("gonum", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			network.Betweenness(gonumView{g: g})
		}
	})
}
