package ingest

import (
	"bytes"
	"io"
	"testing"

	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// roundTrip writes d with write, reads it back with read and checks that
// nothing was lost or added, and that every record points into the file.
func roundTrip(t *testing.T, d *graph.Dataset, opts export.Options,
	write func(io.Writer, *graph.Dataset, export.Options) error,
	read func(io.Reader, string) (*graph.Dataset, []Problem)) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, d, opts); err != nil {
		t.Fatalf("export: %v", err)
	}
	got, probs := read(bytes.NewReader(buf.Bytes()), "out")
	if len(probs) > 0 {
		t.Fatalf("reading the export: %v\n%s", probs, buf.Bytes())
	}
	sameDataset(t, got, d)
	checkOrigins(t, got, "out", bytes.Count(buf.Bytes(), []byte("\n")))
	if t.Failed() {
		t.Logf("file:\n%s", buf.Bytes())
	}
	// Writing the same data twice gives the same bytes.
	var again bytes.Buffer
	if err := write(&again, storetest.WithoutOrigin(got), opts); err != nil {
		t.Fatalf("export again: %v", err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("export of the data read back differs from the first export")
	}
}

func fuzzRoundTrip(f *testing.F,
	write func(io.Writer, *graph.Dataset, export.Options) error,
	read func(io.Reader, string) (*graph.Dataset, []Problem)) {
	for _, s := range roundTripSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, data []byte, withMetrics bool) {
		d := randomDataset(data)
		opts := export.Options{}
		if withMetrics {
			opts = export.Options{WithMetrics: true, Metrics: randomMetrics(d)}
		}
		roundTrip(t, d, opts, write, read)
	})
}

func FuzzGraphMLRoundTrip(f *testing.F) { fuzzRoundTrip(f, export.GraphML, readGraphML) }
func FuzzGEXFRoundTrip(f *testing.F)    { fuzzRoundTrip(f, export.GEXF, readGEXF) }
func FuzzJSONRoundTrip(f *testing.F)    { fuzzRoundTrip(f, export.JSON, readJSON) }

// TestRoundTripSeedsAreRich guards the fuzz seeds: they must produce every
// kind of record, or the round-trip tests would prove little.
func TestRoundTripSeedsAreRich(t *testing.T) {
	var actors, links, directed, projects, parts, attrs, dims int
	for _, s := range roundTripSeeds {
		d := randomDataset(s)
		actors += len(d.Actors)
		links += len(d.Links)
		projects += len(d.Projects)
		parts += len(d.Participations)
		for _, l := range d.Links {
			if l.Directed {
				directed++
			}
		}
		for _, a := range d.Actors {
			attrs += len(a.Attrs)
		}
		for _, p := range d.Projects {
			dims += len(p.Dimensions)
		}
	}
	for name, n := range map[string]int{"actors": actors, "links": links, "directed links": directed,
		"projects": projects, "participations": parts, "actor attributes": attrs, "dimensions": dims} {
		if n < 2 {
			t.Errorf("the seeds produce %d %s", n, name)
		}
	}
}
