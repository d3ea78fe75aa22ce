package report

import (
	"fmt"
	"testing"

	"github.com/alliances/alliances/analysis"
)

func degrees(ds ...int) []analysis.ActorMetrics {
	out := make([]analysis.ActorMetrics, len(ds))
	for i, d := range ds {
		out[i] = analysis.ActorMetrics{ID: fmt.Sprintf("a%02d", i), Degree: d}
	}
	return out
}

// A top-N table keeps everyone tied with the N-th (sharing its rank), and
// says how many it leaves out when too many are tied.
func TestTopRankedKeepsTies(t *testing.T) {
	deg := func(a analysis.ActorMetrics) float64 { return float64(a.Degree) }
	rows, out := topRanked(degrees(3, 5, 4, 4, 4, 1), 2, deg, false)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%d:%s", r.Rank, r.ID))
	}
	if want := "[1:a01 2:a02 2:a03 2:a04]"; fmt.Sprint(got) != want || out != 0 {
		t.Errorf("top 2 = %v (%d left out), want %s", got, out, want)
	}
	many := degrees(9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
	rows, out = topRanked(many, 3, deg, false)
	if len(rows) != 3 || out != 13 || rows[1].Rank != 2 || rows[2].Rank != 2 {
		t.Errorf("15 tied at the cut: %d rows, %d left out, want 3 rows (ranks 1, 2, 2) and 13 left out", len(rows), out)
	}
}

func TestAgree(t *testing.T) {
	fr, _ := newLang("fr")
	en, _ := newLang("en")
	for _, c := range []struct {
		l       lang
		in, out string
	}{
		{fr, "1 ligne(s) ignorée(s) faute de nom", "1 ligne ignorée faute de nom"},
		{fr, "0 acteur(s) créé(s)", "0 acteur créé"},
		{fr, "alias : 12 identifiant(s) d’acteurs fusionné(s) en 1 acteur(s)", "alias : 12 identifiants d’acteurs fusionnés en 1 acteur"},
		{fr, "1\u202f200 projet(s)", "1\u202f200 projets"},
		{en, "1 actor(s) created", "1 actor created"},
		{en, "0 row(s) skipped", "0 rows skipped"},
		{fr, "Ami(s) du Souss", "Ami(s) du Souss"},
	} {
		if got := c.l.agree(c.in); got != c.out {
			t.Errorf("%s: agree(%q) = %q, want %q", c.l.code, c.in, got, c.out)
		}
	}
}
