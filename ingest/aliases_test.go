package ingest

import (
	"errors"
	"strings"
	"testing"
)

func TestParseAliases(t *testing.T) {
	a, err := ParseAliases(strings.NewReader("\ufeff# comment\nA = B\nB = C\nx=y\n  D = C  \nC = C\n"), "al.txt")
	if err != nil {
		t.Fatal(err)
	}
	for alias, want := range map[string]string{"A": "C", "B": "C", "x": "y", "D": "C"} {
		if got := a.canon[alias]; got != want {
			t.Errorf("%s → %q, want %q", alias, got, want)
		}
	}
	if a.Len() != 4 {
		t.Errorf("%d aliases, want 4", a.Len())
	}
	_, err = ParseAliases(strings.NewReader("A = B\nB = A\n"), "al.txt")
	var verr *ValidationError
	if !errors.As(err, &verr) || !strings.Contains(err.Error(), "circle") {
		t.Errorf("cycle: %v", err)
	}
}
