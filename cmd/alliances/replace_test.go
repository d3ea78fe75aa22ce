package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name → content into dir and returns the paths, in the
// order given.
func writeFiles(t *testing.T, dir string, files ...string) []string {
	t.Helper()
	var paths []string
	for i := 0; i+1 < len(files); i += 2 {
		p := filepath.Join(dir, files[i])
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// mustCLI runs the command line and fails the test unless it exits with 0.
func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := cli(t, args...)
	if code != 0 {
		t.Fatalf("%s: exit %d\n%s%s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

// TestReingestCorrectedSpreadsheet: a tie deleted from a corrected links file
// stays in the store after a plain ingest, which says so and gives the hint;
// ingest --replace deletes it, and says so.
func TestReingestCorrectedSpreadsheet(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "alliances.db")
	acteurs := "id;nom;famille;pays\nnantes;Ville de Nantes;collectivite;FR\nagadir;Commune d'Agadir;collectivite;MA\nenda;ENDA Tiers Monde;ong;SN\nasso;Asso Loire;association;FR\n"
	first := writeFiles(t, dir, "acteurs.csv", acteurs,
		"liens.csv", "source;cible;type\nnantes;agadir;partenariat\nnantes;enda;financement\nasso;enda;partenariat\n")
	mustCLI(t, append([]string{"ingest", "--store", store}, first...)...)
	between := func() string {
		return mustCLI(t, "query", "between", "ong", "association", "--store", store, "--format", "csv")
	}
	if !strings.Contains(between(), "asso") {
		t.Fatalf("the tie enda–asso is not stored: %s", between())
	}

	// The corrected file: the tie enda–asso is deleted.
	corrected := writeFiles(t, dir, "liens.csv", "source;cible;type\nnantes;agadir;partenariat\nnantes;enda;financement\n")
	out := mustCLI(t, "ingest", "--store", store, first[0], corrected[0])
	if !strings.Contains(out, "kept 1 link of the store that these file(s) do not contain") || !strings.Contains(out, "--replace") {
		t.Errorf("a plain ingest of the corrected file does not say that the deleted tie is kept, with the hint:\n%s", out)
	}
	if !strings.Contains(between(), "asso") {
		t.Error("a plain ingest deleted a tie: it is an upsert")
	}

	// --dry-run says what each would do, and writes nothing.
	before, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	out = mustCLI(t, "ingest", "--dry-run", "--store", store, first[0], corrected[0])
	if !strings.Contains(out, "would keep 1 link of the store that these file(s) do not contain") {
		t.Errorf("ingest --dry-run does not say that the deleted tie would be kept:\n%s", out)
	}
	out = mustCLI(t, "ingest", "--dry-run", "--replace", "--store", store, first[0], corrected[0])
	if !strings.Contains(out, "--replace would delete 1 link that these file(s) no longer contain: link asso – enda (partenariat)") {
		t.Errorf("ingest --dry-run --replace does not name the tie it would delete:\n%s", out)
	}
	if after, _ := os.ReadFile(store); string(after) != string(before) {
		t.Error("ingest --dry-run changed the store file")
	}

	out = mustCLI(t, "ingest", "--replace", "--store", store, first[0], corrected[0])
	if !strings.Contains(out, "deleted 1 link that these file(s) no longer contain") {
		t.Errorf("ingest --replace does not say what it deleted:\n%s", out)
	}
	if b := between(); strings.Contains(b, "asso") {
		t.Errorf("after ingest --replace, query between still lists the deleted tie:\n%s", b)
	}
	out = mustCLI(t, "ingest", "--replace", "--store", store, first[0], corrected[0])
	if !strings.Contains(out, "nothing changed") {
		t.Errorf("the same ingest --replace again changed the store:\n%s", out)
	}

	// --replace validates the files on their own: a link naming an actor
	// that only the store holds is an error, and nothing is written.
	links := writeFiles(t, dir, "liens-seuls.csv", "source;cible\nnantes;agadir\n")
	if code, _, errs := cli(t, "ingest", "--replace", "--store", store, links[0]); code != 0 {
		t.Errorf("--replace of a links file without actors table: exit %d: %s", code, errs)
	}
	withActors := writeFiles(t, dir, "a.csv", "id;nom\nnantes;Nantes\n", "l.csv", "source;cible\nnantes;agadir\n")
	code, _, errs := cli(t, append([]string{"ingest", "--replace", "--store", store}, withActors...)...)
	if code != 3 || !strings.Contains(errs, `unknown actor: "agadir"`) {
		t.Errorf("--replace with a link to an actor only in the store: exit %d, want 3 and unknown actor: %s", code, errs)
	}
}
