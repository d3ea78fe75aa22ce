package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue #16, finding 8: "JSON, GEXF and GraphML input skip checks CSV makes
// (dates, dimensions, target groups, control characters), so the tool's own
// exports then fail to re-ingest". Each case is refused with exit 3 at its
// line, by ingest and by --dry-run, whatever the format.
func TestEveryFormatGetsTheSameChecks(t *testing.T) {
	dir := t.TempDir()
	graphml := func(node, edge string) string {
		return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="name" for="node" attr.name="name" attr.type="string"/>
<key id="kind" for="node" attr.name="kind" attr.type="string"/>
<key id="start" for="node" attr.name="start" attr.type="string"/>
<key id="dimensions" for="node" attr.name="dimensions" attr.type="string"/>
<key id="targets" for="node" attr.name="targets" attr.type="string"/>
<key id="estart" for="edge" attr.name="start" attr.type="string"/>
<graph edgedefault="undirected">
<node id="a"><data key="name">A</data></node>
<node id="b"><data key="name">B</data></node>
` + node + `
<edge source="a" target="b">` + edge + `</edge>
</graph>
</graphml>
`
	}
	project := func(data string) string {
		return `<node id="project:p1"><data key="kind">project</data>` + data + `</node>`
	}
	cases := map[string]struct{ file, content, want string }{
		"GraphML project date": {"d.graphml", graphml(project(`<data key="start">2019-13-45</data>`), ""), "d.graphml:12"},
		"GraphML dimension":    {"m.graphml", graphml(project(`<data key="dimensions">developpement|astrology</data>`), ""), `unknown dimension value "astrology"`},
		"GraphML target group": {"g.graphml", graphml(project(`<data key="targets">youth|aliens</data>`), ""), `unknown target value "aliens"`},
		"GraphML link date":    {"l.graphml", graphml("", `<data key="estart">31/02/2019</data>`), "l.graphml:13"},
		"GraphML control char": {"c.graphml", strings.Replace(graphml("", ""), ">A<", ">A&#x1b;[2J<", 1), "illegal character code U+001B"},
		"JSON control char":    {"c.json", `{"actors":[{"id":"a","name":"A\u0007"},{"id":"b"}],"links":[{"source":"a","target":"b"}]}`, "control character U+0007"},
		"JSON NUL in an id":    {"n.json", `{"actors":[{"id":"a\u0000b"}]}`, "control character U+0000"},
		"JSON date":            {"j.json", `{"actors":[{"id":"a"},{"id":"b"}],"links":[{"source":"a","target":"b","start":"2020-02-30"}]}`, "j.json"},
		"GEXF non-character":   {"x.gexf", `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A&#xFDD0;"/></nodes></graph></gexf>`, "non-character U+FDD0"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, tc.file)
			os.WriteFile(p, []byte(tc.content), 0o644)
			for _, dry := range []string{"--dry-run", "--quiet"} {
				code, _, errs := cli(t, "ingest", "--store", filepath.Join(dir, "x.db"), dry, p)
				if code != exitInvalid || !strings.Contains(errs, tc.want) {
					t.Errorf("%s: exit %d, want 3 and %q:\n%s", dry, code, tc.want, errs)
				}
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err == nil {
		t.Error("a store was written")
	}
}

// Issue #16, finding 11: "ids longer than the store's key limit fail at
// write time with exit 1 while --dry-run calls them valid".
func TestLongIDsAreInvalidInput(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("x", 40000)
	for name, content := range map[string]string{
		"actors.csv": "id,name,family\n" + long + ",A,ong\nb,B,ong\n",
		"links.csv":  "id,name,family\na,A,ong\nb,B,ong\n",
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "types.csv"), []byte("source,target,type\na,b,"+strings.Repeat("t", 5000)+"\n"), 0o644)
	for _, tc := range []struct {
		files []string
		want  string
	}{
		{[]string{"actors.csv"}, "actors.csv:2:1"},
		{[]string{"links.csv", "types.csv"}, "types.csv:2:3"},
	} {
		var paths []string
		for _, f := range tc.files {
			paths = append(paths, filepath.Join(dir, f))
		}
		for _, dry := range []string{"--dry-run", "--quiet"} {
			code, _, errs := cli(t, append([]string{"ingest", "--store", filepath.Join(dir, "x.db"), dry}, paths...)...)
			if code != exitInvalid || !strings.Contains(errs, tc.want) || !strings.Contains(errs, "more than 4096") {
				t.Errorf("%v %s: exit %d: %.300s", tc.files, dry, code, errs)
			}
		}
	}
}

// The tool's own exports, in every format, read back to the same data
// (with the checks of every format applied).
func TestOwnExportsIngestAgain(t *testing.T) {
	store := ingestExample(t)
	_, want, _ := cli(t, "export", "--two-mode", "--store", store, "--to", "json")
	dir := t.TempDir()
	for _, to := range []string{"json", "gexf", "graphml", "csv"} {
		out := filepath.Join(dir, "data."+to)
		if code, _, errs := cli(t, "export", "--two-mode", "--store", store, "--to", to, "-o", out); code != 0 {
			t.Fatalf("export %s: %s", to, errs)
		}
		files := []string{out}
		if to == "csv" {
			files, _ = filepath.Glob(filepath.Join(out, "*.csv"))
		}
		again := filepath.Join(dir, to+".db")
		if code, _, errs := cli(t, append([]string{"ingest", "--store", again, "--quiet"}, files...)...); code != 0 {
			t.Errorf("the %s export does not ingest again: %s", to, errs)
			continue
		}
		_, got, _ := cli(t, "export", "--two-mode", "--store", again, "--to", "json")
		if stripOrigins(got) != stripOrigins(want) {
			t.Errorf("%s: the data changed through export and ingest", to)
		}
	}
}

// stripOrigins removes the provenance lines of a JSON export (the file and
// line each record came from), which differ by construction.
func stripOrigins(js string) string {
	var keep []string
	for _, l := range strings.Split(js, "\n") {
		if !strings.Contains(l, `"file"`) && !strings.Contains(l, `"line"`) && !strings.Contains(l, `"origin"`) {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}
