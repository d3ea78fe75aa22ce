package report

import (
	"strings"

	"github.com/alliances/alliances/graph"
)

// provenance is what the ingest records say about the data: the files read,
// the warnings, and the commands that load the same data again.

// sourceFile is a file the data were read from: an input file, or a file
// named by a flag of the ingest (Flag, e.g. "mapping").
type sourceFile struct {
	Path, SHA256, Flag string
}

// sourceFiles lists the input files of every ingest, then the files their
// flags name, each once, in the order of the ingests.
func sourceFiles(in Input) []sourceFile {
	var out []sourceFile
	seen := map[sourceFile]bool{}
	add := func(f sourceFile) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, r := range in.Ingests {
		for _, f := range r.Files {
			add(sourceFile{Path: f.Path, SHA256: f.SHA256})
		}
	}
	for _, r := range in.Ingests {
		for _, fl := range r.Flags {
			if fl.File != nil {
				add(sourceFile{Path: fl.File.Path, SHA256: fl.File.SHA256, Flag: fl.Name})
			}
		}
	}
	return out
}

// ingestWarnings returns the warnings of every ingest, in order.
func ingestWarnings(in Input) []string {
	var out []string
	for _, r := range in.Ingests {
		out = append(out, r.Warnings...)
	}
	return out
}

// defaultStore is the store of the commands that write a report again.
const defaultStore = "alliances.db"

// reproduceCommands returns the commands that write the report again: one
// ingest per record, with the flags it was given, then the report command.
func reproduceCommands(in Input, opts Options) string {
	store := opts.Store
	if store == "" {
		store = defaultStore
	}
	var lines []string
	for _, r := range in.Ingests {
		lines = append(lines, ingestCommand(r, store))
	}
	if len(in.Ingests) == 0 {
		lines = append(lines, "alliances ingest --store "+shellQuote(store)+" FILES…")
	}
	if opts.Command != nil {
		words := make([]string, len(opts.Command))
		for i, w := range opts.Command {
			words[i] = shellQuote(w)
		}
		lines = append(lines, "alliances report "+strings.Join(words, " "))
	}
	return strings.Join(lines, "\n")
}

// ingestCommand is the command line of an ingest record: flags with a value
// "true" or "false" are written --name=value, which is right for boolean and
// other flags alike; one input file per line.
func ingestCommand(r graph.IngestRecord, store string) string {
	var c strings.Builder
	c.WriteString("alliances ingest --store " + shellQuote(store))
	for _, f := range r.Flags {
		if f.Value == "true" || f.Value == "false" {
			c.WriteString(" --" + f.Name + "=" + f.Value)
		} else {
			c.WriteString(" --" + f.Name + " " + shellQuote(f.Value))
		}
	}
	for _, f := range r.Files {
		c.WriteString(" \\\n    " + shellQuote(f.Path))
	}
	return c.String()
}

// shellQuote quotes s for a POSIX shell when it holds special characters.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:@+=,", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
