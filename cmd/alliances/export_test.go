package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportModes: export writes by default the network that analyze
// measures (as many ties as analyze counts), --two-mode the raw data that
// ingest reads back unchanged, -o FILE.graphml.gz a gzip file whose format
// comes from the name; the analysed network's JSON is refused by ingest with
// a hint, rather than read as data without ties.
func TestExportModes(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ := cli(t, "analyze", "--store", store, "--format", "json")
	var res struct {
		Network struct {
			Ties int `json:"ties"`
		} `json:"network"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Network.Ties != 144 {
		t.Fatalf("analyze: %d ties, %v (want 144, the example's: testdata/demo_reference.json)", res.Network.Ties, err)
	}

	code, out, errs := cli(t, "export", "--store", store, "--to", "json")
	var net struct {
		Network string            `json:"network"`
		Actors  []json.RawMessage `json:"actors"`
		Ties    []json.RawMessage `json:"ties"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &net) != nil || net.Network != "actors" || len(net.Actors) != 38 || len(net.Ties) != res.Network.Ties {
		t.Errorf("export --to json: exit %d, %d actors and %d ties, want 38 and %d: %s", code, len(net.Actors), len(net.Ties), res.Network.Ties, errs)
	}
	netFile := filepath.Join(dir, "net.json")
	os.WriteFile(netFile, []byte(out), 0o644)
	if code, _, errs := cli(t, "ingest", "--store", filepath.Join(dir, "b.db"), "--dry-run", netFile); code != exitInvalid || !strings.Contains(errs, "--two-mode") {
		t.Errorf("ingest of the analysed network: exit %d, want 3 with the --two-mode hint: %s", code, errs)
	}

	raw := filepath.Join(dir, "data.json")
	if code, _, errs := cli(t, "export", "--store", store, "--two-mode", "-o", raw, "--quiet"); code != 0 {
		t.Fatalf("export --two-mode: %s", errs)
	}
	copyStore := filepath.Join(dir, "c.db")
	if code, _, errs := cli(t, "ingest", "--store", copyStore, "--quiet", raw); code != 0 {
		t.Fatalf("ingest of the two-mode export: %s", errs)
	}
	_, a, _ := cli(t, "export", "--store", store, "--to", "graphml")
	_, b, _ := cli(t, "export", "--store", copyStore, "--to", "graphml")
	if a != b {
		t.Error("the network of the data exported with --two-mode and ingested again differs from the original")
	}

	gz := filepath.Join(dir, "net.graphml.gz")
	if code, _, errs := cli(t, "export", "--store", store, "-o", gz, "--quiet"); code != 0 {
		t.Fatalf("export -o net.graphml.gz: %s", errs)
	}
	f, err := os.ReadFile(gz)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(f))
	if err != nil {
		t.Fatalf("net.graphml.gz is not gzip: %v", err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil || string(plain) != a {
		t.Errorf("net.graphml.gz does not hold the GraphML of the network (%v)", err)
	}
	if code, _, errs := cli(t, "export", "--store", store, "-o", filepath.Join(dir, "net.txt")); code != exitUsage {
		t.Errorf("export -o net.txt without --to: exit %d, want 2: %s", code, errs)
	}
}
