package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/ingest"
)

// unrecordedIngestFlags are the flags of ingest that do not shape the data:
// left out of the ingest record, and so of the commands a report gives to
// load the data again.
var unrecordedIngestFlags = map[string]bool{"store": true, "quiet": true, "warnings": true, "dry-run": true}

// ingestRecord describes what an ingest read, for the store's ingest log
// (graph.IngestRecord): the files as given (absolute paths made relative to
// the working directory, see recordedPath), their hashes, the flags set on the command line
// (fs, nil when ingest was not run from the command line) with the hash of
// any file they name, and the warnings, whose file names are written the same
// way.
func ingestRecord(fs *flag.FlagSet, in *ingest.Input) graph.IngestRecord {
	rec := graph.IngestRecord{
		Actors: len(in.Actors), Links: in.Links(), Projects: len(in.Projects), Participations: in.Participations(),
		Version: version,
	}
	var renames []string // given path, recorded path
	record := func(p string) string {
		r := recordedPath(p)
		if r != p {
			renames = append(renames, p, r)
		}
		return r
	}
	for _, f := range in.Files {
		rec.Files = append(rec.Files, graph.RecordedFile{Path: record(f.Path), SHA256: f.SHA256})
	}
	if fs != nil {
		fs.Visit(func(f *flag.Flag) {
			if unrecordedIngestFlags[f.Name] {
				return
			}
			v := f.Value.String()
			rf := graph.RecordedFlag{Name: f.Name, Value: v}
			if sum, ok := fileSHA256(v); ok {
				rf.Value = record(v)
				rf.File = &graph.RecordedFile{Path: rf.Value, SHA256: sum}
			}
			if f.Name == "replace" && v == "true" {
				rec.Replace = true
			}
			rec.Flags = append(rec.Flags, rf)
		})
		sort.Slice(rec.Flags, func(i, j int) bool { return rec.Flags[i].Name < rec.Flags[j].Name })
	}
	r := strings.NewReplacer(renames...)
	for _, w := range in.Warnings {
		rec.Warnings = append(rec.Warnings, r.Replace(w.Error()))
	}
	return rec
}

// maxUp is the number of levels above the working directory that a recorded
// path may climb: ../../shared/data.csv is a layout that a colleague can
// recreate, ../../../../../tmp/x/data.csv is the machine's.
const maxUp = 3

// recordedPath returns an absolute path relative to the working directory
// when it lies at most maxUp levels above it, and any other path as it is.
func recordedPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil {
		return p
	}
	rel = filepath.ToSlash(rel)
	if up := strings.Count(rel+"/", "../"); strings.HasPrefix(rel, "../") && up > maxUp {
		return p
	}
	return rel
}

// fileSHA256 returns the SHA-256 of the regular file at p, and whether p
// names one.
func fileSHA256(p string) (string, bool) {
	if p == "" {
		return "", false
	}
	f, err := os.Open(p)
	if err != nil {
		return "", false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return "", false
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", false
	}
	return hex.EncodeToString(h.Sum(nil)), true
}
