package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/query"
)

// coverageQuery writes query coverage: in a table, the matrices, what works
// on each dimension and target group, and what no alliance covers; in CSV,
// the matrices (one row per project, 1 or 0 per dimension and target group).
func coverageQuery(o *queryOptions, std *streams, net *graph.Network) error {
	res, err := query.Coverage(net, o.minFamilies)
	if err != nil {
		return usageError{err.Error()}
	}
	switch o.format {
	case formatJSON:
		return writeSliceJSON(std.out, net.Slice, "", res)
	case formatCSV:
		sliceNote(std, o.format, o.quiet, net.Slice)
		header := []string{"project", "name", "alliance", "families"}
		for _, d := range res.Dimensions {
			header = append(header, "dimension:"+d)
		}
		for _, t := range res.Targets {
			header = append(header, "target:"+t)
		}
		var rows [][]string
		for _, p := range res.Projects {
			row := []string{p.ID, p.Name, flag01(p.Alliance), strings.Join(p.Families, "|")}
			for _, d := range res.Dimensions {
				row = append(row, flag01(contains(p.Dimensions, d)))
			}
			for _, t := range res.Targets {
				row = append(row, flag01(contains(p.Targets, t)))
			}
			rows = append(rows, row)
		}
		return writeRows(std.out, formatCSV, header, rows)
	}
	w := std.out
	fmt.Fprintf(w, "%d project(s); an alliance combines at least %d families (--min-families)", len(res.Projects), res.MinFamilies)
	if res.Undescribed > 0 {
		fmt.Fprintf(w, "; %d project(s) have neither dimension nor target group", res.Undescribed)
	}
	fmt.Fprint(w, "\n\n")
	// The matrix: one column per dimension and target group, short headers.
	header := []string{"project", "alliance"}
	for _, d := range res.Dimensions {
		header = append(header, d)
	}
	for _, t := range res.Targets {
		header = append(header, t)
	}
	header = append(header, "families")
	var rows [][]string
	for _, p := range res.Projects {
		row := []string{p.ID, mark(p.Alliance, "yes")}
		for _, d := range res.Dimensions {
			row = append(row, mark(contains(p.Dimensions, d), "x"))
		}
		for _, t := range res.Targets {
			row = append(row, mark(contains(p.Targets, t), "x"))
		}
		rows = append(rows, append(row, strings.Join(p.Families, ", ")))
	}
	if err := writeRows(w, formatTable, header, rows); err != nil {
		return err
	}
	for _, part := range []struct {
		title string
		terms []query.TermCoverage
	}{{"Dimensions", res.ByDimension}, {"Target groups", res.ByTarget}} {
		fmt.Fprintf(w, "\n%s\n\n", part.title)
		rows = nil
		for _, t := range part.terms {
			rows = append(rows, []string{t.Value, strconv.Itoa(len(t.Projects)), strings.Join(t.Alliances, ","), familyCounts(t.Families)})
		}
		if err := writeRows(w, formatTable, []string{"value", "projects", "alliances", "actors by family"}, rows); err != nil {
			return err
		}
	}
	fmt.Fprintf(w, "\nCovered by no alliance of %d families or more: dimensions %s; target groups %s\n",
		res.MinFamilies, listOrNone(res.Uncovered.Dimensions), listOrNone(res.Uncovered.Targets))
	return nil
}

func flag01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func mark(b bool, m string) string {
	if b {
		return m
	}
	return "."
}

func listOrNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

// familyCounts writes counts by family, largest first: "collectivite 4, ong 2".
func familyCounts(fams map[string]int) string {
	var parts []string
	for _, f := range sortedFamilies(fams) {
		parts = append(parts, fmt.Sprintf("%s %d", f, fams[f]))
	}
	return strings.Join(parts, ", ")
}
