package main

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/sanitize"
)

type isolatedOptions struct {
	storeFlags
	sliceFlags
	format  string
	suggest int
	reason  string
}

func isolatedCommand() command {
	return command{
		name:    "isolated",
		summary: "find isolated and peripheral actors, say why, and suggest partners",
		help: `Flags actors that are isolated or peripheral, with every reason that applies:
  isolate                 no tie at all
  pendant                 exactly one partner
  outside_main_component  has ties, but not in the largest connected component
  single_family           all its ties stay inside its own family
  broker_dependent        one other actor's removal cuts it off from the main component
Each flagged actor gets up to --suggest partners it has no tie with, scored and
explained (complementary family, shared territory or project dimension, common
partners). See docs/metrics.md.

Examples:
  alliances isolated
  alliances isolated --suggest 5 --format json
  alliances isolated --reason single_family,broker_dependent
  alliances isolated --phase 3 --family association

` + sliceHelp,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &isolatedOptions{}
			o.bind(fs)
			o.bindSlice(fs)
			fs.StringVar(&o.format, "format", formatTable, "output `format`: table, csv or json")
			fs.IntVar(&o.suggest, "suggest", 3, "suggested partners per flagged actor (0: none)")
			fs.StringVar(&o.reason, "reason", "", "keep the actors flagged for one of these `REASONS` (comma list: isolate, pendant, outside_main_component, single_family, broker_dependent)")
			return func(ctx context.Context, args []string) error { return runIsolated(ctx, o, std, args) }
		},
	}
}

func runIsolated(ctx context.Context, o *isolatedOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	if err := checkFormat(o.format); err != nil {
		return err
	}
	if o.suggest < 0 {
		return usagef("--suggest must be 0 or more")
	}
	reasons, err := parseReasons(o.reason)
	if err != nil {
		return err
	}
	_, net, err := loadNetwork(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	res := analysis.Isolated(net, analysis.IsolationOptions{Suggest: o.suggest})
	if len(reasons) > 0 {
		kept := res.Actors[:0]
		for _, a := range res.Actors {
			if slices.ContainsFunc(a.Reasons, func(r string) bool { return slices.Contains(reasons, r) }) {
				kept = append(kept, a)
			}
		}
		res.Actors = kept
	}
	if o.format == formatJSON {
		return writeSliceJSON(std.out, net.Slice, "", res)
	}
	sliceNote(std, o.format, o.quiet, net.Slice)
	header := []string{"id", "name", "family", "reasons", "suggestions"}
	var rows [][]string
	for _, a := range res.Actors {
		var sugg []string
		for _, s := range a.Suggestions {
			if o.format == formatCSV {
				sugg = append(sugg, fmt.Sprintf("%s (%.3g): %s", s.ID, s.Score, s.Why))
			} else {
				sugg = append(sugg, fmt.Sprintf("%s (%.2f)", s.ID, s.Score))
			}
		}
		name := a.Name
		if o.format == formatTable {
			name = truncate(name, 36)
		}
		rows = append(rows, []string{a.ID, name, a.Family, strings.Join(a.Reasons, ","), strings.Join(sugg, "; ")})
	}
	if o.format == formatTable {
		if len(reasons) > 0 {
			fmt.Fprintf(std.out, "%d actor(s) flagged %s\n\n", len(res.Actors), strings.Join(reasons, " or "))
		} else {
			fmt.Fprintf(std.out, "%d flagged actor(s)\n\n", len(res.Actors))
		}
		if err := writeRows(std.out, formatTable, header, rows); err != nil {
			return err
		}
		if o.suggest > 0 && len(res.Actors) > 0 {
			fmt.Fprintln(std.out, "\nWhy these partners (use --format json for every suggestion):")
			for _, a := range res.Actors {
				if len(a.Suggestions) > 0 {
					s := a.Suggestions[0]
					fmt.Fprintf(std.out, "  %s → %s: %s\n", sanitize.Text(a.ID), sanitize.Text(s.ID), sanitize.Text(s.Why))
				}
			}
		}
		return nil
	}
	return writeRows(std.out, formatCSV, header, rows)
}

// isolationReasons are the reasons of analysis.Isolated, for --reason.
var isolationReasons = []string{analysis.ReasonIsolate, analysis.ReasonPendant, analysis.ReasonOutsideMain,
	analysis.ReasonSingleFamily, analysis.ReasonBrokerDependent}

// parseReasons reads --reason: a comma list of isolation reasons.
func parseReasons(list string) ([]string, error) {
	var out []string
	for _, r := range strings.Split(list, ",") {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if !slices.Contains(isolationReasons, r) {
			hint := ""
			if near := graph.Nearest(r, isolationReasons); len(near) > 0 {
				hint = fmt.Sprintf(" (did you mean %q?)", near[0])
			}
			return nil, usagef("--reason: unknown reason %q%s; the reasons are %s", r, hint, strings.Join(isolationReasons, ", "))
		}
		out = append(out, r)
	}
	return out, nil
}
