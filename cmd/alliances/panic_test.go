package main

import (
	"bytes"
	"strings"
	"testing"
)

// Issue #16, finding 11: a panic exited with code 2, the usage code.
func TestPanicExitsOneAndAsksForAReport(t *testing.T) {
	err := recovered(func() error {
		var m map[string]int
		m["x"]++ // a bug: assignment to a nil map
		return nil
	})
	var stderr bytes.Buffer
	if code := exitCode(&stderr, "analyze", err); code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	msg := stderr.String()
	for _, want := range []string{"alliances analyze: internal error: assignment to entry in nil map", "bug in alliances", "report it", "panic_test.go"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}
