package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/examples"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/outfile"
	"github.com/alliances/alliances/query"
	"github.com/alliances/alliances/render"
	"github.com/alliances/alliances/report"
)

type demoOptions struct {
	output string
	seed   int64
	date   string
	engine string
	quiet  bool
}

func demoCommand() command {
	return command{
		name:    "demo",
		summary: "run the whole flow on the bundled example and write ./alliances-demo/",
		help: `Copies the bundled illustrative example (a Loire-Atlantique – Souss-Massa
decentralised cooperation programme, examples/loire-souss/SOURCE.md) to
DIR/data/, ingests it into a temporary embedded store, prints the key results,
and writes maps, tables and reports in French and English to DIR.

Example:
  alliances demo
  alliances demo -o /tmp/demo --seed 3`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &demoOptions{}
			fs.StringVar(&o.output, "o", "alliances-demo", "output `DIR`")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the communities and of the map layouts")
			fs.StringVar(&o.date, "date", "", "date of the reports and captions `YYYY-MM-DD` (default: today)")
			fs.StringVar(&o.engine, "engine", "auto", "Graphviz engine: auto, embedded or native")
			fs.BoolVar(&o.quiet, "quiet", false, "print only the paths written")
			return func(ctx context.Context, args []string) error { return runDemo(ctx, o, std, args) }
		},
	}
}

func runDemo(ctx context.Context, o *demoOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	date, err := parseDate(o.date)
	if err != nil {
		return err
	}
	dataDir := filepath.Join(o.output, "data")
	files, err := copyExample(dataDir)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "alliances-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	store := filepath.Join(tmp, "demo.db")
	say := func(format string, args ...any) {
		if !o.quiet {
			fmt.Fprintf(std.out, format, args...)
		}
	}

	say("== 1. Ingest the bundled example (%s)\n", dataDir)
	if err := runIngest(ctx, &ingestOptions{storeFlags: storeFlags{store: store, quiet: true}}, std, files); err != nil {
		return err
	}
	d, net, err := loadNetwork(ctx, store, &graph.Slice{})
	if err != nil {
		return err
	}
	say("%d actors, %d declared links, %d projects, %d participations → %d ties\n\n",
		len(d.Actors), len(d.Links), len(d.Projects), len(d.Participations), len(net.Ties))

	log, err := loadIngests(ctx, store)
	if err != nil {
		return err
	}
	in, err := reportInput(ctx, d, net, analysis.Options{Seed: o.seed}, 3, log)
	if err != nil {
		return err
	}
	in.Source = "examples/loire-souss (illustrative)"
	if in.OverTime, err = reportOverTime(ctx, d, &graph.Slice{}, "auto", "", o.seed); err != nil {
		return err
	}
	res := in.Metrics
	n := res.Network
	say("== 2. Analyze\nDensity %s, %d component(s), the largest holds %s of the actors; %d communities (modularity %s); E-I index %s.\n",
		num(n.Density, formatTable), n.Components, num(n.LargestComponentShare, formatTable), n.Communities,
		num(n.Modularity, formatTable), num(n.EIIndex.Network, formatTable))
	say("Key brokers (betweenness):\n")
	brokers, _ := analysis.TopActors(res.Actors, 5, func(a analysis.ActorMetrics) float64 { return float64(a.Betweenness) }, false, 0)
	for _, a := range brokers {
		say("  %-14s %-50s %-12s  betweenness %s, partners from %s families (diversity %s)\n", a.ID, truncate(a.Name, 50), a.Family,
			num(a.Betweenness, formatTable), fmt.Sprint(familiesOfPartners(net, a.ID)), num(a.PartnerDiversity, formatTable))
	}
	say("\nProjects by family coverage:\n")
	byCoverage := slices.Clone(res.Projects)
	slices.SortStableFunc(byCoverage, func(a, b analysis.ProjectMetrics) int {
		return cmp.Compare(b.FamilyCoverage, a.FamilyCoverage)
	})
	for _, p := range byCoverage {
		say("  %-12s coverage %s, families %v, missing %v\n", p.ID, num(p.FamilyCoverage, formatTable), p.Families, p.MissingFamilies)
	}

	say("\n== 3. Isolated and peripheral actors\n")
	for _, a := range in.Isolated.Actors {
		say("  %-15s %v\n", a.ID, a.Reasons)
		if len(a.Suggestions) > 0 {
			say("  %15s → %s: %s\n", "", a.Suggestions[0].ID, a.Suggestions[0].Why)
		}
	}

	if ot := in.OverTime; ot != nil {
		c := ot.Compare
		say("\n== 4. Over time (compare --by %s)\n", c.By)
		for _, s := range c.Slices {
			say("  %-8s %2d actors, %3d ties, %d project(s), family coverage %s, targets %v\n", s.Label, s.Actors, s.Ties, s.Projects,
				num(s.FamilyCoverage, formatTable), s.Targets)
		}
		for _, t := range c.Transitions {
			say("  %s → %s: %d entered, %d left, %d stayed; ties kept %d, new %d, dropped %d\n", t.From, t.To,
				len(t.Entered), len(t.Left), len(t.Stayed), t.TiesKept, t.TiesNew, t.TiesDropped)
		}
		say("  lasting core: %v; continuity %s\n", c.Core.Actors, num(c.Continuity, formatTable))
	}

	say("\n== 5. Maps, tables and reports\n")
	written, err := demoOutputs(ctx, o, in, date)
	if err != nil {
		return err
	}
	for _, p := range written {
		fmt.Fprintf(std.out, "wrote %s\n", p)
	}
	say("\nOpen %s in a browser. Your own data: see README.md.\n", filepath.Join(o.output, "report-en", "report.html"))
	return nil
}

// demoOutputs writes the demo's maps, tables and both reports.
func demoOutputs(ctx context.Context, o *demoOptions, in report.Input, date time.Time) ([]string, error) {
	out, err := outfile.OpenDir(o.output, outfile.Options{})
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	maps := []struct {
		file string
		opts render.Options
	}{
		{"network.svg", render.Options{View: "network", SizeBy: "betweenness"}},
		{"network.png", render.Options{View: "network", SizeBy: "betweenness"}},
		{"network.pdf", render.Options{View: "network", SizeBy: "betweenness"}},
		{"isolated.svg", render.Options{View: "isolated", Suggestions: true}},
		{"ego-cd44.svg", render.Options{View: "ego", Actor: "cd44", Depth: 1}},
		{"project-p4-argan.svg", render.Options{View: "project", Project: "p4-argan"}},
		{"bipartite.svg", render.Options{View: "bipartite"}},
		{"network-by-country.svg", render.Options{View: "network", Cluster: "country"}},
	}
	mapIn := render.Input{Network: in.Network, Metrics: in.Metrics, Isolated: in.Isolated}
	// One layout for every map that shares it, from the user's layout
	// cache like the report's (the demo's network is the same every time).
	lay, err := layout.UserCache().Layout(ctx, in.Network, layout.Options{Seed: o.seed})
	if err != nil {
		return nil, err
	}
	mapIn.Layout = lay
	for _, m := range maps {
		m.opts.Seed, m.opts.Engine, m.opts.Lang = o.seed, o.engine, "en"
		// network.pdf is dated as its caption and the reports.
		m.opts.Date = date
		m.opts.Caption = caption("examples/loire-souss (illustrative data)", date, o.seed, "en")
		format, err := render.FormatFromPath(m.file)
		if err != nil {
			return nil, err
		}
		if err := out.Write("maps/"+m.file, func(w io.Writer) error { return render.Render(ctx, w, format, mapIn, m.opts) }); err != nil {
			return nil, fmt.Errorf("map %s: %w", m.file, err)
		}
	}
	tables := map[string]any{"metrics.json": in.Metrics, "isolated.json": in.Isolated}
	if in.OverTime != nil {
		tables["compare.json"] = in.OverTime.Compare
	}
	for name, v := range tables {
		if err := out.Write("tables/"+name, func(w io.Writer) error { return writeJSON(w, v) }); err != nil {
			return nil, err
		}
	}
	written, err := out.Commit()
	if err != nil {
		return nil, err
	}
	for _, lang := range []string{"en", "fr"} {
		dir, err := out.Subdir("report-" + lang)
		if err != nil {
			return nil, err
		}
		// The command that writes the same report from the same data.
		cmd := append(reportCommandLine(nil, &graph.Slice{}, "alliances.db", dir, date), "--lang", lang, "--source", in.Source)
		if o.seed != 1 {
			cmd = append(cmd, "--seed", strconv.FormatInt(o.seed, 10))
		}
		if o.engine != "" && o.engine != "auto" {
			cmd = append(cmd, "--engine", o.engine)
		}
		if _, err := report.Write(ctx, dir, in, report.Options{Lang: lang, Date: date, Seed: o.seed, Version: version,
			Engine: o.engine, Store: "alliances.db", Command: cmd}); err != nil {
			return nil, err
		}
		written = append(written, filepath.Join(dir, "report.html"), filepath.Join(dir, "report.md"))
	}
	sort.Strings(written)
	return written, nil
}

// copyExample writes the bundled example's CSV files to dir.
func copyExample(dir string) ([]string, error) {
	out, err := outfile.OpenDir(dir, outfile.Options{})
	if err != nil {
		return nil, err
	}
	defer out.Discard()
	var files []string
	err = fs.WalkDir(examples.LoireSouss, ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := examples.LoireSouss.ReadFile(path)
		if err != nil {
			return err
		}
		name := filepath.Base(path)
		if err := out.WriteFile(name, b); err != nil {
			return err
		}
		if filepath.Ext(path) == ".csv" {
			files = append(files, out.Path(name))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if _, err := out.Commit(); err != nil {
		return nil, err
	}
	sort.Strings(files)
	return files, nil
}

// familiesOfPartners counts the distinct families among the partners of id.
func familiesOfPartners(net *graph.Network, id string) int {
	ego, err := query.Partners(net, id, 1)
	if err != nil {
		return 0
	}
	seen := map[string]bool{}
	for _, a := range ego.Actors[1:] { // the first is id itself
		seen[a.Family] = true
	}
	return len(seen)
}
