package ingest

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/xuri/excelize/v2"
)

// TestReadJSONRoundTrip checks that the JSON of a dataset (what "alliances
// export --to json" writes) reads back to the same records, and that a JSON
// file mixes with CSV tables in one ingest.
func TestReadJSONRoundTrip(t *testing.T) {
	first := mustRead(t, Options{},
		"acteurs.csv", "id;nom;famille;pays;niveau;site\nb;Béta;ONG;MA;local;x.org\na;Alpha;commune;FR;régional;\n",
		"liens.csv", "source;cible;poids;orienté;début\na;b;2,5;oui;2015\n",
		"projets.csv", "id;nom;dimensions\np;Projet;durable|local\n",
		"participations.csv", "acteur;projet;rôle\na;p;chef de file\nb;p;partenaire\n")
	data, err := json.Marshal(first.Dataset)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "export.json")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := Read([]string{p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	strip := func(d *graph.Dataset) *graph.Dataset {
		c := *d
		c.Actors = append([]graph.Actor(nil), d.Actors...)
		c.Links = append([]graph.Link(nil), d.Links...)
		c.Projects = append([]graph.Project(nil), d.Projects...)
		c.Participations = append([]graph.Participation(nil), d.Participations...)
		for i := range c.Actors {
			c.Actors[i].Origin = graph.Provenance{}
		}
		for i := range c.Links {
			c.Links[i].Origin = graph.Provenance{}
		}
		for i := range c.Projects {
			c.Projects[i].Origin = graph.Provenance{}
		}
		for i := range c.Participations {
			c.Participations[i].Origin = graph.Provenance{}
		}
		return &c
	}
	if got, want := strip(again.Dataset), strip(first.Dataset); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if f := again.Files[0]; f.Format != "json" || f.Records != 6 {
		t.Errorf("file info %+v", f)
	}
	// A CSV of links may name the actors of the JSON file.
	links := filepath.Join(dir, "more-links.csv")
	os.WriteFile(links, []byte("source,target\nb,a\nb,c\n"), 0o644)
	_, err = Read([]string{p, links}, Options{})
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || !errors.Is(ve.Problems[0], ErrUnknownActor) || ve.Problems[0].Line != 3 {
		t.Errorf("err = %v, want the unknown actor c on line 3", err)
	}
}

// TestReadXLSX checks that each sheet of a workbook is recognised by its
// header, that problems name the sheet, that a sheet which is no table is
// skipped with a warning, and that a mapping section can name a sheet or skip
// it.
func TestReadXLSX(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Acteurs")
	rows := map[string][][]any{
		"Acteurs": {{"id", "nom", "famille"}, {"a", "Alpha", "association"}, {"b", "Béta", "ONG"}},
		"Liens":   {{"source", "cible", "poids"}, {"a", "b", 2.5}, {"a", "zz", 1}},
		"Notes":   {{"Source des données", "Date"}, {"enquête", "2024"}},
	}
	for _, name := range []string{"Acteurs", "Liens", "Notes"} {
		if name != "Acteurs" {
			f.NewSheet(name)
		}
		for i, r := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow(name, cell, &r)
		}
	}
	p := filepath.Join(t.TempDir(), "reseau.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	_, err := Read([]string{p}, Options{})
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v", err)
	}
	// The Notes sheet is no table: it is skipped with a warning, not an error.
	want := []string{
		`reseau.xlsx[Liens]:3:2: column "cible": unknown actor: "zz"`,
	}
	if len(ve.Problems) != len(want) {
		t.Fatalf("problems = %v", ve.Problems)
	}
	for i, pr := range ve.Problems {
		if got := strings.TrimPrefix(pr.Error(), filepath.Dir(p)+"/"); !strings.HasPrefix(got, want[i]) {
			t.Errorf("problem %d = %s, want %s…", i, got, want[i])
		}
	}

	f.SetCellValue("Liens", "B3", "a") // now a self-loop: a warning
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	res, err := Read([]string{p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var skipped bool
	for _, w := range res.Warnings {
		skipped = skipped || strings.Contains(w.Error(), "reseau.xlsx[Notes]:1: missing column: the header") && strings.Contains(w.Hint, "skipped")
	}
	if len(res.Warnings) != 2 || !skipped {
		t.Errorf("warnings %v, want the self-loop and the skipped Notes sheet", res.Warnings)
	}

	m, err := ParseMapping(strings.NewReader("[reseau.xlsx#Notes]\nkind = skip\n"), "m.map")
	if err != nil {
		t.Fatal(err)
	}
	res, err = Read([]string{p}, Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if fi := res.Files[0]; fi.Format != "xlsx" || !reflect.DeepEqual(fi.Tables, []string{"actors", "links", "skip"}) {
		t.Errorf("file info %+v", fi)
	}
	d := res.Dataset
	if len(d.Actors) != 2 || d.Actors[1].Family != "ong" || len(d.Links) != 2 || d.Links[1].Weight != 2.5 ||
		d.Links[1].Origin.File != p || d.Links[1].Origin.Line != 2 || len(res.Warnings) != 1 {
		t.Errorf("dataset %+v", d)
	}

	// The same workbook from an fs.FS, gzip-compressed.
	raw, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(raw)
	zw.Close()
	res2, err := ReadFS(mapFS{"reseau.xlsx.gz": gz.Bytes()}, []string{"reseau.xlsx.gz"}, Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	if len(res2.Dataset.Links) != 2 || res2.Dataset.Links[1].Origin.File != "reseau.xlsx.gz" {
		t.Errorf("dataset from fs.FS: %+v", res2.Dataset)
	}
}

func TestDescribe(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "partners.csv")
	os.WriteFile(p, []byte("Partner;Acronym\nA;B\n"), 0o644)
	infos, err := Describe([]string{p})
	if err != nil {
		t.Fatal(err)
	}
	// sha256 of the bytes above, from: printf 'Partner;Acronym\nA;B\n' | sha256sum
	want := FileInfo{Path: p, SHA256: "3ae99550d975c646c313da56a1493f01f85b89432a80616647a1ee8cbea1a2df", Format: "csv"}
	if !reflect.DeepEqual(infos[0], want) {
		t.Errorf("Describe = %+v, want %+v", infos[0], want)
	}
	if _, err := Describe([]string{filepath.Join(dir, "missing.csv")}); !errors.Is(err, ErrFormat) {
		t.Errorf("missing file: err = %v", err)
	}
}

// TestReadXLSXNoTable checks that a workbook none of whose sheets is a table
// is an error, not an empty ingest.
func TestReadXLSXNoTable(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Source des données", "Date"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"enquête", "2024"})
	p := filepath.Join(t.TempDir(), "notes.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	_, err := Read([]string{p}, Options{})
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || !errors.Is(ve.Problems[0], ErrMissingColumn) {
		t.Errorf("err = %v, want the unknown header of the only sheet", err)
	}
}
