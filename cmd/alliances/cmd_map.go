package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/outfile"
	"github.com/alliances/alliances/render"
)

type mapOptions struct {
	storeFlags
	sliceFlags
	output string
	render render.Options
	date   string
	// map --by (map_by.go)
	by, periods, format string
}

func mapCommand() command {
	return command{
		name:    "map",
		summary: "draw a network map (SVG, PNG, PDF or DOT) with Graphviz",
		help: `Draws the network with Graphviz: colour = family (colour-blind-safe, the same on
every map), size = a metric, shape = level, edge width = tie weight, with a
legend, a title and a caption. The format comes from the extension of -o.
Views: network (all actors), ego (--actor, --depth; on rings around the
actor), project (--project), bipartite (actors and projects), isolated
(flags peripheral actors, numbered, with their reasons in a key; with
--suggestions, dashed ties to suggested partners). The network, isolated and
ego views share one layout of the store, cached in the user's cache
directory (ALLIANCES_CACHE=DIR moves it, =off turns it off). Networks of
more than 10,000 actors or 60,000 ties are drawn as an overview of their
300 first actors. PNG maps stay within 6,000 pixels a side. See
docs/maps.md.

With --view project, --project names the project drawn; every other slice flag
slices (` + "`alliances map -o p2.svg --phase 2`" + `: the network of phase 2).

With --by phase|year|period, -o names a directory: one map per slice, all at
the positions of one layout of the union of the slices (actors that entered
outlined in black, actors that left faint), small-multiples.svg (every slice
side by side) and timeline.svg (actors per family and ties per slice). The
slices are those of 'alliances compare' (docs/compare.md).

` + sliceHelp + `

Examples:
  alliances map -o network.svg
  alliances map --by phase -o phases/
  alliances map --by period --periods 2015:2017,2018:2020 -o periods/ --format png
  alliances map -o phase2.svg --phase 2 --role lead,partner
  alliances map -o ego.png --view ego --actor cd44 --depth 2
  alliances map -o isolated.pdf --view isolated --suggestions
  alliances map -o network.svg --size-by betweenness --labels 15 --cluster country
  alliances map -o main.pdf --component main --min-degree 3 --page a4 --lang fr
  alliances map -o communities.png --colour-by community --dpi 300`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &mapOptions{}
			o.bind(fs)
			bindMapFlags(fs, &o.render)
			o.bindSlice(fs)
			fs.StringVar(&o.output, "o", "", "output `FILE`: .svg, .png, .pdf or .dot (required); a directory with --by")
			fs.StringVar(&o.by, "by", "", "one map per slice: `phase`, year or period (-o is then a directory)")
			fs.StringVar(&o.periods, "periods", "", "--by period: the periods `FROM:TO,FROM:TO…`")
			fs.StringVar(&o.format, "format", "svg", "--by: the `format` of the maps of the slices: svg, png, pdf or dot")
			fs.StringVar(&o.date, "date", "", "date shown in the caption, `YYYY-MM-DD` (default: today)")
			return func(ctx context.Context, args []string) error { return runMap(ctx, o, std, args) }
		},
	}
}

// bindMapFlags binds the flags that choose what a map shows.
func bindMapFlags(fs *flag.FlagSet, r *render.Options) {
	fs.StringVar((*string)(&r.View), "view", "network", "`view`: network, ego, project, bipartite or isolated")
	fs.StringVar(&r.Actor, "actor", "", "actor at the centre of the ego view: its `ID`, name or part of its name")
	fs.IntVar(&r.Depth, "depth", 1, "ego view: partners up to this many steps away")
	fs.StringVar(&r.SizeBy, "size-by", "degree", "metric that sizes the nodes (degree, betweenness, eigenvector, pagerank, ...)")
	fs.Var((*labelsFlag)(&r.Labels), "labels", "label the top `N` actors by --size-by, or all, or none (default: all up to 40 actors, else 20)")
	fs.StringVar(&r.Cluster, "cluster", "", "group actors in boxes by country or territory")
	fs.StringVar(&r.Title, "title", "", "map title (default: from the view)")
	fs.StringVar(&r.Caption, "caption", "", "caption (default: data source, date and seed)")
	fs.Int64Var(&r.Seed, "seed", 1, "seed of the layout and of the communities")
	fs.BoolVar(&r.Suggestions, "suggestions", false, "isolated view: draw suggested partners as dashed ties")
	fs.StringVar(&r.Engine, "engine", "auto", "Graphviz engine: auto (native binaries when installed), embedded or native")
	fs.StringVar(&r.Lang, "lang", "en", "language of the legend: en or fr")
	fs.StringVar(&r.Component, "component", "", "main: only the actors of the largest connected component")
	fs.IntVar(&r.MinDegree, "min-degree", 0, "only the actors with at least `K` partners")
	fs.StringVar(&r.ColourBy, "colour-by", "family", "node colour: family or community (Louvain, the ten largest)")
	fs.IntVar(&r.DPI, "dpi", 0, "PNG resolution, 36 to 600 (default 144, 96 above 400 actors; at most 6,000 pixels a side)")
	fs.StringVar(&r.Page, "page", "", "PDF paper: a4 or letter (default: a page of the map's size)")
}

func runMap(ctx context.Context, o *mapOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if o.output == "" {
		return usagef("-o FILE is required (.svg, .png, .pdf or .dot)")
	}
	if o.by != "" || o.periods != "" {
		return runMapBy(ctx, o, std)
	}
	format, err := render.FormatFromPath(o.output)
	if err != nil {
		return usageError{err.Error()}
	}
	switch {
	case o.render.View == "ego" && o.render.Actor == "":
		return usagef("--view ego needs --actor ID (the actor at the centre)")
	case o.render.View == "project" && len(o.slice.Projects) != 1:
		return usagef("--view project needs one --project ID")
	}
	if o.render.View == "project" {
		// The project view draws the participants of one project and every
		// tie among them: --project names it, it does not slice.
		o.render.Project = o.slice.Projects[0]
		o.slice.Projects = nil
	}
	date, err := parseDate(o.date)
	if err != nil {
		return err
	}
	// The output is checked (not the store, not a link…) before any work;
	// it replaces the previous file only once whole.
	f, err := outfile.Create(o.output, outputOptions(o.store))
	if err != nil {
		return err
	}
	defer f.Discard()
	_, net, err := loadNetwork(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	if !o.quiet && (len(net.Actors) > render.LargeActors || len(net.Ties) > render.LargeTies) && (o.render.View == "" || o.render.View == "network" || o.render.View == "isolated") {
		fmt.Fprintf(std.err, "%d actors and %d ties: drawing an overview, the %d first actors at their place in the whole network (docs/maps.md, large networks)\n",
			len(net.Actors), len(net.Ties), render.OverviewActors)
	}
	// Checked before the analysis: ids, names or parts of names.
	if o.render.Actor != "" {
		if o.render.Actor, err = resolveActor(net, o.render.Actor); err != nil {
			return err
		}
	}
	if o.render.Project != "" {
		if o.render.Project, err = resolveProject(net, o.render.Project); err != nil {
			return err
		}
	}
	in, err := mapInput(ctx, net, o.render)
	if err != nil {
		return err
	}
	if o.render.Caption == "" {
		o.render.Caption = caption(storeSource(ctx, o.store), date, o.render.Seed, o.render.Lang)
		if net.Slice != nil {
			o.render.Caption = sliceCaption(&o.slice, o.render.Lang) + " · " + o.render.Caption
		}
	}
	if o.render.Date.IsZero() {
		o.render.Date = date
	}
	if err := render.Render(ctx, f, format, in, o.render); err != nil {
		return mapError(err)
	}
	if err := f.Commit(); err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(std.out, "wrote %s\n", o.output)
	}
	return nil
}

// mapInput computes what a map needs: the metrics for sizes and labels, and
// isolation with suggestions for the isolated view.
func mapInput(ctx context.Context, net *graph.Network, r render.Options) (render.Input, error) {
	in := render.Input{Network: net}
	var err error
	if in.Metrics, err = mapMetrics(ctx, net, r); err != nil {
		return render.Input{}, err
	}
	if r.View == "isolated" {
		in.Isolated = analysis.Isolated(net, analysis.IsolationOptions{Suggest: 3})
	}
	if (r.View == "" || r.View == "network" || r.View == "isolated" || r.View == "ego") && r.Cluster == "" {
		if in.Layout, err = storeLayout(ctx, net, r.Seed); err != nil {
			return render.Input{}, err
		}
	}
	return in, nil
}

// mapMetrics analyses net when the map draws a metric: degree and strength
// need no analysis, and skipping it saves most of the time of a large map.
func mapMetrics(ctx context.Context, net *graph.Network, r render.Options) (*analysis.Result, error) {
	if r.ColourBy != "community" && (r.SizeBy == "" || r.SizeBy == "degree" || r.SizeBy == "strength") {
		return nil, nil
	}
	return analysis.AnalyzeContext(ctx, net, analysis.Options{Seed: r.Seed})
}

// storeLayout returns the one layout of a store's network for a seed, from
// the user's layout cache when it holds it (package layout): every view
// that shares it (network, isolated, the slices of map --by, the explorer)
// puts an actor at the same place, and the next map is drawn faster.
func storeLayout(ctx context.Context, net *graph.Network, seed int64) (*layout.Layout, error) {
	return layout.UserCache().Layout(ctx, net, layout.Options{Seed: seed})
}

// caption is the default map caption: data source, date and seed.
func caption(source string, date time.Time, seed int64, lang string) string {
	if lang == "fr" {
		return fmt.Sprintf("Source\u00a0: %s · %s · graine %d · alliances %s", source, date.Format("02/01/2006"), seed, version)
	}
	return fmt.Sprintf("Source: %s · %s · seed %d · alliances %s", source, date.Format("2006-01-02"), seed, version)
}

// storeSource names the data of a store as reports do: after the files of
// its ingests (dataSource), or after the store (storeName) when it has no
// ingest record. Maps and the explorer name their data with it.
func storeSource(ctx context.Context, store string) string {
	log, err := loadIngests(ctx, store)
	if s := dataSource(graph.CurrentIngests(log)); err == nil && s != "" {
		return s
	}
	return storeName(store)
}

// parseDate reads a --date flag, defaulting to today.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Now().UTC().Truncate(24 * time.Hour), nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, usagef("--date %q: use YYYY-MM-DD", s)
	}
	return t, nil
}

// mapError turns a map option that names an unknown actor, project, view or
// metric into a usage error (exit code 2).
func mapError(err error) error {
	for _, e := range []error{render.ErrUnknownActor, render.ErrUnknownProject, render.ErrUnknownView,
		render.ErrUnknownMetric, render.ErrBadOption} {
		if errors.Is(err, e) {
			return usageError{err.Error()}
		}
	}
	return err
}

// labelsFlag is --labels: a number, "all" or "none".
type labelsFlag int

func (l *labelsFlag) String() string {
	switch int(*l) {
	case render.LabelsAll:
		return "all"
	case render.LabelsNone:
		return "none"
	case render.LabelsDefault:
		return ""
	}
	return strconv.Itoa(int(*l))
}

func (l *labelsFlag) Set(s string) error {
	switch s {
	case "all":
		*l = labelsFlag(render.LabelsAll)
	case "none":
		*l = labelsFlag(render.LabelsNone)
	default:
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return fmt.Errorf("want a number ≥ 1, all or none")
		}
		*l = labelsFlag(n)
	}
	return nil
}
