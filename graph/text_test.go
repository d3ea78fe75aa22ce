package graph

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckText(t *testing.T) {
	for _, ok := range []string{"", "cd44", "Commune d'Aït Amira", "جمعية\u200f", "Cornwall\nCouncil", "tab\there", "CRLF\r\n", "rlo\u202e", "c1\u0085", "\uFFFD", strings.Repeat("N", 1<<16)} {
		if err := CheckText(ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"a\x00b", "esc\x1b[31m", "bel\x07", "\uFFFE", "\U0010FFFF", "\uFDD0", "bad\xff"} {
		if err := CheckText(bad); !errors.Is(err, ErrText) {
			t.Errorf("%q: got %v", bad, err)
		}
	}
}

func TestCheckID(t *testing.T) {
	if err := CheckID(strings.Repeat("x", MaxIDBytes)); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{strings.Repeat("x", MaxIDBytes+1), "a\x00b"} {
		if err := CheckID(bad); !errors.Is(err, ErrText) {
			t.Errorf("%.20q: got %v", bad, err)
		}
	}
}
