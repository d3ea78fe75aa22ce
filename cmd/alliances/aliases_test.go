package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAliases: the near-duplicate warning writes a ready-to-edit alias file;
// ingested with it, the near-duplicates merge with their ties and
// participations.
func TestAliases(t *testing.T) {
	dir := t.TempDir()
	files := writeFiles(t, dir,
		"liens.csv", "source;cible\nVille de Nantes;Commune d'Agadir\nMairie de Nantes;ENDA Tiers Monde\nENDA Tiers Monde;Commune d'Agadir\n",
		"participations.csv", "acteur;projet\nMAIRIE DE NANTES;Eau\nCommune d'Agadir;Eau\n")
	store := filepath.Join(dir, "a.db")
	aliases := filepath.Join(dir, "aliases.txt")
	code, _, errs := cli(t, append([]string{"ingest", "--dry-run", "--store", store, "--suggest-aliases", aliases}, files...)...)
	if code != 0 || !strings.Contains(errs, "near-duplicate actors") || !strings.Contains(errs, "--suggest-aliases") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(aliases)
	if err != nil {
		t.Fatal(err)
	}
	// The group's first id is the canonical one; the others are its aliases.
	text := string(b)
	for _, line := range []string{"MAIRIE DE NANTES = Mairie de Nantes\n", "Ville de Nantes = Mairie de Nantes\n"} {
		if !strings.Contains(text, line) {
			t.Errorf("the alias file lacks %q:\n%s", line, text)
		}
	}
	// The researcher prefers Ville de Nantes as the canonical id.
	edited := strings.NewReplacer("MAIRIE DE NANTES = Mairie de Nantes", "MAIRIE DE NANTES = Ville de Nantes",
		"Ville de Nantes = Mairie de Nantes", "Mairie de Nantes = Ville de Nantes").Replace(text)
	if err := os.WriteFile(aliases, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := cli(t, append([]string{"ingest", "--store", store, "--aliases", aliases}, files...)...)
	if code != 0 || !strings.Contains(out, "ingested 3 actors, 3 links, 1 projects, 2 participations") ||
		!strings.Contains(errs, "aliases: 2 actor id(s) merged into 1 actor(s)") || strings.Contains(errs, "near-duplicate actors") {
		t.Fatalf("ingest --aliases: exit %d\n%s%s", code, out, errs)
	}
	partners := mustCLI(t, "query", "partners", "Ville de Nantes", "--store", store, "--format", "csv")
	for _, p := range []string{"Commune d'Agadir", "ENDA Tiers Monde"} {
		if !strings.Contains(partners, p) {
			t.Errorf("the merged actor lost its partner %s:\n%s", p, partners)
		}
	}
	if strings.Contains(partners, "Mairie") || strings.Contains(partners, "MAIRIE") {
		t.Errorf("an alias is still an actor:\n%s", partners)
	}
	// A bad alias file is invalid input.
	bad := writeFiles(t, dir, "bad.txt", "a = b\na = c\njust words\n")
	code, _, errs = cli(t, append([]string{"ingest", "--store", store, "--aliases", bad[0]}, files...)...)
	if code != 3 || !strings.Contains(errs, "bad.txt:2") || !strings.Contains(errs, "bad.txt:3") {
		t.Errorf("bad alias file: exit %d: %s", code, errs)
	}
}
