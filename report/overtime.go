package report

import (
	"bytes"
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"github.com/alliances/alliances/compare"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/timeline"
)

// OverTime is what the section "Over time" shows: the comparison of the
// successive slices of the data (compare.Compare) and the slices to draw,
// at the positions of Layout, the layout of their union. The command line
// prepares it when the projects have phases or dates (docs/reports.md).
type OverTime struct {
	Compare *compare.Result
	Panels  []timeline.Panel
	Layout  *layout.Layout
	// Focus frames the small multiples (timeline.Options.Focus).
	Focus []string
}

// overTimeMessages are the texts of the section, added to the catalogue.
var overTimeMessages = map[string][2]string{
	"sec.overtime": {"Over time", "Dans la durée"},
	"ot.intro.phase": {"The projects of the programme are cut into its %s successive phases, and each phase is analysed as a network of its own: who takes part, which ties it makes, which families it combines. The section asks whether the partnership lasts from one phase to the next.",
		"Les projets du programme sont découpés selon ses %s phases successives, et chaque phase est analysée comme un réseau à part entière : qui y participe, quels liens elle crée, quelles familles elle réunit. La section examine si le partenariat s’inscrit dans la durée d’une phase à l’autre."},
	"ot.intro.year": {"The projects are cut by the year in which they start (%s years), and each year is analysed as a network of its own. The section asks whether partnerships last from one year to the next.",
		"Les projets sont découpés selon leur année de début (%s années), et chaque année est analysée comme un réseau à part entière. La section examine si les partenariats s’inscrivent dans la durée d’une année à l’autre."},
	"ot.intro.period": {"The projects are cut into %s periods (a project belongs to every period it overlaps), and each period is analysed as a network of its own.",
		"Les projets sont découpés en %s périodes (un projet appartient à chaque période qu’il recoupe), et chaque période est analysée comme un réseau à part entière."},
	"ot.leftout":       {"%s projects fall in no slice (no phase, or no date) and are left out of this section.", "%s projets n’entrent dans aucune tranche (sans phase ou sans date) et sont laissés hors de cette section."},
	"ot.leftout.one":   {"%s project falls in no slice (no phase, or no date) and is left out of this section.", "%s projet n’entre dans aucune tranche (sans phase ou sans date) et est laissé hors de cette section."},
	"ot.slices":        {"Slice by slice", "Tranche par tranche"},
	"col.slice":        {"Slice", "Tranche"},
	"col.ties":         {"Ties", "Liens"},
	"col.projects":     {"Projects", "Projets"},
	"col.density":      {"Density", "Densité"},
	"col.ei":           {"E-I index", "Indice E-I"},
	"col.dimensions":   {"Dimensions", "Dimensions"},
	"col.targets":      {"Target groups", "Publics cibles"},
	"ot.slices.note":   {"Family coverage is the share of the four core families (local authorities, associations, NGOs, companies) present in the slice; the E-I index runs from −1 (ties inside families) to +1 (ties across families).", "La couverture des familles est la part des quatre familles principales (collectivités, associations, ONG, entreprises) présentes dans la tranche ; l’indice E-I va de −1 (liens au sein des familles) à +1 (liens entre familles)."},
	"ot.fig.multiples": {"The network slice by slice", "Le réseau tranche par tranche"},
	"ot.fig.multiples.cap": {"Every slice is drawn at the same positions (one layout of all the slices together): an actor is at the same place in every panel. A black ring marks the actors that entered with the slice; faint dots, those of earlier slices that are no longer there; the actors present in every slice are named.",
		"Chaque tranche est dessinée aux mêmes positions (une seule disposition de l’ensemble des tranches) : un acteur est au même endroit dans chaque vignette. Un anneau noir marque les acteurs entrés avec la tranche ; les points pâles, ceux des tranches précédentes qui n’y sont plus ; les acteurs présents dans toutes les tranches sont nommés."},
	"ot.fig.timeline":     {"Actors per family and ties, slice by slice", "Acteurs par famille et liens, tranche par tranche"},
	"ot.fig.timeline.cap": {"Above, the actors of each slice by family; below, the ties of each slice.", "En haut, les acteurs de chaque tranche par famille ; en bas, les liens de chaque tranche."},
	"ot.transitions":      {"From one slice to the next", "D’une tranche à la suivante"},
	"col.from":            {"From", "De"},
	"col.to":              {"To", "À"},
	"col.entered":         {"Entered", "Entrés"},
	"col.left":            {"Left", "Sortis"},
	"col.stayed":          {"Stayed", "Restés"},
	"col.tieskept":        {"Ties kept", "Liens maintenus"},
	"col.tiesnew":         {"New ties", "Liens nouveaux"},
	"col.tiesdropped":     {"Ties dropped", "Liens rompus"},
	"col.jactors":         {"Actor similarity", "Similarité des acteurs"},
	"col.jties":           {"Tie similarity", "Similarité des liens"},
	"ot.transitions.note": {"Similarity is the Jaccard index: the share of the actors (or ties) of either slice that both share, from 0 (nothing in common) to 1 (the same).", "La similarité est l’indice de Jaccard : la part des acteurs (ou des liens) de l’une ou l’autre tranche que les deux partagent, de 0 (rien en commun) à 1 (identiques)."},
	"ot.lasting":          {"What lasts", "Ce qui dure"},
	"ot.continuity":       {"Continuity index: %s of the ties of a slice are still active in the next, on average over the %s transitions.", "Indice de continuité : en moyenne sur les %[2]s passages, %[1]s des liens d’une tranche sont encore actifs dans la suivante."},
	"ot.core":             {"The lasting core — the actors present in every slice — holds %s actors: %s.", "Le noyau durable — les acteurs présents dans toutes les tranches — compte %s acteurs : %s."},
	"ot.core.one":         {"The lasting core — the actors present in every slice — holds one actor: %[2]s.", "Le noyau durable — les acteurs présents dans toutes les tranches — compte un acteur : %[2]s."},
	"ot.coreties.one":     {"One tie is active in every slice: %[2]s.", "Un lien est actif dans toutes les tranches : %[2]s."},
	"ot.core.none":        {"No actor takes part in every slice.", "Aucun acteur ne participe à toutes les tranches."},
	"ot.coreties":         {"%s ties are active in every slice: %s.", "%s liens sont actifs dans toutes les tranches : %s."},
	"ot.coreties.none":    {"No tie is active in every slice.", "Aucun lien n’est actif dans toutes les tranches."},
	"ot.longest":          {"The longest-lasting ties", "Les liens les plus durables"},
	"col.tie":             {"Tie", "Lien"},
	"col.run":             {"Longest run (slices in a row)", "Plus longue suite (tranches consécutives)"},
	"col.inslices":        {"Slices", "Tranches"},
	"ot.ranks":            {"Largest changes of rank", "Plus forts changements de rang"},
	"ot.ranks.note":       {"Among the actors present in two successive slices and in the top 20 of one of them: their rank by number of partners (degree) or by brokerage (betweenness), 1 being the highest.", "Parmi les acteurs présents dans deux tranches successives et parmi les 20 premiers de l’une d’elles : leur rang selon le nombre de partenaires (degré) ou l’intermédiarité, 1 étant le plus élevé."},
	"col.metric":          {"Measure", "Mesure"},
	"col.rankfrom":        {"Rank before", "Rang avant"},
	"col.rankto":          {"Rank after", "Rang après"},
	"ot.none":             {"none", "aucune"},
}

func init() {
	for k, v := range overTimeMessages {
		messages[k] = v
	}
}

// overTimeFigures draws the small multiples and the timeline chart of the
// section, in the report's language.
func overTimeFigures(in Input, opts Options, l lang) ([]*mapFigure, error) {
	ot := in.OverTime
	if ot == nil || opts.NoMaps {
		return nil, nil
	}
	caption := l.Date(opts.Date)
	if in.Source != "" {
		caption = in.Source + " · " + caption
	}
	var figs []*mapFigure
	for i, f := range []struct {
		name, title, note string
		draw              func(*bytes.Buffer, timeline.Options) error
	}{
		{"over-time-slices", l.T("ot.fig.multiples"), l.T("ot.fig.multiples.cap"), func(w *bytes.Buffer, o timeline.Options) error {
			return timeline.SmallMultiples(w, ot.Panels, ot.Layout, o)
		}},
		{"over-time-chart", l.T("ot.fig.timeline"), l.T("ot.fig.timeline.cap"), func(w *bytes.Buffer, o timeline.Options) error {
			return timeline.Chart(w, ot.Panels, o)
		}},
	} {
		var svg bytes.Buffer
		if err := f.draw(&svg, timeline.Options{Lang: l.code, Caption: caption, Focus: ot.Focus}); err != nil {
			return nil, err
		}
		fig := &mapFigure{Name: f.name, Title: f.title, Caption: f.note, SVG: svg.Bytes()}
		fig.Inline = inlineSVG(fig.SVG, "ot"+string(rune('1'+i))+"-", f.title)
		figs = append(figs, fig)
	}
	return figs, nil
}

// overTime is the section "Over time", or false when there is nothing to
// compare.
func (b *builder) overTime() (section, bool) {
	ot := b.in.OverTime
	if ot == nil || ot.Compare == nil || len(ot.Compare.Slices) < 2 {
		return section{}, false
	}
	l, res := b.l, ot.Compare
	s := section{ID: "over-time", Title: l.T("sec.overtime")}
	s.Blocks = append(s.Blocks, block{Para: l.F("ot.intro."+res.By, l.Int(len(res.Slices)))})
	if res.LeftOut.Projects > 0 {
		s.Blocks = append(s.Blocks, block{Note: l.Plural(res.LeftOut.Projects, "ot.leftout", l.Int(res.LeftOut.Projects))})
	}

	s.Blocks = append(s.Blocks, block{Heading: l.T("ot.slices")})
	t := &table{
		Head: []string{l.T("col.slice"), l.T("col.actors"), l.T("col.ties"), l.T("col.projects"), l.T("col.density"),
			l.T("col.ei"), l.T("col.coverage"), l.T("col.families"), l.T("col.dimensions"), l.T("col.targets")},
		Num: []bool{false, true, true, true, true, true, true, false, false, false},
	}
	for _, sl := range res.Slices {
		t.Rows = append(t.Rows, []cell{txt(sl.Label), txt(l.Int(sl.Actors)), txt(l.Int(sl.Ties)), txt(l.Int(sl.Projects)),
			txt(l.Num(float64(sl.Density), 3)), txt(l.Num(float64(sl.EIIndex), 2)), txt(l.Pct(float64(sl.FamilyCoverage))),
			txt(b.familyShares(sl.Families, sl.Actors)), txt(b.terms(sl.Dimensions)), txt(b.terms(sl.Targets))})
	}
	s.Blocks = append(s.Blocks, block{Table: t}, block{Note: l.T("ot.slices.note")})
	for _, name := range []string{"over-time-slices", "over-time-chart"} {
		if m := b.mapNamed(name); m != nil {
			s.Blocks = append(s.Blocks, block{Map: m})
		}
	}

	s.Blocks = append(s.Blocks, block{Heading: l.T("ot.transitions")})
	t = &table{
		Head: []string{l.T("col.from"), l.T("col.to"), l.T("col.entered"), l.T("col.left"), l.T("col.stayed"),
			l.T("col.tieskept"), l.T("col.tiesnew"), l.T("col.tiesdropped"), l.T("col.jactors"), l.T("col.jties")},
		Num: []bool{false, false, false, false, true, true, true, true, true, true},
	}
	for _, tr := range res.Transitions {
		t.Rows = append(t.Rows, []cell{txt(tr.From), txt(tr.To),
			{Text: l.Int(len(tr.Entered)), Sub: b.familyCounts(tr.EnteredFamilies)},
			{Text: l.Int(len(tr.Left)), Sub: b.familyCounts(tr.LeftFamilies)},
			txt(l.Int(len(tr.Stayed))), txt(l.Int(tr.TiesKept)), txt(l.Int(tr.TiesNew)), txt(l.Int(tr.TiesDropped)),
			txt(l.Num(float64(tr.ActorJaccard), 2)), txt(l.Num(float64(tr.TieJaccard), 2))})
	}
	s.Blocks = append(s.Blocks, block{Table: t}, block{Note: l.T("ot.transitions.note")})

	s.Blocks = append(s.Blocks, block{Heading: l.T("ot.lasting")},
		block{Para: l.F("ot.continuity", l.Pct(float64(res.Continuity)), l.Int(len(res.Transitions)))})
	if n := len(res.Core.Actors); n > 0 {
		s.Blocks = append(s.Blocks, block{Para: l.Plural(n, "ot.core", l.Int(n), b.names(res.Core.Actors, 20))})
	} else {
		s.Blocks = append(s.Blocks, block{Para: l.T("ot.core.none")})
	}
	if n := len(res.Core.Ties); n > 0 {
		var ties []string
		for _, t := range res.Core.Ties[:min(n, 20)] {
			ties = append(ties, b.name(t[0])+" – "+b.name(t[1]))
		}
		if n > 20 {
			ties = append(ties, "…")
		}
		s.Blocks = append(s.Blocks, block{Para: l.Plural(n, "ot.coreties", l.Int(n), strings.Join(ties, l.semicolon()))})
	} else {
		s.Blocks = append(s.Blocks, block{Para: l.T("ot.coreties.none")})
	}
	if len(res.Ties) > 0 {
		runs := slices.Clone(res.Ties)
		slices.SortStableFunc(runs, func(x, y compare.TieRun) int {
			if c := cmp.Compare(y.LongestRun, x.LongestRun); c != 0 {
				return c
			}
			return cmp.Compare(len(y.Slices), len(x.Slices))
		})
		t = &table{Head: []string{l.T("col.tie"), l.T("col.run"), l.T("col.inslices")}, Num: []bool{false, true, false}}
		for _, r := range runs[:min(len(runs), b.opts.TopN)] {
			t.Rows = append(t.Rows, []cell{txt(b.name(r.A) + " – " + b.name(r.B)), txt(l.Int(r.LongestRun)), txt(strings.Join(r.Slices, ", "))})
		}
		s.Blocks = append(s.Blocks, block{Heading: l.T("ot.longest")}, block{Table: t})
	}

	var moves [][]cell
	for _, tr := range res.Transitions {
		for _, c := range tr.RankChanges {
			moves = append(moves, []cell{txt(tr.From + " → " + tr.To), b.actorCell(c.ID, "", b.actor[c.ID].Family),
				txt(l.T("metric." + c.Metric)), txt(l.Int(c.From)), txt(l.Int(c.To))})
		}
	}
	if len(moves) > 0 {
		t = &table{Head: []string{l.T("col.slice"), l.T("col.actor"), l.T("col.metric"), l.T("col.rankfrom"), l.T("col.rankto")},
			Num: []bool{false, false, false, true, true}, Rows: moves}
		s.Blocks = append(s.Blocks, block{Heading: l.T("ot.ranks")}, block{Table: t}, block{Note: l.T("ot.ranks.note")})
	}
	return s, true
}

// name is the name of an actor of the data, or its id.
func (b *builder) name(id string) string {
	if a, ok := b.actor[id]; ok {
		return a.Label()
	}
	return id
}

// names lists the names of up to max actors.
func (b *builder) names(ids []string, max int) string {
	var out []string
	for _, id := range ids[:min(len(ids), max)] {
		out = append(out, b.name(id))
	}
	if len(ids) > max {
		out = append(out, "…")
	}
	return strings.Join(out, ", ")
}

// familyShares writes the families of a slice with their shares, largest
// first.
func (b *builder) familyShares(fams map[string]int, total int) string {
	var parts []string
	for _, f := range byCount(fams) {
		parts = append(parts, b.l.FamilyLower(f)+" "+b.l.Pct(float64(fams[f])/float64(max(total, 1))))
	}
	return strings.Join(parts, ", ")
}

// familyCounts writes counts by family, largest first.
func (b *builder) familyCounts(fams map[string]int) string {
	var parts []string
	for _, f := range byCount(fams) {
		parts = append(parts, b.l.FamilyLower(f)+" "+b.l.Int(fams[f]))
	}
	return strings.Join(parts, ", ")
}

func byCount(fams map[string]int) []string {
	keys := make([]string, 0, len(fams))
	for f := range fams {
		keys = append(keys, f)
	}
	slices.SortFunc(keys, func(x, y string) int {
		if c := cmp.Compare(fams[y], fams[x]); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	return keys
}

// terms writes dimensions or target groups in the report's language.
func (b *builder) terms(vs []string) string {
	if len(vs) == 0 {
		return "–"
	}
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v
		if b.l.fr {
			out[i] = graph.FrenchTerm(v)
		}
	}
	return strings.Join(out, ", ")
}

// overTimeTable is tables/over-time.json: the whole comparison.
func overTimeTable(in Input) ([]byte, bool, error) {
	if in.OverTime == nil || in.OverTime.Compare == nil || len(in.OverTime.Compare.Slices) < 2 {
		return nil, false, nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(in.OverTime.Compare)
	return buf.Bytes(), err == nil, err
}

// semicolon separates list items: "; ", in French with the narrow no-break
// space before it.
func (l lang) semicolon() string {
	if l.fr {
		return nnbsp + "; "
	}
	return "; "
}
