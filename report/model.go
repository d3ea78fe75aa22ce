package report

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// document is a report laid out as language-independent blocks, with every
// text and number already formatted in the report language. The HTML and
// Markdown writers render the same document.
type document struct {
	Lang     string
	Title    string
	Subtitle string // date, version
	Source   string
	// Labels of the page furniture.
	Contents, Generated string
	Sections            []section
}

type section struct {
	ID     string
	Title  string
	Blocks []block
}

// block is one element of a section: exactly one field is set.
type block struct {
	Heading string // a sub-heading
	Para    string
	Note    string // a paragraph in smaller type (explanations under tables)
	List    []string
	Code    string // a command line
	Defs    []def
	Table   *table
	Map     *mapFigure
	// Cards are small titled tables shown side by side on wide pages.
	Cards []card
}

// card is a titled table with a short explanation.
type card struct {
	Title, Note string
	Table       *table
}

type def struct {
	Term, Text, Ref string
}

// table is a table of formatted cells. Num marks the columns that hold
// numbers (right-aligned).
type table struct {
	Caption string
	Head    []string
	Num     []bool
	Rows    [][]cell
	// Foot holds summary rows (totals), shown apart from the body.
	Foot [][]cell
}

// cell is a table cell: a text, optionally with a second, smaller line (the
// family under an actor name) and a list (suggestions).
type cell struct {
	Text  string
	Sub   string
	Items []string
	// Entries are list items with a main text in bold, a short complement
	// and a detail on its own line (suggested partners and their reasons).
	Entries []entry
}

type entry struct {
	Main, Extra, Detail string
}

func txt(s string) cell { return cell{Text: s} }

// build lays out the report.
func build(in Input, opts Options, l lang, maps []*mapFigure, ei *analysis.EITest) *document {
	title := opts.Title
	if title == "" {
		title = l.T("title.default")
	}
	sub := l.F("subtitle", l.Date(opts.Date))
	if opts.Version != "" {
		sub += " · " + l.F("subtitle.version", opts.Version)
	}
	d := &document{
		Lang:      l.code,
		Title:     title,
		Subtitle:  sub,
		Source:    in.Source,
		Contents:  l.T("contents"),
		Generated: l.F("generated", opts.Version, l.Date(opts.Date)),
	}
	if opts.Version == "" {
		d.Generated = l.F("generated.nov", l.Date(opts.Date))
	}
	b := &builder{in: in, opts: opts, l: l, maps: maps, eitest: ei}
	b.index()
	d.Sections = []section{
		b.data(),
		b.overview(),
		b.keyActors(),
		b.complementarity(),
		b.communities(),
		b.projects(),
		b.isolated(),
		b.methods(),
	}
	if s, ok := b.overTime(); ok {
		// After the projects: the alliances, then how they last.
		d.Sections = slices.Insert(d.Sections, 6, s)
	}

	return d
}

type builder struct {
	in     Input
	eitest *analysis.EITest
	opts   Options
	l      lang
	maps   []*mapFigure
	actor  map[string]graph.Actor
}

func (b *builder) index() {
	b.actor = make(map[string]graph.Actor, len(b.in.Network.Actors))
	for _, a := range b.in.Network.Actors {
		b.actor[a.ID] = a
	}
}

func (b *builder) mapNamed(name string) *mapFigure {
	for _, m := range b.maps {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// actorCell shows an actor by name with its family below.
func (b *builder) actorCell(id, name, family string) cell {
	if name == "" {
		if a, ok := b.actor[id]; ok {
			name = a.Label()
		} else {
			name = id
		}
	}
	return cell{Text: name, Sub: b.l.Family(family)}
}

func (b *builder) data() section {
	l, net := b.l, b.in.Network
	s := section{ID: "data", Title: l.T("sec.data")}
	s.Blocks = append(s.Blocks, block{Para: l.F("data.counts",
		l.Int(len(net.Actors)), l.Int(len(net.Ties)), l.Int(len(net.Projects)), l.Int(len(net.Participations)))})
	if b.in.Source != "" {
		s.Blocks = append(s.Blocks, block{Para: l.F("data.source", b.in.Source)})
	}
	if sl := net.Slice; sl != nil {
		s.Blocks = append(s.Blocks, block{Para: l.F("data.slice", sl.Filters.Slice().Text(l.code),
			l.Int(sl.LeftOut.Actors), l.Int(sl.LeftOut.Projects))})
	}
	if n := len(b.in.Ingests); n > 0 {
		s.Blocks = append(s.Blocks, block{Para: l.Plural(n, "data.ingests", l.Int(n))})
		t := &table{
			Head: []string{"#", l.T("col.files"), l.T("col.records"), l.T("col.warnings")},
			Num:  []bool{true, false, false, true},
		}
		for i, r := range b.in.Ingests {
			var files []string
			for _, f := range r.Files {
				files = append(files, f.Path)
			}
			for _, f := range r.Flags {
				if f.File != nil {
					files = append(files, f.File.Path+" (--"+f.Name+")")
				}
			}
			records := l.F("data.records", l.Int(r.Actors), l.Int(r.Links), l.Int(r.Projects), l.Int(r.Participations))
			if r.Replace {
				records += " · " + l.T("data.replaced")
			}
			t.Rows = append(t.Rows, []cell{txt(l.Int(i + 1)), {Items: files}, txt(records), txt(l.Int(len(r.Warnings)))})
		}
		s.Blocks = append(s.Blocks, block{Table: t})
	}
	if len(b.in.Unrecorded) > 0 {
		s.Blocks = append(s.Blocks, block{Note: l.F("data.unrecorded", strings.Join(b.in.Unrecorded, ", "))})
	}
	s.Blocks = append(s.Blocks, block{Heading: l.T("data.warnings")})
	all := ingestWarnings(b.in)
	switch {
	case len(b.in.Ingests) == 0:
		s.Blocks = append(s.Blocks, block{Para: l.T("data.nowarningrecord")})
	case len(all) == 0:
		s.Blocks = append(s.Blocks, block{Para: l.T("data.nowarnings")})
	default:
		s.Blocks = append(s.Blocks, block{Para: l.Plural(len(all), "data.nwarnings", l.Int(len(all)))})
		ws := all
		if len(ws) > maxWarnings {
			ws = ws[:maxWarnings]
		}
		list := make([]string, len(ws))
		for i, w := range ws {
			list[i] = translateWarning(l, w)
		}
		s.Blocks = append(s.Blocks, block{List: list})
		if len(all) > maxWarnings {
			s.Blocks = append(s.Blocks, block{Note: l.F("data.morewarnings", l.Int(len(all)-maxWarnings))})
		}
	}
	return s
}

func (b *builder) overview() section {
	l, m := b.l, b.in.Metrics.Network
	s := section{ID: "overview", Title: l.T("sec.overview")}
	s.Blocks = append(s.Blocks, block{Para: l.F("overview.summary",
		l.Int(m.Actors), l.Int(m.Ties), l.Num(float64(m.Density), 3), l.Int(m.Components),
		l.Pct(float64(m.LargestComponentShare)), l.Int(m.Communities))})
	row := func(key string, value string) []cell { return []cell{txt(l.T(key)), txt(value)} }
	t := &table{Head: []string{l.T("col.measure"), l.T("col.value")}, Num: []bool{false, true}}
	t.Rows = [][]cell{
		row("net.actors", l.Int(m.Actors)),
		row("net.ties", l.Int(m.Ties)),
		row("net.density", l.Num(float64(m.Density), 3)),
		row("net.components", l.Int(m.Components)),
		row("net.largest", l.Pct(float64(m.LargestComponentShare))),
		row("net.communities", l.Int(m.Communities)),
		row("net.modularity", l.Num(float64(m.Modularity), 3)),
		row("net.transitivity", l.Num(float64(m.Transitivity), 3)),
		row("net.avgclustering", l.Num(float64(m.AverageClustering), 3)),
		row("net.degcentralization", l.Num(float64(m.DegreeCentralization), 3)),
		row("net.betcentralization", l.Num(float64(m.BetweennessCentralization), 3)),
		row("net.degassortativity", l.Num(float64(m.DegreeAssortativity), 3)),
	}
	s.Blocks = append(s.Blocks, block{Table: t})
	if rs := b.readings(); len(rs) > 0 {
		s.Blocks = append(s.Blocks, block{Heading: l.T("overview.reading")}, block{List: rs})
	}
	if f := b.mapNamed("network"); f != nil {
		s.Blocks = append(s.Blocks, block{Map: f})
	}
	return s
}

// centrality is one of the measures of the key-actor tables.
type centrality struct {
	key   string // JSON key and message suffix
	value func(analysis.ActorMetrics) float64
	dec   int
}

var centralities = []centrality{
	{"degree", func(a analysis.ActorMetrics) float64 { return float64(a.Degree) }, 0},
	{"betweenness", func(a analysis.ActorMetrics) float64 { return float64(a.Betweenness) }, 3},
	{"closeness", func(a analysis.ActorMetrics) float64 { return float64(a.Closeness) }, 3},
	{"eigenvector", func(a analysis.ActorMetrics) float64 { return float64(a.Eigenvector) }, 3},
	{"pagerank", func(a analysis.ActorMetrics) float64 { return float64(a.PageRank) }, 3},
}

func (b *builder) keyActors() section {
	l := b.l
	s := section{ID: "key-actors", Title: l.T("sec.key")}
	s.Blocks = append(s.Blocks, block{Para: l.F("key.intro", l.Int(b.opts.TopN))})
	var cards []card
	for _, c := range centralities {
		t := &table{
			Head: []string{"#", l.T("col.actor"), l.T("col.value")},
			Num:  []bool{true, false, true},
		}
		rows, tiedOut := analysis.TopActors(b.in.Metrics.Actors, b.opts.TopN, c.value, false, maxTiedExtra)
		for _, a := range rows {
			t.Rows = append(t.Rows, []cell{txt(l.Int(a.Rank)), b.actorCell(a.ID, a.Name, a.Family), txt(l.Num(c.value(a.ActorMetrics), c.dec))})
		}
		note := l.T("key.note." + c.key)
		if tiedOut > 0 {
			note += " " + b.tiedText(tiedOut, l.Num(c.value(rows[len(rows)-1].ActorMetrics), c.dec))
		}
		cards = append(cards, card{Title: l.T("metric." + c.key), Note: note, Table: t})
	}
	s.Blocks = append(s.Blocks, block{Cards: cards})
	return s
}

// tiedText says that n more actors share the value v of the last row.
func (b *builder) tiedText(n int, v string) string {
	return b.l.Plural(n, "top.tied", b.l.Int(n), v)
}

// brokerageTotal is the number of brokerage positions of an actor.
func brokerageTotal(x analysis.Brokerage) int {
	return x.Coordinator + x.Itinerant + x.Representative + x.Gatekeeper + x.Liaison
}

// familyCounts returns the number of actors of each family, families in the
// canonical order of graph.Families followed by user-defined ones, sorted.
func familyCounts(actors []graph.Actor) ([]string, map[string]int) {
	counts := map[string]int{}
	for _, a := range actors {
		f := a.Family
		if strings.TrimSpace(f) == "" {
			f = "autre"
		}
		counts[f]++
	}
	var names []string
	for f := range counts {
		names = append(names, f)
	}
	graph.SortFamilies(names)
	return names, counts
}

func (b *builder) complementarity() section {
	l, m := b.l, b.in.Metrics
	s := section{ID: "complementarity", Title: l.T("sec.compl")}
	s.Blocks = append(s.Blocks, block{Para: l.T("compl.intro")})

	// Families.
	names, counts := familyCounts(b.in.Network.Actors)
	t := &table{
		Head: []string{l.T("col.family"), l.T("col.actors"), l.T("col.share"), l.T("metric.ei")},
		Num:  []bool{false, true, true, true},
	}
	total := len(b.in.Network.Actors)
	for _, f := range names {
		ei := analysis.Undefined
		if v, ok := m.Network.EIIndex.Families[f]; ok {
			ei = v
		}
		t.Rows = append(t.Rows, []cell{txt(l.Family(f)), txt(l.Int(counts[f])),
			txt(l.Pct(float64(counts[f]) / float64(total))), txt(l.Num(float64(ei), 3))})
	}
	t.Foot = append(t.Foot, []cell{txt(l.T("compl.whole")), txt(l.Int(total)), txt(l.Pct(1)),
		txt(l.Num(float64(m.Network.EIIndex.Network), 3))})
	s.Blocks = append(s.Blocks, block{Heading: l.T("compl.families")}, block{Table: t},
		block{Note: l.T("compl.ei.note")})
	s.Blocks = append(s.Blocks, b.eiTest()...)
	s.Blocks = append(s.Blocks,
		block{Para: l.F("compl.assortativity", l.Num(float64(m.Network.FamilyAssortativity), 3)) + " " +
			assortativityReading(l, float64(m.Network.FamilyAssortativity))})

	// Brokerage.
	var tot analysis.Brokerage
	for _, a := range m.Actors {
		tot.Coordinator += a.Brokerage.Coordinator
		tot.Itinerant += a.Brokerage.Itinerant
		tot.Representative += a.Brokerage.Representative
		tot.Gatekeeper += a.Brokerage.Gatekeeper
		tot.Liaison += a.Brokerage.Liaison
	}
	roles := []struct {
		key string
		n   int
	}{
		{"coordinator", tot.Coordinator}, {"itinerant", tot.Itinerant},
		{"representative", tot.Representative}, {"gatekeeper", tot.Gatekeeper}, {"liaison", tot.Liaison},
	}
	rt := &table{
		Caption: l.T("compl.roles"),
		Head:    []string{l.T("col.role"), l.T("col.pattern"), l.T("col.count")},
		Num:     []bool{false, false, true},
	}
	// On undirected ties every representative position is also a
	// gatekeeper position (A→B→C read from C to A): the two counts are
	// equal for every actor and shown once.
	merged := true
	for _, a := range m.Actors {
		if a.Brokerage.Representative != a.Brokerage.Gatekeeper {
			merged = false
			break
		}
	}
	for _, r := range roles {
		if merged && r.key == "gatekeeper" {
			continue
		}
		key := r.key
		if merged && r.key == "representative" {
			key = "repgate"
		}
		rt.Rows = append(rt.Rows, []cell{txt(l.T("role." + key)), txt(l.T("role." + key + ".def")), txt(l.Int(r.n))})
	}
	s.Blocks = append(s.Blocks, block{Heading: l.T("compl.brokerage")}, block{Para: l.T("compl.brokerage.intro")}, block{Table: rt})
	if merged {
		s.Blocks = append(s.Blocks, block{Note: l.T("compl.repgate.note")})
	}

	bt := &table{
		Caption: l.T("compl.topbrokers"),
		Head: []string{"#", l.T("col.actor"), l.T("role.coordinator"), l.T("role.itinerant"),
			l.T("role.representative"), l.T("role.gatekeeper"), l.T("role.liaison"), l.T("col.total")},
		Num: []bool{true, false, true, true, true, true, true, true},
	}
	if merged {
		bt.Head = slices.Delete(bt.Head, 5, 6)
		bt.Head[4] = l.T("role.repgate")
		bt.Num = slices.Delete(bt.Num, 5, 6)
	}
	brokers, tiedOut := analysis.TopActors(m.Actors, b.opts.TopN, func(a analysis.ActorMetrics) float64 { return float64(brokerageTotal(a.Brokerage)) }, false, maxTiedExtra)
	for _, a := range brokers {
		if brokerageTotal(a.Brokerage) == 0 {
			tiedOut = 0
			break
		}
		x := a.Brokerage
		row := []cell{txt(l.Int(a.Rank)), b.actorCell(a.ID, a.Name, a.Family),
			txt(l.Int(x.Coordinator)), txt(l.Int(x.Itinerant)), txt(l.Int(x.Representative)),
			txt(l.Int(x.Gatekeeper)), txt(l.Int(x.Liaison)), txt(l.Int(brokerageTotal(x)))}
		if merged {
			row = slices.Delete(row, 5, 6)
		}
		bt.Rows = append(bt.Rows, row)
	}
	if len(bt.Rows) == 0 {
		s.Blocks = append(s.Blocks, block{Para: l.T("compl.nobrokers")})
	} else {
		s.Blocks = append(s.Blocks, block{Table: bt})
		if tiedOut > 0 {
			s.Blocks = append(s.Blocks, block{Note: b.tiedText(tiedOut, l.Int(brokerageTotal(brokers[len(brokers)-1].Brokerage)))})
		}
	}
	if f := b.mapNamed("ego-top-broker"); f != nil {
		s.Blocks = append(s.Blocks, block{Map: f})
	}

	// Structural holes.
	holes := func(caption string, lowest bool, dec int, value func(analysis.ActorMetrics) float64) []block {
		t := &table{
			Caption: caption,
			Head:    []string{"#", l.T("col.actor"), l.T("metric.constraint"), l.T("metric.effective_size"), l.T("metric.degree")},
			Num:     []bool{true, false, true, true, true},
		}
		rows, tiedOut := analysis.TopActors(m.Actors, b.opts.TopN, value, lowest, maxTiedExtra)
		for _, a := range rows {
			t.Rows = append(t.Rows, []cell{txt(l.Int(a.Rank)), b.actorCell(a.ID, a.Name, a.Family),
				txt(l.Num(float64(a.Constraint), 3)), txt(l.Num(float64(a.EffectiveSize), 2)), txt(l.Int(a.Degree))})
		}
		bs := []block{{Table: t}}
		if tiedOut > 0 {
			bs = append(bs, block{Note: b.tiedText(tiedOut, l.Num(value(rows[len(rows)-1].ActorMetrics), dec))})
		}
		return bs
	}
	s.Blocks = append(s.Blocks, block{Heading: l.T("compl.holes")}, block{Para: l.T("compl.holes.intro")})
	s.Blocks = append(s.Blocks, holes(l.T("compl.lowconstraint"), true, 3, func(a analysis.ActorMetrics) float64 { return float64(a.Constraint) })...)
	s.Blocks = append(s.Blocks, holes(l.T("compl.higheffsize"), false, 2, func(a analysis.ActorMetrics) float64 { return float64(a.EffectiveSize) })...)
	return s
}

// assortativityReading says in words what a family assortativity means.
func assortativityReading(l lang, r float64) string {
	switch {
	case math.IsNaN(r):
		return ""
	case r < -0.05:
		return l.T("compl.assort.neg")
	case r > 0.05:
		return l.T("compl.assort.pos")
	}
	return l.T("compl.assort.zero")
}

func (b *builder) projects() section {
	l := b.l
	s := section{ID: "projects", Title: l.T("sec.projects")}
	ps := b.in.Metrics.Projects
	if len(ps) == 0 {
		s.Blocks = append(s.Blocks, block{Para: l.T("projects.none")})
		return s
	}
	// The most complete alliances first: on real data (385 EUTF contracts)
	// the order of the ids put one-family projects at the top.
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b analysis.ProjectMetrics) int {
		if c := cmp.Compare(b.FamilyCoverage, a.FamilyCoverage); c != 0 {
			return c
		}
		if c := cmp.Compare(len(b.Families), len(a.Families)); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Actors, a.Actors); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	core := make([]string, len(graph.CoreFamilies))
	for i, f := range graph.CoreFamilies {
		core[i] = l.FamilyLower(f)
	}
	s.Blocks = append(s.Blocks, block{Para: l.F("projects.intro", strings.Join(core, ", "))})
	t := &table{
		Head: []string{l.T("col.project"), l.T("col.actors"), l.T("col.families"), l.T("col.coverage"),
			l.T("col.missing"), l.T("col.levels"), l.T("col.countries")},
		Num: []bool{false, true, false, true, false, false, false},
	}
	shown := ps
	if len(shown) > maxProjectRows {
		shown = shown[:maxProjectRows]
	}
	for _, p := range shown {
		name := p.Name
		if name == "" {
			name = p.ID
		}
		sub := p.Programme
		if p.Phase > 0 {
			if sub != "" {
				sub += ", "
			}
			sub += l.F("projects.phase", p.Phase)
		}
		var levels []string
		for _, v := range canonicalOrder(p.Levels, graph.Levels) {
			levels = append(levels, l.Level(v))
		}
		missing := l.T("none")
		if len(p.MissingFamilies) > 0 {
			missing = l.Families(canonicalOrder(p.MissingFamilies, graph.Families))
		}
		t.Rows = append(t.Rows, []cell{{Text: name, Sub: sub}, txt(l.Int(p.Actors)), txt(l.Families(canonicalOrder(p.Families, graph.Families))),
			txt(l.Pct(float64(p.FamilyCoverage))), txt(missing), txt(joinOr(levels, "–")),
			txt(joinOr(p.Countries, "–"))})
	}
	s.Blocks = append(s.Blocks, block{Table: t})
	if len(ps) > len(shown) {
		s.Blocks = append(s.Blocks, block{Note: l.F("projects.more", l.Int(len(shown)), l.Int(len(ps)))})
	}
	return s
}

// canonicalOrder returns xs in the order of vocab, values outside vocab
// last in their given order.
func canonicalOrder(xs, vocab []string) []string {
	out := make([]string, 0, len(xs))
	for _, v := range vocab {
		if slices.Contains(xs, v) {
			out = append(out, v)
		}
	}
	for _, x := range xs {
		if !slices.Contains(vocab, x) {
			out = append(out, x)
		}
	}
	return out
}

func joinOr(xs []string, empty string) string {
	if len(xs) == 0 {
		return empty
	}
	return strings.Join(xs, ", ")
}

func (b *builder) isolated() section {
	l := b.l
	s := section{ID: "isolated", Title: l.T("sec.isolated")}
	if b.in.Isolated == nil {
		s.Blocks = append(s.Blocks, block{Para: l.T("isolated.notrun")})
		return s
	}
	as := b.in.Isolated.Actors
	if len(as) == 0 {
		s.Blocks = append(s.Blocks, block{Para: l.T("isolated.none")})
		return s
	}
	// Count each reason.
	count := map[string]int{}
	for _, a := range as {
		for _, r := range a.Reasons {
			count[r]++
		}
	}
	var reasons []string
	for _, r := range []string{analysis.ReasonIsolate, analysis.ReasonPendant, analysis.ReasonOutsideMain,
		analysis.ReasonSingleFamily, analysis.ReasonBrokerDependent} {
		if count[r] > 0 {
			reasons = append(reasons, l.F("isolated.reasoncount", l.Reason(r), l.Int(count[r])))
		}
	}
	intro := l.F("isolated.intro", l.Int(len(as)), l.Int(len(b.in.Network.Actors)))
	if len(as) == 1 {
		intro = l.F("isolated.intro1", l.Int(len(b.in.Network.Actors)))
	}
	s.Blocks = append(s.Blocks, block{Para: intro}, block{List: reasons})
	if f := b.mapNamed("isolated"); f != nil {
		s.Blocks = append(s.Blocks, block{Map: f})
	}
	t := &table{
		Head: []string{l.T("col.actor"), l.T("col.reasons"), l.T("col.suggestions")},
		Num:  []bool{false, false, false},
	}
	as = bySeverity(as)
	shown := as
	if len(shown) > maxIsolatedRows {
		shown = shown[:maxIsolatedRows]
	}
	for _, a := range shown {
		rs := make([]string, len(a.Reasons))
		for i, r := range a.Reasons {
			rs[i] = l.Reason(r)
		}
		sc := cell{}
		for _, sg := range a.Suggestions {
			name := sg.Name
			if name == "" {
				name = sg.ID
			}
			sc.Entries = append(sc.Entries, entry{
				Main:   name,
				Extra:  l.F("isolated.suggestion", l.Family(sg.Family), l.Num(sg.Score, 2)),
				Detail: translateWhy(l, sg.Why),
			})
		}
		if len(sc.Entries) == 0 {
			sc.Text = l.T("isolated.nosuggestion")
		}
		t.Rows = append(t.Rows, []cell{b.actorCell(a.ID, a.Name, a.Family), {Items: rs}, sc})
	}
	s.Blocks = append(s.Blocks, block{Table: t})
	if len(as) > len(shown) {
		s.Blocks = append(s.Blocks, block{Note: l.F("isolated.more", l.Int(len(shown)), l.Int(len(as)))})
	}
	s.Blocks = append(s.Blocks, block{Note: l.T("isolated.note")})
	return s
}

// Limits of the lists in the text; the tables hold everything.
const (
	maxWarnings     = 50
	maxIsolatedRows = 100
	maxProjectRows  = 50
)

// severity ranks the isolation reasons, most severe first.
var severity = map[string]int{
	analysis.ReasonIsolate: 0, analysis.ReasonOutsideMain: 1, analysis.ReasonPendant: 2,
	analysis.ReasonBrokerDependent: 3, analysis.ReasonSingleFamily: 4,
}

// bySeverity orders flagged actors by their most severe reason, then by
// number of reasons (more first), then by id.
func bySeverity(as []analysis.IsolatedActor) []analysis.IsolatedActor {
	worst := func(a analysis.IsolatedActor) int {
		w := len(severity)
		for _, r := range a.Reasons {
			if v, ok := severity[r]; ok && v < w {
				w = v
			}
		}
		return w
	}
	out := slices.Clone(as)
	slices.SortStableFunc(out, func(x, y analysis.IsolatedActor) int {
		if c := cmp.Compare(worst(x), worst(y)); c != 0 {
			return c
		}
		if c := cmp.Compare(len(y.Reasons), len(x.Reasons)); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	return out
}

func (b *builder) methods() section {
	l, p := b.l, b.in.Metrics.Parameters
	s := section{ID: "methods", Title: l.T("sec.methods")}
	s.Blocks = append(s.Blocks, block{Para: l.T("methods.intro")}, block{Heading: l.T("methods.definitions")})
	var defs []def
	for _, k := range definitionKeys {
		defs = append(defs, def{Term: l.T("def." + k + ".term"), Text: l.T("def." + k), Ref: l.T("def." + k + ".ref")})
	}
	s.Blocks = append(s.Blocks, block{Defs: defs}, block{Heading: l.T("methods.parameters")})

	bet := l.T("methods.exact")
	if p.Betweenness == "sampled" {
		bet = l.F("methods.sampled", l.Int(p.Samples), l.Num(p.ErrorBound, 4), l.Pct(1-p.Delta))
	}
	row := func(k, v string) []cell { return []cell{txt(l.T(k)), txt(v)} }
	version := b.opts.Version
	if version == "" {
		version = l.T("none")
	}
	t := &table{Head: []string{l.T("col.parameter"), l.T("col.value")}, Num: []bool{false, false}}
	t.Rows = [][]cell{
		row("param.weighted", l.YesNo(p.Weighted)),
		row("param.seed", l.Num(float64(p.Seed), 0)),
		row("param.layoutseed", l.Num(float64(b.opts.Seed), 0)),
		row("param.betweenness", bet),
		row("param.topn", l.Int(b.opts.TopN)),
		row("param.version", version),
		row("param.date", b.opts.Date.Format("2006-01-02")),
	}
	if sl := b.in.Network.Slice; sl != nil {
		t.Rows = append(t.Rows, row("param.slice", sl.Filters.Slice().Text(l.code)))
	}
	s.Blocks = append(s.Blocks, block{Table: t})

	if b.in.Isolated != nil {
		w := analysis.SuggestionWeights()
		n := func(v float64) string { return l.Num(v, 1) }
		s.Blocks = append(s.Blocks, block{Heading: l.T("methods.score")}, block{Para: l.F("methods.score.text",
			n(w.Complementary), n(w.Territory), n(w.Country), n(w.Common), l.Int(w.MaxCommon),
			n(w.Shared), l.Int(w.MaxShared), n(w.Main), n(w.Connected))})
	}

	s.Blocks = append(s.Blocks, block{Heading: l.T("methods.inputs")})
	if files := sourceFiles(b.in); len(files) == 0 {
		s.Blocks = append(s.Blocks, block{Para: l.T("methods.noinputs")})
	} else {
		ft := &table{Head: []string{l.T("col.file"), "SHA-256"}, Num: []bool{false, false}}
		for _, f := range files {
			c := txt(f.Path)
			if f.Flag != "" {
				c.Sub = "--" + f.Flag
			}
			ft.Rows = append(ft.Rows, []cell{c, txt(f.SHA256)})
		}
		s.Blocks = append(s.Blocks, block{Table: ft})
	}
	s.Blocks = append(s.Blocks, block{Heading: l.T("methods.reproduce")}, block{Para: l.T(reproduceText(b.opts))},
		block{Code: reproduceCommands(b.in, b.opts)})
	if len(b.in.Ingests) > 0 {
		s.Blocks = append(s.Blocks, block{Note: l.T("methods.reproduce.where")})
	}
	if len(b.in.Unrecorded) > 0 || len(b.in.Ingests) == 0 {
		s.Blocks = append(s.Blocks, block{Note: l.T("methods.reproduce.incomplete")})
	}
	return s
}

// reproduceText is the message that introduces the commands: maps are the
// same byte for byte only with the embedded Graphviz (or without maps).
func reproduceText(opts Options) string {
	if opts.NoMaps || opts.Engine == "embedded" {
		return "methods.reproduce.text"
	}
	return "methods.reproduce.native"
}
