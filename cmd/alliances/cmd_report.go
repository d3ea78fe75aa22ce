package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/neo4jstore"
	"github.com/alliances/alliances/report"
)

type reportOptions struct {
	storeFlags
	sliceFlags
	output   string
	lang     string
	date     string
	seed     int64
	weighted bool
	suggest  int
	title    string
	engine   string
	top      int
	noMaps   bool
	source   string
	// The section "Over time" (report_overtime.go).
	by, periods string
	// flags are the command-line flags, for the command that writes the
	// report again.
	flags *flag.FlagSet
}

func reportCommand() command {
	return command{
		name:    "report",
		summary: "write a report (HTML and Markdown, French or English) with maps and tables",
		help: `Writes DIR/report.html (self-contained, maps inline, prints well to PDF),
DIR/report.md with its map files, and the tables as CSV and JSON. Sections: data
and validation warnings, overview, key actors, complementarity, alliances and
projects, over time (when projects have phases or dates: the slices compared,
small multiples, what lasts; --by), isolated actors with suggested partners,
methods (definitions, parameters, seed, input file hashes, version). The slice
flags make a report of one slice. The same data, seed and --date
give byte-identical files. See docs/reports.md.

Examples:
  alliances report -o rapport --lang fr
  alliances report -o report --lang en --date 2026-01-15 --seed 7
  alliances report -o phase3 --phase 3 --lang fr
  alliances report -o years --by year

` + sliceHelp,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &reportOptions{flags: fs}
			o.bind(fs)
			o.bindSlice(fs)
			fs.StringVar(&o.output, "o", "", "output `DIR` (required)")
			fs.StringVar(&o.lang, "lang", "en", "report language: en or fr")
			fs.StringVar(&o.date, "date", "", "report date `YYYY-MM-DD` (default: today)")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the communities and of the map layouts")
			fs.BoolVar(&o.weighted, "weighted", false, "use tie weights in the metrics")
			fs.IntVar(&o.suggest, "suggest", 3, "suggested partners per isolated actor")
			fs.StringVar(&o.title, "title", "", "report title")
			fs.IntVar(&o.top, "top", 10, "rows of the key-actor tables")
			fs.BoolVar(&o.noMaps, "no-maps", false, "leave the maps out (faster on large networks)")
			fs.StringVar(&o.source, "source", "", "data source named in the report and captions (default: the names of the ingested files)")
			fs.StringVar(&o.engine, "engine", "auto", "Graphviz engine for the maps: auto, embedded or native")
			fs.StringVar(&o.by, "by", "auto", "the slices of the section \"Over time\": auto (the phases of the programme, else the start years), phase, year, period or none")
			fs.StringVar(&o.periods, "periods", "", "--by period: the periods `FROM:TO,FROM:TO…`")
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
	var progress io.Writer
	if !o.quiet {
		progress = std.err
	}
	step := report.NewProgress(progress)
	step("loading the network")
	d, net, err := loadNetwork(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	if ties := len(net.Ties); ties >= longReportTies && !o.quiet {
		fmt.Fprintf(std.err, "warning: %d actors and %d ties: the report takes a minute or more (--no-maps makes it faster)\n", len(net.Actors), ties)
	}
	log, err := loadIngests(ctx, o.store)
	if err != nil {
		return err
	}
	step("analysis and isolated actors")
	in, err := reportInput(ctx, d, net, analysis.Options{Seed: o.seed, Weighted: o.weighted}, o.suggest, log)
	if err != nil {
		return err
	}
	if o.source != "" {
		in.Source = o.source
	}
	step("over time")
	if in.OverTime, err = reportOverTime(ctx, d, &o.slice, o.by, o.periods, o.seed); err != nil {
		return err
	}
	step("")
	store := recipeStore(o.store)
	paths, err := report.Write(ctx, o.output, in, report.Options{
		Progress: progress,
		Lang:     o.lang, Date: date, Seed: o.seed, Version: version, Title: o.title, Engine: o.engine,
		TopN: o.top, NoMaps: o.noMaps, Store: store, Command: reportCommandLine(o.flags, &o.slice, store, o.output, date),
	})
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(std.out, "wrote %d files in %s (open %s/report.html)\n", len(paths), o.output, o.output)
	}
	return nil
}

// longReportTies is the number of ties from which report warns that it
// takes long (H2020: 800,000 ties, about 35 s).
const longReportTies = 200_000

// unrecordedReportFlags are the flags of report left out of the command
// that writes the report again: the store and the output are named apart,
// and --quiet changes no byte.
var unrecordedReportFlags = map[string]bool{"store": true, "o": true, "date": true, "quiet": true}

// reportCommandLine returns the arguments of the report command that writes
// the same report again: the store of the recipe, the base name of the
// output directory, the date used, and every other flag given (fs, nil when
// the report is written by another command), in the order of their names.
func reportCommandLine(fs *flag.FlagSet, slice *graph.Slice, store, output string, date time.Time) []string {
	args := []string{"--store", store, "-o", filepath.Base(filepath.Clean(output)), "--date", date.Format("2006-01-02")}
	if fs == nil {
		return args
	}
	fs.Visit(func(f *flag.Flag) {
		if unrecordedReportFlags[f.Name] || slices.Contains(graph.SliceFilters, f.Name) {
			return // the slice flags come last, as parsed
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			args = append(args, "--"+f.Name+"="+f.Value.String())
			return
		}
		args = append(args, "--"+f.Name, f.Value.String())
	})
	return append(args, slice.Args()...)
}

// recipeStore is the store named in the commands that write a report again:
// the base name of an embedded store, alliances.db for a Neo4j database
// (whose address and credentials stay out of the report).
func recipeStore(location string) string {
	if neo4jstore.IsURI(location) {
		return "alliances.db"
	}
	return filepath.Base(location)
}

// reportInput analyses the network and gathers what the data and methods
// sections need from the ingest log of the store (log): the records that
// describe the data, the files of the data's provenance that none of them
// lists, and the name of the data source.
func reportInput(ctx context.Context, d *graph.Dataset, net *graph.Network, opts analysis.Options, suggest int, log []graph.IngestRecord) (report.Input, error) {
	res, err := analysis.AnalyzeContext(ctx, net, opts)
	if err != nil {
		return report.Input{}, err
	}
	current := graph.CurrentIngests(log)
	return report.Input{
		Network:    net,
		Metrics:    res,
		Isolated:   analysis.Isolated(net, analysis.IsolationOptions{Suggest: suggest}),
		Ingests:    current,
		Unrecorded: unrecordedFiles(d, current),
		Source:     dataSource(current),
	}, nil
}

// unrecordedFiles lists, sorted, the files named in the provenance of d
// whose name no ingest record holds (compared by base name: the record
// keeps paths relative to where ingest ran, the provenance as given).
func unrecordedFiles(d *graph.Dataset, recs []graph.IngestRecord) []string {
	recorded := map[string]bool{}
	for _, r := range recs {
		for _, f := range r.Files {
			recorded[filepath.Base(f.Path)] = true
		}
	}
	var out []string
	for _, f := range provenanceFiles(d) {
		if !recorded[filepath.Base(f)] {
			out = append(out, filepath.Base(f))
		}
	}
	return out
}

// dataSource names the data after the files of the ingests: their base
// names, the first three and the number of the others when there are more
// than four.
func dataSource(recs []graph.IngestRecord) string {
	var names []string
	seen := map[string]bool{}
	for _, r := range recs {
		for _, f := range r.Files {
			if n := filepath.Base(f.Path); !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	if len(names) > 4 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" (+%d)", len(names)-3)
	}
	return strings.Join(names, ", ")
}

// provenanceFiles lists, sorted, the files named in the provenance of d.
func provenanceFiles(d *graph.Dataset) []string {
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

// loadIngests returns the ingest log of the store.
func loadIngests(ctx context.Context, location string) ([]graph.IngestRecord, error) {
	s, err := openReader(ctx, location)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Ingests(ctx)
}
