package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/neo4jstore"
	"github.com/alliances/alliances/ingest"
	"github.com/alliances/alliances/outfile"
)

type ingestOptions struct {
	storeFlags
	dryRun   bool
	replace  bool
	mapping  string
	mapFlag  string
	families string
	aliases  string
	suggest  string
	warnings int
	// flags are the command-line flags, recorded in the store's ingest log
	// (nil when ingest runs inside another command).
	flags *flag.FlagSet
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

Records are keyed (actors and projects by id, links by their ends, type and
direction, participations by actor and project). By default ingest adds the
records of the files to the store and replaces the stored records with the same
keys, keeping the others; it says how many stored records the files no longer
contain. With --replace the store holds exactly the records of these files
afterwards, the others deleted in the same atomic write (metrics of deleted
actors too): use it to re-load a corrected spreadsheet.

Examples:
  alliances ingest acteurs.csv liens.csv projets.csv participations.csv
  alliances ingest --dry-run partners.xlsx
  alliances ingest --replace acteurs.csv liens.csv   # the store holds exactly these files
  alliances ingest --suggest-aliases aliases.txt partners.csv   # then edit aliases.txt
  alliances ingest --aliases aliases.txt --replace partners.csv
  alliances ingest --mapping examples/mappings/keep-interreg.map keep_closed_1420_Partnership.csv
  alliances ingest --store neo4j://localhost:7687 network.graphml`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &ingestOptions{flags: fs}
			o.bind(fs)
			fs.BoolVar(&o.dryRun, "dry-run", false, "validate only: report problems and counts, and what would be kept or (with --replace) deleted; write nothing")
			fs.BoolVar(&o.replace, "replace", false, "make the store hold exactly these files: delete the stored records they do not contain")
			fs.StringVar(&o.mapping, "mapping", "", "column mapping `FILE` for files whose headers are not alliances' own (docs/ingest.md)")
			fs.StringVar(&o.mapFlag, "map", "", "inline column mapping, e.g. 'actor=Project Partner,project=Acronym' (docs/ingest.md)")
			fs.IntVar(&o.warnings, "warnings", 20, "print at most `N` warnings (-1: all); their count is always given")
			fs.StringVar(&o.families, "families", "", "`FILE` of extra family aliases or families (docs/ingest.md)")
			fs.StringVar(&o.aliases, "aliases", "", "`FILE` of actor aliases, one 'alias = canonical id' per line: near-duplicates merge with their ties (docs/ingest.md)")
			fs.StringVar(&o.suggest, "suggest-aliases", "", "write the near-duplicate actors found to `FILE`, a ready-to-edit alias file for --aliases")
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
	if o.aliases != "" {
		a, err := ingest.LoadAliases(o.aliases)
		if err != nil {
			return &invalidInputError{err}
		}
		opts.Aliases = a
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
		// Links and participations of the store play no part in validation;
		// with --replace the files must stand on their own.
		if !o.replace {
			if opts.Known, err = store.LoadNodes(ctx); err != nil {
				return err
			}
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
	if o.suggest != "" {
		if err := suggestAliases(o, std, in.NearDuplicates); err != nil {
			return err
		}
	}
	counts := in.Counts()
	if o.dryRun {
		fmt.Fprintf(std.out, "valid: %s in %d file(s), %d warning(s); nothing written (--dry-run)\n", counts, len(paths), len(in.Warnings))
		if store == nil {
			return nil
		}
		return dryRunAbsent(ctx, o, std, store, in)
	}
	if store == nil {
		if store, err = openStore(ctx, o.store, false); err != nil {
			return err
		}
		defer store.Close()
	}
	mode := graph.Upsert
	if o.replace {
		mode = graph.Replace
	}
	res, err := store.PutBatches(ctx, in.Batches(putBatchSize), mode)
	if err != nil {
		return fmt.Errorf("writing to %s: %w", o.store, err)
	}
	if res.Changed {
		// What was read, for reports (docs/reports.md, "Reproducibility").
		if err := store.AddIngest(ctx, ingestRecord(o.flags, in)); err != nil {
			return fmt.Errorf("the data were stored in %s, but not the record of this ingest, which reports list: %w", o.store, err)
		}
	}
	if o.quiet {
		return nil
	}
	switch {
	case !res.Changed:
		fmt.Fprintf(std.out, "nothing changed: the store %s already holds every record of these file(s)\n", o.store)
	case o.replace:
		fmt.Fprintf(std.out, "replaced the content of %s by %s from %d file(s), %d warning(s)\n", o.store, counts, len(paths), len(in.Warnings))
	default:
		fmt.Fprintf(std.out, "ingested %s from %d file(s) into %s, %d warning(s)\n", counts, len(paths), o.store, len(in.Warnings))
	}
	if o.replace {
		if res.Absent.Total() > 0 {
			fmt.Fprintf(std.out, "deleted %s that these file(s) no longer contain\n", describeCounts(res.Absent))
		}
		return nil
	}
	if absent := relevantAbsent(res.Absent, in.Files); absent.Total() > 0 {
		fmt.Fprintf(std.out, "kept %s of the store that these file(s) do not contain (hint: to drop them, ingest the complete corrected files again with --replace)\n",
			describeCounts(absent))
	}
	return nil
}

// suggestAliases writes the groups of near-duplicates as an alias file.
func suggestAliases(o *ingestOptions, std *streams, groups []ingest.NearDuplicate) error {
	if len(groups) == 0 {
		fmt.Fprintf(std.err, "no near-duplicate actor names: %s not written\n", o.suggest)
		return nil
	}
	err := outfile.Write(o.suggest, outfile.Options{Store: o.store}, func(w io.Writer) error {
		return ingest.WriteAliases(w, groups)
	})
	if err != nil {
		return err
	}
	n := 0
	for _, g := range groups {
		n += len(g.IDs) - 1
	}
	fmt.Fprintf(std.err, "wrote %s: %d alias(es) in %d group(s) of near-duplicates; check them, then ingest again with --aliases %s\n", o.suggest, n, len(groups), o.suggest)
	return nil
}

// relevantAbsent keeps the counts of the tables that the files hold: adding
// a links file to a store of actors says nothing of the actors.
func relevantAbsent(absent graph.Counts, files []ingest.FileInfo) graph.Counts {
	held := map[string]bool{}
	for _, f := range files {
		if len(f.Tables) == 0 {
			// Graph and JSON files hold every table.
			return absent
		}
		for _, t := range f.Tables {
			held[t] = true
		}
	}
	var out graph.Counts
	if held[string(ingest.KindActors)] {
		out.Actors = absent.Actors
	}
	if held[string(ingest.KindProjects)] {
		out.Projects = absent.Projects
	}
	if held[string(ingest.KindLinks)] {
		out.Links = absent.Links
	}
	if held[string(ingest.KindParticipations)] {
		out.Participations = absent.Participations
	}
	return out
}

// describeCounts says c in words: "1 actor, 3 links".
func describeCounts(c graph.Counts) string {
	var parts []string
	for _, x := range []struct {
		n          int
		one, other string
	}{
		{c.Actors, "actor", "actors"},
		{c.Projects, "project", "projects"},
		{c.Links, "link", "links"},
		{c.Participations, "participation", "participations"},
	} {
		switch {
		case x.n == 1:
			parts = append(parts, "1 "+x.one)
		case x.n > 1:
			parts = append(parts, fmt.Sprintf("%d %s", x.n, x.other))
		}
	}
	return strings.Join(parts, ", ")
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

// dryRunAbsent says, for --dry-run, what the ingest would do to the stored
// records that the files do not contain: with --replace, which it would
// delete (the first few of each kind named); without, how many it would
// keep, as the ingest itself says.
func dryRunAbsent(ctx context.Context, o *ingestOptions, std *streams, store graph.Store, in *ingest.Input) error {
	stored, err := store.Load(ctx)
	if err != nil {
		return fmt.Errorf("reading %s: %w", o.store, err)
	}
	seen := map[string]bool{}
	key := func(kind byte, k string) string { return string(kind) + k }
	err = in.Batches(putBatchSize)(func(part *graph.Dataset) error {
		for _, a := range part.Actors {
			seen[key('a', a.ID)] = true
		}
		for _, p := range part.Projects {
			seen[key('p', p.ID)] = true
		}
		for _, l := range part.Links {
			seen[key('l', l.Key())] = true
		}
		for _, p := range part.Participations {
			seen[key('r', p.Key())] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	var absent graph.Counts
	var named []string
	const examples = 5
	name := func(n *int, what string) {
		if *n++; *n <= examples {
			named = append(named, what)
		}
	}
	for _, a := range stored.Actors {
		if !seen[key('a', a.ID)] {
			name(&absent.Actors, "actor "+a.ID)
		}
	}
	for _, p := range stored.Projects {
		if !seen[key('p', p.ID)] {
			name(&absent.Projects, "project "+p.ID)
		}
	}
	for _, l := range stored.Links {
		if !seen[key('l', l.Key())] {
			arrow := " – "
			if l.Directed {
				arrow = " → "
			}
			name(&absent.Links, "link "+l.Source+arrow+l.Target+" ("+l.Type+")")
		}
	}
	for _, p := range stored.Participations {
		if !seen[key('r', p.Key())] {
			name(&absent.Participations, "participation of "+p.Actor+" in "+p.Project)
		}
	}
	if o.replace {
		if absent.Total() > 0 {
			more := ""
			if n := absent.Total() - len(named); n > 0 {
				more = fmt.Sprintf(", and %d more", n)
			}
			fmt.Fprintf(std.out, "--replace would delete %s that these file(s) no longer contain: %s%s\n",
				describeCounts(absent), strings.Join(named, "; "), more)
		}
		return nil
	}
	if absent = relevantAbsent(absent, in.Files); absent.Total() > 0 {
		fmt.Fprintf(std.out, "would keep %s of the store that these file(s) do not contain (hint: to drop them, ingest the complete corrected files again with --replace)\n",
			describeCounts(absent))
	}
	return nil
}
