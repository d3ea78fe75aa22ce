package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/sanitize"
	"slices"
)

// sheet is one table of the report's files: tables/NAME.csv and the sheet
// NAME of tables/tables.xlsx. Cells are in machine format (decimal point,
// shortest representation that reads back exactly; undefined values
// empty); Num marks the numeric columns.
type sheet struct {
	Name string
	Head []string
	Num  []bool
	Rows [][]string
}

// writeTables returns the tables of the report, by file name. JSON files
// hold the numbers in machine format whatever the language. CSV files too
// in English (RFC 4180, ","); in French they are written for French
// spreadsheets: ";" between cells, decimal comma in the numeric columns and a
// UTF-8 byte order mark, so that Excel opens them with every column and
// accent in place. tables.xlsx holds every CSV table as a sheet, numbers as
// numbers. Lists are joined by "|".
//
//	analysis.json   the whole analysis, as "alliances analyze --format json"
//	actors.csv      one row per actor: attributes and every metric
//	network.csv     the network-level metrics, one per row (measure, value)
//	network.json    the network-level metrics, the analysis parameters and the E-I test
//	families.csv    actors and E-I index per family
//	ei-test.csv     the E-I index against random mixing (permutation test)
//	projects.csv/.json  the alliance metrics of every project
//	isolated.csv/.json  flagged actors, reasons and suggestions (one CSV row per suggestion)
//	warnings.csv    the validation warnings of the ingests (numbered as in the report)
//	inputs.csv      the input files and the files named by ingest flags, with their SHA-256
//	tables.xlsx     every CSV table above, one sheet each
func writeTables(in Input, l lang, ei *analysis.EITest, date time.Time) (map[string][]byte, error) {
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
		EITest     *analysis.EITest        `json:"ei_test,omitempty"`
	}{m.Network, m.Parameters, ei})
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

	sheets := []*sheet{
		actorsSheet(in.Network, m),
		networkSheet(m.Network),
		familiesSheet(in.Network, m),
		eiTestSheet(ei),
		projectsSheet(projects),
		isolatedSheet(iso),
	}
	warnings := &sheet{Name: "warnings", Head: []string{"ingest", "warning"}, Num: []bool{true, false}}
	for i, r := range in.Ingests {
		for _, w := range r.Warnings {
			warnings.Rows = append(warnings.Rows, []string{itoa(i + 1), w})
		}
	}
	inputs := &sheet{Name: "inputs", Head: []string{"path", "sha256", "flag"}, Num: []bool{false, false, false}}
	for _, f := range sourceFiles(in) {
		inputs.Rows = append(inputs.Rows, []string{f.Path, f.SHA256, f.Flag})
	}
	sheets = append(sheets, warnings, inputs)
	for _, sh := range sheets {
		if sh != nil {
			out[sh.Name+".csv"] = sh.csv(l.fr)
		}
	}
	if out["tables.xlsx"], err = workbook(sheets, date); err != nil {
		return nil, err
	}
	return out, nil
}

// csv writes the sheet as CSV with "\n" line ends: RFC 4180 with "," and a
// decimal point, or, for French spreadsheets, ";", a decimal comma in the
// numeric columns and a UTF-8 byte order mark. Cells a spreadsheet would
// run as formulas are neutralised (sanitize.CSVCell, OWASP).
func (sh *sheet) csv(french bool) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if french {
		b.WriteString("\ufeff")
		w.Comma = ';'
	}
	_ = w.Write(sanitize.CSVRecord(slices.Clone(sh.Head))) // writes to a bytes.Buffer cannot fail
	for _, r := range sh.Rows {
		r = slices.Clone(r)
		if french {
			for i := range r {
				if i < len(sh.Num) && sh.Num[i] {
					r[i] = strings.Replace(r[i], ".", ",", 1)
				}
			}
		}
		_ = w.Write(sanitize.CSVRecord(r))
	}
	w.Flush()
	return b.Bytes()
}

// formatFloat writes v in machine format; undefined values are empty.
func formatFloat(v float64) string { return analysis.Num(v).String() }

func num(v analysis.Num) string { return v.String() }

func formatInt(n int64) string { return strconv.FormatInt(n, 10) }

func itoa(n int) string { return strconv.Itoa(n) }

func actorsSheet(net *graph.Network, m *analysis.Result) *sheet {
	attrs := make(map[string]graph.Actor, len(net.Actors))
	for _, a := range net.Actors {
		attrs[a.ID] = a
	}
	cols := analysis.ActorColumns()
	header := []string{"id", "name", "family", "country", "territory", "level"}
	// The metric columns are named as in "alliances analyze --format csv".
	header = append(header, analysis.ActorColumnNames()...)
	sh := &sheet{Name: "actors", Head: header, Num: make([]bool, len(header))}
	for i := 6; i < len(header); i++ {
		sh.Num[i] = true
	}
	for i := range m.Actors {
		a := &m.Actors[i]
		g := attrs[a.ID]
		row := []string{a.ID, a.Name, a.Family, g.Country, g.Territory, g.Level}
		for _, c := range cols {
			row = append(row, c.Text(a))
		}
		sh.Rows = append(sh.Rows, row)
	}
	return sh
}

func networkSheet(n analysis.NetworkMetrics) *sheet {
	rows := [][]string{
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
	return &sheet{Name: "network", Head: []string{"measure", "value"}, Num: []bool{false, true}, Rows: rows}
}

func familiesSheet(net *graph.Network, m *analysis.Result) *sheet {
	names, counts := familyCounts(net.Actors)
	sh := &sheet{Name: "families", Head: []string{"family", "actors", "share", "ei_index"}, Num: []bool{false, true, true, true}}
	for _, f := range names {
		ei := analysis.Undefined
		if v, ok := m.Network.EIIndex.Families[f]; ok {
			ei = v
		}
		sh.Rows = append(sh.Rows, []string{f, itoa(counts[f]),
			formatFloat(float64(counts[f]) / float64(len(net.Actors))), num(ei)})
	}
	return sh
}

func projectsSheet(ps []analysis.ProjectMetrics) *sheet {
	sh := &sheet{Name: "projects", Head: []string{"id", "name", "programme", "phase", "actors", "families", "family_coverage",
		"missing_families", "levels", "countries"}, Num: []bool{false, false, false, true, true, false, true, false, false, false}}
	for _, p := range ps {
		sh.Rows = append(sh.Rows, []string{p.ID, p.Name, p.Programme, itoa(p.Phase), itoa(p.Actors),
			strings.Join(p.Families, "|"), num(p.FamilyCoverage), strings.Join(p.MissingFamilies, "|"),
			strings.Join(p.Levels, "|"), strings.Join(p.Countries, "|")})
	}
	return sh
}

func isolatedSheet(r *analysis.IsolatedResult) *sheet {
	sh := &sheet{Name: "isolated", Head: []string{"id", "name", "family", "reasons", "rank", "suggestion", "suggestion_name",
		"suggestion_family", "score", "why"}, Num: []bool{false, false, false, false, true, false, false, false, true, false}}
	rows := [][]string{}
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
	sh.Rows = rows
	return sh
}

// eiTestSheet is the E-I test as (measure, value) rows; nil without ties.
func eiTestSheet(t *analysis.EITest) *sheet {
	if t == nil || t.Permutations == 0 {
		return nil
	}
	return &sheet{Name: "ei-test", Head: []string{"measure", "value"}, Num: []bool{false, true}, Rows: [][]string{
		{"observed", num(t.Observed)},
		{"expected", num(t.Expected)},
		{"permutation_mean", num(t.Mean)},
		{"permutation_sd", num(t.SD)},
		{"permutations", itoa(t.Permutations)},
		{"p_higher", num(t.PHigher)},
		{"p_lower", num(t.PLower)},
	}}
}
