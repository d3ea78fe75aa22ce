package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/alliances/alliances/compare"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/outfile"
	"github.com/alliances/alliances/render"
	"github.com/alliances/alliances/timeline"
)

// overTime is a network cut into successive slices and laid out once: what
// map --by and the report's "Over time" section draw.
type overTime struct {
	parts   []compare.Part
	panels  []timeline.Panel
	union   *graph.Network
	layout  *layout.Layout
	ghosts  [][]graph.Actor // per panel, the actors of Left
	leftOut int
	// layoutTime is how long the one layout of the union took (read from
	// the cache or computed).
	layoutTime time.Duration
}

// cutOverTime cuts d (the slice base of the store) by opts and lays out the
// union of the slices once, with seed.
func cutOverTime(ctx context.Context, d *graph.Dataset, base *graph.Slice, opts compare.Options, seed int64) (*overTime, error) {
	parts, leftOut, err := compare.Plan(d, base, opts)
	if err != nil {
		return nil, compareError(err)
	}
	ot := &overTime{parts: parts, leftOut: leftOut}
	all := &graph.Dataset{}
	byID := make(map[string]graph.Actor, len(d.Actors))
	for _, a := range d.Actors {
		byID[a.ID] = a
	}
	seen := map[string]bool{}
	var prev map[string]bool
	for k, p := range parts {
		sd, net, err := p.Slice.Network(d)
		panel := timeline.Panel{Label: p.Label}
		in := map[string]bool{}
		switch {
		case err == nil:
			panel.Network = net
			all.Actors = append(all.Actors, sd.Actors...)
			all.Links = append(all.Links, sd.Links...)
			all.Projects = append(all.Projects, sd.Projects...)
			all.Participations = append(all.Participations, sd.Participations...)
			for _, a := range net.Actors {
				in[a.ID] = true
				if k > 0 && !prev[a.ID] {
					panel.Entered = append(panel.Entered, a.ID)
				}
			}
		case isEmptySlice(err):
		default:
			return nil, sliceError(err)
		}
		var ghosts []graph.Actor
		for _, a := range d.Actors { // in id order
			if seen[a.ID] && !in[a.ID] {
				panel.Ghosts = append(panel.Ghosts, a.ID)
				ghosts = append(ghosts, a)
				if prev[a.ID] {
					panel.Left = append(panel.Left, a.ID)
				}
			}
		}
		for id := range in {
			seen[id] = true
		}
		prev = in
		ot.panels = append(ot.panels, panel)
		ot.ghosts = append(ot.ghosts, ghosts)
	}
	// The lasting core, named on every panel: the actors of every slice.
	if len(ot.panels) > 1 {
		for _, a := range d.Actors {
			in := true
			for _, p := range ot.panels {
				if p.Network == nil || !hasActor(p.Network, a.ID) {
					in = false
					break
				}
			}
			if in {
				for k := range ot.panels {
					ot.panels[k].Core = append(ot.panels[k].Core, a.ID)
				}
			}
		}
	}
	union := &graph.Dataset{}
	union.Merge(all)
	ot.union = graph.NewNetwork(union)
	ot.capGhosts()
	if len(ot.union.Actors) == 0 {
		return nil, usagef("the %d slice(s) by %s hold no actor", len(parts), opts.By)
	}
	start := time.Now()
	if ot.layout, err = storeLayout(ctx, ot.union, seed); err != nil {
		return nil, err
	}
	ot.layoutTime = time.Since(start)
	return ot, nil
}

// maxGhosts bounds the actors drawn faint on a slice (those of earlier
// slices that are not in it): beyond, those of highest degree in the union.
// Years of Horizon 2020 would otherwise draw 30,000 faint dots, and maps of
// tens of megabytes.
const maxGhosts = 500

// capGhosts keeps, on every panel, at most maxGhosts ghosts: those of
// highest degree in the union, in id order.
func (ot *overTime) capGhosts() {
	deg := map[string]int{}
	for _, t := range ot.union.Ties {
		deg[t.A]++
		deg[t.B]++
	}
	for k := range ot.panels {
		g := ot.ghosts[k]
		if len(g) <= maxGhosts {
			continue
		}
		g = slices.Clone(g)
		slices.SortStableFunc(g, func(a, b graph.Actor) int { return deg[b.ID] - deg[a.ID] })
		g = g[:maxGhosts]
		slices.SortFunc(g, func(a, b graph.Actor) int { return strings.Compare(a.ID, b.ID) })
		ot.ghosts[k] = g
		ids := make([]string, len(g))
		for i, a := range g {
			ids[i] = a.ID
		}
		ot.panels[k].Ghosts = ids
	}
}

// focusAbove is the size of a union above which the small multiples frame
// its largest connected component only.
const focusAbove = 1000

// focus returns the actors that frame the small multiples: none (everything
// drawn) for a small union, its largest connected component for a large
// one, whose many small components the layout packs beside the largest.
func (ot *overTime) focus() []string {
	n := ot.union
	if len(n.Actors) <= focusAbove {
		return nil
	}
	parent := make(map[string]string, len(n.Actors))
	var find func(string) string
	find = func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, a := range n.Actors {
		parent[a.ID] = a.ID
	}
	for _, t := range n.Ties {
		if ra, rb := find(t.A), find(t.B); ra != rb {
			parent[ra] = rb
		}
	}
	size := map[string]int{}
	best := ""
	for _, a := range n.Actors {
		r := find(a.ID)
		size[r]++
		if best == "" || size[r] > size[best] || size[r] == size[best] && r < best {
			best = r
		}
	}
	var out []string
	for _, a := range n.Actors {
		if find(a.ID) == best {
			out = append(out, a.ID)
		}
	}
	return out
}

// runMapBy writes map --by: one map per slice, the small multiples and the
// timeline chart, into the directory -o.
func runMapBy(ctx context.Context, o *mapOptions, std *streams) error {
	periods, err := parseBy(o.by, o.periods)
	if err != nil {
		return err
	}
	switch {
	case o.render.View != "" && o.render.View != render.ViewNetwork:
		return usagef("--by draws the network view of each slice, not --view %s", o.render.View)
	case o.render.Cluster != "":
		return usagef("--by draws every slice at the positions of one layout: --cluster does not apply")
	}
	switch o.format {
	case "svg", "png", "pdf", "dot":
	default:
		return usagef("unknown --format %q: use svg, png, pdf or dot", o.format)
	}
	date, err := parseDate(o.date)
	if err != nil {
		return err
	}
	d, err := loadSlice(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	ot, err := cutOverTime(ctx, d, &o.slice, compare.Options{By: o.by, Periods: periods}, o.render.Seed)
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(std.err, "%d slice(s) by %s; one layout of their union (%d actors, %d ties) in %.1f s, used for every slice\n",
			len(ot.parts), o.by, len(ot.union.Actors), len(ot.union.Ties), ot.layoutTime.Seconds())
	}
	lang := o.render.Lang
	source := caption(storeSource(ctx, o.store), date, o.render.Seed, lang)
	if !o.slice.IsZero() {
		source = sliceCaption(&o.slice, lang) + " · " + source
	}
	dir, err := outfile.OpenDir(o.output, outputOptions(o.store))
	if err != nil {
		return err
	}
	defer dir.Discard()
	for k, p := range ot.panels {
		if p.Network == nil {
			continue // an empty slice has no map; the figures show it empty
		}
		r := o.render
		r.View, r.FullFrame, r.Date = render.ViewNetwork, true, date
		if r.Title == "" {
			r.Title = sliceTitle(p.Label, &o.slice, lang)
		} else {
			r.Title += " — " + p.Label
		}
		if r.Caption == "" {
			r.Caption = source
		}
		metrics, err := mapMetrics(ctx, p.Network, r)
		if err != nil {
			return err
		}
		in := render.Input{Network: p.Network, Metrics: metrics, Layout: ot.layout, Ghosts: ot.ghosts[k], Entered: p.Entered}
		name := fmt.Sprintf("%02d-%s.%s", k+1, slug(p.Label), o.format)
		if err := dir.Write(name, func(w io.Writer) error { return render.Render(ctx, w, o.format, in, r) }); err != nil {
			return mapError(err)
		}
	}
	figs := timeline.Options{Lang: lang, Caption: source, Focus: ot.focus()}
	figs.Title = figureTitle(o.by, &o.slice, lang, "multiples")
	if err := dir.Write("small-multiples.svg", func(w io.Writer) error {
		return timeline.SmallMultiples(w, ot.panels, ot.layout, figs)
	}); err != nil {
		return err
	}
	figs.Title = figureTitle(o.by, &o.slice, lang, "timeline")
	if err := dir.Write("timeline.svg", func(w io.Writer) error { return timeline.Chart(w, ot.panels, figs) }); err != nil {
		return err
	}
	paths, err := dir.Commit()
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(std.out, "wrote %d files in %s (small-multiples.svg, timeline.svg and one map per slice)\n", len(paths), o.output)
		if ot.leftOut > 0 {
			fmt.Fprintf(std.out, "%d project(s) fall in no slice (no %s)\n", ot.leftOut, map[string]string{"phase": "phase", "year": "start date", "period": "dates"}[o.by])
		}
	}
	return nil
}

// isEmptySlice reports whether a slice selected nothing (a period with no
// project): the slice is drawn empty.
func isEmptySlice(err error) bool {
	return errors.Is(err, graph.ErrEmptySlice) || errors.Is(err, graph.ErrNoMatch)
}

// sliceTitle is the title of the map of one slice.
func sliceTitle(label string, base *graph.Slice, lang string) string {
	if base.IsZero() {
		return label
	}
	return label + " — " + base.Text(lang)
}

// figureTitle is the title of the small multiples and of the timeline.
func figureTitle(by string, base *graph.Slice, lang, fig string) string {
	var t string
	switch {
	case fig == "multiples" && lang == "fr":
		t = map[string]string{"phase": "Le réseau phase par phase", "year": "Le réseau année par année", "period": "Le réseau période par période"}[by]
	case fig == "multiples":
		t = map[string]string{"phase": "The network phase by phase", "year": "The network year by year", "period": "The network period by period"}[by]
	case lang == "fr":
		t = map[string]string{"phase": "Acteurs et liens par phase", "year": "Acteurs et liens par année", "period": "Acteurs et liens par période"}[by]
	default:
		t = map[string]string{"phase": "Actors and ties per phase", "year": "Actors and ties per year", "period": "Actors and ties per period"}[by]
	}
	if !base.IsZero() {
		t += " — " + base.Text(lang)
	}
	return t
}

// slug makes a file name of a slice label: "phase 2" → "phase-2",
// "2016:2018" → "2016-2018".
func slug(label string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "slice"
	}
	return b.String()
}

func hasActor(n *graph.Network, id string) bool {
	i := sort.Search(len(n.Actors), func(i int) bool { return n.Actors[i].ID >= id })
	return i < len(n.Actors) && n.Actors[i].ID == id
}
