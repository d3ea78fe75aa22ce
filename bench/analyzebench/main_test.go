package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestRun checks that the driver loads the CSV files that
// bench/analysis_peers.py writes and reports the analysed network.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("actors.csv", "id,name,family\na0,Actor 0,collectivite\na1,Actor 1,association\na2,Actor 2,ong\n")
	write("links.csv", "source,target,weight\na0,a1,2\na1,a2,5\n")
	out := filepath.Join(dir, "result.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-json", out, dir}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var line struct {
		Actors, Ties int
		Betweenness  string
		Seconds      float64
	}
	if err := json.Unmarshal(stdout.Bytes(), &line); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if line.Actors != 3 || line.Ties != 2 || line.Betweenness != "exact" || line.Seconds <= 0 {
		t.Errorf("reported %+v", line)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Actors []struct {
			ID          string
			Betweenness float64
		}
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	// a1 is on the only path between a0 and a2.
	if len(res.Actors) != 3 || res.Actors[1].ID != "a1" || res.Actors[1].Betweenness != 1 {
		t.Errorf("result actors %+v", res.Actors)
	}
}

func TestRunErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run(nil, &stdout, &stderr); code != 2 {
		t.Errorf("no directory: exit %d, want 2", code)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "actors.csv"), []byte("id,name,family\na,A,ong\nb,B,ong\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "links.csv"), []byte("source,target,weight\na,b,heavy\n"), 0o644)
	if code := run([]string{dir}, &stdout, &stderr); code != 1 {
		t.Errorf("bad weight: exit %d, want 1", code)
	}
}
