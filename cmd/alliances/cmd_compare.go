package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/compare"
	"github.com/alliances/alliances/graph"
)

type compareOptions struct {
	storeFlags
	sliceFlags
	by       string
	periods  string
	format   string
	table    string
	seed     int64
	weighted bool
	exact    int
	top      int
	allTies  bool
}

// compareTables are the tables of compare --table (csv and text).
var compareTables = []string{"slices", "transitions", "ranks", "actors", "ties"}

func compareCommand() command {
	return command{
		name:    "compare",
		summary: "compare phases, years or periods: who entered and left, which ties last, the lasting core",
		help: `Cuts the network into successive slices — the phases of a programme (--by
phase), the start years of projects (--by year) or periods (--by period
--periods A:B,C:D) — and measures each as a network of its own: actors, ties,
projects, density, components, E-I index, families and family coverage,
dimensions and target groups. Between successive slices: the actors that
entered, left and stayed, the ties kept, new and dropped, the Jaccard
similarity of actors and ties, the largest changes of degree and betweenness
rank. Across all slices: each actor's tenure and longest run, each tie's
slices and longest run, the lasting core (actors and ties in every slice) and
the continuity index (share of the ties of a slice still there in the next,
averaged). See docs/compare.md.

--by phase needs one programme: --programme, or the only programme with
phases. The other slice flags restrict what is compared (e.g. --role
lead,partner, --country MA).

The text output shows every table; --format csv writes the one named by
--table; --format json has everything.

Examples:
  alliances compare --by phase
  alliances compare --by phase --programme "Coopération Loire-Atlantique – Souss-Massa" --format json
  alliances compare --by year --format csv --table transitions
  alliances compare --by period --periods 2015:2017,2018:2020,2021:

` + sliceHelp,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &compareOptions{}
			o.bind(fs)
			o.bindSlice(fs)
			fs.StringVar(&o.by, "by", "", "cut by `phase`, year or period (required)")
			fs.StringVar(&o.periods, "periods", "", "--by period: the periods `FROM:TO,FROM:TO…` (years or ISO dates, open ends)")
			fs.StringVar(&o.format, "format", formatTable, "output `format`: table, csv or json")
			fs.StringVar(&o.table, "table", "slices", "--format csv: the `TABLE` to write: slices, transitions, ranks, actors or ties")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the analysis of each slice (communities, sampled betweenness)")
			fs.BoolVar(&o.weighted, "weighted", false, "weighted metrics (betweenness ranks with distance = 1/weight)")
			fs.IntVar(&o.exact, "exact-limit", compare.DefaultExactLimit, "above this many actors in a slice, its betweenness (for the rank changes) is estimated by sampling")
			fs.IntVar(&o.top, "top", 5, "rank changes per metric and transition")
			fs.BoolVar(&o.allTies, "all-ties", false, "list every tie across the slices (default: the ties active in at least two slices; the others are counted)")
			return func(ctx context.Context, args []string) error { return runCompare(ctx, o, std, args) }
		},
	}
}

func runCompare(ctx context.Context, o *compareOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if err := checkFormat(o.format); err != nil {
		return err
	}
	if !contains(compareTables, o.table) {
		return usagef("unknown --table %q: use %s", o.table, strings.Join(compareTables, ", "))
	}
	periods, err := parseBy(o.by, o.periods)
	if err != nil {
		return err
	}
	if o.top < 0 {
		return usagef("--top must be 0 or more")
	}
	d, err := loadSlice(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	res, err := compare.Compare(ctx, d, &o.slice, compare.Options{
		By: o.by, Periods: periods, RankChanges: o.top, AllTies: o.allTies,
		Analysis: analysis.Options{Seed: o.seed, Weighted: o.weighted, ExactLimit: o.exact},
	})
	if err != nil {
		return compareError(err)
	}
	names := make(map[string]string, len(d.Actors))
	for _, a := range d.Actors {
		names[a.ID] = a.Name
	}
	switch o.format {
	case formatJSON:
		return writeJSON(std.out, res)
	case formatCSV:
		header, rows := compareTable(res, o.table, formatCSV)
		return writeRows(std.out, formatCSV, header, rows)
	}
	return writeCompareText(std, res, &o.slice, o.allTies)
}

// writeCompareText writes every table of the comparison for people.
func writeCompareText(std *streams, res *compare.Result, base *graph.Slice, allTies bool) error {
	w := std.out
	what := "the whole store"
	if !base.IsZero() {
		what = base.Text("en")
	}
	fmt.Fprintf(w, "Comparing %s by %s: %d slice(s)", what, res.By, len(res.Slices))
	if n := res.LeftOut.Projects; n > 0 {
		why := map[string]string{compare.ByPhase: "without a phase", compare.ByYear: "without a start date", compare.ByPeriod: "without dates"}[res.By]
		fmt.Fprintf(w, " (%d project(s) %s left out)", n, why)
	}
	fmt.Fprint(w, "\n\n")
	for _, t := range []struct{ name, title string }{
		{"slices", "Slices"},
		{"transitions", "From one slice to the next"},
		{"ranks", "Largest rank changes (actors present in both slices; 1 = highest)"},
	} {
		header, rows := compareTable(res, t.name, formatTable)
		fmt.Fprintf(w, "%s\n\n", t.title)
		if len(rows) == 0 {
			fmt.Fprint(w, "  none\n\n")
			continue
		}
		if err := writeRows(w, formatTable, header, rows); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "Lasting core (in every slice): %d actor(s), %d tie(s)\n", len(res.Core.Actors), len(res.Core.Ties))
	if len(res.Core.Actors) > 0 {
		fmt.Fprintf(w, "  actors: %s\n", shortList(strings.Join(res.Core.Actors, ", "), maxListCell))
	}
	if len(res.Core.Ties) > 0 {
		var ties []string
		for _, t := range res.Core.Ties {
			ties = append(ties, t[0]+"–"+t[1])
		}
		fmt.Fprintf(w, "  ties: %s\n", shortList(strings.Join(ties, ", "), maxListCell))
	}
	fmt.Fprintf(w, "Continuity (share of the ties of a slice still active in the next, averaged): %s\n", num(res.Continuity, formatTable))
	lasting := 0
	for _, a := range res.Actors {
		if a.Tenure > 1 {
			lasting++
		}
	}
	fmt.Fprintf(w, "Actors in more than one slice: %d of %d; ties in more than one slice: %d", lasting, len(res.Actors), countLasting(res))
	if !allTies && res.TiesNotListed > 0 {
		fmt.Fprintf(w, " (and %d in one slice only)", res.TiesNotListed)
	}
	fmt.Fprint(w, "\n\nEach actor's and each tie's tenure: --format csv --table actors|ties, or --format json. See docs/compare.md.\n")
	return nil
}

func countLasting(res *compare.Result) int {
	n := 0
	for _, t := range res.Ties {
		if len(t.Slices) > 1 {
			n++
		}
	}
	return n
}

// compareTable returns one table of the comparison.
func compareTable(res *compare.Result, table, format string) ([]string, [][]string) {
	var rows [][]string
	itoa := strconv.Itoa
	switch table {
	case "slices":
		header := []string{"slice", "actors", "ties", "projects", "density", "components", "ei_index", "family_coverage", "families", "dimensions", "targets"}
		for _, s := range res.Slices {
			rows = append(rows, []string{s.Label, itoa(s.Actors), itoa(s.Ties), itoa(s.Projects), num(s.Density, format),
				itoa(s.Components), num(s.EIIndex, format), num(s.FamilyCoverage, format), familyShares(s.Families, s.Actors, format),
				strings.Join(s.Dimensions, "|"), strings.Join(s.Targets, "|")})
		}
		if format == formatTable {
			// The text table is read on a terminal: the lists last.
			header[8], header[9], header[10] = "dimensions", "targets", "families"
			for _, r := range rows {
				r[8], r[9], r[10] = r[9], r[10], r[8]
			}
		}
		return header, rows
	case "transitions":
		header := []string{"from", "to", "entered", "left", "stayed", "ties_kept", "ties_new", "ties_dropped", "actor_jaccard", "tie_jaccard"}
		for _, t := range res.Transitions {
			rows = append(rows, []string{t.From, t.To, withFamilies(len(t.Entered), t.EnteredFamilies, format),
				withFamilies(len(t.Left), t.LeftFamilies, format), itoa(len(t.Stayed)), itoa(t.TiesKept), itoa(t.TiesNew),
				itoa(t.TiesDropped), num(t.ActorJaccard, format), num(t.TieJaccard, format)})
		}
		if format == formatTable {
			// entered and left, with their families, end the table.
			header = append(append([]string{}, header[:2]...), append(header[4:], "entered", "left")...)
			for i, r := range rows {
				rows[i] = append(append([]string{}, r[:2]...), append(r[4:], r[2], r[3])...)
			}
		}
		return header, rows
	case "ranks":
		header := []string{"from", "to", "metric", "id", "rank_from", "rank_to", "change"}
		for _, t := range res.Transitions {
			for _, c := range t.RankChanges {
				rows = append(rows, []string{t.From, t.To, c.Metric, c.ID, itoa(c.From), itoa(c.To), fmt.Sprintf("%+d", c.Change)})
			}
		}
		return header, rows
	case "actors":
		header := []string{"id", "family", "tenure", "first", "last", "longest_run"}
		for _, a := range res.Actors {
			rows = append(rows, []string{a.ID, a.Family, itoa(a.Tenure), a.First, a.Last, itoa(a.LongestRun)})
		}
		return header, rows
	}
	header := []string{"a", "b", "slices", "longest_run"}
	for _, t := range res.Ties {
		rows = append(rows, []string{t.A, t.B, strings.Join(t.Slices, "|"), itoa(t.LongestRun)})
	}
	return header, rows
}

// familyShares writes the families of a slice with their shares of its
// actors, largest first: "collectivite 40%, ong 20%".
func familyShares(fams map[string]int, total int, format string) string {
	keys := sortedFamilies(fams)
	var parts []string
	for _, f := range keys {
		if format == formatCSV {
			parts = append(parts, fmt.Sprintf("%s:%d", f, fams[f]))
		} else {
			parts = append(parts, fmt.Sprintf("%s %.0f%%", f, 100*float64(fams[f])/float64(total)))
		}
	}
	sep := ", "
	if format == formatCSV {
		sep = "|"
	}
	return strings.Join(parts, sep)
}

// withFamilies writes a count of actors with its families: "5 (ong 2, association 3)".
func withFamilies(n int, fams map[string]int, format string) string {
	if n == 0 {
		return "0"
	}
	var parts []string
	for _, f := range sortedFamilies(fams) {
		parts = append(parts, fmt.Sprintf("%s %d", f, fams[f]))
	}
	if format == formatCSV {
		return fmt.Sprintf("%d (%s)", n, strings.Join(parts, "; "))
	}
	return fmt.Sprintf("%d (%s)", n, strings.Join(parts, ", "))
}

// sortedFamilies orders families by count, largest first, then canonically.
func sortedFamilies(fams map[string]int) []string {
	keys := make([]string, 0, len(fams))
	for f := range fams {
		keys = append(keys, f)
	}
	graph.SortFamilies(keys)
	sort.SliceStable(keys, func(i, j int) bool { return fams[keys[i]] > fams[keys[j]] })
	return keys
}

// parseBy checks --by and --periods, shared by compare, map --by and
// report, and returns the periods of --by period.
func parseBy(by, periods string) ([]graph.Period, error) {
	switch by {
	case compare.ByPhase, compare.ByYear:
		if periods != "" {
			return nil, usagef("--periods goes with --by period")
		}
		return nil, nil
	case compare.ByPeriod:
		if periods == "" {
			return nil, usagef("--by period needs --periods FROM:TO,FROM:TO… (e.g. 2015:2017,2018:2020)")
		}
		var out []graph.Period
		for _, v := range strings.Split(periods, ",") {
			p, err := graph.ParsePeriod(v)
			if err != nil {
				return nil, usagef("--periods %s: %v", strings.TrimSpace(v), err)
			}
			out = append(out, p)
		}
		return out, nil
	case "":
		if periods != "" {
			return nil, usagef("--periods goes with --by period")
		}
		return nil, usagef("--by is required: phase, year or period")
	}
	return nil, usagef("unknown --by %q: use phase, year or period", by)
}

// compareError turns a comparison that cannot be cut (no phases, several
// programmes, no dates) into a usage error that says what to do.
func compareError(err error) error {
	for _, e := range []error{compare.ErrNoPhases, compare.ErrProgrammes, compare.ErrNoDates, compare.ErrOptions} {
		if errors.Is(err, e) {
			return usageError{err.Error()}
		}
	}
	return err
}
