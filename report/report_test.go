package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/examples"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/ingest"
	"github.com/alliances/alliances/render"
)

// -out DIR keeps the reports of the example in DIR/en and DIR/fr, to look at
// them (report/testdata/chromium_check.sh uses it).
var outDir = flag.String("out", "", "write the example reports to `DIR`/en and DIR/fr")

var testDate = time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)

// testEngine is the Graphviz of the tests: the embedded one, so that the
// tests give the same maps whatever Graphviz is installed, or none.
const testEngine = "embedded"

// example returns the report input of the bundled example, read by package
// ingest, analysed with seed 1 and three suggestions per isolated actor.
var example = sync.OnceValues(func() (Input, error) {
	files := []string{"loire-souss/acteurs.csv", "loire-souss/projets.csv",
		"loire-souss/participations.csv", "loire-souss/liens.csv"}
	r, err := ingest.ReadFS(examples.LoireSouss, files, ingest.Options{})
	if err != nil {
		return Input{}, err
	}
	net := graph.NewNetwork(r.Dataset)
	res, err := analysis.Analyze(net, analysis.Options{Seed: 1})
	if err != nil {
		return Input{}, err
	}
	in := Input{
		Network:  net,
		Metrics:  res,
		Isolated: analysis.Isolated(net, analysis.IsolationOptions{Suggest: 3}),
		Source:   "examples/loire-souss (illustrative)",
	}
	rec := graph.IngestRecord{Actors: len(r.Dataset.Actors), Links: len(r.Dataset.Links),
		Projects: len(r.Dataset.Projects), Participations: len(r.Dataset.Participations)}
	for _, w := range r.Warnings {
		rec.Warnings = append(rec.Warnings, w.Error())
	}
	for _, f := range r.Files {
		rec.Files = append(rec.Files, graph.RecordedFile{Path: f.Path, SHA256: f.SHA256})
	}
	in.Ingests = []graph.IngestRecord{rec}
	return in, nil
})

func exampleInput(t testing.TB) Input {
	t.Helper()
	in, err := example()
	if err != nil {
		t.Fatalf("example: %v", err)
	}
	return in
}

// readAll returns the files under dir by slash path relative to dir.
func readAll(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// writeExample writes the example report in lang into a new directory.
func writeExample(t *testing.T, lang string) (string, map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	if *outDir != "" {
		dir = filepath.Join(*outDir, lang)
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := Write(context.Background(), dir, exampleInput(t), Options{
		Lang: lang, Date: testDate, Seed: 1, Version: "0.1.0-test", Engine: testEngine,
	})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	files := readAll(t, dir)
	if len(paths) != len(files) {
		t.Errorf("Write returned %d paths, the directory holds %d files", len(paths), len(files))
	}
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			t.Errorf("Write returned %s, which is not in the directory", p)
		}
	}
	return dir, files
}

// written caches the example report of each language: writing it takes a
// second or two (maps), and most tests only read it.
var written = struct {
	sync.Mutex
	files map[string]map[string][]byte
}{files: map[string]map[string][]byte{}}

// exampleReport returns the files of the example report in lang, written
// once per test binary.
func exampleReport(t *testing.T, lang string) map[string][]byte {
	t.Helper()
	written.Lock()
	defer written.Unlock()
	if f, ok := written.files[lang]; ok {
		return f
	}
	_, f := writeExample(t, lang)
	written.files[lang] = f
	return f
}

// The same input, seed and date give byte-identical files, in both languages.
func TestWriteDeterministic(t *testing.T) {
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			a := exampleReport(t, lang)
			_, b := writeExample(t, lang)
			if len(a) != len(b) {
				t.Fatalf("first run wrote %d files, second %d", len(a), len(b))
			}
			for name, x := range a {
				if !bytes.Equal(x, b[name]) {
					t.Errorf("%s differs between two runs: %s", name, firstDiff(x, b[name]))
				}
			}
		})
	}
}

// firstDiff shows where a and b first differ.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return fmt.Sprintf("at byte %d: %q vs %q", i, a[lo:min(len(a), i+80)], b[lo:min(len(b), i+80)])
}

// Every file that the documentation promises is written.
func TestWriteFiles(t *testing.T) {
	files := exampleReport(t, "en")
	want := []string{
		"report.html", "report.md",
		"maps/network.svg", "maps/network.png", "maps/isolated.svg", "maps/isolated.png",
		"maps/ego-top-broker.svg", "maps/ego-top-broker.png",
		"tables/analysis.json", "tables/actors.csv", "tables/network.csv", "tables/network.json",
		"tables/families.csv", "tables/projects.csv", "tables/projects.json",
		"tables/isolated.csv", "tables/isolated.json", "tables/warnings.csv", "tables/inputs.csv",
	}
	for _, name := range want {
		b, ok := files[name]
		if !ok {
			t.Errorf("%s is missing", name)
			continue
		}
		if len(b) == 0 {
			t.Errorf("%s is empty", name)
		}
	}
	if png := files["maps/network.png"]; !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("maps/network.png is not a PNG")
	}
	// The Markdown links every map file it shows.
	md := string(files["report.md"])
	for _, name := range []string{"maps/network.svg", "maps/isolated.svg", "maps/ego-top-broker.svg"} {
		if !strings.Contains(md, "]("+name+")") {
			t.Errorf("report.md does not link %s", name)
		}
	}
}

// Every section is present, with its title in the language, in both the HTML
// and the Markdown.
func TestSections(t *testing.T) {
	titles := map[string][]string{
		"en": {"Data and validation warnings", "Overview of the network", "Key actors",
			"Complementarity of families", "Communities", "Alliances and projects",
			"Isolated actors and suggested partners", "Methods"},
		"fr": {"Données et avertissements de validation", "Vue d’ensemble du réseau", "Acteurs clés",
			"Complémentarité des familles d’acteurs", "Communautés", "Alliances et projets",
			"Acteurs isolés et partenaires suggérés", "Méthodes"},
	}
	ids := []string{"data", "overview", "key-actors", "complementarity", "communities", "projects", "isolated", "methods"}
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			files := exampleReport(t, lang)
			html, md := string(files["report.html"]), string(files["report.md"])
			if !strings.Contains(html, `<html lang="`+lang+`">`) {
				t.Errorf("report.html does not declare lang=%q", lang)
			}
			for i, title := range titles[lang] {
				if !strings.Contains(html, `<section id="`+ids[i]+`">`) {
					t.Errorf("report.html: no section %q", ids[i])
				}
				if !strings.Contains(html, template_escape(title)) {
					t.Errorf("report.html: no title %q", title)
				}
				if !strings.Contains(md, "## "+itoa(i+1)+". "+title+"\n") {
					t.Errorf("report.md: no heading %q", title)
				}
			}
			// Four inline maps: network, communities, isolated, ego.
			if n := strings.Count(html, `<figure class="map">`); n != 4 {
				t.Errorf("report.html has %d maps, want 4", n)
			}
			if n := strings.Count(html, `<svg class="map"`); n != 4 {
				t.Errorf("report.html has %d inline SVG maps, want 4", n)
			}
		})
	}
}

// template_escape escapes s as html/template escapes text.
func template_escape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// The report shows what the analysis found, in the language: the top actor
// of the betweenness table, the isolate of the example with its reason, the
// French family labels and numbers with a decimal comma.
func TestContent(t *testing.T) {
	in := exampleInput(t)
	tops, _ := analysis.TopActors(in.Metrics.Actors, 1, func(a analysis.ActorMetrics) float64 { return float64(a.Betweenness) }, false, 0)
	best := tops[0]
	en := string(exampleReport(t, "en")["report.html"])
	fr := string(exampleReport(t, "fr")["report.html"])
	for _, tc := range []struct {
		lang, html string
		want       []string
	}{
		{"en", en, []string{
			template_escape(best.Name),
			"Local authority", "NGO", "Company",
			"Betweenness", "Closeness", "Burt’s constraint",
			"isolate (no tie)",
			"Association culturelle Amazigh de Tiznit", // the isolate of the example
			"Input files",
			"0.1.0-test", "1 March 2026",
		}},
		{"fr", fr, []string{
			"Collectivité territoriale", "ONG", "Entreprise",
			"Intermédiarité", "Centralité de proximité", "Contrainte de Burt",
			"Acteurs clés", "Acteurs isolés et partenaires suggérés",
			"isolé (aucun lien)", "1er mars 2026", "Graine de l’analyse",
		}},
	} {
		for _, w := range tc.want {
			if !strings.Contains(tc.html, w) {
				t.Errorf("%s: report.html lacks %q", tc.lang, w)
			}
		}
	}
	// The density printed in the overview, with a decimal comma in French.
	d := float64(in.Metrics.Network.Density)
	enDensity := (lang{code: "en"}).Num(d, 3)
	frDensity := (lang{code: "fr", fr: true}).Num(d, 3)
	if !strings.Contains(enDensity, ".") || !strings.Contains(frDensity, ",") {
		t.Fatalf("density formats: en %q fr %q", enDensity, frDensity)
	}
	if !strings.Contains(en, "(density "+enDensity+")") {
		t.Errorf("en: the overview does not give the density %s", enDensity)
	}
	if !strings.Contains(fr, "(densité "+frDensity+")") {
		t.Errorf("fr: the overview does not give the density %s", frDensity)
	}
}

var externalRef = regexp.MustCompile(`(?i)(src|href|xlink:href|action|poster|data)\s*=\s*["']?\s*(https?:|//|ftp:|file:)`)

// The HTML page references nothing outside itself: no external script,
// style sheet, font or image, no @import or url() to another document.
func TestSelfContained(t *testing.T) {
	for _, lang := range Languages {
		page := exampleReport(t, lang)["report.html"]
		checkStructure(t, page)
		html := string(page)
		if m := externalRef.FindString(html); m != "" {
			t.Errorf("%s: external reference %q", lang, m)
		}
		for _, bad := range []string{"<script", "<link", "@import", "@font-face", "<iframe", "<object", "<embed"} {
			if strings.Contains(strings.ToLower(html), bad) {
				t.Errorf("%s: report.html contains %q", lang, bad)
			}
		}
		for _, m := range regexp.MustCompile(`url\(([^)]*)\)`).FindAllStringSubmatch(html, -1) {
			if !strings.HasPrefix(strings.Trim(m[1], `'"`), "#") {
				t.Errorf("%s: url(%s) is not a reference inside the page", lang, m[1])
			}
		}
		if !strings.Contains(html, "@media print") {
			t.Errorf("%s: no print style sheet", lang)
		}
	}
}

// hostile is a small network whose actor names, families, territories,
// project names and warnings try to inject HTML, Markdown and CSV.
func hostile() Input {
	const evil = `<script>alert("x")</script>`
	actors := []graph.Actor{
		{ID: "a", Name: evil, Family: "association", Country: "FR", Territory: `<img src=x onerror=alert(1)>`, Level: "local"},
		{ID: "b", Name: `B | **bold** [link](http://evil.example) & "quotes"`, Family: "ong", Country: "MA", Level: "national"},
		{ID: "c", Name: "C\nnewline # heading", Family: "<b>fam</b>", Country: "FR", Level: "regional"},
		{ID: "d", Name: "Ville d’Été", Family: "collectivite", Country: "FR", Level: "local"},
		{ID: "e", Name: "=cmd|' /C calc'!A0", Family: "entreprise", Country: "FR", Level: "local"},
	}
	d := &graph.Dataset{
		Actors: actors,
		Links: []graph.Link{
			{Source: "a", Target: "b", Weight: 1},
			{Source: "b", Target: "c", Weight: 2},
			{Source: "a", Target: "d", Weight: 1},
		},
		Projects:       []graph.Project{{ID: "p", Name: evil, Programme: "</table>"}},
		Participations: []graph.Participation{{Actor: "a", Project: "p"}, {Actor: "d", Project: "p"}},
	}
	net := graph.NewNetwork(d)
	res, err := analysis.Analyze(net, analysis.Options{Seed: 3})
	if err != nil {
		panic(err)
	}
	return Input{
		Network: net, Metrics: res,
		Isolated: analysis.Isolated(net, analysis.IsolationOptions{Suggest: 2}),
		Ingests: []graph.IngestRecord{{
			Files:    []graph.RecordedFile{{Path: "</td><script>x</script>.csv", SHA256: "00"}},
			Flags:    []graph.RecordedFlag{{Name: "map", Value: "actor=" + evil}},
			Warnings: []string{"acteurs.csv:3:2: " + evil},
		}},
		Source: evil,
	}
}

// Hostile names are escaped everywhere: no markup from the data reaches the
// HTML, and the Markdown shows them as text.
func TestEscaping(t *testing.T) {
	in := hostile()
	for _, lang := range Languages {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := Write(context.Background(), dir, in, Options{Lang: lang, Date: testDate, Seed: 1, Title: "<i>T</i>", Engine: testEngine}); err != nil {
				t.Fatal(err)
			}
			files := readAll(t, dir)
			checkStructure(t, files["report.html"])
			html, md := string(files["report.html"]), string(files["report.md"])
			// Code blocks show text literally in Markdown: leave them out.
			md = regexp.MustCompile("(?s)```.*?```").ReplaceAllString(md, "")
			for _, raw := range []string{"<script", "<img", "</table><", "<b>fam", "<i>T"} {
				if strings.Contains(strings.ToLower(html), raw) {
					t.Errorf("report.html contains raw %q", raw)
				}
				if strings.Contains(strings.ToLower(md), raw) {
					t.Errorf("report.md contains raw %q", raw)
				}
			}
			if !strings.Contains(html, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") {
				t.Errorf("report.html does not show the hostile name as text")
			}
			if strings.Contains(md, "[link](http") {
				t.Errorf("report.md lets a name make a link")
			}
			if !strings.Contains(md, `B \| \*\*bold\*\*`) {
				t.Errorf("report.md does not escape | and * in names")
			}
			// The name with a line break stays on one table row.
			for _, line := range strings.Split(md, "\n") {
				if strings.HasPrefix(line, "newline") {
					t.Errorf("a line break in a name broke a Markdown line: %q", line)
				}
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	in := exampleInput(t)
	for _, tc := range []struct {
		name string
		in   Input
		opts Options
		want error
	}{
		{"no network", Input{Metrics: in.Metrics}, Options{}, ErrMissingInput},
		{"no metrics", Input{Network: in.Network}, Options{}, ErrMissingInput},
		{"bad language", in, Options{Lang: "de"}, ErrLanguage},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			_, err := Write(context.Background(), dir, tc.in, tc.opts)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			if files := readAll(t, dir); len(files) != 0 {
				t.Errorf("a failed Write wrote %d files", len(files))
			}
		})
	}
}

// Every message has both languages, and the French texts are not copies of
// the English ones except for words that are the same in both.
func TestCatalogueComplete(t *testing.T) {
	same := map[string]bool{}
	for k, m := range messages {
		if m[0] == "" && m[1] != "" || m[1] == "" && m[0] != "" {
			t.Errorf("%s: one language is empty: %q", k, m)
		}
		if m[0] == m[1] && len(m[0]) > 24 && !strings.HasSuffix(k, ".ref") {
			same[k] = true
		}
	}
	if len(same) > 0 {
		keys := make([]string, 0, len(same))
		for k := range same {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		t.Errorf("untranslated messages: %v", keys)
	}
	for _, k := range definitionKeys {
		for _, suffix := range []string{".term", "", ".ref"} {
			if _, ok := messages["def."+k+suffix]; !ok {
				t.Errorf("definition %s lacks def.%s%s", k, k, suffix)
			}
		}
	}
	for _, code := range Languages {
		for _, f := range graph.Families {
			if _, ok := render.FamilyLabel(code, f); !ok {
				t.Errorf("%s: family %s has no label", code, f)
			}
			if _, ok := messages["familyl."+f]; !ok {
				t.Errorf("family %s has no label in running text", f)
			}
		}
		for _, v := range graph.Levels {
			if _, ok := render.LevelLabel(code, v); !ok {
				t.Errorf("%s: level %s has no label", code, v)
			}
		}
	}
}

// Long lists are cut in the text, with a pointer to the table that holds
// everything; flagged actors come most isolated first.
func TestLimits(t *testing.T) {
	in := hostile()
	for i := 0; i < maxWarnings+7; i++ {
		in.Ingests[0].Warnings = append(in.Ingests[0].Warnings, fmt.Sprintf("liens.csv:%d:1: self-loop", i+2))
	}
	dir := t.TempDir()
	if _, err := Write(context.Background(), dir, in, Options{Date: testDate, NoMaps: true}); err != nil {
		t.Fatal(err)
	}
	files := readAll(t, dir)
	html := string(files["report.html"])
	if !strings.Contains(html, "liens.csv:50:1: self-loop") || strings.Contains(html, "liens.csv:52:1: self-loop") {
		t.Errorf("report.html does not show exactly the first %d warnings", maxWarnings)
	}
	if !strings.Contains(html, "… and 8 more warnings, listed in tables/warnings.csv.") {
		t.Errorf("report.html does not say how many warnings are left out")
	}
	if n := strings.Count(string(files["tables/warnings.csv"]), "\n"); n != maxWarnings+8+1 {
		t.Errorf("tables/warnings.csv has %d lines, want every warning and a header", n)
	}
	// The isolate ("e", no tie) comes before the others in the isolated table.
	sec := html[strings.Index(html, `<section id="isolated">`):]
	first, other := strings.Index(sec, "=cmd|"), strings.Index(sec, "Ville d’Été")
	if first < 0 || other < 0 || first > other {
		t.Errorf("the isolate is not listed first (positions %d, %d)", first, other)
	}
}

// Small and degenerate networks give a complete report, without panics:
// no actor, one actor, no tie, no project, isolation not run.
func TestDegenerate(t *testing.T) {
	for _, tc := range []struct {
		name     string
		d        graph.Dataset
		isolated bool
		want     []string
	}{
		{"empty", graph.Dataset{}, true, []string{"The network has 0 actors and 0 ties", "The data describe no project.", "No actor is isolated or peripheral."}},
		{"one actor", graph.Dataset{Actors: []graph.Actor{{ID: "a", Name: "Seul", Family: "ong"}}}, true,
			[]string{"1 of the 1 actors is isolated", "isolate (no tie)", "No actor holds a brokerage position."}},
		{"not run", graph.Dataset{Actors: []graph.Actor{{ID: "a"}, {ID: "b"}},
			Links: []graph.Link{{Source: "a", Target: "b", Weight: 1}}}, false,
			[]string{"The detection of isolated actors was not run."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			net := graph.NewNetwork(&tc.d)
			res, err := analysis.Analyze(net, analysis.Options{Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			in := Input{Network: net, Metrics: res}
			if tc.isolated {
				in.Isolated = analysis.Isolated(net, analysis.IsolationOptions{Suggest: 3})
			}
			dir := t.TempDir()
			if _, err := Write(context.Background(), dir, in, Options{Date: testDate, Engine: testEngine}); err != nil {
				t.Fatal(err)
			}
			files := readAll(t, dir)
			checkStructure(t, files["report.html"])
			html := string(files["report.html"])
			for _, w := range tc.want {
				if !strings.Contains(html, w) {
					t.Errorf("report.html lacks %q", w)
				}
			}
		})
	}
}

// The methods section gives the sampling of betweenness and its error bound
// when betweenness was estimated, the weighting, and the commands that write
// the report again: the ingests as recorded, then the report command given
// in Options, every word quoted for the shell when it needs to be.
func TestMethodsParameters(t *testing.T) {
	in := hostile()
	m := *in.Metrics
	m.Parameters.Weighted = true
	m.Parameters.Betweenness, m.Parameters.Samples, m.Parameters.ErrorBound, m.Parameters.Delta = "sampled", 1200, 0.0125, 0.05
	in.Metrics = &m
	for _, tc := range []struct{ lang, want string }{
		{"en", "estimated from 1,200 sampled source actors; absolute error at most 0.0125 with probability 95.0%"},
		{"fr", "estimée à partir de 1\u202f200 acteurs sources tirés au hasard\u202f; erreur absolue d’au plus 0,0125 avec une probabilité de 95,0\u202f%"},
	} {
		dir := t.TempDir()
		cmd := []string{"--store", "my data.db", "-o", "r", "--date", "2026-03-01", "--weighted=true", "--title", "L'été"}
		if _, err := Write(context.Background(), dir, in, Options{Lang: tc.lang, Date: testDate, NoMaps: true, Seed: 9,
			Store: "my data.db", Command: cmd}); err != nil {
			t.Fatal(err)
		}
		files := readAll(t, dir)
		html := string(files["report.html"])
		if !strings.Contains(html, template_escape(tc.want)) {
			t.Errorf("%s: methods lack %q", tc.lang, tc.want)
		}
		want := "alliances ingest --store 'my data.db' --map 'actor=<script>alert(\"x\")</script>' \\\n" +
			"    '</td><script>x</script>.csv'\n" +
			"alliances report --store 'my data.db' -o r --date 2026-03-01 --weighted=true --title 'L'\\''été'\n"
		if !strings.Contains(string(files["report.md"]), want) {
			t.Errorf("%s: report.md lacks the commands\n%s", tc.lang, want)
		}
		var params struct {
			Parameters analysis.Parameters `json:"parameters"`
		}
		if err := json.Unmarshal(files["tables/network.json"], &params); err != nil {
			t.Fatal(err)
		}
		if params.Parameters != m.Parameters {
			t.Errorf("%s: tables/network.json parameters = %+v, want %+v", tc.lang, params.Parameters, m.Parameters)
		}
	}
}

// TestProjectsMostCompleteFirst checks that the projects section lists the
// most complete alliances first (family coverage, then families, then
// actors), not in the order of the ids.
func TestProjectsMostCompleteFirst(t *testing.T) {
	md := string(exampleReport(t, "en")["report.md"])
	start := strings.Index(md, "## 6. ")
	end := strings.Index(md, "## 7. ")
	if start < 0 || end < start {
		t.Fatal("no projects section in report.md")
	}
	sec := md[start:end]
	// Counted on examples/loire-souss: p1 and p4 (100 %, 5 families, 8
	// actors each: by id), p6 (100 %, 4), p3 (75 %), p5 (50 %, 3 families,
	// 7 actors), p2 (50 %, 3, 6), p7 (50 %, 2).
	want := []string{"Eau potable", "Femmes, argan", "Tourisme durable", "Insertion professionnelle", "Accessibilité", "Gouvernance locale", "Échanges de jeunes"}
	last := -1
	for _, w := range want {
		i := strings.Index(sec, w)
		if i < 0 {
			t.Fatalf("projects section lacks %q", w)
		}
		if i < last {
			t.Errorf("%q is listed before the project above it in %v", w, want)
		}
		last = i
	}
}
