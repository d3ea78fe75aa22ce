package export_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/export"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
	"github.com/alliances/alliances/ingest"
)

// csvDataset is a dataset that ingest accepts from CSV: vocabulary values in
// canonical form, trimmed cells.
func csvDataset() *graph.Dataset {
	return &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "cd44", Name: "Département de Loire-Atlantique", Family: "collectivite", Country: "FR",
				Territory: "Loire-Atlantique", Level: "regional", Attrs: map[string]string{"website": "https://loire-atlantique.fr"}},
			{ID: "enda", Name: "ENDA \"Tiers Monde\", Dakar", Family: "ong", Country: "SN", Level: "international",
				Attrs: map[string]string{"remarque": "siège; Dakar\nantenne à Thiès"}},
			{ID: "coop", Name: "Coopérative Ñandú", Family: "entreprise", Country: "BF"},
		},
		Links: []graph.Link{
			{Source: "cd44", Target: "enda", Type: "funding", Weight: 2.5, Directed: true, Start: "2019", End: "2022-12"},
			{Source: "enda", Target: "coop", Type: "appui technique", Weight: 1},
		},
		Projects: []graph.Project{
			{ID: "P1", Name: "Eau potable", Programme: "Sahel", Phase: 2, Start: "2021", End: "2024-06-30",
				Dimensions: []string{"local", "inclusive"}, Targets: []string{"youth", "women"}, Territory: "Thiès",
				Attrs: map[string]string{"budget": "120000"}},
			{ID: "P2", Name: "Formation"},
		},
		Participations: []graph.Participation{
			{Actor: "cd44", Project: "P1", Role: "lead", Start: "2021"},
			{Actor: "coop", Project: "P1", Role: "partner"},
			{Actor: "enda", Project: "P2"},
		},
	}
}

// csvRoundTrip exports d as CSV, reads the files back with ingest.Read, and
// fails unless the result equals d modulo provenance.
func csvRoundTrip(t *testing.T, d *graph.Dataset, opts export.Options) []string {
	t.Helper()
	dir := t.TempDir()
	paths, err := export.CSV(dir, d, opts)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Read(paths, ingest.Options{})
	if err != nil {
		t.Fatalf("ingest of the export: %v", err)
	}
	got := storetest.WithoutOrigin(res.Dataset)
	want := storetest.WithoutOrigin(d)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CSV round trip\n got %+v\nwant %+v", got, want)
	}
	return paths
}

func TestCSVRoundTrip(t *testing.T) {
	paths := csvRoundTrip(t, csvDataset(), export.Options{})
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
	}
	if got := strings.Join(names, " "); got != "actors.csv links.csv projects.csv participations.csv" {
		t.Errorf("files %s", got)
	}
	header := readHeader(t, paths[0])
	if got := strings.Join(header, ","); got != "id,name,family,country,territory,level,remarque,website" {
		t.Errorf("actors.csv header %s", got)
	}
}

// TestCSVWithMetrics checks the metric columns of actors.csv: every metric
// in order, undefined values as empty cells, and that ingest still reads the
// file back (metric columns become attributes, which the test removes).
func TestCSVWithMetrics(t *testing.T) {
	d := csvDataset()
	res := &analysis.Result{Actors: []analysis.ActorMetrics{
		{ID: "cd44", Degree: 1, Strength: 3.5, Betweenness: 0, Constraint: 1, Closeness: 0.5,
			Brokerage: analysis.Brokerage{Coordinator: 4}, Community: 1},
		{ID: "enda", Degree: 2, Strength: 1, Constraint: analysis.Undefined, Closeness: 1},
	}}
	dir := t.TempDir()
	paths, err := export.CSV(dir, d, export.Options{WithMetrics: true, Metrics: res})
	if err != nil {
		t.Fatal(err)
	}
	rows := readAll(t, paths[0])
	header := rows[0]
	want := append([]string{"id", "name", "family", "country", "territory", "level", "remarque", "website"}, export.MetricColumns()...)
	if !reflect.DeepEqual(header, want) {
		t.Fatalf("header %q\nwant %q", header, want)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	byID := map[string][]string{}
	for _, r := range rows[1:] {
		byID[r[0]] = r
	}
	checks := []struct{ id, metric, want string }{
		{"cd44", "strength", "3.5"}, {"cd44", "brokerage_coordinator", "4"}, {"cd44", "community", "1"},
		{"enda", "constraint", ""}, {"enda", "closeness", "1"}, {"enda", "degree", "2"},
		{"coop", "degree", ""}, // no metrics for coop: empty cells
	}
	for _, c := range checks {
		if got := byID[c.id][col[c.metric]]; got != c.want {
			t.Errorf("%s %s = %q, want %q", c.id, c.metric, got, c.want)
		}
	}
	if _, err := ingest.Read(paths, ingest.Options{}); err != nil {
		t.Errorf("ingest cannot read the export with metrics: %v", err)
	}
}

func readAll(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func readHeader(t *testing.T, path string) []string { return readAll(t, path)[0] }

// fileRoundTrip writes d in one file of the given format, reads it back with
// ingest.Read, and fails unless the result equals d modulo provenance.
func fileRoundTrip(t *testing.T, d *graph.Dataset, format string, opts export.Options) {
	t.Helper()
	write := map[string]func(io.Writer, *graph.Dataset, export.Options) error{
		"gexf": export.GEXF, "graphml": export.GraphML, "json": export.JSON}[format]
	path := filepath.Join(t.TempDir(), "network."+format)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(f, d, opts); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Read([]string{path}, ingest.Options{})
	if err != nil {
		t.Fatalf("ingest of the %s export: %v", format, err)
	}
	if got, want := storetest.WithoutOrigin(res.Dataset), storetest.WithoutOrigin(d); !reflect.DeepEqual(got, want) {
		t.Errorf("%s round trip\n got %+v\nwant %+v", format, got, want)
	}
}

// TestReadBack reads every export format back with ingest.Read, metrics
// included (they are ignored on read).
func TestReadBack(t *testing.T) {
	res := &analysis.Result{Actors: []analysis.ActorMetrics{{ID: "cd44", Degree: 1, Closeness: analysis.Undefined}}}
	for _, format := range []string{"gexf", "graphml", "json"} {
		for _, opts := range []export.Options{{}, {WithMetrics: true, Metrics: res}} {
			fileRoundTrip(t, csvDataset(), format, opts)
		}
	}
}

// FuzzRoundTrip exports random datasets (unicode names with commas, quotes
// and line breaks, attributes, directed and undirected links, projects with
// dimensions and targets) in every format and reads them back with
// ingest.Read.
func FuzzRoundTrip(f *testing.F) {
	for i := uint64(0); i < 6; i++ {
		for format := uint8(0); format < 4; format++ {
			f.Add(i, format)
		}
	}
	f.Fuzz(func(t *testing.T, seed uint64, format uint8) {
		d := randomCSVDataset(seed)
		switch format % 4 {
		case 0:
			csvRoundTrip(t, d, export.Options{})
		case 1:
			fileRoundTrip(t, d, "gexf", export.Options{})
		case 2:
			fileRoundTrip(t, d, "graphml", export.Options{})
		case 3:
			fileRoundTrip(t, d, "json", export.Options{})
		}
	})
}

var csvPieces = []string{"a", "Mairie", "é", "ç", "ß", "中文", "🙂", "Ω", " ", "&", "\"", "'", ";", ",", "|", "x", "0", "-", "\n"}

func randomCSVDataset(seed uint64) *graph.Dataset {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	text := func(max int) string {
		var b strings.Builder
		for n := r.IntN(max + 1); n > 0; n-- {
			b.WriteString(csvPieces[r.IntN(len(csvPieces))])
		}
		return strings.TrimSpace(b.String())
	}
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	subset := func(vocab []string) []string {
		var out []string
		for _, v := range vocab {
			if r.IntN(2) == 1 {
				out = append(out, v)
			}
		}
		return out
	}
	d := &graph.Dataset{}
	for i, n := 0, 1+r.IntN(8); i < n; i++ {
		a := graph.Actor{ID: fmt.Sprintf("A%d%s", i, pick("", "-é", "_x")), Name: text(4),
			Family: pick(graph.Families...), Country: pick("", "FR", "SN", "BF"), Territory: text(2),
			Level: pick("", "local", "regional", "national", "international")}
		if r.IntN(2) == 1 {
			a.Attrs = map[string]string{pick("website", "remarque", "budget 2024"): "v" + text(3)}
		}
		d.Actors = append(d.Actors, a)
	}
	for i, n := 0, r.IntN(4); i < n; i++ {
		d.Projects = append(d.Projects, graph.Project{ID: fmt.Sprintf("P%d", i), Name: text(3), Programme: text(2),
			Phase: r.IntN(4), Start: pick("", "2019", "2021-03-01"), End: pick("", "2024"),
			Dimensions: subset(ingest.Dimensions), Targets: subset(ingest.Targets), Territory: text(2)})
	}
	keys := map[string]bool{}
	for n := r.IntN(12); n > 0; n-- {
		l := graph.Link{Source: d.Actors[r.IntN(len(d.Actors))].ID, Target: d.Actors[r.IntN(len(d.Actors))].ID,
			Type: pick("", "partnership", "funding", "appui technique"), Weight: []float64{1, 0.5, 2.25, 3, 12.75}[r.IntN(5)],
			Directed: r.IntN(2) == 1, Start: pick("", "2020"), End: pick("", "2022-12")}
		if l.Source != l.Target && !keys[l.Key()] {
			keys[l.Key()] = true
			d.Links = append(d.Links, l)
		}
	}
	if len(d.Projects) > 0 {
		seen := map[string]bool{}
		for n := r.IntN(10); n > 0; n-- {
			p := graph.Participation{Actor: d.Actors[r.IntN(len(d.Actors))].ID, Project: d.Projects[r.IntN(len(d.Projects))].ID,
				Role: pick("", "lead", "partner", "chef de file"), Start: pick("", "2021")}
			if !seen[p.Key()] {
				seen[p.Key()] = true
				d.Participations = append(d.Participations, p)
			}
		}
	}
	d.Sort()
	return d
}
