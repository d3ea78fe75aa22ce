package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeWorkbook writes a workbook with the given sheets (name, then rows).
func writeWorkbook(t *testing.T, path string, sheets map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	first := true
	for name, rows := range sheets {
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestWorkbookKeyedByNames: an actors sheet without id column is keyed by
// its names, which the links sheet uses; every family, country and actor
// (one without ties too) is stored, and --dry-run says the same.
func TestWorkbookKeyedByNames(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "reseau.xlsx")
	writeWorkbook(t, book, map[string][][]any{
		"Acteurs": {
			{"Nom de la structure", "Type de structure", "Pays", "Territoire"},
			{"Conseil départemental de Loire-Atlantique", "collectivité territoriale", "FR", "Loire-Atlantique"},
			{"Commune d'Agadir", "commune", "MA", "Souss-Massa"},
			{" ENDA Tiers Monde ", "ONG", "SN", "Dakar"},
			{"Association sans partenaire", "association", "FR", "Nantes"},
		},
		"Liens": {
			{"Source", "Cible", "Type"},
			{"Conseil départemental de Loire-Atlantique", "Commune d'Agadir", "convention"},
			{"Commune d'Agadir", "ENDA Tiers Monde", "partenariat"},
		},
	})
	store := filepath.Join(dir, "a.db")
	out := mustCLI(t, "ingest", "--dry-run", "--store", store, book)
	if !strings.Contains(out, "valid: 4 actors, 2 links") {
		t.Errorf("--dry-run: %s", out)
	}
	mustCLI(t, "ingest", "--store", store, book)
	var res struct {
		Actors []struct{ ID, Family, Name string } `json:"actors"`
	}
	if err := json.Unmarshal([]byte(mustCLI(t, "analyze", "--store", store, "--format", "json")), &res); err != nil {
		t.Fatal(err)
	}
	fam := map[string]string{}
	for _, a := range res.Actors {
		fam[a.ID] = a.Family
	}
	for id, want := range map[string]string{
		"Conseil départemental de Loire-Atlantique": "collectivite",
		"Commune d'Agadir":                          "collectivite",
		"ENDA Tiers Monde":                          "ong", // trimmed, as the link names it
		"Association sans partenaire":               "association",
	} {
		if fam[id] != want {
			t.Errorf("actor %q: family %q, want %q (actors %v)", id, fam[id], want, fam)
		}
	}
	if out := mustCLI(t, "query", "cross-border", "--store", store, "--format", "csv"); !strings.Contains(out, "FR,MA") || !strings.Contains(out, "MA,SN") {
		t.Errorf("countries lost:\n%s", out)
	}
}

// TestUnrecognisedSheetIsAnError: a sheet named as a table whose header is
// not recognised is an error with the mapping hint, never skipped, with or
// without --dry-run.
func TestUnrecognisedSheetIsAnError(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "carnet.xlsx")
	writeWorkbook(t, book, map[string][][]any{
		"Acteurs": {{"Raison", "Genre", "Lieu"}, {"Mairie de Nantes", "commune", "FR"}},
		"Liens":   {{"source", "cible"}, {"a", "b"}},
	})
	for _, dry := range []bool{true, false} {
		args := []string{"ingest", "--store", filepath.Join(dir, "a.db"), book}
		if dry {
			args = append(args, "--dry-run")
		}
		code, out, errs := cli(t, args...)
		if code != 3 || strings.Contains(out, "valid") {
			t.Errorf("dry-run=%v: exit %d, want 3: %s", dry, code, out)
		}
		for _, want := range []string{`sheet "Acteurs" is named as a table of actors`, "Raison, Genre, Lieu", "[carnet.xlsx#Acteurs]", "--mapping"} {
			if !strings.Contains(errs, want) {
				t.Errorf("dry-run=%v: the error does not say %q:\n%s", dry, want, errs)
			}
		}
	}
}
