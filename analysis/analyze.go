package analysis

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/alliances/alliances/graph"
)

// DefaultExactLimit is the number of actors above which Analyze estimates
// betweenness by sampling when Options.ExactLimit is 0.
const DefaultExactLimit = 20000

// ErrWeight is wrapped by Analyze when a tie weight is not a finite number
// of at least graph.MinWeight, or when the weights sum beyond maxTotalWeight.
var ErrWeight = errors.New("tie weight out of range")

// maxTotalWeight bounds the sum of the tie weights of a network: twice it
// squared (Louvain multiplies strengths) stays a finite float64. Links
// within graph.CheckWeight's range never reach it.
const maxTotalWeight = 1e150

// ErrDuplicateTie is wrapped by Analyze when two ties join the same pair of
// actors (graph.NewNetwork merges them into one).
var ErrDuplicateTie = errors.New("duplicate tie")

// Analyze computes every metric of docs/metrics.md on net: per actor (in the order of
// net.Actors, sorted by id), for the whole network, and per project.
// Centrality metrics follow NetworkX 2.8 defaults (see docs/metrics.md); the
// same network and options give the same Result, whatever opts.Workers.
// Betweenness is exact up to opts.ExactLimit actors (DefaultExactLimit when
// 0) and estimated by sampling above, as recorded in Result.Parameters.
func Analyze(net *graph.Network, opts Options) (*Result, error) {
	return AnalyzeContext(context.Background(), net, opts)
}

// AnalyzeContext is Analyze that gives up when ctx is cancelled, with an
// error wrapping ctx.Err(): the searches of shortest paths, which take most
// of the time on large networks, stop at their next source.
func AnalyzeContext(ctx context.Context, net *graph.Network, opts Options) (*Result, error) {
	g, err := checkedAdjacency(net)
	if err != nil {
		return nil, err
	}
	limit := opts.exactLimit()

	// Louvain is sequential: it runs beside the parallel path kernels.
	var comm []int
	var ncomm int
	louvainDone := make(chan struct{})
	var louvainPanic any
	go func() {
		defer close(louvainDone)
		defer func() { louvainPanic = recover() }()
		comm, ncomm = louvain(g, opts.Weighted, opts.Seed)
	}()
	// A panic of Louvain (a bug) is raised again here, where the command
	// line recovers it, instead of ending the process from its goroutine.
	defer func() {
		if louvainPanic != nil {
			panic(louvainPanic)
		}
	}()
	paths := shortestPathMetrics(ctx, g, opts.Weighted, opts.Workers, limit, opts.Seed)
	if err := ctx.Err(); err != nil {
		<-louvainDone
		return nil, fmt.Errorf("analysis: %w", err)
	}
	eig, _ := eigenvectorCentrality(g, opts.Weighted)
	pr, _ := pageRank(g, opts.Weighted)
	core := coreNumbers(g)
	tri := triangles(g)
	clus := clustering(g, opts.Weighted, tri)
	str := strength(g)
	cr := complementarity(net, g, opts)
	<-louvainDone

	res := &Result{
		Actors:   make([]ActorMetrics, g.n),
		Projects: cr.Projects,
		Parameters: Parameters{
			Weighted:    opts.Weighted,
			Seed:        opts.Seed,
			Betweenness: "exact",
		},
	}
	if res.Projects == nil {
		res.Projects = []ProjectMetrics{}
	}
	if paths.sampled {
		res.Parameters.Betweenness = "sampled"
		res.Parameters.Samples = paths.samples
		res.Parameters.ErrorBound = paths.errorBound
		res.Parameters.Delta = paths.delta
	}
	for v, a := range net.Actors {
		res.Actors[v] = ActorMetrics{
			ID:               a.ID,
			Name:             a.Name,
			Family:           a.Family,
			Degree:           g.degree(v),
			Strength:         Num(str[v]),
			Betweenness:      Num(paths.betweenness[v]),
			Closeness:        Num(paths.closeness[v]),
			Harmonic:         Num(paths.harmonic[v]),
			Eigenvector:      Num(eig[v]),
			PageRank:         Num(pr[v]),
			Core:             core[v],
			Clustering:       Num(clus[v]),
			Constraint:       at(cr.Constraint, v),
			EffectiveSize:    at(cr.EffectiveSize, v),
			EIIndex:          at(cr.EIIndex, v),
			PartnerDiversity: at(cr.PartnerDiversity, v),
			Community:        comm[v],
		}
		if v < len(cr.Brokerage) {
			res.Actors[v].Brokerage = cr.Brokerage[v]
		}
	}

	_, sizes := components(g)
	largest := 0
	for _, s := range sizes {
		largest = max(largest, s)
	}
	nm := NetworkMetrics{
		Actors:                    g.n,
		Ties:                      g.edges(),
		Density:                   Num(density(g.n, g.edges())),
		Components:                len(sizes),
		LargestComponentShare:     Undefined,
		Transitivity:              Num(transitivity(g, tri)),
		AverageClustering:         Undefined,
		DegreeCentralization:      Num(degreeCentralization(g)),
		BetweennessCentralization: Num(betweennessCentralization(paths.betweenness)),
		DegreeAssortativity:       Num(degreeAssortativity(g)),
		FamilyAssortativity:       cr.FamilyAssortativity,
		EIIndex:                   cr.EI,
		Modularity:                Num(modularity(g, opts.Weighted, comm, ncomm)),
		Communities:               ncomm,
	}
	if g.n > 0 {
		nm.LargestComponentShare = Num(float64(largest) / float64(g.n))
		var sum float64
		for _, c := range clus {
			sum += c
		}
		nm.AverageClustering = Num(sum / float64(g.n))
	}
	if nm.EIIndex.Families == nil {
		nm.EIIndex.Families = map[string]Num{}
	}
	res.Network = nm
	return res, nil
}

// checkedAdjacency returns the adjacency of net after checking that its ties
// have positive finite weights and join distinct pairs.
func checkedAdjacency(net *graph.Network) (*adjacency, error) {
	if net == nil {
		return nil, errors.New("analysis: nil network")
	}
	total := 0.0
	for _, t := range net.Ties {
		if !(t.Weight >= graph.MinWeight) || math.IsInf(t.Weight, 0) {
			return nil, fmt.Errorf("analysis: tie %s–%s has weight %v (at least %g): %w; correct it in the data and ingest again",
				t.A, t.B, t.Weight, graph.MinWeight, ErrWeight)
		}
		total += t.Weight
	}
	if !(total <= maxTotalWeight) {
		return nil, fmt.Errorf("analysis: the tie weights sum to %v, beyond %g: %w; links weigh at most %g: correct the data and ingest again",
			total, maxTotalWeight, ErrWeight, graph.MaxWeight)
	}
	g := newAdjacency(net)
	for v := range g.n {
		nb, _ := g.neighbours(v)
		for k := 1; k < len(nb); k++ {
			if nb[k] == nb[k-1] {
				return nil, fmt.Errorf("analysis: ties %s–%s: %w", net.Actors[v].ID, net.Actors[nb[k]].ID, ErrDuplicateTie)
			}
		}
	}
	return g, nil
}

// exactLimit is opts.ExactLimit, or DefaultExactLimit when 0.
func (opts Options) exactLimit() int {
	if opts.ExactLimit <= 0 {
		return DefaultExactLimit
	}
	return opts.ExactLimit
}

// at returns xs[i], or Undefined when xs is too short.
func at(xs []Num, i int) Num {
	if i < len(xs) {
		return xs[i]
	}
	return Undefined
}
