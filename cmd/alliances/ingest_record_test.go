package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph/embedded"
)

// TestIngestRecord: an ingest that changes the store records the files as
// given (an absolute path relative to the working directory), their SHA-256
// (as sha256sum prints it), the flags that shape the data with the hash of the
// mapping file, and the warnings; an ingest that changes nothing records
// nothing.
func TestIngestRecord(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	data := []byte("Org,Proj\nA,P1\nB,P1\nA,P1\n")
	mapping := []byte("actor = Org\nproject = Proj\n")
	os.Mkdir("in", 0o755)
	for name, b := range map[string][]byte{"in/partners.csv": data, "in/cols.map": mapping} {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	abs := filepath.Join(dir, "in", "partners.csv")
	args := []string{"ingest", "--store", "a.db", "--quiet", "--mapping", "in/cols.map", abs}
	if code, _, errs := cli(t, args...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if code, _, errs := cli(t, args...); code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
	s, err := embedded.OpenReadOnly("a.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	log, err := s.Ingests(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 {
		t.Fatalf("%d ingest records, want 1 (the second ingest changed nothing): %+v", len(log), log)
	}
	rec := log[0]
	sum := func(b []byte) string { h := sha256.Sum256(b); return hex.EncodeToString(h[:]) }
	if len(rec.Files) != 1 || rec.Files[0].Path != "in/partners.csv" || rec.Files[0].SHA256 != sum(data) {
		t.Errorf("files = %+v, want in/partners.csv with SHA-256 %s", rec.Files, sum(data))
	}
	if len(rec.Flags) != 1 || rec.Flags[0].Name != "mapping" || rec.Flags[0].Value != "in/cols.map" ||
		rec.Flags[0].File == nil || rec.Flags[0].File.SHA256 != sum(mapping) {
		t.Errorf("flags = %+v, want --mapping in/cols.map with SHA-256 %s", rec.Flags, sum(mapping))
	}
	if rec.Actors != 2 || rec.Projects != 1 || rec.Participations != 2 || rec.Version != version {
		t.Errorf("counts and version = %+v", rec)
	}
	var repeated bool
	for _, w := range rec.Warnings {
		if strings.Contains(w, dir) {
			t.Errorf("warning names the absolute path: %s", w)
		}
		repeated = repeated || strings.HasPrefix(w, "in/partners.csv:4")
	}
	if !repeated {
		t.Errorf("warnings = %q, want the repeated row at in/partners.csv:4", rec.Warnings)
	}
}
