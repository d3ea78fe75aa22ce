package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sort"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/ingest"
	"github.com/alliances/alliances/report"
)

type reportOptions struct {
	storeFlags
	output   string
	lang     string
	date     string
	seed     int64
	weighted bool
	suggest  int
	title    string
	engine   string
	mapping  string
	mapFlag  string
	top      int
	noMaps   bool
	source   string
}

func reportCommand() command {
	return command{
		name:    "report",
		summary: "write a report (HTML and Markdown, French or English) with maps and tables",
		help: `Writes DIR/report.html (self-contained, maps inline, prints well to PDF),
DIR/report.md with its map files, and the tables as CSV and JSON. Sections: data
and validation warnings, overview, key actors, complementarity, alliances and
projects, isolated actors with suggested partners, methods (definitions,
parameters, seed, input file hashes, version). The same data, seed and --date
give byte-identical files. See docs/reports.md.

Examples:
  alliances report -o rapport --lang fr
  alliances report -o report --lang en --date 2026-01-15 --seed 7`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &reportOptions{}
			o.bind(fs)
			fs.StringVar(&o.output, "o", "", "output `DIR` (required)")
			fs.StringVar(&o.lang, "lang", "en", "report language: en or fr")
			fs.StringVar(&o.date, "date", "", "report date `YYYY-MM-DD` (default: today)")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the communities and of the map layouts")
			fs.BoolVar(&o.weighted, "weighted", false, "use tie weights in the metrics")
			fs.IntVar(&o.suggest, "suggest", 3, "suggested partners per isolated actor")
			fs.StringVar(&o.title, "title", "", "report title")
			fs.StringVar(&o.mapping, "mapping", "", "the column mapping `FILE` the data were ingested with, to list validation warnings")
			fs.StringVar(&o.mapFlag, "map", "", "the inline column mapping the data were ingested with")
			fs.IntVar(&o.top, "top", 10, "rows of the key-actor tables")
			fs.BoolVar(&o.noMaps, "no-maps", false, "leave the maps out (faster on large networks)")
			fs.StringVar(&o.source, "source", "", "data source named in the report and captions (default: the store)")
			fs.StringVar(&o.engine, "engine", "auto", "Graphviz engine for the maps: auto, embedded or native")
			return func(ctx context.Context, args []string) error { return runReport(ctx, o, std, args) }
		},
	}
}

func runReport(ctx context.Context, o *reportOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if o.output == "" {
		return usagef("-o DIR is required")
	}
	if o.lang != "en" && o.lang != "fr" {
		return usagef("--lang %q: use en or fr", o.lang)
	}
	date, err := parseDate(o.date)
	if err != nil {
		return err
	}
	d, net, err := loadNetwork(ctx, o.store)
	if err != nil {
		return err
	}
	m, err := loadMapping(o.mapping, o.mapFlag)
	if err != nil {
		return err
	}
	in, err := reportInput(ctx, d, net, analysis.Options{Seed: o.seed, Weighted: o.weighted}, o.suggest, m)
	if err != nil {
		return err
	}
	in.Source = o.source
	if in.Source == "" {
		in.Source = o.store
	}
	paths, err := report.Write(ctx, o.output, in, report.Options{
		Lang: o.lang, Date: date, Seed: o.seed, Version: version, Title: o.title, Engine: o.engine,
		TopN: o.top, NoMaps: o.noMaps,
	})
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(std.out, "wrote %d files in %s (open %s/report.html)\n", len(paths), o.output, o.output)
	}
	return nil
}

// reportInput analyses the network and gathers what the methods and data
// sections need: the files the data came from (from the provenance of every
// record), their hashes and validation warnings when they can still be read.
func reportInput(ctx context.Context, d *graph.Dataset, net *graph.Network, opts analysis.Options, suggest int, m *ingest.Mapping) (report.Input, error) {
	res, err := analysis.AnalyzeContext(ctx, net, opts)
	if err != nil {
		return report.Input{}, err
	}
	in := report.Input{
		Network:  net,
		Metrics:  res,
		Isolated: analysis.Isolated(net, analysis.IsolationOptions{Suggest: suggest}),
	}
	files := sourceFiles(d)
	var readable []string
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			readable = append(readable, f)
		} else if errors.Is(err, fs.ErrNotExist) {
			in.Warnings = append(in.Warnings, fmt.Sprintf("%s: the file the data came from is no longer there; its hash is not in this report", f))
		}
	}
	if len(readable) == 0 {
		return in, nil
	}
	infos, err := ingest.Describe(readable)
	if err != nil {
		return report.Input{}, err
	}
	for _, f := range infos {
		in.Inputs = append(in.Inputs, report.InputFile{Path: f.Path, SHA256: f.SHA256})
	}
	// Validation warnings come from reading the files again, as they were
	// ingested (with the same mapping).
	r, err := ingest.Open(ctx, readable, ingest.Options{Known: d, Mapping: m})
	if err != nil {
		why := firstLine(err.Error())
		var ve *ingest.ValidationError
		if errors.As(err, &ve) && len(ve.Problems) > 0 {
			// The first line of a ValidationError only announces the list.
			why = fmt.Sprintf("%d problem(s), the first: %s", len(ve.Problems), ve.Problems[0].Error())
		}
		in.Warnings = append(in.Warnings, "the input files could not be validated again (they changed since they were ingested, or were ingested with a column mapping: give report the same --mapping or --map): "+why)
		return in, nil
	}
	defer r.Close()
	for _, w := range r.Warnings {
		in.Warnings = append(in.Warnings, w.Error())
	}
	return in, nil
}

// sourceFiles lists, sorted, the files named in the provenance of d.
func sourceFiles(d *graph.Dataset) []string {
	set := map[string]bool{}
	for _, a := range d.Actors {
		set[a.Origin.File] = true
	}
	for _, l := range d.Links {
		set[l.Origin.File] = true
	}
	for _, p := range d.Projects {
		set[p.Origin.File] = true
	}
	for _, p := range d.Participations {
		set[p.Origin.File] = true
	}
	delete(set, "")
	var out []string
	for f := range set {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
