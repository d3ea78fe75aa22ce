package report

import (
	"testing"
)

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
