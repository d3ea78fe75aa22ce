package main

import (
	"context"
	"flag"
	"fmt"
	"slices"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

type analyzeOptions struct {
	storeFlags
	sliceFlags
	format    string
	seed      int64
	weighted  bool
	writeBack bool
	exact     int
	workers   int
	sort      string
	top       int
	columns   string
}

func analyzeCommand() command {
	return command{
		name:    "analyze",
		aliases: []string{"analyse"},
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
  alliances analyze --sort betweenness --top 20
  alliances analyse --sort pagerank --top 10 --columns name,family,pagerank,degree
  alliances analyze --phase 2 --programme "Coopération Loire-Atlantique – Souss-Massa"
  alliances analyze --period 2018: --role lead,partner --format json
  alliances analyze --store neo4j://localhost:7687 --write-back

` + sliceHelp,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &analyzeOptions{}
			o.bind(fs)
			o.bindSlice(fs)
			fs.StringVar(&o.format, "format", formatTable, "output `format`: table, csv (per-actor) or json (actors, network, projects)")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the Louvain communities and of sampled betweenness")
			fs.BoolVar(&o.weighted, "weighted", false, "use tie weights (distance = 1/weight for path-based metrics)")
			fs.BoolVar(&o.writeBack, "write-back", false, "store the metrics as actor properties (Neo4j: queryable in Cypher)")
			fs.IntVar(&o.exact, "exact-limit", 0, "above this many actors, betweenness is estimated by sampling (0: default)")
			fs.IntVar(&o.workers, "workers", 0, "goroutines of the path kernels (0: one per core); the results do not depend on it")
			fs.StringVar(&o.sort, "sort", "", "order the actors by this `METRIC` (largest first; id, name, family alphabetically); default: by id")
			fs.IntVar(&o.top, "top", 0, "keep the first `N` actors of --sort, and those tied with the last one (0: all)")
			fs.StringVar(&o.columns, "columns", "", "comma list of the `COLUMNS` of the table or CSV (id comes first), e.g. name,family,degree,betweenness")
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
	if o.sort != "" {
		if _, err := checkColumn("--sort", o.sort); err != nil {
			return err
		}
	}
	switch {
	case o.top < 0:
		return usagef("--top must be 0 or more")
	case o.top > 0 && o.sort == "":
		return usagef("--top needs --sort METRIC: the top of which measure? e.g. --sort betweenness --top 20")
	}
	var columns []string
	if o.columns != "" {
		if o.format == formatJSON {
			return usagef("--columns applies to --format table and csv; JSON has every metric")
		}
		var err error
		if columns, err = parseColumns(o.columns); err != nil {
			return err
		}
	}
	if o.writeBack && !o.slice.IsZero() {
		return usagef("--write-back stores the metrics of the whole network as actor properties; a slice would overwrite them with the metrics of a part: drop the slice flags, or use --format json")
	}
	_, net, err := loadNetwork(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	res, err := analysis.AnalyzeContext(ctx, net, analysis.Options{Weighted: o.weighted, Seed: o.seed, ExactLimit: o.exact, Workers: o.workers})
	if err != nil {
		return err
	}
	if o.writeBack {
		if err := writeBack(ctx, o.store, res); err != nil {
			return err
		}
		if !o.quiet {
			fmt.Fprintf(std.err, "stored the metrics of %d actors in %s\n", len(res.Actors), o.store)
		}
	}
	if o.sort != "" {
		sortActors(res, o.sort, o.top)
	}
	switch o.format {
	case formatJSON:
		return writeSliceJSON(std.out, net.Slice, "", res)
	case formatCSV:
		sliceNote(std, o.format, o.quiet, net.Slice)
		if columns == nil {
			columns = actorHeader
		}
		return writeRows(std.out, formatCSV, columns, pickColumns(actorRows(res, formatCSV), columns))
	}
	sliceNote(std, o.format, o.quiet, net.Slice)
	n := res.Network
	fmt.Fprintf(std.out, "Network: %d actors, %d ties, density %s, %d component(s), largest %s of actors, %d communities (modularity %s)\n\n",
		n.Actors, n.Ties, num(n.Density, formatTable), n.Components, num(n.LargestComponentShare, formatTable),
		n.Communities, num(n.Modularity, formatTable))
	// The terminal gets the key columns (and the one sorted by); csv and
	// json have every metric.
	if columns == nil {
		columns = slices.Clone(defaultTableColumns)
		if o.sort != "" && !slices.Contains(columns, o.sort) {
			columns = slices.Insert(columns, 3, o.sort)
		}
	}
	if o.top > 0 {
		fmt.Fprintf(std.out, "The %d actor(s) with the largest %s (--top %d, ties at the cut kept):\n\n", len(res.Actors), o.sort, o.top)
	}
	if err := writeRows(std.out, formatTable, columns, pickColumns(actorRows(res, formatTable), columns)); err != nil {
		return err
	}
	fmt.Fprintln(std.out, "\nEvery metric: --format csv or --format json. Definitions: docs/metrics.md.")
	return nil
}

// pickColumns returns the given columns of rows of the per-actor table.
func pickColumns(rows [][]string, columns []string) [][]string {
	idx := make([]int, len(columns))
	for i, c := range columns {
		idx[i] = slices.Index(actorHeader, c)
	}
	out := make([][]string, len(rows))
	for r, row := range rows {
		out[r] = make([]string, len(idx))
		for i, j := range idx {
			out[r][i] = row[j]
		}
	}
	return out
}

// actorHeader is the header of the per-actor table: id, name, family and
// every column of analysis.ActorColumns.
var actorHeader = append([]string{"id", "name", "family"}, analysis.ActorColumnNames()...)

func actorRows(res *analysis.Result, format string) [][]string {
	cols := analysis.ActorColumns()
	rows := make([][]string, len(res.Actors))
	for i := range res.Actors {
		a := &res.Actors[i]
		name := a.Name
		if format == formatTable {
			name = truncate(name, 32)
		}
		row := append(make([]string, 0, 3+len(cols)), a.ID, name, a.Family)
		for _, c := range cols {
			if c.Integer {
				row = append(row, c.Text(a))
			} else {
				row = append(row, num(c.Value(a), format))
			}
		}
		rows[i] = row
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
	cols := analysis.ActorColumns()
	ms := make([]graph.ActorMetrics, len(res.Actors))
	for i := range res.Actors {
		a := &res.Actors[i]
		v := make(map[string]float64, len(cols))
		for _, c := range cols {
			if x := c.Value(a); x.Defined() {
				v[c.Name] = float64(x)
			}
		}
		ms[i] = graph.ActorMetrics{ID: a.ID, Values: v}
	}
	return s.PutMetrics(ctx, ms)
}
