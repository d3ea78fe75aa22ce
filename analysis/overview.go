package analysis

import (
	"context"
	"fmt"
	"runtime"

	"github.com/alliances/alliances/graph"
)

// Overview is the part of the analysis of a network that comparing slices
// needs (package compare): the network counts, density, components and E-I
// index, and the degree and betweenness of every actor, each computed as
// Analyze computes it, without the other metrics.
type Overview struct {
	// Network has Actors, Ties, Density, Components, LargestComponentShare
	// and EIIndex; the other fields are left undefined (NaN, 0).
	Network NetworkMetrics
	// Degree and Betweenness are in the order of the network's actors.
	Degree      []int
	Betweenness []Num
	Parameters  Parameters
}

// OverviewContext computes the Overview of net with opts (Weighted, Seed,
// ExactLimit, Workers), giving up when ctx is cancelled.
func OverviewContext(ctx context.Context, net *graph.Network, opts Options) (*Overview, error) {
	g, err := checkedAdjacency(net)
	if err != nil {
		return nil, err
	}
	var paths pathMetrics
	if sampledBetweenness(g, opts.Weighted, opts.exactLimit()) {
		// As Analyze, without the bit-parallel searches of closeness.
		workers := opts.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		paths.betweenness = make([]float64, g.n)
		src, pairs := paths.drawSamples(g, opts.Seed)
		copy(paths.betweenness, sampledBetweennessHops(ctx, g, src, pairs, workers))
		paths.scaleBetweenness(g.n)
	} else {
		paths = shortestPathMetrics(ctx, g, opts.Weighted, opts.Workers, opts.exactLimit(), opts.Seed)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("analysis: %w", err)
	}
	o := &Overview{
		Degree:      make([]int, g.n),
		Betweenness: make([]Num, g.n),
		Parameters:  Parameters{Weighted: opts.Weighted, Seed: opts.Seed, Betweenness: "exact"},
	}
	if paths.sampled {
		o.Parameters.Betweenness = "sampled"
		o.Parameters.Samples, o.Parameters.ErrorBound, o.Parameters.Delta = paths.samples, paths.errorBound, paths.delta
	}
	for v := range g.n {
		o.Degree[v] = g.degree(v)
		o.Betweenness[v] = Num(paths.betweenness[v])
	}
	_, sizes := components(g)
	largest := 0
	for _, s := range sizes {
		largest = max(largest, s)
	}
	o.Network = NetworkMetrics{
		Actors: g.n, Ties: g.edges(), Density: Num(density(g.n, g.edges())), Components: len(sizes),
		LargestComponentShare: Undefined, Transitivity: Undefined, AverageClustering: Undefined,
		DegreeCentralization: Undefined, BetweennessCentralization: Undefined, DegreeAssortativity: Undefined,
		FamilyAssortativity: Undefined, Modularity: Undefined,
		EIIndex: eiByGroup(g, newFamilyPartition(net)),
	}
	if g.n > 0 {
		o.Network.LargestComponentShare = Num(float64(largest) / float64(g.n))
	}
	return o, nil
}
