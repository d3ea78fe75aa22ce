package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cliWithin runs the command line and fails the test if it has not
// returned after d.
func cliWithin(t *testing.T, d time.Duration, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := cli(t, args...)
		done <- result{code, out, errs}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.err
	case <-time.After(d):
		t.Fatalf("%v: still waiting after %v", args, d)
	}
	return 0, "", ""
}

// Issue #16, finding 5: "a FIFO given as input or as store blocks forever".
func TestFIFOAsInputOrStore(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "acteurs.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	mapping := filepath.Join(dir, "mapping.txt")
	if err := syscall.Mkfifo(mapping, 0o644); err != nil {
		t.Fatal(err)
	}
	store := ingestExample(t)
	files := exampleFiles(t)
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"ingest", "--store", filepath.Join(dir, "x.db"), fifo}, exitInvalid, "named pipe"},
		{[]string{"ingest", "--store", filepath.Join(dir, "x.db"), "--dry-run", files[0], fifo}, exitInvalid, "named pipe"},
		{[]string{"ingest", "--store", filepath.Join(dir, "x.db"), "--mapping", mapping, files[0]}, -1, "named pipe"},
		{[]string{"ingest", "--store", fifo, files[0]}, exitUsage, "named pipe"},
		{[]string{"analyze", "--store", fifo}, exitUsage, "named pipe"},
		{[]string{"ingest", "--store", dir, files[0]}, exitUsage, "directory"},
		{[]string{"analyze", "--store", "/dev/zero"}, exitUsage, "device"},
		{[]string{"ingest", "--store", store, "/dev/zero"}, exitInvalid, "device"},
	} {
		code, _, errs := cliWithin(t, 20*time.Second, tc.args...)
		if (tc.code >= 0 && code != tc.code) || code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d: %s", tc.args, code, errs)
		}
	}
	if fi, err := os.Stat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
}
