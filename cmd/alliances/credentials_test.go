package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue #16, finding 4: "the password in a --store URI (bolt://user:secret@host,
// or ALLIANCES_STORE) is written into report.md, report.html and every map
// caption". Such an address is refused (exit 2) before anything is read,
// drawn or written, and no message repeats it.
func TestStoreAddressWithCredentialsRefused(t *testing.T) {
	dir := t.TempDir()
	const secret = "s3cret-Pa55"
	uris := []string{
		"bolt://neo4j:" + secret + "@127.0.0.1:1",
		"neo4j://" + secret + "@localhost",
		"neo4j+s://admin:" + secret + "@db.example.org:7687",
	}
	for _, uri := range uris {
		for _, args := range [][]string{
			{"analyze", "--store", uri},
			{"report", "--store", uri, "-o", filepath.Join(dir, "r")},
			{"map", "--store", uri, "-o", filepath.Join(dir, "m.svg")},
			{"query", "--store", uri, "--cypher", "RETURN 1"},
			{"ingest", "--store", uri, filepath.Join(dir, "none.csv")},
		} {
			code, out, errs := cli(t, args...)
			if code != exitUsage || !strings.Contains(errs, "NEO4J_PASSWORD") {
				t.Errorf("%v: exit %d: %s", args[0], code, errs)
			}
			if strings.Contains(out+errs, secret) {
				t.Errorf("%v: the password is shown: %s", args[0], errs)
			}
		}
	}
	es, _ := os.ReadDir(dir)
	if len(es) != 0 {
		t.Errorf("something was written: %v", es)
	}
	// The same through ALLIANCES_STORE, and --help does not repeat it.
	t.Setenv("ALLIANCES_STORE", uris[0])
	code, _, errs := cli(t, "analyze")
	if code != exitUsage || strings.Contains(errs, secret) {
		t.Errorf("ALLIANCES_STORE: exit %d: %s", code, errs)
	}
	_, out, _ := cli(t, "map", "--help")
	if strings.Contains(out, secret) || !strings.Contains(out, "ALLIANCES_STORE environment variable") {
		t.Errorf("--help with ALLIANCES_STORE set:\n%s", out)
	}
}
