package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/export"
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
}

func exportCommand() command {
	return command{
		name:    "export",
		summary: "write the stored network as GEXF (Gephi), GraphML, CSV or JSON",
		help: `Writes everything the store holds — actors, links, projects, participations —
in another format; 'alliances ingest' reads every one of them back. With
--with-metrics the per-actor metrics of 'alliances analyze' are added as node
attributes (GEXF, GraphML), columns (CSV) or a "metrics" object (JSON).
See docs/export.md.

Examples:
  alliances export --to gexf -o network.gexf --with-metrics
  alliances export --to graphml -o network.graphml
  alliances export --to csv -o tables/
  alliances export --to json > network.json
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
			return func(ctx context.Context, args []string) error { return runExport(ctx, o, std, args) }
		},
	}
}

func runExport(ctx context.Context, o *exportOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	switch o.to {
	case "gexf", "graphml", "json":
	case "csv":
		if o.output == "" {
			return usagef("--to csv writes four tables: give a directory with -o DIR")
		}
	case "":
		return usagef("--to is required: gexf, graphml, csv or json")
	default:
		return usagef("unknown --to %q: use gexf, graphml, csv or json", o.to)
	}
	var w io.Writer = std.out
	if o.output != "" && o.to != "csv" {
		// Checked before any work; replaces the previous file only once whole.
		f, err := outfile.Create(o.output, outputOptions(o.store))
		if err != nil {
			return err
		}
		defer f.Discard()
		w = f
	}
	d, net, err := loadNetwork(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	opts := export.Options{WithMetrics: o.withMetrics, Slice: net.Slice}
	if o.to == "csv" {
		sliceNote(std, formatCSV, o.quiet, net.Slice)
	}
	if o.withMetrics {
		if opts.Metrics, err = analysis.AnalyzeContext(ctx, net, analysis.Options{Seed: o.seed, Weighted: o.weighted}); err != nil {
			return err
		}
	}
	if o.to == "csv" {
		paths, err := export.CSV(o.output, d, opts)
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
	switch o.to {
	case "gexf":
		err = export.GEXF(w, d, opts)
	case "graphml":
		err = export.GraphML(w, d, opts)
	case "json":
		err = export.JSON(w, d, opts)
	}
	if err != nil {
		return err
	}
	if f, ok := w.(*outfile.File); ok {
		if err := f.Commit(); err != nil {
			return err
		}
		if !o.quiet {
			fmt.Fprintf(std.out, "wrote %s\n", o.output) // as map and csv: -o is a file, stdout is free
		}
	}
	return nil
}
