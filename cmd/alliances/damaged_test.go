package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A damaged store file gives every reading and writing command the same
// clear error and exit code 1, within seconds, and ingest leaves the file as
// it was (docs/reliability.md, "Damaged store files"). The damages are those
// of graph/embedded's TestDamagedStoreFiles, a few of each kind, through the
// command line.
func TestDamagedStoreThroughCommands(t *testing.T) {
	store := demoStore(t)
	pristine, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	page := 4096
	damages := map[string][]byte{
		"cut in half":         pristine[:len(pristine)/2],
		"cut mid-page":        pristine[:3*page+100],
		"meta page zeroed":    append(append(append([]byte{}, pristine[:page]...), make([]byte, page)...), pristine[2*page:]...),
		"last page of 0xff":   append(append([]byte{}, pristine[:len(pristine)-page]...), bytes.Repeat([]byte{0xff}, page)...),
		"meta byte flipped":   flip(pristine, page+40),
		"header byte flipped": flip(pristine, 3*page+10),
	}
	files := exampleFiles(t)
	_, want, _ := cli(t, "analyze", "--store", store, "--format", "json")
	for name, data := range damages {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "damaged.db")
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			// A damage in free pages or unused bytes is harmless: the data
			// read back are those written.
			if code, out, _ := cliWithin(t, 30*time.Second, "analyze", "--store", path, "--format", "json"); code == 0 {
				if out != want {
					t.Fatal("the damaged store opened and read back other data")
				}
				return
			}
			for _, args := range [][]string{
				{"analyze", "--store", path},
				{"isolated", "--store", path},
				{"query", "--store", path, "partners", "cd44"},
				{"export", "--store", path, "-o", filepath.Join(t.TempDir(), "x.graphml")},
				append([]string{"ingest", "--store", path}, files...),
			} {
				code, _, errs := cliWithin(t, 30*time.Second, args...)
				if code != 1 || !strings.Contains(errs, "damaged") || !strings.Contains(errs, path) ||
					!strings.Contains(errs, "restore it from a backup") {
					t.Errorf("%s: exit %d, %q; want exit 1 and the damaged-store error naming the file", args[0], code, errs)
				}
				if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
					t.Errorf("%s: %s", args[0], errs)
				}
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
				t.Error("the commands changed the damaged file")
			}
		})
	}
	detected := 0
	for _, data := range damages {
		path := filepath.Join(t.TempDir(), "d.db")
		_ = os.WriteFile(path, data, 0o644)
		if code, _, _ := cli(t, "analyze", "--store", path); code == 1 {
			detected++
		}
	}
	if detected < len(damages)-1 {
		t.Errorf("%d of %d damages detected: the cases no longer test detection", detected, len(damages))
	}
}

func flip(b []byte, at int) []byte {
	c := bytes.Clone(b)
	c[at] ^= 0xff
	return c
}
