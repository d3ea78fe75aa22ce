package main

import (
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/outfile"
)

type exportOptions struct {
	storeFlags
	sliceFlags
	to          string
	output      string
	withMetrics bool
	seed        int64
	weighted    bool
	twoMode     bool
	gexf        string
}

func exportCommand() command {
	return command{
		name:    "export",
		summary: "write the analysed network (or the raw data) as GEXF (Gephi), GraphML, CSV or JSON",
		help: `Writes the network that 'alliances analyze' measures: one node per actor, one
tie per pair of actors that declared a link or share a project, with the tie
weight the analysis uses and what the tie is made of (declared links and their
types, shared projects). With --with-metrics the per-actor metrics are added
as node attributes (GEXF, GraphML), columns (CSV) or a "metrics" object (JSON):
Gephi, NetworkX or igraph recompute them from the file.

With --two-mode, writes instead the raw data the store holds — actors, links,
projects and participations — which 'alliances ingest' reads back unchanged.
See docs/export.md.

Examples:
  alliances export --to gexf -o network.gexf --with-metrics
  alliances export --to gexf --gexf-version 1.3 -o network.gexf
  alliances export --to graphml -o network.graphml
  alliances export --to csv -o tables/
  alliances export --two-mode --to json > data.json
  alliances export --to gexf -o phase2.gexf --phase 2 --with-metrics

` + sliceHelp,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &exportOptions{}
			o.bind(fs)
			o.bindSlice(fs)
			fs.StringVar(&o.to, "to", "", "`format`: gexf, graphml, csv or json (required)")
			fs.StringVar(&o.output, "o", "", "output `FILE` (a directory for csv; default: standard output)")
			fs.BoolVar(&o.withMetrics, "with-metrics", false, "add the metrics of 'alliances analyze'")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the communities (with --with-metrics)")
			fs.BoolVar(&o.weighted, "weighted", false, "weighted metrics (with --with-metrics)")
			fs.BoolVar(&o.twoMode, "two-mode", false, "write the raw data (actors, links, projects, participations) instead of the analysed network")
			fs.StringVar(&o.gexf, "gexf-version", export.GEXFVersions[0], "`version` of GEXF files: 1.2 (read by every Gephi and NetworkX) or 1.3")
			return func(ctx context.Context, args []string) error { return runExport(ctx, o, std, args) }
		},
	}
}

func runExport(ctx context.Context, o *exportOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if o.to == "" {
		o.to = formatOfName(o.output)
	}
	switch o.to {
	case "gexf", "graphml", "json":
	case "csv":
		if o.output == "" {
			return usagef("--to csv writes several tables: give a directory with -o DIR")
		}
	case "":
		return usagef("--to is required (or -o FILE with the extension .gexf, .graphml or .json, optionally .gz): gexf, graphml, csv or json")
	default:
		return usagef("unknown --to %q: use gexf, graphml, csv or json", o.to)
	}
	if !slices.Contains(export.GEXFVersions, o.gexf) {
		return usagef("unknown --gexf-version %q: use %s", o.gexf, strings.Join(export.GEXFVersions, " or "))
	}
	var w io.Writer = std.out
	var file *outfile.File
	if o.output != "" && o.to != "csv" {
		// Checked before any work; replaces the previous file only once whole.
		f, err := outfile.Create(o.output, outputOptions(o.store))
		if err != nil {
			return err
		}
		defer f.Discard()
		w, file = f, f
	}
	var gz *gzip.Writer
	if strings.HasSuffix(strings.ToLower(o.output), ".gz") && o.to != "csv" {
		// A zero header (no name, no time): the same data give the same bytes.
		gz = gzip.NewWriter(w)
		w = gz
	}
	d, net, err := loadNetwork(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	opts := export.Options{WithMetrics: o.withMetrics, Slice: net.Slice, GEXFVersion: o.gexf}
	if o.to == "csv" {
		sliceNote(std, formatCSV, o.quiet, net.Slice)
	}
	if o.withMetrics {
		if opts.Metrics, err = analysis.AnalyzeContext(ctx, net, analysis.Options{Seed: o.seed, Weighted: o.weighted}); err != nil {
			return err
		}
	}
	if o.to == "csv" {
		write := export.NetworkCSV
		if o.twoMode {
			write = func(dir string, _ *graph.Network, opts export.Options) ([]string, error) {
				return export.CSV(dir, d, opts)
			}
		}
		paths, err := write(o.output, net, opts)
		if err != nil {
			return err
		}
		if !o.quiet {
			for _, p := range paths {
				fmt.Fprintf(std.out, "wrote %s\n", p)
			}
		}
		return nil
	}
	if !o.quiet && !o.twoMode && gz == nil && len(net.Ties) >= largeExport {
		fmt.Fprintf(std.err, "note: %d ties: the %s file is large (about %d MB); name it FILE.%s.gz to compress it about twentyfold (NetworkX reads .graphml.gz and .gexf.gz as they are; gunzip them for other tools), or use --to csv\n",
			len(net.Ties), o.to, len(net.Ties)*bytesPerTie[o.to]>>20, o.to)
	}
	switch {
	case o.twoMode && o.to == "gexf":
		err = export.GEXF(w, d, opts)
	case o.twoMode && o.to == "graphml":
		err = export.GraphML(w, d, opts)
	case o.twoMode:
		err = export.JSON(w, d, opts)
	case o.to == "gexf":
		err = export.NetworkGEXF(w, net, opts)
	case o.to == "graphml":
		err = export.NetworkGraphML(w, net, opts)
	default:
		err = export.NetworkJSON(w, net, opts)
	}
	if err == nil && gz != nil {
		err = gz.Close()
	}
	if err != nil {
		return err
	}
	if f := file; f != nil {
		if err := f.Commit(); err != nil {
			return err
		}
		if !o.quiet {
			fmt.Fprintf(std.out, "wrote %s\n", o.output) // as map and csv: -o is a file, stdout is free
		}
	}
	return nil
}

// largeExport is the number of ties from which export says that a graph file
// is large; bytesPerTie are the sizes of a tie of H2020 in each format
// (docs/benchmarks.md).
const largeExport = 100_000

var bytesPerTie = map[string]int{"graphml": 330, "gexf": 410, "json": 260}

// formatOfName returns the export format named by the extension of an
// output file (.gexf, .graphml, .json, optionally followed by .gz), or "".
func formatOfName(name string) string {
	base := strings.TrimSuffix(strings.ToLower(name), ".gz")
	for _, f := range []string{"gexf", "graphml", "json"} {
		if strings.HasSuffix(base, "."+f) {
			return f
		}
	}
	return ""
}
