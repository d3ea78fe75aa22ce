package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

type analyzeOptions struct {
	storeFlags
	format    string
	seed      int64
	weighted  bool
	writeBack bool
	exact     int
}

func analyzeCommand() command {
	return command{
		name:    "analyze",
		summary: "compute centrality, complementarity, brokerage, structural holes and communities",
		help: `Computes the metrics of docs/metrics.md for every actor, for the whole network and
for every project. Ties declared in link tables and ties created by
co-participation in projects both count. Conventions follow NetworkX, so every
value can be checked against NetworkX or igraph. Undefined values are null
(JSON) or empty (CSV).

Examples:
  alliances analyze
  alliances analyze --format json > metrics.json
  alliances analyze --weighted --seed 7 --format csv > actors.csv
  alliances analyze --store neo4j://localhost:7687 --write-back`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &analyzeOptions{}
			o.bind(fs)
			fs.StringVar(&o.format, "format", formatTable, "output `format`: table, csv (per-actor) or json (actors, network, projects)")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the Louvain communities and of sampled betweenness")
			fs.BoolVar(&o.weighted, "weighted", false, "use tie weights (distance = 1/weight for path-based metrics)")
			fs.BoolVar(&o.writeBack, "write-back", false, "store the metrics as actor properties (Neo4j: queryable in Cypher)")
			fs.IntVar(&o.exact, "exact-limit", 0, "above this many actors, betweenness is estimated by sampling (0: default)")
			return func(ctx context.Context, args []string) error { return runAnalyze(ctx, o, std, args) }
		},
	}
}

func runAnalyze(ctx context.Context, o *analyzeOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if err := checkFormat(o.format); err != nil {
		return err
	}
	_, net, err := loadNetwork(ctx, o.store)
	if err != nil {
		return err
	}
	res, err := analysis.Analyze(net, analysis.Options{Weighted: o.weighted, Seed: o.seed, ExactLimit: o.exact})
	if err != nil {
		return err
	}
	if o.writeBack {
		if err := writeBack(ctx, o.store, res); err != nil {
			return err
		}
	}
	switch o.format {
	case formatJSON:
		return writeJSON(std.out, res)
	case formatCSV:
		return writeRows(std.out, formatCSV, actorHeader, actorRows(res, formatCSV))
	}
	n := res.Network
	fmt.Fprintf(std.out, "Network: %d actors, %d ties, density %s, %d component(s), largest %s of actors, %d communities (modularity %s)\n\n",
		n.Actors, n.Ties, num(n.Density, formatTable), n.Components, num(n.LargestComponentShare, formatTable),
		n.Communities, num(n.Modularity, formatTable))
	// The terminal gets the key columns; csv and json have every metric.
	keep := []int{0, 1, 2, 3, 5, 6, 8, 9, 12, 14, 15, 21}
	header := pick(actorHeader, keep)
	var rows [][]string
	for _, r := range actorRows(res, formatTable) {
		rows = append(rows, pick(r, keep))
	}
	if err := writeRows(std.out, formatTable, header, rows); err != nil {
		return err
	}
	fmt.Fprintln(std.out, "\nEvery metric: --format csv or --format json. Definitions: docs/metrics.md.")
	return nil
}

func pick(xs []string, idx []int) []string {
	out := make([]string, len(idx))
	for i, j := range idx {
		out[i] = xs[j]
	}
	return out
}

var actorHeader = []string{"id", "name", "family", "degree", "strength", "betweenness", "closeness", "harmonic",
	"eigenvector", "pagerank", "core", "clustering", "constraint", "effective_size", "ei_index",
	"partner_diversity", "brokerage_coordinator", "brokerage_itinerant", "brokerage_representative",
	"brokerage_gatekeeper", "brokerage_liaison", "community"}

func actorRows(res *analysis.Result, format string) [][]string {
	rows := make([][]string, len(res.Actors))
	for i, a := range res.Actors {
		name := a.Name
		if format == formatTable {
			name = truncate(name, 32)
		}
		b := a.Brokerage
		rows[i] = []string{a.ID, name, a.Family, strconv.Itoa(a.Degree), num(a.Strength, format),
			num(a.Betweenness, format), num(a.Closeness, format), num(a.Harmonic, format),
			num(a.Eigenvector, format), num(a.PageRank, format), strconv.Itoa(a.Core),
			num(a.Clustering, format), num(a.Constraint, format), num(a.EffectiveSize, format),
			num(a.EIIndex, format), num(a.PartnerDiversity, format),
			strconv.Itoa(b.Coordinator), strconv.Itoa(b.Itinerant), strconv.Itoa(b.Representative),
			strconv.Itoa(b.Gatekeeper), strconv.Itoa(b.Liaison), strconv.Itoa(a.Community)}
	}
	return rows
}

// writeBack stores every defined per-actor metric as an actor property.
func writeBack(ctx context.Context, location string, res *analysis.Result) error {
	s, err := openStore(ctx, location, true)
	if err != nil {
		return err
	}
	defer s.Close()
	ms := make([]graph.ActorMetrics, len(res.Actors))
	for i, a := range res.Actors {
		v := map[string]float64{
			"degree": float64(a.Degree), "core": float64(a.Core), "community": float64(a.Community),
			"brokerage_coordinator": float64(a.Brokerage.Coordinator), "brokerage_itinerant": float64(a.Brokerage.Itinerant),
			"brokerage_representative": float64(a.Brokerage.Representative), "brokerage_gatekeeper": float64(a.Brokerage.Gatekeeper),
			"brokerage_liaison": float64(a.Brokerage.Liaison),
		}
		for k, x := range map[string]analysis.Num{
			"strength": a.Strength, "betweenness": a.Betweenness, "closeness": a.Closeness, "harmonic": a.Harmonic,
			"eigenvector": a.Eigenvector, "pagerank": a.PageRank, "clustering": a.Clustering, "constraint": a.Constraint,
			"effective_size": a.EffectiveSize, "ei_index": a.EIIndex, "partner_diversity": a.PartnerDiversity,
		} {
			if x.Defined() {
				v[k] = float64(x)
			}
		}
		ms[i] = graph.ActorMetrics{ID: a.ID, Values: v}
	}
	return s.PutMetrics(ctx, ms)
}
