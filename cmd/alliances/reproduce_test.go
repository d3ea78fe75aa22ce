package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// buildBinary builds the alliances command into a temporary directory and
// returns that directory, for tests that run it as a user would.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	cmd := exec.Command("go", "build", "-o", filepath.Join(bin, "alliances"), ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// shell runs script with sh in dir, the built binary first on the PATH.
func shell(t *testing.T, bin, dir, script string) {
	t.Helper()
	cmd := exec.Command("sh", "-e", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("in %s:\n%s\n%v\n%s", dir, script, err, out)
	}
}

// TestReproduceRecipe runs the commands that a report gives to write it
// again, as written, in a fresh directory that holds only the input files,
// and compares every file of the two reports byte for byte. The data come
// from two ingests (one with a vocabulary file, one with an absolute path);
// the report has maps drawn by the embedded Graphviz and a title that needs
// quoting.
func TestReproduceRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	orig := t.TempDir()
	copyExampleTo(t, filepath.Join(orig, "data"))
	if err := os.WriteFile(filepath.Join(orig, "data", "familles.txt"), []byte("mairie = collectivite\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shell(t, bin, orig, `alliances ingest --store étude.db --quiet --families data/familles.txt data/acteurs.csv data/projets.csv
alliances ingest --store étude.db --quiet `+shellWord(filepath.Join(orig, "data", "liens.csv"))+` data/participations.csv
alliances report --store étude.db --quiet -o rapport --lang fr --date 2026-01-15 --seed 3 --engine embedded --title "L'été des alliances"`)

	md, err := os.ReadFile(filepath.Join(orig, "rapport", "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```sh\n(alliances ingest.*?)\n```").FindSubmatch(md)
	if m == nil {
		t.Fatalf("report.md has no reproduction recipe:\n%s", md)
	}
	recipe := string(m[1])
	if strings.Contains(recipe, orig) || strings.Contains(recipe, "FILES") {
		t.Fatalf("the recipe names a path of this machine or lacks files:\n%s", recipe)
	}
	for _, want := range []string{"--families data/familles.txt", "data/liens.csv", "-o rapport", "--date 2026-01-15"} {
		if !strings.Contains(recipe, want) {
			t.Errorf("the recipe lacks %q:\n%s", want, recipe)
		}
	}

	fresh := t.TempDir()
	copyExampleTo(t, filepath.Join(fresh, "data"))
	if err := os.WriteFile(filepath.Join(fresh, "data", "familles.txt"), []byte("mairie = collectivite\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shell(t, bin, fresh, recipe)
	want, got := treeOf(t, filepath.Join(orig, "rapport")), treeOf(t, filepath.Join(fresh, "rapport"))
	if len(want) == 0 || len(got) != len(want) {
		t.Fatalf("the recipe wrote %d files, the report has %d", len(got), len(want))
	}
	for name, b := range want {
		if !bytes.Equal(got[name], b) {
			t.Errorf("%s differs when written again by the recipe", name)
		}
	}
}

// copyExampleTo copies the bundled example's CSV files into dir.
func copyExampleTo(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range exampleFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// treeOf returns the files under dir by slash-separated relative path.
func treeOf(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
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

func shellWord(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
