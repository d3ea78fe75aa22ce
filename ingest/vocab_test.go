package ingest

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestFamilyAliases(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		in, want string
	}{
		{"collectivité territoriale", "collectivite"},
		{"Collectivite Territoriale", "collectivite"},
		{"Local authority", "collectivite"},
		{"municipality", "collectivite"},
		{"Commune", "collectivite"},
		{"MAIRIE", "collectivite"},
		{"Conseil départemental", "collectivite"},
		{"conseil regional", "collectivite"},
		{"Région", "collectivite"},
		{"province", "collectivite"},
		{"préfecture", "collectivite"},
		{"NGO", "ong"},
		{"O.N.G.", "ong"},
		{"INGO", "ong"},
		{"company", "entreprise"},
		{"SME", "entreprise"},
		{"PME", "entreprise"},
		{"Société", "entreprise"},
		{"business", "entreprise"},
		{"state body", "institution"},
		{"Public agency", "institution"},
		{"ministry", "institution"},
		{"international organisation", "institution"},
		{"Université", "institution"},
		{"donor", "institution"},
		{"Bailleur", "institution"},
		{"assoc", "association"},
		{"Association", "association"},
		{"autre", "autre"},
		{"Other", "autre"},
	}
	for _, tt := range tests {
		if got, ok := v.Family(tt.in); !ok || got != tt.want {
			t.Errorf("Family(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "fondation", "ongg x", "public"} {
		if f, ok := v.Family(bad); ok {
			t.Errorf("Family(%q) = %q, want unknown", bad, f)
		}
	}
}

func TestLevelsAndVocabularies(t *testing.T) {
	tests := []struct {
		idx  map[string]string
		in   string
		want string
	}{
		{levelIndex, "communal", "local"},
		{levelIndex, "Régional", "regional"},
		{levelIndex, "départemental", "regional"},
		{levelIndex, "National", "national"},
		{levelIndex, "internationale", "international"},
		{dimensionIndex, "Développement", "development"},
		{dimensionIndex, "durable", "sustainable"},
		{dimensionIndex, "inclusif", "inclusive"},
		{dimensionIndex, "local", "local"},
		{targetIndex, "jeunes", "youth"},
		{targetIndex, "Femmes", "women"},
		{targetIndex, "handicap", "disability"},
		{targetIndex, "précarité", "precarity"},
	}
	for _, tt := range tests {
		if got := tt.idx[key(tt.in)]; got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"association", "collectivite", "entreprise", "ong"}
	tests := []struct{ in, want string }{
		{"asociation", "association"},
		{"Entreprize", "entreprise"},
		{"colectivité", "collectivite"},
		{"banana", ""},
		{"og", "ong"},
	}
	for _, tt := range tests {
		if got := suggest(tt.in, cands); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseVocabulary(t *testing.T) {
	v, err := ParseVocabulary(strings.NewReader("\ufeff# our families\n\nCoopérative agricole = entreprise\nfondation\nFoundation = Fondation\n"), "f.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := v.Families(); !reflect.DeepEqual(got, []string{"collectivite", "association", "ong", "entreprise", "institution", "autre", "fondation"}) {
		t.Errorf("families = %v", got)
	}
	for in, want := range map[string]string{"cooperative agricole": "entreprise", "foundation": "fondation", "FONDATION": "fondation", "ONG": "ong"} {
		if got, ok := v.Family(in); !ok || got != want {
			t.Errorf("Family(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	// The built-in vocabulary is not changed by an extension.
	if _, ok := DefaultVocabulary().Family("fondation"); ok {
		t.Error("DefaultVocabulary knows fondation")
	}
	_, err = ParseVocabulary(strings.NewReader("ok = ong\n = ong\n"), "bad.txt")
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Line != 2 {
		t.Errorf("err = %v, want one problem on line 2", err)
	}
}

func TestRecognise(t *testing.T) {
	tests := []struct {
		name   string
		header []string
		file   string
		want   Kind
	}{
		{"english actors", []string{"id", "name", "family", "country"}, "a.csv", KindActors},
		{"french actors", []string{"Identifiant", "Nom", "Famille", "Pays", "Territoire", "Niveau"}, "x.csv", KindActors},
		{"type d'acteur", []string{"id", "Type d’acteur"}, "x.csv", KindActors},
		{"french links with cible", []string{"source", "cible", "type", "poids", "orienté", "début", "fin"}, "x.csv", KindLinks},
		{"de/vers", []string{"De", "Vers", "Poids"}, "x.csv", KindLinks},
		{"acteur 1/acteur 2", []string{"Acteur 1", "Acteur 2"}, "x.csv", KindLinks},
		{"projects", []string{"id", "nom", "programme", "phase", "dimensions", "publics cibles"}, "x.csv", KindProjects},
		{"participations", []string{"acteur", "projet", "rôle"}, "x.csv", KindParticipations},
		{"id and name: file says projects", []string{"id", "name"}, "projets.csv", KindProjects},
		{"id and name: file says actors", []string{"id", "name"}, "acteurs.csv", KindActors},
		{"id and name: default actors", []string{"id", "name"}, "data.csv", KindActors},
		{"unknown", []string{"foo", "bar"}, "x.csv", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := recognise(tt.header, tt.file, ""); got != tt.want {
				t.Errorf("recognise(%q) = %q, want %q", tt.header, got, tt.want)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2015", "2015"}, {"2015.0", "2015"}, {"2015-03", "2015-03"}, {"2015-03-31", "2015-03-31"},
		{"2015/03/31", "2015-03-31"}, {"31/03/2015", "2015-03-31"}, {"1/3/2015", "2015-03-01"},
		{"31.03.2015", "2015-03-31"}, {"03/2015", "2015-03"}, {"2015-03-31 00:00:00", "2015-03-31"},
		{"", ""},
	}
	for _, tt := range tests {
		if got, err := parseDate(tt.in); err != nil || got != tt.want {
			t.Errorf("parseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"20l6", "2015-13-01", "31/02/2015", "next year", "15"} {
		if got, err := parseDate(bad); !errors.Is(err, ErrBadValue) {
			t.Errorf("parseDate(%q) = %q, %v; want ErrBadValue", bad, got, err)
		}
	}
}

func TestSplitKnown(t *testing.T) {
	known := map[string]bool{
		"SNV Netherlands Development Organisation":        true,
		"SNV Netherlands Development Organisation, Ghana": true,
		"DAI Global, LLC (DAI)":                           true,
		"CARE":                                            true,
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"CARE", []string{"CARE"}},
		{"SNV Netherlands Development Organisation, Ghana, CARE", []string{"SNV Netherlands Development Organisation, Ghana", "CARE"}},
		{"SNV Netherlands Development Organisation, CARE", []string{"SNV Netherlands Development Organisation", "CARE"}},
		{"DAI Global, LLC (DAI), Unknown Org, CARE \t", []string{"DAI Global, LLC (DAI)", "Unknown Org", "CARE"}},
		{"CARE , DAI Global, LLC (DAI)", []string{"CARE", "DAI Global, LLC (DAI)"}},
	}
	for _, tt := range tests {
		got := splitKnown(tt.in, ", ", func(s string) bool { return known[s] })
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitKnown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Mairie de Rezé", "Ville de REZE"},
		{"Commune de Tiznit", "tiznit"},
		{"The County Administrative Board", "County Administrative Board"},
		{"Paris-Lodron Universität", "Paris Lodron Universitat"},
	}
	for _, p := range same {
		if nameKey(p[0]) != nameKey(p[1]) {
			t.Errorf("nameKey(%q) = %q != nameKey(%q) = %q", p[0], nameKey(p[0]), p[1], nameKey(p[1]))
		}
	}
	if nameKey("Ville de Nantes") == nameKey("Ville de Nancy") {
		t.Error("Nantes and Nancy fold together")
	}
}
