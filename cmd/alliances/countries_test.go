package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCountriesNormalised: FR, France and france are one country, so ties
// among them are not cross-border; Maroc and Sénégal become MA and SN; a
// value that names no country is kept, with a warning.
func TestCountriesNormalised(t *testing.T) {
	dir := t.TempDir()
	files := writeFiles(t, dir,
		"acteurs.csv", "id;nom;famille;pays\nnantes;Ville de Nantes;collectivite;FR\ncd44;Département;collectivite;France\nasso;Asso;association;france\n"+
			"agadir;Agadir;collectivite;Maroc\nenda;ENDA;ong;Sénégal\nile;Île;autre;Atlantide\n",
		"liens.csv", "source;cible\nnantes;cd44\ncd44;asso\nasso;nantes\nnantes;agadir\nagadir;enda\nenda;ile\n")
	store := filepath.Join(dir, "a.db")
	code, out, errs := cli(t, append([]string{"ingest", "--store", store}, files...)...)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, `country "Atlantide" is no country name or ISO code known`) {
		t.Errorf("no warning for a value that names no country:\n%s%s", out, errs)
	}
	if strings.Contains(errs, `"France"`) || strings.Contains(errs, `"france"`) {
		t.Errorf("a warning for a country name:\n%s", errs)
	}
	cross := mustCLI(t, "query", "cross-border", "--store", store, "--format", "csv")
	// FR–MA (nantes–agadir), MA–SN (agadir–enda) and SN–Atlantide only.
	if strings.Contains(cross, "FR,FR") || strings.Contains(cross, "France") || strings.Contains(strings.ToLower(cross), "france") {
		t.Errorf("ties inside France reported as cross-border:\n%s", cross)
	}
	for _, pair := range []string{"FR,MA", "MA,SN"} {
		if !strings.Contains(cross, pair) {
			t.Errorf("cross-border lacks %s:\n%s", pair, cross)
		}
	}
	if n := strings.Count(strings.TrimSpace(cross), "\n"); n != 3 {
		t.Errorf("%d pairs of countries, want 3 (FR-MA, MA-SN, SN-Atlantide):\n%s", n, cross)
	}
}
