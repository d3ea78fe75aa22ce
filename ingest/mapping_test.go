package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseTemplate(t *testing.T) {
	got := parseTemplate("{Programme|trim}: {Acronym} ({Country code|first")
	want := []templatePart{
		{column: "Programme", filter: "trim"}, {lit: ": "}, {column: "Acronym"},
		{lit: " ({Country code|first"}, // unclosed: literal
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseTemplate = %+v, want %+v", got, want)
	}
}

func TestSourceValue(t *testing.T) {
	cells := []string{" Interreg A ", "WATER", "DE Germany / DEUTSCHLAND", "NA", ""}
	p := &plan{}
	tests := []struct {
		name string
		src  *source
		want string
		miss bool
	}{
		{"column", &source{col: 1}, "WATER", false},
		{"NA is missing", &source{col: 3}, "", true},
		{"template", &source{col: -1, parts: []sourcePart{{col: 0, filter: "upper"}, {lit: "/", col: -1}, {col: 1, filter: "lower"}}}, "INTERREG A/water", false},
		{"first word", &source{col: -1, parts: []sourcePart{{col: 2, filter: "first"}}}, "DE", false},
		{"all columns missing", &source{col: -1, parts: []sourcePart{{col: 3}, {lit: " / ", col: -1}, {col: 4}}}, "", true},
		{"literal", &source{col: -1, parts: []sourcePart{{lit: "implementing", col: -1}}}, "implementing", false},
	}
	for _, tt := range tests {
		got, miss := tt.src.value(cells, p.missing)
		if got != tt.want || miss != tt.miss {
			t.Errorf("%s: value = %q, %v; want %q, %v", tt.name, got, miss, tt.want, tt.miss)
		}
	}
}

func TestParseMappingSections(t *testing.T) {
	m, err := ParseMapping(strings.NewReader(`
# global settings apply to tables that have their columns
missing = n/a, "-"
actor = Partner

[partners.csv, book.xlsx#Partners]
kind = participations
actor = {Partner} ({Country})
actor.family = Status
actor.family[Public body] = institution
actor.attr.Town = Town
split.actor = " ; "
filter.Year = 2019|2020
skip_if_missing = project
duplicates = first
`), "m.map")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Sections) != 2 {
		t.Fatalf("%d sections", len(m.Sections))
	}
	g, s := m.Sections[0], m.Sections[1]
	if !reflect.DeepEqual(g.Missing, []string{"n/a", "-"}) || g.Fields["actor"] != "Partner" {
		t.Errorf("global section %+v", g)
	}
	if s.Kind != KindParticipations || s.Fields["actor"] != "{Partner} ({Country})" || s.Values["actor.family"]["public body"] != "institution" ||
		s.Fields["actor.attr.Town"] != "Town" || s.Split["actor"] != " ; " || !reflect.DeepEqual(s.Filter["Year"], []string{"2019", "2020"}) ||
		!reflect.DeepEqual(s.SkipIfMissing, []string{"project"}) || !s.FirstDuplicate {
		t.Errorf("section %+v", s)
	}
	for _, tt := range []struct {
		file, sheet string
		want        bool
	}{
		{"data/partners.csv", "", true},
		{"book.xlsx", "partners", true},
		{"book.xlsx", "Projects", false},
		{"other.csv", "", false},
	} {
		if got := s.matches(tt.file, tt.sheet); got != tt.want {
			t.Errorf("matches(%q, %q) = %v", tt.file, tt.sheet, got)
		}
	}
}

func TestProgressOnlyOnTerminals(t *testing.T) {
	var buf bytes.Buffer
	if newProgress(&buf).reporter("x.csv") != nil {
		t.Error("progress bar drawn into a buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "progress")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if newProgress(f).reporter("x.csv") != nil {
		t.Error("progress bar drawn into a regular file")
	}
	if newProgress(nil).reporter("x.csv") != nil {
		t.Error("progress bar without a writer")
	}
	// The bar itself, forced on a buffer: throttled, ends at 100%.
	p := &progress{w: &buf}
	rep := p.reporter("data/links.csv")
	rep(10, 100)
	rep(20, 100) // within 100 ms of the first: skipped
	rep(100, 100)
	p.done()
	out := buf.String()
	if strings.Count(out, "\r") != 2 || !strings.Contains(out, "links.csv") || !strings.HasSuffix(out, "100%\n") {
		t.Errorf("progress output %q", out)
	}
}

// FuzzMapping checks that no mapping text makes parsing or reading panic.
func FuzzMapping(f *testing.F) {
	f.Add("[*.csv]\nkind = participations\nactor = {A|first} ({B})\nproject = C\nsplit.actor = \", \"\nactor.family[x] = ong\n")
	f.Add("actor=A,project={B}{C|upper}")
	f.Add("[x#]\nkind=skip\n")
	f.Add("filter.A = |\nmissing = ,\nattr. = {")
	f.Fuzz(func(t *testing.T, text string) {
		m, err := ParseMapping(strings.NewReader(text), "f.map")
		if err != nil {
			return
		}
		fsys := mapFS{"t.csv": []byte("A,B,C\nx, y ,z\nx,NA,\n")}
		_, _ = ReadFS(fsys, []string{"t.csv"}, Options{Mapping: m})
		if fm, err := ParseMappingFlag(text); err == nil {
			_, _ = ReadFS(fsys, []string{"t.csv"}, Options{Mapping: fm})
		}
	})
}

func TestMappingBuiltInGo(t *testing.T) {
	// A Section filled by Go code, without the parser.
	m := &Mapping{Sections: []*Section{{Pattern: "p.csv", Kind: KindParticipations,
		Fields: map[string]string{"actor": "Org", "project": "Code", "actor.family": "Kind"},
		Values: map[string]map[string]string{"actor.family": {"N.G.O.": "ong"}}}}}
	res := mustRead(t, Options{Mapping: m}, "p.csv", "Org,Code,Kind\nA,P1,NGO\n")
	if a := res.Dataset.Actors; len(a) != 1 || a[0].Family != "ong" || len(res.Dataset.Participations) != 1 {
		t.Errorf("dataset %+v", res.Dataset)
	}
}

// TestExampleMappings checks the mapping files shipped in examples/mappings:
// each parses, and each section plans without problems on a table that has
// the columns it names.
func TestExampleMappings(t *testing.T) {
	files, err := filepath.Glob("../examples/mappings/*.map")
	if err != nil || len(files) < 3 {
		t.Fatalf("mapping files: %v, %v", files, err)
	}
	for _, file := range files {
		m, err := LoadMapping(file)
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		for _, s := range m.Sections {
			if s.Kind == KindSkip {
				continue
			}
			tab := &Table{File: file, HeaderLine: 1, Header: s.columns()}
			if _, problems := newPlan(tab, s, ',', lookups{}); len(problems) > 0 {
				t.Errorf("%s [%s]: %v", file, s.Pattern, problems)
			}
		}
	}
}

// TestKeepMapping reads invented rows in the layout of the keep.eu partners
// export with examples/mappings/keep-interreg.map.
func TestKeepMapping(t *testing.T) {
	m, err := LoadMapping("../examples/mappings/keep-interreg.map")
	if err != nil {
		t.Fatal(err)
	}
	header := "Programme;Acronym;Project Partner;Lead Partner;Street;Postal code;Town;Country;Website;Department;Legal Status;Country code;NUTS1 (or equivalent);NUTS2 (or equivalent);NUTS3 (or equivalent)\r\n"
	rows := "2014 - 2020 INTERREG V-A France - Channel - England ;SEACOAST;Ville de Brest;Yes;1 rue X;29200;Brest;France;http://x;\"Direction\nEurope\";Public;FR France / FRANCE;FRH  / BRETAGNE;FRH0  / Bretagne;FRH02  / Finistère\r\n" +
		"2014 - 2020 INTERREG V-A France - Channel - England ;SEACOAST;Cornwall Council;No;;;Truro;United Kingdom;http://x;;public;UK United Kingdom / UNITED KINGDOM;UKK  / SOUTH WEST;UKK3  / Cornwall;UKK30  / Cornwall\r\n" +
		"2014 - 2020 INTERREG VB Atlantic Area;SEACOAST;Ville de Brest;No;1 rue X;29200;Brest;France;http://y;;private;FR France / FRANCE;FRH  / BRETAGNE;FRH0  / Bretagne;FRH02  / Finistère\r\n"
	res := mustRead(t, Options{Mapping: m}, "keep_closed_1420_Partnership.csv", header+rows)
	d := res.Dataset
	var got []string
	for _, p := range d.Participations {
		got = append(got, p.Actor+" | "+p.Project+" | "+p.Role)
	}
	want := []string{
		"Cornwall Council (UK) | 2014 - 2020 INTERREG V-A France - Channel - England: SEACOAST | partner",
		"Ville de Brest (FR) | 2014 - 2020 INTERREG V-A France - Channel - England: SEACOAST | lead",
		"Ville de Brest (FR) | 2014 - 2020 INTERREG VB Atlantic Area: SEACOAST | partner",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("participations:\n got %q\nwant %q", got, want)
	}
	brest := d.Actors[1]
	if brest.Name != "Ville de Brest" || brest.Country != "FR" || brest.Family != "collectivite" || d.Actors[0].Family != "collectivite" || brest.Territory != "FRH02  / Finistère" ||
		brest.Attrs["town"] != "Brest" || brest.Attrs["legal_status"] != "public" || d.Actors[0].Country != "GB" {
		t.Errorf("actors = %+v", d.Actors)
	}
	if p := d.Projects[1]; p.Name != "SEACOAST" || p.Programme != "2014 - 2020 INTERREG VB Atlantic Area" {
		t.Errorf("project = %+v", p)
	}
	// The family is guessed from the legal status and the name.
	for status, want := range map[string]string{
		"public: Université de Bretagne Occidentale": "institution",
		"public: Gmina Miasta Gdańsk":                "collectivite",
		"private: Verein Grenzenlos e.V.":            "association",
		"private: Blue Sea Consulting Ltd.":          "entreprise",
		"public: Agence de l'eau":                    "institution",
		"private: Les amis de la mer":                "autre",
	} {
		tab := &Table{File: "keep_closed_1420_Partnership.csv", Header: strings.Split(strings.TrimSpace(header), ";")}
		pl, problems := newPlan(tab, m.Sections[0], ';', lookups{})
		if len(problems) > 0 {
			t.Fatal(problems)
		}
		st, name, _ := strings.Cut(status, ": ")
		cells := make([]string, len(tab.Header))
		cells[2], cells[10] = name, st
		if got := pl.get("actor.family", cells); got != want {
			t.Errorf("family of %q = %q, want %q", status, got, want)
		}
	}
}

func TestMappingLookup(t *testing.T) {
	m, err := ParseMapping(strings.NewReader(`
[parts.csv]
kind = lookup
name = "parts"
key = rcn
value = part

[h.csv]
kind = participations
actor = pic
project = rcn
project.programme = {@parts:rcn}
`), "h.map")
	if err != nil {
		t.Fatal(err)
	}
	h := "rcn,pic\n1,100\n2,100\n3,200\n"
	parts := "rcn,part\n1,SC6\n1,ERC\n2,SC6\n1,SC6\n9,MSCA\n"
	res := mustRead(t, Options{Mapping: m}, "h.csv", h, "parts.csv", parts)
	var got []string
	for _, p := range res.Dataset.Projects {
		got = append(got, p.ID+"="+p.Programme)
	}
	if want := []string{"1=SC6|ERC", "2=SC6", "3="}; !reflect.DeepEqual(got, want) {
		t.Errorf("programmes = %v, want %v", got, want)
	}
	if fi := res.Files[1]; !reflect.DeepEqual(fi.Tables, []string{"lookup"}) {
		t.Errorf("tables of parts.csv = %v", fi.Tables)
	}
	// Without the lookup file: a warning, and no programmes.
	res = mustRead(t, Options{Mapping: m}, "h.csv", h)
	if res.Dataset.Projects[0].Programme != "" || !strings.Contains(res.Warnings[0].Error(), `no lookup table "parts"`) {
		t.Errorf("projects %+v, warnings %v", res.Dataset.Projects, res.Warnings)
	}
}
