package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alliances/alliances/ingest"
)

// readWarnings reads files (name, content) with package ingest and returns
// its warnings as the command line gives them to the report.
func readWarnings(t *testing.T, files ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i := 0; i < len(files); i += 2 {
		p := filepath.Join(dir, files[i])
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	res, err := ingest.Read(paths, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range res.Warnings {
		out = append(out, w.Error())
	}
	return out
}

// TestWarningsInFrench makes package ingest write each kind of warning it
// has and checks that the French report translates every one: no English
// word of ingest's messages and hints is left, and places, ids and names are
// kept. The English report keeps them as they are.
func TestWarningsInFrench(t *testing.T) {
	var ws []string
	ws = append(ws, readWarnings(t,
		"actors.csv", "id,name,family\na,Mairie de Nantes,collectivite\nb,Ville de Nantes,collectivite\na,Mairie de Nantes,collectivite\nc,Gamma,ong\n",
		"projects.csv", "id,name,start,end\np,Projet,2020,2018\np,Projet,2020,2018\nq,Autre,,\n",
		"links.csv", "source,target,weight\na,a,1\na,b,1\nb,a,1\na,c,1\na,c,2\n",
		"participations.csv", "actor,project,role\na,p,lead\na,p,partner\nb,p,partner\nb,p,partner\nc,q,funder\nc,q,funder;lead\n",
		"latin1.csv", "id,name,family\nd,Soci\xe9t\xe9,entreprise\n",
	)...)
	ws = append(ws, readWarnings(t, "parts.csv", "actor,project\nx,p1\ny,p1\n")...)
	ws = append(ws, readWarnings(t, "nodes.csv", "id,name\nm,Em\nn,En\n", "ties.csv", "source,target\nm,n\n")...)
	ws = append(ws, readWarnings(t, "pays.csv", "id,name,country\nu,Un,Atlantide\nv,Deux,France\n")...)
	kinds := map[string]bool{}
	for _, w := range ws {
		for _, k := range []string{"repeated (identical", "already defined", "self-loop", "near-duplicate", "not UTF-8",
			"created from links", "created from participations", "no actor has a family", "another role", "before it starts"} {
			if strings.Contains(w, k) {
				kinds[k] = true
			}
		}
	}
	if len(kinds) < 9 {
		t.Fatalf("the input makes %d kinds of warning, want at least 9: %q", len(kinds), ws)
	}
	fr, en := lang{code: "fr", fr: true}, lang{code: "en"}
	english := []string{"hint:", "column \"", "repeated", "duplicate:", "created from", "near-duplicate", "self-loop",
		"not UTF-8", "linked to", "with other values", "another role", "identical to", "first at", "same row",
		"before it starts", "no actor", "is kept", "ignored", "merged", "check the", "give them", ") and ",
		"no actors table", "no projects table", "add a family", "save the file", "no country name", "translate the value"}
	for _, w := range ws {
		got := translateWarning(fr, w)
		for _, e := range english {
			if strings.Contains(got, e) {
				t.Errorf("%q is left in the French of\n  %s\n  → %s", e, w, got)
			}
		}
		// Places stay: the file name and line of the English warning.
		if i := strings.Index(w, ".csv:"); i >= 0 {
			place := w[:strings.IndexAny(w[i+5:], ": ")+i+5]
			if !strings.Contains(got, place) {
				t.Errorf("the place %q is lost in\n  %s", place, got)
			}
		}
		if translateWarning(en, w) != w {
			t.Errorf("the English report changed %q", w)
		}
	}
}
