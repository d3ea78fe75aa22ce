package ingest

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hookedClose is a file whose Close runs a function after closing.
type hookedClose struct {
	io.ReadCloser
	after func()
}

func (h hookedClose) Close() error {
	err := h.ReadCloser.Close()
	h.after()
	return err
}

// Issue #16, finding 11: "an input file changed during an ingest mixes old
// and new rows". The file is rewritten when one of its readings ends: ingest
// reads it again after the change (caught when it reopens it) or not (caught
// by the check after the last reading); either way nothing is ingested.
func TestFileChangedDuringIngest(t *testing.T) {
	dir := t.TempDir()
	actors := filepath.Join(dir, "actors.csv")
	graphml := filepath.Join(dir, "net.graphml")
	contents := map[string]string{
		actors:  "id,name,family\na1,Nantes,collectivite\na2,GRET,ong\n",
		graphml: `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="b1"/><node id="b2"/><edge source="b1" target="b2"/></graph></graphml>`,
	}
	for _, p := range []string{actors, graphml} {
		reset := func() { os.WriteFile(p, []byte(contents[p]), 0o644) }
		reset()
		// How many times is the file opened by an ingest?
		opens := 0
		count := func(q string) (io.ReadCloser, error) {
			if q == p {
				opens++
			}
			return openFile(q)
		}
		if _, err := read(context.Background(), []string{p}, Options{}, count, true); err != nil {
			t.Fatal(err)
		}
		if opens < 2 {
			t.Fatalf("%s opened %d time(s)", p, opens)
		}
		for n := 1; n <= opens; n++ {
			reset()
			i := 0
			open := func(q string) (io.ReadCloser, error) {
				f, err := openFile(q)
				if err != nil || q != p {
					return f, err
				}
				i++
				if i != n {
					return f, nil
				}
				return hookedClose{f, func() {
					time.Sleep(10 * time.Millisecond) // a later modification time
					b, _ := os.ReadFile(p)
					os.WriteFile(p, []byte(strings.Replace(string(b), "2", "3", -1)), 0o644)
				}}, nil
			}
			_, err := read(context.Background(), []string{p}, Options{}, open, true)
			var ve *ValidationError
			if !errors.As(err, &ve) || !strings.Contains(err.Error(), "changed while it was read") {
				t.Errorf("%s changed after reading %d of %d: got %v", filepath.Base(p), n, opens, err)
			}
		}
	}
}
