package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// ingestExample loads the bundled example into a new store and returns it.
func ingestExample(t *testing.T) string {
	t.Helper()
	store := filepath.Join(t.TempDir(), "alliances.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	return store
}

func sameBytes(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s changed (%d bytes, was %d)", path, len(got), len(want))
	}
}

// Issue #16, finding 10: "export --to json -o alliances.db replaces the
// store with its own export".
func TestOutputNeverReplacesStore(t *testing.T) {
	store := ingestExample(t)
	before, _ := os.ReadFile(store)
	other := filepath.Join(filepath.Dir(store), "other.db")
	os.WriteFile(other, before, 0o600) // another store, not the --store
	misnamed := filepath.Join(filepath.Dir(store), "network.svg")
	os.WriteFile(misnamed, before, 0o600) // a store with an output's name
	for _, args := range [][]string{
		{"export", "--store", store, "--to", "json", "-o", store},
		{"export", "--store", store, "--to", "graphml", "-o", other},
		{"map", "--store", store, "-o", store + ".svg"}, // fine: another name
		{"map", "--store", store, "--engine", "embedded", "-o", misnamed},
	} {
		code, _, errs := cli(t, args...)
		wantOK := args[len(args)-1] == store+".svg"
		if wantOK != (code == 0) {
			t.Errorf("%v: exit %d: %s", args, code, errs)
		}
		if !wantOK && !strings.Contains(errs, "store") {
			t.Errorf("%v: the message does not say why: %s", args, errs)
		}
	}
	sameBytes(t, store, before)
	sameBytes(t, other, before)
	sameBytes(t, misnamed, before)
	if code, _, errs := cli(t, "analyze", "--store", store, "--quiet"); code != 0 {
		t.Errorf("the store no longer reads: %s", errs)
	}
}

func TestOutputRefusesLinksAndSpecialFiles(t *testing.T) {
	store := ingestExample(t)
	dir := t.TempDir()
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("precious"), 0o644)
	link := filepath.Join(dir, "map.svg")
	os.Symlink(victim, link)
	fifo := filepath.Join(dir, "out.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"map", "--store", store, "-o", link},
		{"export", "--store", store, "--to", "json", "-o", fifo},
		{"export", "--store", store, "--to", "gexf", "-o", dir},
	} {
		if code, _, errs := cli(t, args...); code != exitError || errs == "" {
			t.Errorf("%v: exit %d, want %d with a message: %s", args, code, exitError, errs)
		}
	}
	sameBytes(t, victim, []byte("precious"))
}

// Issue #16, finding 10: "report -o DIR follows symlinks inside DIR".
func TestReportNeverWritesThroughLinksInsideItsDirectory(t *testing.T) {
	store := ingestExample(t)
	out, elsewhere := t.TempDir(), t.TempDir()
	victim := filepath.Join(elsewhere, "victim.html")
	os.WriteFile(victim, []byte("precious"), 0o644)
	for name, setup := range map[string]func(){
		"report.html a link": func() { os.Symlink(victim, filepath.Join(out, "report.html")) },
		"maps/ a link":       func() { os.Symlink(elsewhere, filepath.Join(out, "maps")) },
	} {
		t.Run(name, func(t *testing.T) {
			os.RemoveAll(out)
			os.Mkdir(out, 0o755)
			setup()
			code, _, errs := cli(t, "report", "--store", store, "-o", out, "--engine", "embedded", "--quiet")
			if code != exitError || !strings.Contains(errs, "symbolic link") {
				t.Errorf("exit %d: %s", code, errs)
			}
			if es, _ := os.ReadDir(elsewhere); len(es) != 1 {
				t.Errorf("written through the link: %v", es)
			}
			sameBytes(t, victim, []byte("precious"))
		})
	}
}

// TestExportOnFullDisk runs export in a child process whose files may not
// exceed 8 KB (RLIMIT_FSIZE, as on a full disk; Go ignores SIGXFSZ): the
// previous export must stay whole.
func TestExportOnFullDisk(t *testing.T) {
	if args := os.Getenv("ALLIANCES_TEST_FULL_DISK"); args != "" {
		lim := syscall.Rlimit{Cur: 8 << 10, Max: 8 << 10}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
			t.Fatal(err)
		}
		code, _, errs := cli(t, strings.Split(args, "\x1f")...)
		os.Stdout.WriteString("child exit " + string(rune('0'+code)) + ": " + errs)
		return
	}
	store := ingestExample(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "network.gexf")
	if code, _, errs := cli(t, "export", "--store", store, "--to", "gexf", "--with-metrics", "-o", out); code != 0 {
		t.Fatal(errs)
	}
	// The tables of a CSV export, too: all four stay as they were.
	tables := filepath.Join(dir, "tables")
	if code, _, errs := cli(t, "export", "--store", store, "--to", "csv", "-o", tables); code != 0 {
		t.Fatal(errs)
	}
	good, _ := os.ReadFile(out)
	if len(good) < 8<<10 {
		t.Fatalf("the export (%d bytes) is too small to overflow the limit", len(good))
	}
	goodActors, _ := os.ReadFile(filepath.Join(tables, "actors.csv"))
	// A larger export (with metrics) over the small one.
	os.WriteFile(out, good[:1000], 0o644)
	small, _ := os.ReadFile(out)
	for _, args := range [][]string{
		{"export", "--store", store, "--to", "gexf", "--with-metrics", "-o", out},
		{"export", "--store", store, "--to", "csv", "--with-metrics", "-o", tables},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestExportOnFullDisk$", "-test.count=1")
		cmd.Env = append(os.Environ(), "ALLIANCES_TEST_FULL_DISK="+strings.Join(args, "\x1f"))
		b, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(b), "child exit 1") {
			t.Fatalf("%v: want exit 1 on a full disk: %v\n%s", args, err, b)
		}
	}
	sameBytes(t, out, small)
	sameBytes(t, filepath.Join(tables, "actors.csv"), goodActors)
	for _, d := range []string{dir, tables} {
		es, _ := os.ReadDir(d)
		for _, e := range es {
			if strings.HasSuffix(e.Name(), ".tmp") {
				t.Errorf("temporary file left: %s", e.Name())
			}
		}
	}
}
