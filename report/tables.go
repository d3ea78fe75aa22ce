package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/sanitize"
	"slices"
)

// writeTables returns the machine-readable tables of the report, by file
// name: the numbers in machine format whatever the language (decimal point,
// shortest representation that reads back exactly; undefined values empty
// in CSV and null in JSON), lists joined by "|" in CSV.
//
//	analysis.json   the whole analysis, as "alliances analyze --format json"
//	actors.csv      one row per actor: attributes and every metric
//	network.csv     the network-level metrics, one per row (measure, value)
//	network.json    the network-level metrics and the analysis parameters
//	families.csv    actors and E-I index per family
//	projects.csv/.json  the alliance metrics of every project
//	isolated.csv/.json  flagged actors, reasons and suggestions (one CSV row per suggestion)
//	warnings.csv    the validation warnings of the ingests (numbered as in the report)
//	inputs.csv      the input files and the files named by ingest flags, with their SHA-256
func writeTables(in Input) (map[string][]byte, error) {
	out := map[string][]byte{}
	m := in.Metrics
	var err error
	put := func(name string, v any) {
		if err != nil {
			return
		}
		var b []byte
		b, err = json.MarshalIndent(v, "", "  ")
		out[name] = append(b, '\n')
	}
	put("analysis.json", m)
	put("network.json", struct {
		Network    analysis.NetworkMetrics `json:"network"`
		Parameters analysis.Parameters     `json:"parameters"`
	}{m.Network, m.Parameters})
	projects := m.Projects
	if projects == nil {
		projects = []analysis.ProjectMetrics{}
	}
	put("projects.json", struct {
		Projects []analysis.ProjectMetrics `json:"projects"`
	}{projects})
	iso := in.Isolated
	if iso == nil {
		iso = &analysis.IsolatedResult{Actors: []analysis.IsolatedActor{}}
	}
	put("isolated.json", iso)
	if err != nil {
		return nil, err
	}

	out["actors.csv"] = actorsCSV(in.Network, m)
	out["network.csv"] = networkCSV(m.Network)
	out["families.csv"] = familiesCSV(in.Network, m)
	out["projects.csv"] = projectsCSV(projects)
	out["isolated.csv"] = isolatedCSV(iso)
	rows := [][]string{{"ingest", "warning"}}
	for i, r := range in.Ingests {
		for _, w := range r.Warnings {
			rows = append(rows, []string{itoa(i + 1), w})
		}
	}
	out["warnings.csv"] = csvBytes(rows)
	rows = [][]string{{"path", "sha256", "flag"}}
	for _, f := range sourceFiles(in) {
		rows = append(rows, []string{f.Path, f.SHA256, f.Flag})
	}
	out["inputs.csv"] = csvBytes(rows)
	return out, nil
}

// csvBytes writes rows as RFC 4180 CSV with "\n" line ends; cells a
// spreadsheet would run as formulas are neutralised (sanitize.CSVCell,
// OWASP).
func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		_ = w.Write(sanitize.CSVRecord(slices.Clone(r))) // writes to a bytes.Buffer cannot fail
	}
	w.Flush()
	return b.Bytes()
}

// formatFloat writes v in machine format; undefined values are empty.
func formatFloat(v float64) string { return analysis.Num(v).String() }

func num(v analysis.Num) string { return v.String() }

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }

func itoa(n int) string { return strconv.Itoa(n) }

func actorsCSV(net *graph.Network, m *analysis.Result) []byte {
	attrs := make(map[string]graph.Actor, len(net.Actors))
	for _, a := range net.Actors {
		attrs[a.ID] = a
	}
	cols := analysis.ActorColumns()
	header := []string{"id", "name", "family", "country", "territory", "level"}
	// The metric columns are named as in "alliances analyze --format csv".
	header = append(header, analysis.ActorColumnNames()...)
	rows := [][]string{header}
	for i := range m.Actors {
		a := &m.Actors[i]
		g := attrs[a.ID]
		row := []string{a.ID, a.Name, a.Family, g.Country, g.Territory, g.Level}
		for _, c := range cols {
			row = append(row, c.Text(a))
		}
		rows = append(rows, row)
	}
	return csvBytes(rows)
}

func networkCSV(n analysis.NetworkMetrics) []byte {
	rows := [][]string{
		{"measure", "value"},
		{"actors", itoa(n.Actors)},
		{"ties", itoa(n.Ties)},
		{"density", num(n.Density)},
		{"components", itoa(n.Components)},
		{"largest_component_share", num(n.LargestComponentShare)},
		{"transitivity", num(n.Transitivity)},
		{"average_clustering", num(n.AverageClustering)},
		{"degree_centralization", num(n.DegreeCentralization)},
		{"betweenness_centralization", num(n.BetweennessCentralization)},
		{"degree_assortativity", num(n.DegreeAssortativity)},
		{"family_assortativity", num(n.FamilyAssortativity)},
		{"ei_index.network", num(n.EIIndex.Network)},
	}
	fams := make([]string, 0, len(n.EIIndex.Families))
	for f := range n.EIIndex.Families {
		fams = append(fams, f)
	}
	sort.Strings(fams)
	for _, f := range fams {
		rows = append(rows, []string{"ei_index.families." + f, num(n.EIIndex.Families[f])})
	}
	rows = append(rows, []string{"modularity", num(n.Modularity)}, []string{"communities", itoa(n.Communities)})
	return csvBytes(rows)
}

func familiesCSV(net *graph.Network, m *analysis.Result) []byte {
	names, counts := familyCounts(net.Actors)
	rows := [][]string{{"family", "actors", "share", "ei_index"}}
	for _, f := range names {
		ei := analysis.Undefined
		if v, ok := m.Network.EIIndex.Families[f]; ok {
			ei = v
		}
		rows = append(rows, []string{f, itoa(counts[f]),
			formatFloat(float64(counts[f]) / float64(len(net.Actors))), num(ei)})
	}
	return csvBytes(rows)
}

func projectsCSV(ps []analysis.ProjectMetrics) []byte {
	rows := [][]string{{"id", "name", "programme", "phase", "actors", "families", "family_coverage",
		"missing_families", "levels", "countries"}}
	for _, p := range ps {
		rows = append(rows, []string{p.ID, p.Name, p.Programme, itoa(p.Phase), itoa(p.Actors),
			strings.Join(p.Families, "|"), num(p.FamilyCoverage), strings.Join(p.MissingFamilies, "|"),
			strings.Join(p.Levels, "|"), strings.Join(p.Countries, "|")})
	}
	return csvBytes(rows)
}

func isolatedCSV(r *analysis.IsolatedResult) []byte {
	rows := [][]string{{"id", "name", "family", "reasons", "rank", "suggestion", "suggestion_name",
		"suggestion_family", "score", "why"}}
	for _, a := range r.Actors {
		reasons := strings.Join(a.Reasons, "|")
		if len(a.Suggestions) == 0 {
			rows = append(rows, []string{a.ID, a.Name, a.Family, reasons, "", "", "", "", "", ""})
		}
		for i, s := range a.Suggestions {
			rows = append(rows, []string{a.ID, a.Name, a.Family, reasons, itoa(i + 1), s.ID, s.Name, s.Family,
				formatFloat(s.Score), s.Why})
		}
	}
	return csvBytes(rows)
}
