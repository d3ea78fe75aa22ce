package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"github.com/alliances/alliances/graph/neo4jstore"
	"github.com/alliances/alliances/ingest"
)

type ingestOptions struct {
	storeFlags
	dryRun   bool
	mapping  string
	mapFlag  string
	families string
	warnings int
}

func ingestCommand() command {
	return command{
		name:    "ingest",
		summary: "validate data files and load them into the store",
		usage:   "FILE...",
		help: `Reads actors, links (ties), projects and participations from CSV (',' ';' or tab,
UTF-8 or Windows-1252, French or English headers), XLSX, GraphML, GEXF or the JSON
of 'alliances export'. The kind of each table is recognised from its header; see
docs/ingest.md. Every problem is reported at once with file, line and column, and
when there is any error nothing is written (exit code 3). Re-ingesting the same
files changes nothing.

Examples:
  alliances ingest acteurs.csv liens.csv projets.csv participations.csv
  alliances ingest --dry-run partners.xlsx
  alliances ingest --mapping examples/mappings/keep-interreg.map keep_closed_1420_Partnership.csv
  alliances ingest --store neo4j://localhost:7687 network.graphml`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &ingestOptions{}
			o.bind(fs)
			fs.BoolVar(&o.dryRun, "dry-run", false, "validate only: report problems and counts, write nothing")
			fs.StringVar(&o.mapping, "mapping", "", "column mapping `FILE` for files whose headers are not alliances' own (docs/ingest.md)")
			fs.StringVar(&o.mapFlag, "map", "", "inline column mapping, e.g. 'actor=Project Partner,project=Acronym' (docs/ingest.md)")
			fs.IntVar(&o.warnings, "warnings", 20, "print at most `N` warnings (-1: all); their count is always given")
			fs.StringVar(&o.families, "families", "", "`FILE` of extra family aliases or families (docs/ingest.md)")
			return func(ctx context.Context, args []string) error { return runIngest(ctx, o, std, args) }
		},
	}
}

// loadMapping reads the --mapping file and the --map flag; sections of both
// apply.
func loadMapping(file, inline string) (*ingest.Mapping, error) {
	var m *ingest.Mapping
	if file != "" {
		var err error
		if m, err = ingest.LoadMapping(file); err != nil {
			return nil, &invalidInputError{err}
		}
	}
	if inline != "" {
		im, err := ingest.ParseMappingFlag(inline)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		if m == nil {
			return im, nil
		}
		m.Sections = append(m.Sections, im.Sections...)
	}
	return m, nil
}

func runIngest(ctx context.Context, o *ingestOptions, std *streams, paths []string) error {
	if len(paths) == 0 {
		return usagef("no input file: give one or more CSV, XLSX, GraphML, GEXF or JSON files")
	}
	limitMemory()
	opts := ingest.Options{}
	m, err := loadMapping(o.mapping, o.mapFlag)
	if err != nil {
		return err
	}
	opts.Mapping = m
	if o.families != "" {
		v, err := ingest.LoadVocabulary(o.families)
		if err != nil {
			return &invalidInputError{err}
		}
		opts.Vocabulary = v
	}
	if !o.quiet {
		opts.Progress = os.Stderr
	}
	// Validate against what is stored, without creating a store file before
	// the input is known to be valid.
	store, err := openStore(ctx, o.store, true)
	switch {
	case errors.Is(err, errNoStore):
		store = nil
	case err != nil:
		return err
	default:
		defer store.Close()
		// Links and participations of the store play no part in validation.
		if opts.Known, err = store.LoadNodes(ctx); err != nil {
			return err
		}
	}
	in, err := ingest.Open(ctx, paths, opts)
	if err != nil {
		var verr *ingest.ValidationError
		if errors.As(err, &verr) {
			return &invalidInputError{err}
		}
		return err
	}
	defer in.Close()
	for i, w := range in.Warnings {
		if o.quiet {
			break
		}
		if o.warnings >= 0 && i >= o.warnings {
			fmt.Fprintf(std.err, "… and %d more warning(s): --warnings -1 prints them all\n", len(in.Warnings)-i)
			break
		}
		fmt.Fprintf(std.err, "warning: %s\n", w.Error())
	}
	counts := in.Counts()
	if o.dryRun {
		fmt.Fprintf(std.out, "valid: %s in %d file(s), %d warning(s); nothing written (--dry-run)\n", counts, len(paths), len(in.Warnings))
		return nil
	}
	if store == nil {
		if store, err = openStore(ctx, o.store, false); err != nil {
			return err
		}
		defer store.Close()
	}
	changed, err := store.PutBatches(ctx, in.Batches(putBatchSize))
	if err != nil {
		return fmt.Errorf("writing to %s: %w", o.store, err)
	}
	switch {
	case o.quiet:
	case !changed:
		fmt.Fprintf(std.out, "nothing changed: the store %s already holds every record of these file(s)\n", o.store)
	default:
		fmt.Fprintf(std.out, "ingested %s from %d file(s) into %s, %d warning(s)\n", counts, len(paths), o.store, len(in.Warnings))
	}
	return nil
}

// putBatchSize is the number of records ingest hands to the store at a time
// (docs/benchmarks.md): the rows of one UNWIND statement on Neo4j.
const putBatchSize = neo4jstore.BatchSize

// limitMemory makes the garbage collector keep an ingest under about 1 GiB
// (docs/benchmarks.md) unless the user set GOMEMLIMIT: CSV, GraphML and GEXF
// files stream in far less, but XLSX and JSON files are read whole.
func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(700 << 20)
	}
}
