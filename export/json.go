package export

import (
	"encoding/json"
	"io"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// jsonDoc is the JSON document: the dataset and, with metrics, the analysis.
type jsonDoc struct {
	Actors         []graph.Actor         `json:"actors"`
	Links          []graph.Link          `json:"links"`
	Projects       []graph.Project       `json:"projects"`
	Participations []graph.Participation `json:"participations"`
	Metrics        *analysis.Result      `json:"metrics,omitempty"`
	Slice          *graph.SliceInfo      `json:"slice,omitempty"`
}

// JSON writes d as indented JSON: the graph.Dataset ({"actors", "links",
// "projects", "participations"}, each sorted, empty tables as []) and, with
// WithMetrics, "metrics": the analysis.Result. Undefined metrics are null.
// ingest reads this file back (and ignores "metrics").
func JSON(w io.Writer, d *graph.Dataset, opts Options) error {
	res, err := opts.metrics()
	if err != nil {
		return err
	}
	s := sorted(d)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jsonDoc{Actors: s.Actors, Links: s.Links, Projects: s.Projects,
		Participations: s.Participations, Metrics: res, Slice: opts.Slice})
}
