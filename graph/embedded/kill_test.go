//go:build unix

package embedded

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/alliances/alliances/graph"
)

// TestKilledPutBatches kills (SIGKILL) a process of this test binary in the
// middle of a PutBatches, at several moments, and checks that the store
// still loads its previous state, and that the next PutBatches succeeds.
func TestKilledPutBatches(t *testing.T) {
	if path := os.Getenv("EMBEDDED_TEST_KILL_STORE"); path != "" {
		killedPut(path, os.Getenv("EMBEDDED_TEST_KILL_AT"))
		return
	}
	base, update := testData()
	path := filepath.Join(t.TempDir(), "alliances.db")
	s := mustOpen(t, path)
	if err := s.Put(context.Background(), base); err != nil {
		t.Fatal(err)
	}
	s.Close()
	old := want(t, base)
	// update has 2,000 links, in parts of 40: 50 parts.
	for _, at := range []int{1, 2, 7, 26, 50} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledPutBatches$", "-test.count=1")
		cmd.Env = append(os.Environ(), "EMBEDDED_TEST_KILL_STORE="+path, "EMBEDDED_TEST_KILL_AT="+strconv.Itoa(at))
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("the process putting batches was to be killed at part %d; it ended with %v:\n%s", at, err, out)
		}
		s := mustOpen(t, path)
		checkLoad(t, "after a process was killed during PutBatches at part "+strconv.Itoa(at), s, old)
		if _, all := generations(t, s); len(all) != 2 {
			t.Errorf("killed at part %d: generations %q, want the current one and the one being written", at, all)
		}
		s.Close()
	}
	s = mustOpen(t, path)
	defer s.Close()
	if res, err := s.PutBatches(context.Background(), graph.InBatches(update, 40), graph.Upsert); err != nil || !res.Changed {
		t.Fatalf("PutBatches after the kills: changed %v, error %v", res.Changed, err)
	}
	checkLoad(t, "after PutBatches following the kills", s, want(t, base, update))
	if current, all := generations(t, s); len(all) != 1 || all[0] != current {
		t.Errorf("after PutBatches following the kills: generations %q, current %q; want only the current one", all, current)
	}
}

// killedPut puts the update of testData into the store at path, in
// transactions of 50 records (rebuilding the tables), and kills its own process when the store
// reads part at of the second call of the batches, after the comparison.
func killedPut(path, at string) {
	txRecords, smallPut = 50, 0
	n, _ := strconv.Atoi(at)
	s, err := Open(path)
	if err != nil {
		os.Exit(3)
	}
	_, update := testData()
	calls := 0
	b := func(yield func(*graph.Dataset) error) error {
		calls++
		part := 0
		return graph.InBatches(update, 40)(func(p *graph.Dataset) error {
			if part++; calls > 1 && part == n {
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
				select {}
			}
			return yield(p)
		})
	}
	s.PutBatches(context.Background(), b, graph.Upsert)
	os.Exit(4) // not killed: the test fails
}
