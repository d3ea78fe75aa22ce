package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alliances/alliances/graph"
)

// mapFS is an in-memory file system of test files.
type mapFS map[string][]byte

func (m mapFS) Open(name string) (fs.File, error) {
	mf := fstest.MapFS{}
	for k, v := range m {
		mf[k] = &fstest.MapFile{Data: v}
	}
	return mf.Open(name)
}

// readFiles reads the named in-memory files in the order given.
func readFiles(t *testing.T, opts Options, files ...string) (*Result, error) {
	t.Helper()
	fsys := mapFS{}
	var names []string
	for i := 0; i+1 < len(files); i += 2 {
		fsys[files[i]] = []byte(files[i+1])
		names = append(names, files[i])
	}
	return ReadFS(fsys, names, opts)
}

func mustRead(t *testing.T, opts Options, files ...string) *Result {
	t.Helper()
	res, err := readFiles(t, opts, files...)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return res
}

// problemsOf returns the problems of a *ValidationError.
func problemsOf(t *testing.T, err error) []Problem {
	t.Helper()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want a *ValidationError", err)
	}
	return ve.Problems
}

// loc is a problem's location and sentinel, for comparisons.
type loc struct {
	File      string
	Line, Col int
	Field     string
	Err       error
}

func locsOf(ps []Problem, sentinels ...error) []loc {
	var out []loc
	for _, p := range ps {
		l := loc{p.File, p.Line, p.Column, p.Field, nil}
		for _, s := range sentinels {
			if errors.Is(p, s) {
				l.Err = s
				break
			}
		}
		out = append(out, l)
	}
	return out
}

var allSentinels = []error{ErrMissingColumn, ErrUnknownActor, ErrUnknownProject, ErrBadValue, ErrDuplicate, ErrUnknownFamily, ErrFormat}

func TestReadFrenchSemicolonBOM(t *testing.T) {
	acteurs := "\ufeffIdentifiant;Nom;Type d’acteur;Pays;Territoire;Niveau;Site web\n" +
		"cd44;Conseil départemental de Loire-Atlantique;Conseil Départemental;fr;Loire-Atlantique;Départemental;https://loire-atlantique.fr\n" +
		"asso-eau;Eau Vive Agadir;Association;MA;Agadir Ida Outanane;communal;\n" +
		"coop;Coopérative Tifawin;PME;ma;;local;\n"
	liens := "\ufeffSource;Cible;Type;Poids;Orienté;Début;Fin\n" +
		"cd44;asso-eau;financement;2,5;oui;2012;31/12/2015\n" +
		"asso-eau;coop;appui technique;;non;2014-03;\n"
	projets := "id;nom;programme;phase;début;fin;dimensions;publics cibles;territoire\n" +
		"p1;Eau potable;Coopération 44 – Souss-Massa;1;2012;2015;Développement|local;Précarité;Chtouka\n" +
		"p2;Argan;Coopération 44 – Souss-Massa;2;2016;2019;inclusif, durable;Femmes|Jeunes;Chtouka\n"
	participations := "Acteur;Projet;Rôle;Début;Fin\n" +
		"cd44;p1;chef de file;2012;2015\n" +
		"asso-eau;p1;opérateur;;\n" +
		"coop;p2;partenaire;;\n"
	res := mustRead(t, Options{}, "acteurs.csv", acteurs, "liens.csv", liens, "projets.csv", projets, "participations.csv", participations)
	d := res.Dataset
	wantActors := []graph.Actor{
		{ID: "asso-eau", Name: "Eau Vive Agadir", Family: "association", Country: "MA", Territory: "Agadir Ida Outanane", Level: "local",
			Origin: graph.Provenance{File: "acteurs.csv", Line: 3}},
		{ID: "cd44", Name: "Conseil départemental de Loire-Atlantique", Family: "collectivite", Country: "FR", Territory: "Loire-Atlantique", Level: "regional",
			Attrs: map[string]string{"Site web": "https://loire-atlantique.fr"}, Origin: graph.Provenance{File: "acteurs.csv", Line: 2}},
		{ID: "coop", Name: "Coopérative Tifawin", Family: "entreprise", Country: "MA", Level: "local",
			Origin: graph.Provenance{File: "acteurs.csv", Line: 4}},
	}
	if !reflect.DeepEqual(d.Actors, wantActors) {
		t.Errorf("actors:\n got %+v\nwant %+v", d.Actors, wantActors)
	}
	wantLinks := []graph.Link{
		{Source: "asso-eau", Target: "coop", Type: "appui technique", Weight: 1, Start: "2014-03", Origin: graph.Provenance{File: "liens.csv", Line: 3}},
		{Source: "cd44", Target: "asso-eau", Type: "financement", Weight: 2.5, Directed: true, Start: "2012", End: "2015-12-31", Origin: graph.Provenance{File: "liens.csv", Line: 2}},
	}
	if !reflect.DeepEqual(d.Links, wantLinks) {
		t.Errorf("links:\n got %+v\nwant %+v", d.Links, wantLinks)
	}
	if got := d.Projects[0]; !reflect.DeepEqual(got.Dimensions, []string{"development", "local"}) || !reflect.DeepEqual(got.Targets, []string{"precarity"}) || got.Phase != 1 {
		t.Errorf("project p1 = %+v", got)
	}
	if got := d.Projects[1]; !reflect.DeepEqual(got.Dimensions, []string{"sustainable", "inclusive"}) || !reflect.DeepEqual(got.Targets, []string{"youth", "women"}) {
		t.Errorf("project p2 = %+v", got)
	}
	if len(d.Participations) != 3 || d.Participations[1] != (graph.Participation{Actor: "cd44", Project: "p1", Role: "chef de file", Start: "2012", End: "2015",
		Origin: graph.Provenance{File: "participations.csv", Line: 2}}) {
		t.Errorf("participations = %+v", d.Participations)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	for _, f := range res.Files {
		if f.Delimiter != ";" || f.Format != "csv" || len(f.Tables) != 1 {
			t.Errorf("file info %+v", f)
		}
	}
	if res.Files[0].Encoding != charsetUTF8BOM || res.Files[0].Tables[0] != "actors" || res.Files[3].Tables[0] != "participations" {
		t.Errorf("file infos %+v", res.Files)
	}
}

func TestReadLatin1(t *testing.T) {
	// Windows-1252 bytes, as written by Excel for "CSV (séparateur: point-virgule)".
	acteurs := "id;nom;famille;pays\n" +
		"a1;Soci\xe9t\xe9 coop\xe9rative;soci\xe9t\xe9;FR\n" +
		"a2;R\xe9gion Pays de la Loire;r\xe9gion;FR\n"
	res := mustRead(t, Options{}, "acteurs.csv", acteurs)
	got := []string{res.Dataset.Actors[0].Name, res.Dataset.Actors[0].Family, res.Dataset.Actors[1].Name, res.Dataset.Actors[1].Family}
	want := []string{"Société coopérative", "entreprise", "Région Pays de la Loire", "collectivite"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if res.Files[0].Encoding != charsetCP1252 {
		t.Errorf("encoding = %q", res.Files[0].Encoding)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 2 || !strings.Contains(res.Warnings[0].Error(), "Windows-1252") {
		t.Errorf("warnings = %v, want one about the encoding at line 2", res.Warnings)
	}
}

func TestReadDecimalComma(t *testing.T) {
	actors := "id,name\na,A\nb,B\nc,C\n"
	tests := []struct {
		name  string
		links string
		want  float64
		err   bool
	}{
		{"semicolon file accepts 0,5", "source;target;weight\na;b;0,5\n", 0.5, false},
		{"tab file accepts 1,25", "source\ttarget\tweight\na\tb\t1,25\n", 1.25, false},
		{"point always works", "source;target;weight\na;b;0.75\n", 0.75, false},
		{"comma file takes a quoted 0,5 as an error", "source,target,weight\na,b,\"0,5\"\n", 0, true},
		{"thousands are not decimals", "source;target;weight\na;b;1.000,5\n", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := readFiles(t, Options{}, "actors.csv", actors, "links.csv", tt.links)
			if tt.err {
				ps := problemsOf(t, err)
				if len(ps) != 1 || !errors.Is(ps[0], ErrBadValue) || ps[0].Line != 2 || ps[0].Column != 3 {
					t.Errorf("problems = %v, want one bad weight at 2:3", ps)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if w := res.Dataset.Links[0].Weight; w != tt.want {
				t.Errorf("weight = %v, want %v", w, tt.want)
			}
		})
	}
}

// TestReadMalformed checks that every problem of a broken input is reported at
// once, each with its file, line and column, and that no dataset is returned.
func TestReadMalformed(t *testing.T) {
	actors := "id,name,family\n" +
		"ville-nantes,Ville de Nantes,collectivite\n" +
		"asso1,Association Un,asociation\n" + // typo in the family: line 3, column 3
		",Sans id,ong\n" + // empty id: line 4, column 1
		"asso1,Association Un bis,association\n" // duplicate id with other values: line 5
	links := "source,target,weight,start\n" +
		"ville-nantes,asso1,2,2015\n" +
		"ville-nante,asso1,1,2016\n" + // unknown actor (typo): line 3, column 1
		"asso1,ville-nantes,-1,2016\n" + // bad weight: line 4, column 3
		"asso1,ville-nantes,abc,20l6\n" + // bad weight and bad year: line 5, columns 3 and 4
		"asso1,nobody,1,\n" // unknown actor: line 6, column 2
	projects := "id,name,dimensions\n" + "p1,Projet,local\n"
	participations := "actor,project\n" + "asso1,p2\n" // unknown project: line 2, column 2
	noKind := "foo,bar\n1,2\n"
	noTarget := "source,poids\na,1\n"
	_, err := readFiles(t, Options{},
		"actors.csv", actors, "links.csv", links, "projects.csv", projects,
		"participations.csv", participations, "other.csv", noKind, "ties.csv", noTarget)
	if err == nil {
		t.Fatal("Read accepted a malformed input")
	}
	ps := problemsOf(t, err)
	got := locsOf(ps, allSentinels...)
	want := []loc{
		{"actors.csv", 3, 3, "family", ErrUnknownFamily},
		{"actors.csv", 4, 1, "id", ErrBadValue},
		{"actors.csv", 5, 1, "id", ErrDuplicate},
		{"links.csv", 3, 1, "source", ErrUnknownActor},
		{"links.csv", 4, 3, "weight", ErrBadValue},
		{"links.csv", 5, 3, "weight", ErrBadValue},
		{"links.csv", 5, 4, "start", ErrBadValue},
		{"links.csv", 6, 2, "target", ErrUnknownActor},
		{"other.csv", 1, 0, "", ErrMissingColumn},
		{"participations.csv", 2, 2, "project", ErrUnknownProject},
		{"ties.csv", 1, 0, "target", ErrMissingColumn},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n got %v\nwant %v\nfull: %v", got, want, err)
	}
	hints := map[string]string{
		"actors.csv:3":       `did you mean "association"`,
		"actors.csv:5":       "actors.csv:3",
		"links.csv:3":        `did you mean "ville-nantes"?`,
		"links.csv:6":        "add it to the actors table",
		"other.csv:1":        "participations (actor*, project*",
		"participations.csv": `did you mean "p1"?`,
	}
	for where, want := range hints {
		found := false
		for _, p := range ps {
			if strings.HasPrefix(p.Error(), where) && strings.Contains(p.Error(), want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no problem at %s mentions %q", where, want)
		}
	}
}

func TestReadDuplicates(t *testing.T) {
	t.Run("identical rows are a warning", func(t *testing.T) {
		res := mustRead(t, Options{}, "actors.csv", "id,name,family\na,Alpha,ong\nb,Beta,ong\na,Alpha,ong\n",
			"links.csv", "source,target\na,b\nb,a\n")
		if len(res.Dataset.Actors) != 2 || len(res.Dataset.Links) != 1 {
			t.Errorf("dataset %+v", res.Dataset)
		}
		got := locsOf(res.Warnings, ErrDuplicate)
		want := []loc{{"actors.csv", 4, 1, "id", ErrDuplicate}, {"links.csv", 3, 0, "", ErrDuplicate}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("warnings %v, want %v", got, want)
		}
	})
	t.Run("same id with other values is an error naming both lines", func(t *testing.T) {
		_, err := readFiles(t, Options{}, "projects.csv", "id,name\np,Un\nq,Deux\np,Trois\n")
		ps := problemsOf(t, err)
		if len(ps) != 1 || ps[0].Line != 4 || !errors.Is(ps[0], ErrDuplicate) || !strings.Contains(ps[0].Error(), "projects.csv:2") {
			t.Errorf("problems = %v", ps)
		}
	})
}

func TestReadImplicitRecords(t *testing.T) {
	// Two-mode input: a participations table alone creates its actors and
	// projects (id = value as given, trimmed), with a warning.
	res := mustRead(t, Options{}, "participations.csv", "actor;project;role\n Mairie de Rezé ;P1;lead\nONG Sud;P1;partner\nONG Sud;P2;\n")
	d := res.Dataset
	var ids []string
	for _, a := range d.Actors {
		ids = append(ids, a.ID)
	}
	if !reflect.DeepEqual(ids, []string{"Mairie de Rezé", "ONG Sud"}) || len(d.Projects) != 2 || len(d.Participations) != 3 {
		t.Errorf("dataset = %+v", d)
	}
	if len(res.Warnings) != 2 || !strings.Contains(res.Warnings[0].Error(), "2 actor(s) created") {
		t.Errorf("warnings = %v", res.Warnings)
	}

	// With an actors table, every actor must be declared.
	_, err := readFiles(t, Options{}, "actors.csv", "id\nMairie de Rezé\n",
		"participations.csv", "actor;project\nMairie de Rezé;P1\nONG Sud;P1\n")
	ps := problemsOf(t, err)
	if got := locsOf(ps, ErrUnknownActor); !reflect.DeepEqual(got, []loc{{"participations.csv", 3, 1, "actor", ErrUnknownActor}}) {
		t.Errorf("problems = %v", ps)
	}

	// Actors already in the store count as declared and are not replaced.
	known := &graph.Dataset{Actors: []graph.Actor{{ID: "ONG Sud", Family: "ong"}}}
	res = mustRead(t, Options{Known: known}, "actors.csv", "id\nMairie de Rezé\n",
		"links.csv", "source,target\nMairie de Rezé,ONG Sud\n")
	if len(res.Dataset.Actors) != 1 || len(res.Dataset.Links) != 1 {
		t.Errorf("dataset = %+v", res.Dataset)
	}
}

func TestReadWarnings(t *testing.T) {
	actors := "id,name,family\n" +
		"m-reze,Mairie de Rezé,commune\n" +
		"v-reze,Ville de REZE,commune\n" +
		"asso,Maison  des Solidarités,association\n" +
		"asso2,maison des solidarites,association\n" +
		"other,Autre chose,autre\n"
	links := "source,target\nasso,asso\nasso,other\n"
	res := mustRead(t, Options{}, "actors.csv", actors, "links.csv", links)
	var msgs []string
	for _, w := range res.Warnings {
		msgs = append(msgs, w.Error())
	}
	want := []string{
		`actors.csv:2: column "name": near-duplicate actors: "Mairie de Rezé" (m-reze) and "Ville de REZE" (v-reze, actors.csv:3)`,
		`actors.csv:4: column "name": near-duplicate actors: "Maison  des Solidarités" (asso) and "maison des solidarites" (asso2, actors.csv:5)`,
		`links.csv:2:2: column "target": self-loop: "asso" is linked to itself`,
	}
	if len(msgs) != len(want) {
		t.Fatalf("warnings:\n%s", strings.Join(msgs, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(msgs[i], want[i]) {
			t.Errorf("warning %d:\n got %s\nwant %s…", i, msgs[i], want[i])
		}
	}
	if len(res.Dataset.Links) != 2 {
		t.Errorf("self-loops are kept: got %d links", len(res.Dataset.Links))
	}
}

func TestReadVocabularyExtension(t *testing.T) {
	actors := "id,famille\na,Fondation\nb,foundation\nc,ONG\n"
	if _, err := readFiles(t, Options{}, "actors.csv", actors); !errors.Is(err, ErrUnknownFamily) {
		t.Fatalf("err = %v, want ErrUnknownFamily", err)
	}
	v, err := ParseVocabulary(strings.NewReader("# extra families\nfondation = fondation\nfoundation = fondation\n"), "families.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, Options{Vocabulary: v}, "actors.csv", actors)
	var fams []string
	for _, a := range res.Dataset.Actors {
		fams = append(fams, a.Family)
	}
	if !reflect.DeepEqual(fams, []string{"fondation", "fondation", "ong"}) {
		t.Errorf("families = %v", fams)
	}
}

func TestReadMappingFlag(t *testing.T) {
	// A keep.eu-like partners file: ';', no ids, a multi-line quoted field.
	partners := "Programme;Acronym;Project Partner;Lead Partner;Country;Legal Status\r\n" +
		"Interreg A;WATER;City of Brest;Yes;France;public\r\n" +
		"Interreg A;WATER;\"Cornwall\nCouncil\";No;UK;Public\r\n" +
		"Interreg B;WATER;City of Brest;Yes;France;public\r\n"
	m, err := ParseMappingFlag("actor=Project Partner,project={Programme}/{Acronym},family=Legal Status,family[public]=institution,role=Lead Partner")
	if err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, Options{Mapping: m}, "partners.csv", partners)
	d := res.Dataset
	want := []graph.Actor{
		{ID: "City of Brest", Family: "institution", Origin: graph.Provenance{File: "partners.csv", Line: 2}},
		{ID: "Cornwall\nCouncil", Family: "institution", Origin: graph.Provenance{File: "partners.csv", Line: 3}},
	}
	if !reflect.DeepEqual(d.Actors, want) {
		t.Errorf("actors:\n got %+v\nwant %+v", d.Actors, want)
	}
	if len(d.Projects) != 2 || d.Projects[0].ID != "Interreg A/WATER" || d.Participations[0].Role != "Yes" {
		t.Errorf("projects %+v participations %+v", d.Projects, d.Participations)
	}
	// The flag mapping does not apply to a table lacking its columns.
	res = mustRead(t, Options{Mapping: m}, "partners.csv", partners, "extra.csv", "actor,project\nCity of Brest,Interreg A/WATER\n")
	if got := res.Files[1].Tables; !reflect.DeepEqual(got, []string{"participations"}) {
		t.Errorf("extra.csv tables = %v", got)
	}
}

func TestReadMappingFile(t *testing.T) {
	mapping := `# organisations and projects of an IATI-like export
[orgs.csv]
kind = actors
id = name
family = type
family[21] = ong
family[70] = entreprise
family[10] = institution
attr.iati_type = type

[projects.csv]
kind = projects
filter.prefix = CTR
id = iati_id
name = title
start = date_start

[projects.csv]
kind = participations
filter.prefix = CTR
project = iati_id
actor = partner_implementing
split.actor = ", "
role = "implementing"
missing = n/a
`
	m, err := ParseMapping(strings.NewReader(mapping), "eutf.map")
	if err != nil {
		t.Fatal(err)
	}
	orgs := "name,type\n" +
		"\"DAI Global, LLC (DAI)\",70\n" +
		"SNV Netherlands Development Organisation,21\n" +
		"\"SNV Netherlands Development Organisation, Ghana\",21\n" +
		"CARE ,21\n" +
		"Ministry of Interior,10\n"
	projects := "iati_id,prefix,title,date_start,partner_implementing\n" +
		"T1,CTR,One,2019-01-01,\"DAI Global, LLC (DAI), SNV Netherlands Development Organisation, Ghana, CARE \"\n" +
		"T0,DEC,Parent,,Ministry of Interior\n" +
		"T2,CTR,Two,NA,\"SNV Netherlands Development Organisation, Ministry of Interior\"\n" +
		"T3,CTR,Three,,n/a\n"
	res := mustRead(t, Options{Mapping: m}, "orgs.csv", orgs, "projects.csv", projects)
	d := res.Dataset
	var parts []string
	for _, p := range d.Participations {
		parts = append(parts, p.Project+"|"+p.Actor+"|"+p.Role)
	}
	want := []string{
		"T1|CARE|implementing",
		"T1|DAI Global, LLC (DAI)|implementing",
		"T2|Ministry of Interior|implementing",
		"T2|SNV Netherlands Development Organisation|implementing",
		"T1|SNV Netherlands Development Organisation, Ghana|implementing",
	}
	if !reflect.DeepEqual(parts, want) {
		t.Errorf("participations:\n got %q\nwant %q", parts, want)
	}
	if len(d.Projects) != 3 || d.Projects[0].Start != "2019-01-01" || d.Projects[1].Start != "" {
		t.Errorf("projects = %+v", d.Projects)
	}
	if a := d.Actors[0]; a.ID != "CARE" || a.Family != "ong" || a.Attrs["iati_type"] != "21" {
		t.Errorf("actor = %+v", a)
	}
	if got := res.Files[1].Tables; !reflect.DeepEqual(got, []string{"projects", "participations"}) {
		t.Errorf("tables of projects.csv = %v", got)
	}
}

func TestReadMappingErrors(t *testing.T) {
	m, err := ParseMapping(strings.NewReader("[p.csv]\nkind = participations\nactor = Partner\nproject = Acronym\ncolour = Legal\n"), "m.map")
	if err != nil {
		t.Fatal(err)
	}
	_, err = readFiles(t, Options{Mapping: m}, "p.csv", "Partner,Acronym\na,b\n")
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].Field != "colour" || !errors.Is(ps[0], ErrMissingColumn) {
		t.Errorf("problems = %v", ps)
	}
	if _, err := ParseMapping(strings.NewReader("kind = things\nno equals sign\n"), "bad.map"); len(problemsOf(t, err)) != 2 {
		t.Errorf("err = %v, want 2 problems", err)
	}
}

func TestReadGzipFile(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	fmt.Fprint(zw, "rcn,pic,role\n1,100,coordinator\n1,200,participant\n2,NA,participant\n")
	zw.Close()
	p := filepath.Join(dir, "h.csv.gz")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	m, _ := ParseMappingFlag("actor=pic,project=rcn")
	_, err := Read([]string{p}, Options{Mapping: m})
	ps := problemsOf(t, err)
	if len(ps) != 1 || ps[0].Line != 4 || ps[0].Field != "pic" {
		t.Fatalf("problems = %v, want the NA actor on line 4", ps)
	}
	m.Sections[0].SkipIfMissing = []string{"actor"}
	res, err := Read([]string{p}, Options{Mapping: m})
	if err != nil {
		t.Fatal(err)
	}
	f := res.Files[0]
	if !f.Compressed || f.Format != "csv" || f.Records != 3 || len(f.SHA256) != 64 || len(res.Dataset.Participations) != 2 {
		t.Errorf("file %+v, dataset %+v", f, res.Dataset)
	}
}

func TestReadUnreadableFiles(t *testing.T) {
	_, err := Read([]string{filepath.Join(t.TempDir(), "missing.csv"), "x.docx"}, Options{})
	ps := problemsOf(t, err)
	if len(ps) != 2 || !errors.Is(ps[0], ErrFormat) || !errors.Is(ps[1], ErrFormat) {
		t.Errorf("problems = %v", ps)
	}
}

// TestSortedLikeDataset checks that Read returns tables in the order of
// graph.Dataset.Sort, which stores and golden files rely on.
func TestSortedLikeDataset(t *testing.T) {
	links := "source,target,type,directed\n" +
		"b,a,x,no\na,b,x,yes\nb,a,x,yes\na,ab,,no\nab,a,y,no\na,b,,no\nc,a,x,no\n"
	parts := "actor,project\nb,p\na,q\nab,p\na,p\n"
	res := mustRead(t, Options{}, "links.csv", links, "participations.csv", parts)
	got := *res.Dataset
	want := graph.Dataset{
		Actors:         append([]graph.Actor(nil), got.Actors...),
		Links:          append([]graph.Link(nil), got.Links...),
		Projects:       append([]graph.Project(nil), got.Projects...),
		Participations: append([]graph.Participation(nil), got.Participations...),
	}
	// Reverse, then sort with the domain's own order.
	slices.Reverse(want.Links)
	slices.Reverse(want.Participations)
	want.Sort()
	if !reflect.DeepEqual(got.Links, want.Links) || !reflect.DeepEqual(got.Participations, want.Participations) {
		t.Errorf("order differs from Dataset.Sort:\n got %v\nwant %v", got.Links, want.Links)
	}
	if len(got.Links) != 7 {
		t.Errorf("%d links, want 7 (no duplicate keys)", len(got.Links))
	}
}

func TestReadMergesRoles(t *testing.T) {
	res := mustRead(t, Options{}, "participations.csv",
		"actor;project;role;start\nA;P;funding;\nB;P;lead;2015\nA;P;implementing;\nB;P;partner;2016\nA;P;funding;\n")
	var got []string
	for _, p := range res.Dataset.Participations {
		got = append(got, p.Actor+":"+p.Role)
	}
	if want := []string{"A:funding, implementing", "B:lead"}; !reflect.DeepEqual(got, want) {
		t.Errorf("participations = %v, want %v", got, want)
	}
	var msgs []string
	for _, w := range res.Warnings {
		if errors.Is(w, ErrDuplicate) {
			msgs = append(msgs, fmt.Sprintf("%d %s", w.Line, w.Hint))
		}
	}
	if want := []string{"4 the roles are merged", "5 the first row is kept", "6 the first row is kept"}; !reflect.DeepEqual(msgs, want) {
		t.Errorf("warnings = %q, want %q", msgs, want)
	}
}

// TestReadNoFamily checks that a network whose actors have no family at all
// (a GraphML written by NetworkX, a bare edge list with an actors table) is
// loaded with a warning saying that every family measure will see one family.
func TestReadNoFamily(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []string
		known *graph.Dataset
		warn  bool
	}{
		{"no family column", []string{"actors.csv", "id,name\na,Alpha\nb,Beta\n"}, nil, true},
		{"empty family column", []string{"actors.csv", "id,name,family\na,Alpha,\nb,Beta,\n"}, nil, true},
		{"one family", []string{"actors.csv", "id,name,family\na,Alpha,ong\nb,Beta,\n"}, nil, false},
		{"families in the store", []string{"actors.csv", "id,name\nb,Beta\n"},
			&graph.Dataset{Actors: []graph.Actor{{ID: "a", Family: "ong"}}}, false},
		{"edge list: actors created, already a warning", []string{"links.csv", "source,target\na,b\n"}, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustRead(t, Options{Known: tc.known}, tc.files...)
			warned := false
			for _, w := range res.Warnings {
				if strings.Contains(w.Error(), "no actor has a family") {
					warned = true
				}
			}
			if warned != tc.warn {
				t.Errorf("warned %v, want %v: %v", warned, tc.warn, res.Warnings)
			}
		})
	}
}

func TestReadStoreActors(t *testing.T) {
	known := &graph.Dataset{Actors: []graph.Actor{
		{ID: "998", Family: "entreprise", Country: "BE", Attrs: map[string]string{"note": "kept"}},
		{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite"},
	}}
	// A two-mode file that describes its actors refreshes the stored ones…
	m, err := ParseMappingFlag("actor=pic,project=rcn,family=type,family[HES]=institution")
	if err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, Options{Mapping: m, Known: known}, "h.csv", "rcn,pic,type\n1,998,HES\n1,999,HES\n")
	if len(res.Dataset.Actors) != 2 || res.Dataset.Actors[0].Family != "institution" {
		t.Errorf("actors = %+v, want 998 refreshed and 999 created", res.Dataset.Actors)
	}
	if !strings.Contains(res.Warnings[0].Error(), "1 actor(s) created") {
		t.Errorf("warnings = %v", res.Warnings)
	}
	// …one that only names them leaves them as they are.
	res = mustRead(t, Options{Known: known}, "p.csv", "actor,project\n998,1\n")
	if len(res.Dataset.Actors) != 0 {
		t.Errorf("actors = %+v, want none", res.Dataset.Actors)
	}
	// A new spelling of a stored actor is a near-duplicate.
	res = mustRead(t, Options{Known: known}, "a.csv", "id,name\nnantes2,Mairie de Nantes\n")
	if len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Error(), `"Ville de Nantes" (nantes`) {
		t.Errorf("warnings = %v", res.Warnings)
	}
}

// TestDuplicateOnSameRow checks that a record repeated on its own row (a name
// twice in one split cell) is not reported as "first at" its own line, and
// that a repeat on another row names the first row.
func TestDuplicateOnSameRow(t *testing.T) {
	m, err := ParseMapping(strings.NewReader("[p.csv]\nkind = participations\nactor = Partners\nproject = Project\nsplit.actor = \";\"\n"), "m.map")
	if err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, Options{Mapping: m}, "p.csv", "Project,Partners\nx,a;b;a\ny,a\ny,a\n")
	var msgs []string
	for _, w := range res.Warnings {
		if errors.Is(w, ErrDuplicate) {
			msgs = append(msgs, w.Error())
		}
	}
	want := []string{
		"p.csv:2: duplicate: participation of a in x repeated on the same row (hint: the repeat is ignored)",
		"p.csv:4: duplicate: participation of a in y repeated (identical to p.csv:3) (hint: the first row is kept)",
	}
	if !reflect.DeepEqual(msgs, want) {
		t.Errorf("duplicate warnings:\n%q\nwant\n%q", msgs, want)
	}
}

// TestReadNotCSVText checks that a file named .csv that is no CSV text gets one
// problem that says what it is, not a list of CSV syntax errors.
func TestReadNotCSVText(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"empty", "", "the file is empty"},
		{"workbook", "PK\x03\x04\x14\x00\x06\x00rest of a zip", "workbook (xlsx)"},
		{"utf-16", "\xff\xfei\x00d\x00,\x00n\x00a\x00m\x00e\x00\n\x00", "UTF-16"},
		{"image", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x03\"\"x", "not text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readFiles(t, Options{}, "data.csv", tc.data)
			ps := problemsOf(t, err)
			if len(ps) != 1 || !errors.Is(ps[0], ErrFormat) || !strings.Contains(ps[0].Error(), tc.want) {
				t.Errorf("problems %v, want one mentioning %q", ps, tc.want)
			}
		})
	}
}

// TestReadMappingOnGraphFile checks that a mapping given with graph files
// only, where it cannot apply, is not ignored silently.
func TestReadMappingOnGraphFile(t *testing.T) {
	m, err := ParseMappingFlag("family=club")
	if err != nil {
		t.Fatal(err)
	}
	gml := `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="d0" for="node" attr.name="club" attr.type="string"/>
<graph edgedefault="undirected"><node id="a"><data key="d0">x</data></node><node id="b"/><edge source="a" target="b"/></graph></graphml>`
	res := mustRead(t, Options{Mapping: m}, "g.graphml", gml)
	found := false
	for _, w := range res.Warnings {
		found = found || strings.Contains(w.Error(), "column mapping was not used")
	}
	if !found {
		t.Errorf("no warning about the unused mapping: %v", res.Warnings)
	}
	res = mustRead(t, Options{Mapping: m}, "a.csv", "id,club\na,ong\n")
	for _, w := range res.Warnings {
		if strings.Contains(w.Error(), "column mapping was not used") {
			t.Errorf("warning with a table: %v", w)
		}
	}
}
