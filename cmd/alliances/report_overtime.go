package main

import (
	"context"
	"errors"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/compare"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/report"
)

// reportOverTime prepares the report's section "Over time" (report.OverTime)
// for d, the slice base of the store: by phase, year or period as by says;
// "auto" takes the phases of the one programme with phases, else the start
// years of projects, and leaves the section out when neither gives two
// slices; "none" leaves it out.
func reportOverTime(ctx context.Context, d *graph.Dataset, base *graph.Slice, by, periods string, seed int64) (*report.OverTime, error) {
	if by == "none" {
		return nil, nil
	}
	opts := compare.Options{By: by, Analysis: analysis.Options{Seed: seed}}
	if by == "auto" {
		if periods != "" {
			return nil, usagef("--periods goes with --by period")
		}
		opts.By = ""
		for _, try := range []string{compare.ByPhase, compare.ByYear} {
			if parts, _, err := compare.Plan(d, base, compare.Options{By: try}); err == nil && len(parts) >= 2 {
				opts.By = try
				break
			}
		}
		if opts.By == "" {
			return nil, nil
		}
	} else {
		var err error
		if opts.Periods, err = parseBy(by, periods); err != nil {
			return nil, err
		}
	}
	res, err := compare.Compare(ctx, d, base, opts)
	if err != nil {
		return nil, compareError(err)
	}
	ot, err := cutOverTime(ctx, d, base, opts, seed)
	if errors.As(err, new(usageError)) && by == "auto" {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &report.OverTime{Compare: res, Panels: ot.panels, Layout: ot.layout, Focus: ot.focus()}, nil
}
