package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/alliances/alliances/examples"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// withRunSize runs f with runSize set to n: with a tiny n, every table of a
// few rows is sorted on disk in many runs and merged back.
func withRunSize(t *testing.T, n int, f func()) {
	t.Helper()
	old := runSize
	runSize = n
	defer func() { runSize = old }()
	f()
}

// TestSpilledTablesGiveTheSameResult checks that sorting links and
// participations on disk (a large ingest) gives exactly the records and the
// warnings that sorting them in memory gives.
func TestSpilledTablesGiveTheSameResult(t *testing.T) {
	files := []string{"loire-souss/acteurs.csv", "loire-souss/projets.csv", "loire-souss/liens.csv", "loire-souss/participations.csv"}
	want, err := ReadFS(examples.LoireSouss, files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 7} {
		withRunSize(t, n, func() {
			got, err := ReadFS(examples.LoireSouss, files, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("run size %d: the result differs from the one sorted in memory", n)
			}
		})
	}
	// Repeats across runs: warnings and merged roles as in memory.
	withRunSize(t, 1, func() {
		t.Run("duplicates", TestReadDuplicates)
		t.Run("merged roles", TestReadMergesRoles)
		t.Run("same row", TestDuplicateOnSameRow)
	})
}

// TestBatchesFollowTheirContract checks that Input.Batches gives every record
// once, in the order graph.Batches promises, whatever the size of the parts,
// and gives the same parts when called again.
func TestBatchesFollowTheirContract(t *testing.T) {
	files := []string{"loire-souss/acteurs.csv", "loire-souss/projets.csv", "loire-souss/liens.csv", "loire-souss/participations.csv"}
	withRunSize(t, 5, func() {
		in, err := OpenFS(context.Background(), examples.LoireSouss, files, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		want, err := in.Dataset()
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{1, 3, 1000} {
			for call := range 2 {
				got := &graph.Dataset{}
				var order graph.BatchOrder
				parts := 0
				err := in.Batches(size)(func(part *graph.Dataset) error {
					parts++
					if n := len(part.Actors) + len(part.Projects) + len(part.Links) + len(part.Participations); n > size || n == 0 {
						t.Errorf("size %d: a part of %d records", size, n)
					}
					if err := order.Check(part); err != nil {
						t.Errorf("size %d: %v", size, err)
					}
					got.Actors = append(got.Actors, part.Actors...)
					got.Projects = append(got.Projects, part.Projects...)
					got.Links = append(got.Links, part.Links...)
					got.Participations = append(got.Participations, part.Participations...)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("size %d, call %d: the parts do not add up to the dataset", size, call+1)
				}
			}
		}
		stop := fmt.Errorf("stop")
		calls := 0
		if err := in.Batches(2)(func(*graph.Dataset) error { calls++; return stop }); err != stop || calls != 1 {
			t.Errorf("Batches went on after yield failed: %v after %d calls", err, calls)
		}
	})
}

// TestOpenLeavesNoTemporaryFiles checks that a large ingest cleans up after
// itself, whether it succeeds or fails.
func TestOpenLeavesNoTemporaryFiles(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	var links strings.Builder
	links.WriteString("source,target,weight\n")
	for i := range 200 {
		fmt.Fprintf(&links, "a%d,a%d,1\n", i%17, (i*7+3)%23)
	}
	good := filepath.Join(dir, "links.csv")
	writeGzip(t, good+".gz", links.String())
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("source,target,weight\nx,y,-1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withRunSize(t, 16, func() {
		in, err := Open(context.Background(), []string{good + ".gz"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if in.Links() == 0 {
			t.Fatal("no links read")
		}
		if entries, _ := os.ReadDir(tmp); len(entries) == 0 {
			t.Error("a large ingest kept its links in memory: no temporary file")
		}
		if err := in.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(context.Background(), []string{good + ".gz", bad}, Options{}); err == nil {
			t.Fatal("a negative weight was accepted")
		}
	})
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func writeGzip(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(text))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestOpenGraphFilesInTwoPasses checks that GraphML and GEXF files, read by
// Open in two passes (nodes, then edges as a stream), give what the whole
// file gives, gzip-compressed or not, with edges written before the nodes
// they join, and that their description counts every record.
func TestOpenGraphFilesInTwoPasses(t *testing.T) {
	graphml := `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="f" for="node" attr.name="family" attr.type="string"/>
  <key id="k" for="node" attr.name="kind" attr.type="string"/>
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <edge source="a" target="b"><data key="w">2.5</data></edge>
    <edge source="a" target="project:p"/>
    <node id="a"><data key="f">ong</data></node>
    <node id="b"><data key="f">association</data></node>
    <node id="project:p"><data key="k">project</data></node>
  </graph>
</graphml>`
	gexf := `<?xml version="1.0"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="0" title="family" type="string"/></attributes>
    <edges><edge id="0" source="a" target="b" weight="2.5"/></edges>
    <nodes>
      <node id="a" label="A"><attvalues><attvalue for="0" value="ong"/></attvalues></node>
      <node id="b" label="B"><attvalues><attvalue for="0" value="association"/></attvalues></node>
    </nodes>
  </graph>
</gexf>`
	dir := t.TempDir()
	for _, tc := range []struct {
		name, text string
		read       func(r io.Reader, file string) (*graph.Dataset, []Problem)
		records    int
		tables     []string
	}{
		{"n.graphml", graphml, readGraphML, 5, []string{"actors", "projects", "links", "participations"}},
		{"n.gexf", gexf, readGEXF, 3, []string{"actors", "links"}},
	} {
		want, probs := tc.read(strings.NewReader(tc.text), filepath.Join(dir, tc.name))
		if len(probs) > 0 || want == nil {
			t.Fatalf("%s: %v", tc.name, probs)
		}
		if len(want.Links) != 1 || want.Links[0].Weight != 2.5 {
			t.Fatalf("%s: links %+v, want the edge written before its nodes", tc.name, want.Links)
		}
		for _, gz := range []bool{false, true} {
			path := filepath.Join(dir, tc.name)
			if gz {
				path += ".gz"
				writeGzip(t, path, tc.text)
			} else if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := Read([]string{path}, Options{})
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			got := storetest.WithoutOrigin(res.Dataset)
			if !reflect.DeepEqual(got, storetest.WithoutOrigin(want)) {
				t.Errorf("%s: Read gives\n%+v\nthe whole file gives\n%+v", path, got, want)
			}
			info := res.Files[0]
			if info.Records != tc.records || !reflect.DeepEqual(info.Tables, tc.tables) || info.Compressed != gz || len(info.SHA256) != 64 {
				t.Errorf("%s: file info %+v, want %d records, tables %v, compressed %v", path, info, tc.records, tc.tables, gz)
			}
		}
	}
}

// countdown is a context that is cancelled after its Err has been asked n
// times: it stops Open at every stage of its work.
type countdown struct {
	context.Context
	n int
}

func (c *countdown) Err() error {
	if c.n--; c.n < 0 {
		return context.Canceled
	}
	return nil
}

// TestOpenCancelled checks that a cancelled Open, at whatever point, returns
// an error wrapping context.Canceled and leaves no temporary file.
func TestOpenCancelled(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dir := t.TempDir()
	var links strings.Builder
	links.WriteString("source,target\n")
	for i := range 3000 {
		fmt.Fprintf(&links, "a%d,a%d\n", i%101, (i*7+3)%97)
	}
	path := filepath.Join(dir, "links.csv")
	if err := os.WriteFile(path, []byte(links.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	withRunSize(t, 100, func() {
		completed := false
		for n := 0; !completed; n += 1 + n/4 {
			in, err := Open(&countdown{context.Background(), n}, []string{path}, Options{})
			if err == nil {
				completed = true
				in.Close()
				continue
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled after %d checks: %v, want an error wrapping context.Canceled", n, err)
			}
			if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
				t.Fatalf("cancelled after %d checks: temporary files left behind: %v", n, entries)
			}
		}
	})
}

// TestStaleTemporaryDirsAreRemoved checks that a large ingest removes the
// temporary directories of ingests that were killed (their process is gone),
// and only those.
func TestStaleTemporaryDirsAreRemoved(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the sweep runs on Unix only")
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	dead := filepath.Join(tmp, fmt.Sprintf("%s%d-123", tempPrefix, deadPID(t)))
	live := filepath.Join(tmp, fmt.Sprintf("%s%d-456", tempPrefix, os.Getppid()))
	for _, d := range []string{dead, live} {
		if err := os.MkdirAll(filepath.Join(d, "sub"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	withRunSize(t, 2, func() {
		in, err := OpenFS(context.Background(), examples.LoireSouss, []string{"loire-souss/acteurs.csv", "loire-souss/liens.csv"}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		in.Close()
	})
	if _, err := os.Stat(dead); !os.IsNotExist(err) {
		t.Errorf("the directory of a dead ingest is still there (%v)", err)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the directory of a running process was removed: %v", err)
	}
}

// deadPID returns the id of a process that has ended.
func deadPID(t *testing.T) int {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("no true command:", err)
	}
	return cmd.Process.Pid
}

// FuzzSpillCodec checks that links and participations come back from the
// temporary files of a large ingest exactly as they went in.
func FuzzSpillCodec(f *testing.F) {
	f.Add("a", "b", "partenariat", 1.5, true, "2020", "", "liens.csv", 3, "lead, partner")
	f.Add("", "é\x00z", "", -0.0, false, "2020-01-31", "2021", "dir/ünï.csv", 0, "")
	f.Fuzz(func(t *testing.T, s, tg, typ string, w float64, dir bool, start, end, file string, line int, role string) {
		l := graph.Link{Source: s, Target: tg, Type: typ, Weight: w, Directed: dir, Start: start, End: end,
			Origin: graph.Provenance{File: file, Line: max(line, 0)}}
		p := graph.Participation{Actor: s, Project: tg, Role: role, Start: start, End: end,
			Origin: graph.Provenance{File: file, Line: max(line, 0)}}
		var buf bytes.Buffer
		w1 := newRecWriter(&buf)
		linkCodec.put(w1, &l)
		participationCodec.put(w1, &p)
		linkCodec.put(w1, &l)
		if err := w1.flush(); err != nil {
			t.Fatal(err)
		}
		r := newRecReader(&buf)
		var gl, gl2 graph.Link
		var gp graph.Participation
		linkCodec.get(r, &gl)
		participationCodec.get(r, &gp)
		linkCodec.get(r, &gl2)
		if r.err != nil {
			t.Fatal(r.err)
		}
		same := func(a, b graph.Link) bool {
			return a.Source == b.Source && a.Target == b.Target && a.Type == b.Type && a.Directed == b.Directed &&
				a.Start == b.Start && a.End == b.End && a.Origin == b.Origin &&
				math.Float64bits(a.Weight) == math.Float64bits(b.Weight)
		}
		if !same(gl, l) || !same(gl2, l) || gp != p {
			t.Errorf("read back %+v, %+v, %+v; wrote %+v, %+v", gl, gp, gl2, l, p)
		}
	})
}
