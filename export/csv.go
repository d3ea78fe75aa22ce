package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/outfile"
	"github.com/alliances/alliances/sanitize"
)

// CSV header names, as ingest recognises them.
var (
	actorHeader         = []string{"id", "name", "family", "country", "territory", "level"}
	linkHeader          = []string{"source", "target", "type", "weight", "directed", "start", "end"}
	projectHeader       = []string{"id", "name", "programme", "phase", "start", "end", "dimensions", "targets", "territory"}
	participationHeader = []string{"actor", "project", "role", "start", "end"}
)

// CSV writes the dataset as the four input tables into the directory dir
// (created if needed): actors.csv, links.csv, projects.csv and
// participations.csv, comma-separated UTF-8 with the English headers that
// ingest recognises. Attributes become extra columns, sorted by name;
// dimensions and targets are joined with "|"; directed is "true" or "false".
// With WithMetrics, actors.csv has one more column per metric (MetricColumns);
// undefined values are empty cells. It returns the paths written.
func CSV(dir string, d *graph.Dataset, opts Options) ([]string, error) {
	res, err := opts.metrics()
	if err != nil {
		return nil, err
	}
	// The four tables replace the previous ones together, once all are
	// written (outfile).
	out, err := outfile.OpenDir(dir, outfile.Options{})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	defer out.Discard()
	s := sorted(d)
	write := func(name string, header []string, rows [][]string) error {
		if err := out.Write(name, csvTable(header, rows)); err != nil {
			return fmt.Errorf("export: %s: %w", name, err)
		}
		return nil
	}
	header, rows := actorRows(s.Actors, res)
	if err := write("actors.csv", header, rows); err != nil {
		return nil, err
	}

	rows = rows[:0]
	for _, l := range s.Links {
		rows = append(rows, []string{l.Source, l.Target, l.Type, formatFloat(weightOf(l)),
			strconv.FormatBool(l.Directed), l.Start, l.End})
	}
	if err := write("links.csv", linkHeader, rows); err != nil {
		return nil, err
	}

	attrs := attrKeys(len(s.Projects), func(i int) map[string]string { return s.Projects[i].Attrs })
	header = append(append([]string{}, projectHeader...), attrs...)
	rows = rows[:0]
	for _, p := range s.Projects {
		phase := ""
		if p.Phase != 0 {
			phase = strconv.Itoa(p.Phase)
		}
		row := []string{p.ID, p.Name, p.Programme, phase, p.Start, p.End,
			strings.Join(p.Dimensions, "|"), strings.Join(p.Targets, "|"), p.Territory}
		for _, k := range attrs {
			row = append(row, p.Attrs[k])
		}
		rows = append(rows, row)
	}
	if err := write("projects.csv", header, rows); err != nil {
		return nil, err
	}

	rows = rows[:0]
	for _, p := range s.Participations {
		rows = append(rows, []string{p.Actor, p.Project, p.Role, p.Start, p.End})
	}
	if err := write("participations.csv", participationHeader, rows); err != nil {
		return nil, err
	}
	paths, err := out.Commit()
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	return paths, nil
}

// actorRows returns the header and rows of actors.csv: the actor columns,
// the attributes (sorted by name) and, with res, the metrics.
func actorRows(actors []graph.Actor, res *analysis.Result) ([]string, [][]string) {
	metrics := metricIndex(res)
	attrs := attrKeys(len(actors), func(i int) map[string]string { return actors[i].Attrs })
	header := append(append([]string{}, actorHeader...), attrs...)
	if res != nil {
		header = append(header, MetricColumns()...)
	}
	rows := make([][]string, 0, len(actors))
	for _, a := range actors {
		row := []string{a.ID, a.Name, a.Family, a.Country, a.Territory, a.Level}
		for _, k := range attrs {
			row = append(row, a.Attrs[k])
		}
		if res != nil {
			m := metrics[a.ID]
			for _, c := range analysis.ActorColumns() {
				v := ""
				if m != nil {
					v = c.Text(m)
				}
				row = append(row, v)
			}
		}
		rows = append(rows, row)
	}
	return header, rows
}

// csvTable returns a function writing header and rows as CSV. Cells a
// spreadsheet would run as formulas are neutralised (sanitize.CSVCell,
// OWASP); ingest reads them back unchanged.
func csvTable(header []string, rows [][]string) func(io.Writer) error {
	return func(f io.Writer) error {
		w := csv.NewWriter(f)
		if err := w.Write(header); err != nil {
			return err
		}
		for _, r := range rows {
			if err := w.Write(sanitize.CSVRecord(r)); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	}
}

// attrKeys returns the sorted union of the attribute names of n records.
func attrKeys(n int, attrs func(int) map[string]string) []string {
	seen := map[string]bool{}
	var keys []string
	for i := 0; i < n; i++ {
		for k := range attrs(i) {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
