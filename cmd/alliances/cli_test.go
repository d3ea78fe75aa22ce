package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// cli runs the command line in-process and returns its exit code and output.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// exampleFiles returns the bundled example's CSV files.
func exampleFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../examples/loire-souss/*.csv")
	if err != nil || len(files) != 4 {
		t.Fatalf("example files: %v %v", files, err)
	}
	return files
}

// tolerance is how close analyze must be to the reference: 1e-9 for the
// measures converged to their fixed point (numpy's eigensolver and igraph's
// PRPACK in the reference), 1e-6 for the others.
func tolerance(metric string) float64 {
	if strings.HasSuffix(metric, "eigenvector") || strings.HasSuffix(metric, "pagerank") {
		return 1e-9
	}
	return 1e-6
}

// TestAnalyzeMatchesNetworkX checks the whole path from the example's French
// CSV files to the JSON of analyze against NetworkX 2.8.8 (weighted betweenness:
// python-igraph 0.10.2, see docs/metrics.md on ties between float path lengths;
// eigenvector: numpy.linalg.eigh; PageRank: igraph PRPACK), which computed
// testdata/demo_reference.json from the same CSV files with its own network
// construction (testdata/gen_demo_reference.py).
func TestAnalyzeMatchesNetworkX(t *testing.T) {
	store := filepath.Join(t.TempDir(), "a.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	var ref map[string]json.RawMessage
	b, err := os.ReadFile("testdata/demo_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	for _, weighted := range []bool{false, true} {
		args := []string{"analyze", "--store", store, "--format", "json"}
		if weighted {
			args = append(args, "--weighted")
		}
		code, out, errs := cli(t, args...)
		if code != 0 {
			t.Fatalf("analyze: exit %d: %s", code, errs)
		}
		var res struct {
			Actors  []map[string]any `json:"actors"`
			Network map[string]any   `json:"network"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		metrics := map[string]string{
			"degree": "degree", "strength": "strength", "betweenness": "betweenness", "closeness": "closeness",
			"harmonic": "harmonic", "eigenvector": "eigenvector", "pagerank": "pagerank", "core": "core",
			"clustering": "clustering", "constraint": "constraint", "effective_size": "effective_size",
		}
		if weighted {
			metrics = map[string]string{"betweenness": "weighted_betweenness", "closeness": "weighted_closeness",
				"pagerank": "weighted_pagerank", "strength": "strength"}
		}
		for key, refKey := range metrics {
			var want map[string]*float64
			if err := json.Unmarshal(ref[refKey], &want); err != nil {
				t.Fatalf("%s: %v", refKey, err)
			}
			if len(want) != len(res.Actors) {
				t.Fatalf("%s: %d actors, NetworkX has %d", key, len(res.Actors), len(want))
			}
			for _, a := range res.Actors {
				id := a["id"].(string)
				got, _ := a[key].(float64)
				w := want[id]
				switch {
				case w == nil && a[key] != nil:
					t.Errorf("weighted=%v %s(%s) = %v, NetworkX: undefined (null)", weighted, key, id, a[key])
				case w != nil && math.Abs(got-*w) > tolerance(key):
					t.Errorf("weighted=%v %s(%s) = %v, NetworkX: %v", weighted, key, id, got, *w)
				}
			}
		}
		for key, refKey := range map[string]string{"actors": "actors", "ties": "ties", "density": "density", "transitivity": "transitivity"} {
			var want float64
			json.Unmarshal(ref[refKey], &want)
			if got, _ := res.Network[key].(float64); math.Abs(got-want) > 1e-9 {
				t.Errorf("network %s = %v, NetworkX: %v", key, got, want)
			}
		}
	}
}

// TestInvalidInputWritesNothing checks docs/ingest.md: every problem is reported with
// file, line and column, the exit code is 3, and the store is unchanged.
func TestInvalidInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	before, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	actors := write("actors.csv", "id,name,family\nn1,New one,association\n")
	links := write("links.csv", "source,target,weight\nn1,cd44,1\nn1,nobody,2\ncd44,nantes,heavy\n")
	noTarget := write("ties.csv", "source,weight\nn1,1\n")
	code, _, errs := cli(t, "ingest", "--store", store, actors, links, noTarget)
	if code != exitInvalid {
		t.Fatalf("exit %d, want %d; stderr: %s", code, exitInvalid, errs)
	}
	for _, want := range []string{
		"links.csv:3:2", // unknown actor "nobody": line 3, column 2
		"links.csv:4:3", // bad weight "heavy": line 4, column 3
		"ties.csv:1",    // the header lacks a target column
		"nothing was written",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	after, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("the store file changed after a rejected ingest")
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); err == nil {
		t.Error("a rejected ingest created a store")
	}
	if code, _, _ := cli(t, "ingest", "--store", filepath.Join(dir, "new.db"), links); code != exitInvalid {
		t.Errorf("exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.db")); err == nil {
		t.Error("a rejected ingest into a new store created the store file")
	}
}

// TestReingestChangesNothing checks docs/ingest.md: ingesting the same files twice
// leaves the store file byte-identical.
func TestReingestChangesNothing(t *testing.T) {
	store := filepath.Join(t.TempDir(), "a.db")
	args := append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)
	if code, _, errs := cli(t, args...); code != 0 {
		t.Fatal(errs)
	}
	before, _ := os.ReadFile(store)
	if code, _, errs := cli(t, args...); code != 0 {
		t.Fatal(errs)
	}
	after, _ := os.ReadFile(store)
	if !bytes.Equal(before, after) {
		t.Error("re-ingesting the same files changed the store")
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"no command", nil, exitUsage},
		{"unknown command", []string{"frobnicate"}, exitUsage},
		{"unknown flag", []string{"analyze", "--nope"}, exitUsage},
		{"bad format", []string{"analyze", "--format", "xml", "--store", filepath.Join(dir, "x.db")}, exitUsage},
		{"map without -o", []string{"map"}, exitUsage},
		{"partners at depth 0", []string{"query", "partners", "cd44", "--depth", "0"}, exitUsage},
		{"ego map without --actor", []string{"map", "-o", filepath.Join(dir, "e.svg"), "--view", "ego"}, exitUsage},
		{"missing store", []string{"analyze", "--store", filepath.Join(dir, "missing.db")}, exitError},
		{"missing file", []string{"ingest", "--store", filepath.Join(dir, "y.db"), filepath.Join(dir, "nope.csv")}, exitInvalid},
		{"neo4j down", []string{"analyze", "--store", "bolt://127.0.0.1:1"}, exitUnreachable},
		{"store URI of another scheme", []string{"analyze", "--store", "http://127.0.0.1:7474"}, exitUsage},
		{"ingest into a store URI of another scheme", []string{"ingest", "--store", "https://example.org/a.db", "../../examples/loire-souss/acteurs.csv"}, exitUsage},
		{"help", []string{"analyze", "--help"}, exitOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := cli(t, tc.args...)
			if code != tc.want {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.want, errs)
			}
			if strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic") {
				t.Errorf("stack trace on stderr: %s", errs)
			}
			// --help prints the help, not a pointer to itself; a mistake
			// prints the pointer.
			if pointer := strings.Contains(errs, "--help' for usage"); pointer != (tc.want == exitUsage && tc.name != "no command" && tc.name != "unknown command") {
				t.Errorf("pointer to --help: %v; stderr: %s", pointer, errs)
			}
		})
	}
}

// TestQueries checks the named queries on the bundled example, where the
// answers can be read off the CSV files: cd44 leads every project, so it is a
// partner of every project participant; asso-tiznit has no tie at all.
func TestQueries(t *testing.T) {
	store := filepath.Join(t.TempDir(), "a.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := cli(t, "query", "partners", "cd44", "--store", store, "--format", "json")
	if code != 0 {
		t.Fatal(errs)
	}
	var ego struct {
		Actors []struct {
			ID       string `json:"id"`
			Distance int    `json:"distance"`
		} `json:"actors"`
	}
	if err := json.Unmarshal([]byte(out), &ego); err != nil {
		t.Fatal(err)
	}
	// 30 partners (every participant of the 6 projects it leads, plus its
	// declared links), and cd44 itself first at distance 0.
	if len(ego.Actors) != 31 || ego.Actors[0].ID != "cd44" || ego.Actors[0].Distance != 0 {
		t.Errorf("ego of cd44: %d actors, first %+v", len(ego.Actors), ego.Actors[0])
	}
	if code, out, _ := cli(t, "query", "path", "asso-tiznit", "cd44", "--store", store); code != 0 || !strings.Contains(out, "not connected") {
		t.Errorf("path from an isolate: exit %d, %q", code, out)
	}
	if code, _, errs := cli(t, "query", "partners", "nobody", "--store", store); code != exitUsage || !strings.Contains(errs, "nobody") {
		t.Errorf("unknown actor: exit %d, %q", code, errs)
	}
	// p1-eau and p4-argan combine all five families.
	code, out, _ = cli(t, "query", "alliances", "--min-families", "5", "--store", store, "--format", "csv")
	if code != 0 || !strings.Contains(out, "project,p1-eau") || !strings.Contains(out, "project,p4-argan") || strings.Contains(out, "p2-gouv") {
		t.Errorf("alliances --min-families 5: exit %d\n%s", code, out)
	}
	// An ego map of a misspelt actor says which ids are close.
	code, _, errs = cli(t, "map", "--store", store, "-o", filepath.Join(t.TempDir(), "e.dot"), "--view", "ego", "--actor", "nantez")
	if code != exitUsage || !strings.Contains(errs, `did you mean`) || !strings.Contains(errs, `"nantes"`) {
		t.Errorf("ego map of a misspelt actor: exit %d, %q", code, errs)
	}
	// Families are named as in the data files: "NGO" and "collectivité
	// territoriale" are aliases of ong and collectivite (8 ties in the example).
	code, out, errs = cli(t, "query", "between", "NGO", "collectivité territoriale", "--store", store, "--format", "csv")
	if code != 0 || strings.Count(out, ",ong,") != 8 || strings.Count(out, "\n") != 9 {
		t.Errorf("between NGO and collectivité territoriale: exit %d %s\n%s", code, errs, out)
	}
	// p3-jeunes has no NGO: its row says so. Its participants are also a
	// maximal clique, which is the project again: not listed as a group.
	code, out, _ = cli(t, "query", "alliances", "--min-families", "4", "--store", store, "--format", "csv")
	if code != 0 || !strings.Contains(out, `project,p3-jeunes,"4: collectivite,association,entreprise,institution",ong,`) ||
		strings.Count(out, `"FR,MA","anapec,asso-jeunes-agadir,asso-jeunes44,cd44,cp-aio,ent-num,ibn-zohr,region-pdl,univ-atl"`) != 1 {
		t.Errorf("alliances --min-families 4: the group of p3-jeunes is listed again, or its project lost\n%s", out)
	}
}

// TestWroteOnStdout checks that the commands that write files say so in the
// same place, on standard output, so that a script sees every "wrote" line.
func TestWroteOnStdout(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatal(errs)
	}
	for _, args := range [][]string{
		{"export", "--to", "gexf", "-o", filepath.Join(dir, "n.gexf")},
		{"export", "--to", "json", "-o", filepath.Join(dir, "n.json")},
		{"export", "--to", "csv", "-o", filepath.Join(dir, "tables")},
		{"map", "-o", filepath.Join(dir, "n.dot")},
	} {
		code, out, errs := cli(t, append(args, "--store", store)...)
		if code != 0 || !strings.HasPrefix(out, "wrote "+filepath.Join(dir)) || strings.Contains(errs, "wrote") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// TestHelpNamesRealFiles checks that the files of the repository named in the
// examples of --help exist, so that a user can copy the examples.
func TestHelpNamesRealFiles(t *testing.T) {
	re := regexp.MustCompile(`examples/[^\s'()]+`)
	n := 0
	for _, c := range commands() {
		for _, p := range re.FindAllString(c.help, -1) {
			n++
			if _, err := os.Stat(filepath.Join("../..", p)); err != nil {
				t.Errorf("alliances %s --help names %s: %v", c.name, p, err)
			}
		}
	}
	if n == 0 {
		t.Error("no example file named in any --help")
	}
}

// TestTableCutsLongLists checks that the text table cuts a long list in its
// last column after a whole item (cross-border projects of keep.eu ran to
// 10,000 characters a row) while CSV keeps it whole.
func TestTableCutsLongLists(t *testing.T) {
	long := strings.Repeat("Programme: Project,", 20) + "Last"
	rows := [][]string{{"FR", long}}
	var table, csvOut bytes.Buffer
	if err := writeRows(&table, formatTable, []string{"country", "projects"}, rows); err != nil {
		t.Fatal(err)
	}
	if err := writeRows(&csvOut, formatCSV, []string{"country", "projects"}, rows); err != nil {
		t.Fatal(err)
	}
	line := strings.Split(table.String(), "\n")[1]
	if n := len([]rune(line)); n > maxListCell+10 || !strings.HasSuffix(line, "Programme: Project, …") {
		t.Errorf("table row (%d characters): %q", n, line)
	}
	if !strings.Contains(csvOut.String(), long) {
		t.Errorf("CSV cut the list: %q", csvOut.String())
	}
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"a,b", 5, "a,b"},
		{"abcdefgh", 5, "abcd…"},
		{"ab,cd,efgh", 8, "ab,cd, …"},
		{"ab (1); cd (2); ef", 10, "ab (1); …"},
	} {
		if got := shortList(tc.in, tc.n); got != tc.want {
			t.Errorf("shortList(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

// TestReportFromIngestRecord checks that a report of data ingested with a
// column mapping lists the warnings of that ingest and its files, from the
// store's ingest log: it needs neither the mapping again nor the input
// files, which may be gone.
func TestReportFromIngestRecord(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	data := filepath.Join(dir, "partners.csv")
	if err := os.WriteFile(data, []byte("Org,Proj\nA,P1\nB,P1\nC,P1\nC,P1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cli(t, "ingest", "--store", store, "--quiet", "--map", "actor=Org,project=Proj", data); code != 0 {
		t.Fatal(errs)
	}
	if err := os.Remove(data); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "r")
	if code, _, errs := cli(t, "report", "--store", store, "--quiet", "--no-maps", "-o", out); code != 0 {
		t.Fatal(errs)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"partners.csv:5", "Source: partners.csv.", "--map actor=Org,project=Proj"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("report.md lacks %q:\n%s", want, md)
		}
	}
}
