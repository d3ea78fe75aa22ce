package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/outfile"
	"github.com/alliances/alliances/sanitize"
)

// Errors wrapped by Write.
var (
	// ErrLanguage is returned for a language other than "en" and "fr".
	ErrLanguage = errors.New("unsupported language")
	// ErrMissingInput is returned when the network or its metrics are missing.
	ErrMissingInput = errors.New("missing input")
)

// Input is what a report is written from. Network and Metrics are required;
// Isolated may be nil, in which case the section on isolated actors says that
// the detection was not run.
type Input struct {
	Network  *graph.Network
	Metrics  *analysis.Result
	Isolated *analysis.IsolatedResult
	// Ingests are the records of the ingests that loaded the data, oldest
	// first (graph.CurrentIngests of the store's log): the report lists their
	// files, hashes and warnings, and gives the commands that run them again,
	// without reading any input file.
	Ingests []graph.IngestRecord
	// Unrecorded lists the files named in the provenance of the data that no
	// ingest record lists (data loaded by an older version, or not by
	// ingest): the report says that it cannot be reproduced from the records
	// alone.
	Unrecorded []string
	// Source names the data source in map captions and in the report header.
	Source string
	// OverTime, when not nil, adds the section "Over time" (overtime.go).
	OverTime *OverTime
}

// Options set the language and the reproducibility parameters of a report.
type Options struct {
	// Lang is "en" (default) or "fr".
	Lang string
	// Date is the date printed in the report and in map captions: the only
	// part of a report that varies between runs. The zero Date means today
	// (UTC).
	Date time.Time
	// Seed is the layout seed of the maps; it is printed in the methods
	// section with the analysis seed recorded in Metrics.Parameters.
	Seed int64
	// Version is the version of the tool, printed in the methods section.
	Version string
	// Title is the title of the report; "" gives a default title in the
	// language.
	Title string
	// TopN is the number of rows of the key-actor tables; 0 means 10.
	TopN int
	// Engine is the Graphviz engine passed to render.Options ("", "auto",
	// "embedded" or "native").
	Engine string
	// NoMaps leaves the maps out (no maps/ directory, no figures), for quick
	// reports of very large networks.
	NoMaps bool
	// Store is the store named in the commands of the methods section that
	// write the report again; "" means alliances.db.
	Store string
	// Command holds the arguments of the report command that wrote this
	// report (after "alliances report", with --store Store, -o and --date),
	// shown in the methods section after the ingests; nil leaves it out.
	Command []string
	// Progress, when not nil, receives one line per step of the work.
	Progress io.Writer
}

// Write writes the report of in into dir, creating it if needed:
// dir/report.html, dir/report.md, dir/maps/*.svg and *.png, and
// dir/tables/*.csv and *.json. It returns the paths written, sorted. Files
// already in dir with other names are left alone.
func Write(ctx context.Context, dir string, in Input, opts Options) ([]string, error) {
	if in.Network == nil || in.Metrics == nil {
		return nil, fmt.Errorf("report: %w: the network and its metrics are required", ErrMissingInput)
	}
	l, err := newLang(opts.Lang)
	if err != nil {
		return nil, err
	}
	if opts.Date.IsZero() {
		opts.Date = time.Now().UTC()
	}
	if opts.TopN <= 0 {
		opts.TopN = 10
	}
	files := map[string][]byte{}
	step := NewProgress(opts.Progress)

	var maps []*mapFigure
	if !opts.NoMaps {
		maps, err = renderMaps(ctx, in, opts, l, step)
		if err != nil {
			return nil, err
		}
		step("maps: over time")
		figs, err := overTimeFigures(in, opts, l)
		if err != nil {
			return nil, fmt.Errorf("report: over time: %w", err)
		}
		maps = append(maps, figs...)
		for _, m := range maps {
			files["maps/"+m.Name+".svg"] = m.SVG
			if m.PNG != nil {
				files["maps/"+m.Name+".png"] = m.PNG
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	step("E-I test")
	ei := analysis.TestEI(in.Network, in.Metrics.Parameters.Seed)
	step("text")
	d := build(in, opts, l, maps, &ei)

	var html bytes.Buffer
	if err := writeHTML(&html, d); err != nil {
		return nil, fmt.Errorf("report: html: %w", err)
	}
	// No control character, bidirectional override or non-character from
	// the data reaches the reader (sanitize.Lines; the markup has none).
	files["report.html"] = []byte(sanitize.Lines(html.String()))
	var md bytes.Buffer
	writeMarkdown(&md, d)
	files["report.md"] = []byte(sanitize.Lines(md.String()))

	step("tables")
	tables, err := writeTables(in, l, &ei, opts.Date)
	if err != nil {
		return nil, fmt.Errorf("report: tables: %w", err)
	}
	for name, b := range tables {
		files["tables/"+name] = b
	}
	if b, ok, err := overTimeTable(in); err != nil {
		return nil, fmt.Errorf("report: tables: %w", err)
	} else if ok {
		files["tables/over-time.json"] = b
	}

	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	// Every file replaces the previous one together, once all are written,
	// and never through a symbolic link inside dir (outfile).
	step("writing")
	out, err := outfile.OpenDir(dir, outfile.Options{})
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	defer out.Discard()
	for _, name := range names {
		if err := out.WriteFile(name, files[name]); err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
	}
	paths, err := out.Commit()
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	step("")
	return paths, nil
}

// NewProgress returns the function that reports the steps of a report on
// w, one line per step with the time the previous one took ("report:
// maps: network (2.1 s)"); "" ends the last step. A nil w reports nothing.
func NewProgress(w io.Writer) func(step string) {
	if w == nil {
		return func(string) {}
	}
	var name string
	var start time.Time
	return func(next string) {
		if name != "" {
			fmt.Fprintf(w, "report: %s (%.1f s)\n", name, time.Since(start).Seconds())
		}
		name, start = next, time.Now()
	}
}
