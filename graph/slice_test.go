package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// sliceData is a small programme counted by hand in the tests below:
//
//	p1  programme P, phase 1, 2012–2014, development, youth:   a1 lead, a2 partner, a5 funder
//	p2  programme P, phase 2, 2015–2017, inclusive, women:     a1 lead, a3 partner, a4 partner (2016–2017)
//	p3  programme P, phase 3, from 2018, inclusive+sustainable: a2 lead, a3 partner
//	p4  programme "Q|R", no phase, undated, local:             a4 partner, a5 lead
//
// and the declared links a1–a2 (2010–2013), a1–a3 (undated), a4–a5 (2016),
// a2–a6 (2019–2020); a6 takes part in no project.
func sliceData() *Dataset {
	d := &Dataset{
		Actors: []Actor{
			{ID: "a1", Family: "collectivite", Country: "FR", Territory: "Loire-Atlantique"},
			{ID: "a2", Family: "ong", Country: "MA", Territory: "Souss-Massa"},
			{ID: "a3", Family: "association", Country: "MA", Territory: "Souss-Massa"},
			{ID: "a4", Family: "entreprise", Country: "FR", Territory: "Loire-Atlantique"},
			{ID: "a5", Family: "institution", Country: "FR"},
			{ID: "a6", Family: "autre", Country: "MA", Territory: "Tiznit, Souss"},
		},
		Projects: []Project{
			{ID: "p1", Name: "Eau", Programme: "P", Phase: 1, Start: "2012", End: "2014", Dimensions: []string{"development"}, Targets: []string{"youth"}},
			{ID: "p2", Name: "Jeunes", Programme: "P", Phase: 2, Start: "2015", End: "2017", Dimensions: []string{"inclusive"}, Targets: []string{"women"}},
			{ID: "p3", Name: "Argan", Programme: "P", Phase: 3, Start: "2018-03", Dimensions: []string{"sustainable", "inclusive"}},
			{ID: "p4", Name: "Other", Programme: "Q|R", Dimensions: []string{"local"}},
		},
		Participations: []Participation{
			{Actor: "a1", Project: "p1", Role: "lead"}, {Actor: "a2", Project: "p1", Role: "partner"},
			{Actor: "a5", Project: "p1", Role: "funder"},
			{Actor: "a1", Project: "p2", Role: "lead"}, {Actor: "a3", Project: "p2", Role: "partner"},
			{Actor: "a4", Project: "p2", Role: "partner", Start: "2016", End: "2017"},
			{Actor: "a2", Project: "p3", Role: "lead"}, {Actor: "a3", Project: "p3", Role: "partner"},
			{Actor: "a4", Project: "p4", Role: "partner"}, {Actor: "a5", Project: "p4", Role: "lead"},
		},
		Links: []Link{
			{Source: "a1", Target: "a2", Type: "partnership", Weight: 1, Start: "2010", End: "2013"},
			{Source: "a1", Target: "a3", Type: "convention", Weight: 1},
			{Source: "a4", Target: "a5", Type: "funding", Weight: 1, Start: "2016", End: "2016"},
			{Source: "a2", Target: "a6", Type: "partnership", Weight: 1, Start: "2019", End: "2020"},
		},
	}
	d.Sort()
	return d
}

// slice builds a slice from command-line style pairs: "phase", "2", ….
func slice(t *testing.T, pairs ...string) *Slice {
	t.Helper()
	s := &Slice{}
	for i := 0; i < len(pairs); i += 2 {
		if err := s.Set(pairs[i], pairs[i+1]); err != nil {
			t.Fatalf("Set(%q, %q): %v", pairs[i], pairs[i+1], err)
		}
	}
	return s
}

func tieList(n *Network) string {
	var out []string
	for _, t := range n.Ties {
		out = append(out, t.A+"-"+t.B)
	}
	return strings.Join(out, " ")
}

func actorList(n *Network) string {
	var out []string
	for _, a := range n.Actors {
		out = append(out, a.ID)
	}
	return strings.Join(out, " ")
}

func projectList(n *Network) string {
	var out []string
	for _, p := range n.Projects {
		out = append(out, p.ID)
	}
	return strings.Join(out, " ")
}

func TestSliceApply(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		flags                      []string
		projects, actors, ties     string
		undatedLinks, undatedProjs int
	}{
		// Everything: co-participation p1 gives a1-a2, a1-a5, a2-a5; p2 a1-a3,
		// a1-a4, a3-a4; p3 a2-a3; p4 a4-a5; links add a2-a6 (a1-a2, a1-a3,
		// a4-a5 merge): 9 ties, the isolate-free a6 kept by its link.
		{name: "zero", projects: "p1 p2 p3 p4", actors: "a1 a2 a3 a4 a5 a6",
			ties: "a1-a2 a1-a3 a1-a4 a1-a5 a2-a3 a2-a5 a2-a6 a3-a4 a4-a5"},
		// Phase 2: the participants of p2 and their co-participation; the
		// undated link a1–a3 merges into a1–a3; a1–a2 goes with a2.
		{name: "phase", flags: []string{"phase", "2"}, projects: "p2", actors: "a1 a3 a4", ties: "a1-a3 a1-a4 a3-a4"},
		{name: "phase range", flags: []string{"phase", "2-3"}, projects: "p2 p3", actors: "a1 a2 a3 a4",
			ties: "a1-a2 a1-a3 a1-a4 a2-a3 a3-a4"}, // a1–a2: the declared link (no period)
		{name: "phase list", flags: []string{"phase", "1,3"}, projects: "p1 p3", actors: "a1 a2 a3 a5",
			ties: "a1-a2 a1-a3 a1-a5 a2-a3 a2-a5"},
		// 2016: p2 only (p4 undated, left out); a1–a3 undated, kept and counted.
		{name: "period year", flags: []string{"period", "2016:2016"}, projects: "p2", actors: "a1 a3 a4",
			ties: "a1-a3 a1-a4 a3-a4", undatedLinks: 1, undatedProjs: 1},
		// 2017–2018: p2 and p3 (from March 2018, no end); a1–a2 (ended 2013) is
		// not active.
		{name: "period", flags: []string{"period", "2017:2018"}, projects: "p2 p3", actors: "a1 a2 a3 a4",
			ties: "a1-a3 a1-a4 a2-a3 a3-a4", undatedLinks: 1, undatedProjs: 1},
		// Until Feb 2018: p3 (from March) is out; a4's participation in p2 runs
		// 2016–2017, so up to 2015-12-31 a4 is not there.
		{name: "period open start", flags: []string{"period", ":2015-12-31"}, projects: "p1 p2", actors: "a1 a2 a3 a5",
			ties: "a1-a2 a1-a3 a1-a5 a2-a5", undatedLinks: 1, undatedProjs: 1},
		{name: "period open end", flags: []string{"period", "2018-03-15:"}, projects: "p3", actors: "a2 a3",
			ties: "a2-a3", undatedProjs: 1},
		// Leads and partners: a5's funding of p1 gives no tie, a6 has no
		// participation; links among the kept merge into ties.
		{name: "role", flags: []string{"role", "lead,partner"}, projects: "p1 p2 p3 p4", actors: "a1 a2 a3 a4 a5",
			ties: "a1-a2 a1-a3 a1-a4 a2-a3 a3-a4 a4-a5"},
		{name: "role funder of one project", flags: []string{"project", "p1", "role", "funder"}, projects: "p1", actors: "a5"},
		// Actor filters alone: every matching actor, with the projects they
		// take part in and the ties among them (p3 ties a2 and a3).
		{name: "families", flags: []string{"family", "ong", "family", "Association"}, projects: "p1 p2 p3", actors: "a2 a3", ties: "a2-a3"},
		{name: "country", flags: []string{"country", "ma"}, projects: "p1 p2 p3", actors: "a2 a3 a6", ties: "a2-a3 a2-a6"},
		{name: "territory with comma", flags: []string{"territory", "Tiznit, Souss"}, actors: "a6"},
		{name: "territory list", flags: []string{"territory", "souss-massa", "territory", "Tiznit, Souss"}, projects: "p1 p2 p3", actors: "a2 a3 a6",
			ties: "a2-a3 a2-a6"},
		{name: "programme part", flags: []string{"programme", "R"}, projects: "p4", actors: "a4 a5", ties: "a4-a5"},
		{name: "programme and dimension", flags: []string{"programme", "p", "dimension", "inclusive"}, projects: "p2 p3",
			actors: "a1 a2 a3 a4", ties: "a1-a2 a1-a3 a1-a4 a2-a3 a3-a4"},
		{name: "french dimension", flags: []string{"dimension", "durable"}, projects: "p3", actors: "a2 a3", ties: "a2-a3"},
		{name: "french target", flags: []string{"target", "jeunes,femmes"}, projects: "p1 p2", actors: "a1 a2 a3 a4 a5",
			ties: "a1-a2 a1-a3 a1-a4 a1-a5 a2-a5 a3-a4 a4-a5"}, // a4–a5: the funding link
		{name: "project by name", flags: []string{"project", "argan"}, projects: "p3", actors: "a2 a3", ties: "a2-a3"},
		// Link types keep declared links only: a1–a3 stays by co-participation
		// in p2, a1–a2 (partnership) goes.
		{name: "link type", flags: []string{"phase", "2-3", "link-type", "convention"}, projects: "p2 p3", actors: "a1 a2 a3 a4",
			ties: "a1-a3 a1-a4 a2-a3 a3-a4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := slice(t, tc.flags...)
			_, n, err := s.Network(sliceData())
			if err != nil {
				t.Fatal(err)
			}
			if got := projectList(n); got != tc.projects {
				t.Errorf("projects %q, want %q", got, tc.projects)
			}
			if got := actorList(n); got != tc.actors {
				t.Errorf("actors %q, want %q", got, tc.actors)
			}
			if got := tieList(n); got != tc.ties {
				t.Errorf("ties %q, want %q", got, tc.ties)
			}
			if s.IsZero() {
				if n.Slice != nil {
					t.Errorf("the whole store has a slice description %+v", n.Slice)
				}
				return
			}
			info := n.Slice
			if info.UndatedLinks != tc.undatedLinks || info.LeftOut.UndatedProjects != tc.undatedProjs {
				t.Errorf("undated links %d, projects left out %d; want %d, %d", info.UndatedLinks, info.LeftOut.UndatedProjects, tc.undatedLinks, tc.undatedProjs)
			}
			if info.Actors != len(n.Actors) || info.Ties != len(n.Ties) || info.Projects != len(n.Projects) ||
				info.Actors+info.LeftOut.Actors != 6 || info.Projects+info.LeftOut.Projects != 4 ||
				info.Links+info.LeftOut.Links != 4 || info.Participations+info.LeftOut.Participations != 10 {
				t.Errorf("counts do not add up: %+v", info)
			}
		})
	}
}

func TestSliceErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		flags []string
		want  error
		msg   string // substring of the message
	}{
		{"unknown phase", []string{"phase", "7"}, ErrNoMatch, "--phase 7: no project has this phase in the store; present: 1, 2, 3"},
		{"unknown programme", []string{"programme", "X"}, ErrNoMatch, "present: P, Q, R"},
		{"absent target", []string{"target", "handicap"}, ErrNoMatch, "--target disability: no project has this target in the store; present: youth, women"},
		{"unknown family", []string{"family", "ngo"}, ErrNoMatch, "present: association, autre, collectivite, entreprise, institution, ong"},
		{"unknown country", []string{"country", "es"}, ErrNoMatch, "--country ES"},
		{"unknown role", []string{"role", "operator"}, ErrNoMatch, "present: funder, lead, partner"},
		{"unknown link type", []string{"link-type", "membership"}, ErrNoMatch, "present: convention, funding, partnership"},
		{"unknown project", []string{"project", "p9"}, ErrNoMatch, `--project p9: unknown project "p9": no project has this id or name (did you mean "p1" (Eau)`},
		{"ambiguous project", []string{"project", "e"}, ErrNoMatch, `--project e: project "e" is ambiguous: 3 projects match: "p1" (Eau), "p2" (Jeunes), "p4" (Other)`},
		{"unknown territory", []string{"territory", "Tiznit"}, ErrNoMatch, `present: Loire-Atlantique, Souss-Massa, "Tiznit, Souss"`},
		{"dimension empties", []string{"phase", "1", "dimension", "inclusive"}, ErrEmptySlice,
			"--dimension inclusive: empties the slice: no project of the 1 selected by --phase 1 matches it"},
		{"period empties", []string{"programme", "R", "period", "2015:"}, ErrEmptySlice,
			"--period 2015:: empties the slice: no project of the 1 selected by --programme R matches it (1 undated project(s) left out)"},
		{"role empties", []string{"phase", "2", "role", "funder"}, ErrEmptySlice,
			"--role funder: empties the slice: the 1 selected project(s) have no participant with role funder"},
		{"family empties", []string{"phase", "1", "family", "association"}, ErrEmptySlice,
			"--family association: empties the slice: no actor of the 3 selected by --phase 1 matches it"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := slice(t, tc.flags...)
			_, _, err := s.Network(sliceData())
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			var se *SliceError
			if !errors.As(err, &se) {
				t.Fatalf("%v is not a *SliceError", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("message %q\nwant it to hold %q", err, tc.msg)
			}
		})
	}
}

func TestSliceSet(t *testing.T) {
	for _, tc := range []struct{ filter, value, msg string }{
		{"phase", "x", `"x" is not a phase`},
		{"phase", "0", "numbered from 1"},
		{"phase", "3-1", "reversed: write 1-3"},
		{"phase", "1-", "is not a phase"},
		{"phase", "1-100000", "spans more than 1000 phases"},
		{"period", "2019:2016", "the period is reversed"},
		{"period", "2016-13:", `"2016-13" is not a year or an ISO date`},
		{"period", "2016-02-30", "is not a year or an ISO date"},
		{"period", ":", "give at least one end"},
		{"period", "16:19", "is not a year"},
		{"dimension", "economic", `unknown dimension "economic": use development, local, sustainable, inclusive (or in French développement, locale, durable, inclusive)`},
		{"target", "elderly", "unknown target"},
		{"family", " ", "empty value"},
		{"colour", "red", "unknown slice filter"},
	} {
		err := (&Slice{}).Set(tc.filter, tc.value)
		if !errors.Is(err, ErrSliceValue) || !strings.Contains(fmt.Sprint(err), tc.msg) {
			t.Errorf("Set(%q, %q) = %v, want ErrSliceValue holding %q", tc.filter, tc.value, err, tc.msg)
		}
	}
	s := &Slice{}
	if err := s.Set("period", "2016"); err != nil || s.Period != (Period{"2016", "2016"}) {
		t.Errorf("--period 2016: %v %+v", err, s.Period)
	}
	if err := s.Set("period", "2017"); err == nil {
		t.Error("a second --period is accepted")
	}
	s = slice(t, "phase", "3,1-2", "phase", "2", "dimension", "Développement", "target", "précarité,youth")
	if !slices.Equal(s.Phases, []int{1, 2, 3}) || !slices.Equal(s.Dimensions, []string{"development"}) ||
		!slices.Equal(s.Targets, []string{"precarity", "youth"}) {
		t.Errorf("parsed %+v", s)
	}
}

func TestPeriodOverlaps(t *testing.T) {
	p := Period{From: "2016-02", To: "2018"}
	for _, tc := range []struct {
		start, end string
		want       bool
	}{
		{"2016", "2016", true}, {"2015", "2016-01-31", false}, {"2015", "2016-02", true},
		{"2019", "", false}, {"2018-12-31", "", true}, {"", "2016-02-01", true}, {"", "2015", false},
		{"", "", true}, {"2010", "2030", true},
	} {
		if got := p.Overlaps(tc.start, tc.end); got != tc.want {
			t.Errorf("%s overlaps [%s, %s] = %v, want %v", p, tc.start, tc.end, got, tc.want)
		}
	}
	// February of a leap year ends on the 29th.
	if !(Period{From: "2016-02-29"}).Overlaps("2016-02", "2016-02") {
		t.Error("2016-02 does not reach 2016-02-29")
	}
}

func TestSliceDescription(t *testing.T) {
	s := slice(t, "programme", "P", "phase", "1-2,4", "dimension", "inclusive", "period", "2016:", "family", "ong")
	if got, want := s.Text("en"), "programme P · phase 1–2, 4 · dimension inclusive · from 2016 · family ong"; got != want {
		t.Errorf("Text(en) = %q, want %q", got, want)
	}
	s = slice(t, "target", "youth", "period", ":2019")
	if got, want := s.Text("fr"), "cible jeunes · jusqu’à 2019"; got != want {
		t.Errorf("Text(fr) = %q, want %q", got, want)
	}
	s = slice(t, "programme", "Coopération A, B", "phase", "1-2,4", "period", ":2019-06", "family", "ong,association")
	if got, want := strings.Join(s.Args(), " "), "--programme Coopération A, B --phase 1-2,4 --period :2019-06 --family ong --family association"; got != want {
		t.Errorf("Args = %q, want %q", got, want)
	}
	if got := s.Filters().Slice().Args(); !slices.Equal(got, s.Args()) {
		t.Errorf("the filters give back %q", got)
	}
	if got := (&Slice{}).Text("fr"); got != "toutes les données" {
		t.Errorf("zero Text(fr) = %q", got)
	}
	s = slice(t, "phase", "2", "period", "2016:")
	_, n, err := s.Network(sliceData())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(n.Slice)
	if err != nil {
		t.Fatal(err)
	}
	// Phase 2 from 2016: p2 (a1, a3, a4), the undated link a1–a3; the undated
	// p4 was left out by --phase already.
	want := `{"filters":{"phase":[2],"period":{"from":"2016","to":null}},"text":"phase 2 · from 2016",` +
		`"projects":1,"actors":3,"ties":3,"links":1,"participations":3,"undated_links":1,` +
		`"left_out":{"projects":3,"actors":3,"links":3,"participations":7}}`
	if string(b) != want {
		t.Errorf("JSON\n%s\nwant\n%s", b, want)
	}
}

func FuzzSliceSet(f *testing.F) {
	for _, s := range []string{"1-3,5", "2016:2019", ":2019-06-30", "durable", "9-1", "2016-02-29:"} {
		f.Add("phase", s)
		f.Add("period", s)
		f.Add("dimension", s)
	}
	f.Fuzz(func(t *testing.T, filter, value string) {
		s := &Slice{}
		if err := s.Set(filter, value); err != nil {
			return
		}
		// Whatever was accepted applies without panic.
		if _, _, err := s.Network(sliceData()); err != nil {
			var se *SliceError
			if !errors.As(err, &se) {
				t.Fatalf("not a SliceError: %v", err)
			}
		}
	})
}
