package storetest

import "github.com/alliances/alliances/graph"

// WithoutOrigin returns a sorted copy of d with the provenance of every
// record cleared (nil for nil), to compare a dataset with what a reader, a
// writer or a store gives back, which records other files and lines.
func WithoutOrigin(d *graph.Dataset) *graph.Dataset {
	if d == nil {
		return nil
	}
	c := &graph.Dataset{}
	for _, a := range d.Actors {
		a.Origin = graph.Provenance{}
		c.Actors = append(c.Actors, a)
	}
	for _, l := range d.Links {
		l.Origin = graph.Provenance{}
		c.Links = append(c.Links, l)
	}
	for _, p := range d.Projects {
		p.Origin = graph.Provenance{}
		c.Projects = append(c.Projects, p)
	}
	for _, p := range d.Participations {
		p.Origin = graph.Provenance{}
		c.Participations = append(c.Participations, p)
	}
	c.Sort()
	return c
}
