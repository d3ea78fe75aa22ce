package report

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"golang.org/x/net/html"
)

var (
	en = lang{code: "en"}
	fr = lang{code: "fr", fr: true}
)

func TestNum(t *testing.T) {
	for _, tc := range []struct {
		v        float64
		dec      int
		en, fr   string
		enP, frP string
	}{
		{0.1863, 3, "0.186", "0,186", "18.6%", "18,6\u202f%"},
		{-0.16, 3, "−0.160", "−0,160", "−16.0%", "−16,0\u202f%"},
		{1234567.891, 2, "1,234,567.89", "1\u202f234\u202f567,89", "123,456,789.1%", "123\u202f456\u202f789,1\u202f%"},
		{-0.0001, 3, "0.000", "0,000", "0.0%", "0,0\u202f%"},
		{30, 0, "30", "30", "3,000.0%", "3\u202f000,0\u202f%"},
		{math.NaN(), 3, "–", "–", "–", "–"},
		{math.Inf(1), 3, "–", "–", "–", "–"},
	} {
		if got := en.Num(tc.v, tc.dec); got != tc.en {
			t.Errorf("en.Num(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.en)
		}
		if got := fr.Num(tc.v, tc.dec); got != tc.fr {
			t.Errorf("fr.Num(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.fr)
		}
		if got := en.Pct(tc.v); got != tc.enP {
			t.Errorf("en.Pct(%v) = %q, want %q", tc.v, got, tc.enP)
		}
		if got := fr.Pct(tc.v); got != tc.frP {
			t.Errorf("fr.Pct(%v) = %q, want %q", tc.v, got, tc.frP)
		}
	}
}

func TestDate(t *testing.T) {
	for _, tc := range []struct {
		d      time.Time
		en, fr string
	}{
		{time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), "1 March 2026", "1er mars 2026"},
		{time.Date(2025, 8, 15, 23, 59, 0, 0, time.UTC), "15 August 2025", "15 août 2025"},
		{time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), "31 December 2024", "31 décembre 2024"},
	} {
		if got := en.Date(tc.d); got != tc.en {
			t.Errorf("en.Date = %q, want %q", got, tc.en)
		}
		if got := fr.Date(tc.d); got != tc.fr {
			t.Errorf("fr.Date = %q, want %q", got, tc.fr)
		}
	}
}

func TestFamilyLabels(t *testing.T) {
	for _, tc := range []struct{ family, en, fr, enLower string }{
		{"collectivite", "Local authority", "Collectivité territoriale", "local authority"},
		{"ong", "NGO", "ONG", "NGO"},
		{"entreprise", "Company", "Entreprise", "company"},
		{"autre", "Other", "Autre", "other"},
		{"fondation", "fondation", "fondation", "fondation"}, // user-defined: as it is
	} {
		if got := en.Family(tc.family); got != tc.en {
			t.Errorf("en.Family(%q) = %q, want %q", tc.family, got, tc.en)
		}
		if got := fr.Family(tc.family); got != tc.fr {
			t.Errorf("fr.Family(%q) = %q, want %q", tc.family, got, tc.fr)
		}
		if got := en.FamilyLower(tc.family); got != tc.enLower {
			t.Errorf("en.FamilyLower(%q) = %q, want %q", tc.family, got, tc.enLower)
		}
	}
}

func TestTranslateWhy(t *testing.T) {
	why := "complementary family: association ↔ collectivite; same territory Loire-Atlantique; same country FR; " +
		"2 common partners (Ville de Nantes, Jeunesse; et Coopération); shares dimension inclusive, target youth; " +
		"in the main component; well connected (30 partners); something new"
	wantEN := "complementary family: association ↔ local authority; same territory Loire-Atlantique; same country FR; " +
		"2 common partners (Ville de Nantes, Jeunesse; et Coopération); shares dimension inclusive, target youth; " +
		"in the main component; well connected (30 partners); something new"
	wantFR := "famille complémentaire\u00a0: association ↔ collectivité territoriale\u202f; même territoire (Loire-Atlantique)\u202f; " +
		"même pays (FR)\u202f; 2 partenaires communs (Ville de Nantes, Jeunesse; et Coopération)\u202f; " +
		"partage la dimension inclusive, la cible jeunes\u202f; dans la composante principale\u202f; " +
		"bien connecté (30 partenaires)\u202f; something new"
	if got := translateWhy(en, why); got != wantEN {
		t.Errorf("en:\n got %q\nwant %q", got, wantEN)
	}
	if got := translateWhy(fr, why); got != wantFR {
		t.Errorf("fr:\n got %q\nwant %q", got, wantFR)
	}
	if got := translateWhy(fr, "1 common partner (X)"); got != "1 partenaire commun (X)" {
		t.Errorf("fr singular: %q", got)
	}
}

// FuzzEscaping writes reports (without maps) of a network whose actor name,
// family, country and project name are arbitrary strings, and checks that no
// markup of the data reaches the HTML and that the output stays valid UTF-8
// when the input is.
func FuzzEscaping(f *testing.F) {
	f.Add(`<script>alert(1)</script>`, "association", "FR", "p")
	f.Add(`"><img src=x onerror=alert(1)>`, "<b>", "<i>", "</table>")
	f.Add("a|b*c_d[e](http://x)`f`\n# g", "ong", "MA", "[p](javascript:x)")
	f.Add("", "", "", "")
	f.Fuzz(func(t *testing.T, name, family, country, project string) {
		d := &graph.Dataset{
			Actors: []graph.Actor{
				{ID: "a", Name: name, Family: family, Country: country},
				{ID: "b", Name: "B", Family: "ong"},
				{ID: "c", Name: "C", Family: "association"},
			},
			Links:          []graph.Link{{Source: "a", Target: "b", Weight: 1}},
			Projects:       []graph.Project{{ID: "p", Name: project}},
			Participations: []graph.Participation{{Actor: "b", Project: "p"}, {Actor: "c", Project: "p"}},
		}
		net := graph.NewNetwork(d)
		res, err := analysis.Analyze(net, analysis.Options{Seed: 1})
		if err != nil {
			t.Skip(err)
		}
		in := Input{Network: net, Metrics: res, Isolated: analysis.Isolated(net, analysis.IsolationOptions{Suggest: 2}),
			Ingests: []graph.IngestRecord{{Warnings: []string{name}}}, Source: project}
		dir := t.TempDir()
		if _, err := Write(context.Background(), dir, in, Options{Lang: "fr", Date: testDate, NoMaps: true}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "report.html"))
		if err != nil {
			t.Fatal(err)
		}
		checkStructure(t, b)
		if utf8.ValidString(name+family+country+project) && !utf8.Valid(b) {
			t.Errorf("report.html is not valid UTF-8")
		}
	})
}

// allowedElements are the elements of the report page outside the maps.
var allowedElements = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "h1": true, "h2": true, "h3": true, "p": true, "nav": true, "ol": true,
	"ul": true, "li": true, "a": true, "main": true, "section": true, "span": true, "pre": true,
	"code": true, "dl": true, "dt": true, "dd": true, "div": true, "table": true, "caption": true,
	"thead": true, "tbody": true, "tfoot": true, "tr": true, "th": true, "td": true,
	"figure": true, "figcaption": true, "strong": true, "footer": true,
}

// checkStructure parses page as a browser would and checks that it holds
// only the elements the template writes, no event handler, no link outside
// the page, and the seven sections.
func checkStructure(t *testing.T, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	sections := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "svg" || n.Data == "img" && hasClass(n, "map") {
				return // maps are checked by safeSVG
			}
			if !allowedElements[n.Data] {
				t.Errorf("unexpected element <%s>", n.Data)
			}
			if n.Data == "section" {
				sections++
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("event handler %s on <%s>", a.Key, n.Data)
				}
				if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("link to %q", a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if sections != 8 {
		t.Errorf("%d sections, want 8", sections)
	}
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && slices.Contains(strings.Fields(a.Val), class) {
			return true
		}
	}
	return false
}

// TestFrenchColonDoesNotWrap checks that the French paragraphs that introduce
// a list end in a no-break space and a colon, so that the colon never wraps
// alone onto a line of its own.
func TestFrenchColonDoesNotWrap(t *testing.T) {
	fr := lang{code: "fr", fr: true}
	n := 0
	for key := range messages {
		s := fr.T(key)
		if strings.HasSuffix(s, ":") {
			n++
			if !strings.HasSuffix(s, "\u00a0:") {
				t.Errorf("%s: %q ends in a colon after a breaking space", key, s)
			}
		}
	}
	if n == 0 {
		t.Error("no French message ends in a colon")
	}
}
