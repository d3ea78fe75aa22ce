package ingest

import (
	"bytes"
	"fmt"
	"io"

	"github.com/alliances/alliances/graph"
)

// readGraphML and readGEXF read a whole GraphML or GEXF file into a sorted
// dataset, as Open reads it.
func readGraphML(r io.Reader, file string) (*graph.Dataset, []Problem) {
	return readGraph(r, file, graphMLSource)
}

func readGEXF(r io.Reader, file string) (*graph.Dataset, []Problem) {
	return readGraph(r, file, gexfSource)
}

// readGraph reads a whole graph file with source (graphMLSource or
// gexfSource) into a sorted dataset.
func readGraph(r io.Reader, file string, source func(string, func() (io.ReadCloser, error)) (*graphSource, []Problem)) (*graph.Dataset, []Problem) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, []Problem{{File: file, Err: fmt.Errorf("%w: %w", ErrFormat, err), Hint: "the file could not be read"}}
	}
	g, probs := source(file, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil })
	if g == nil {
		return nil, probs
	}
	d := g.nodes
	probs = append(probs, g.edges(func(l graph.Link) { d.Links = append(d.Links, l) },
		func(p graph.Participation) { d.Participations = append(d.Participations, p) })...)
	d.Sort()
	return d, probs
}
