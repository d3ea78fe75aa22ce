package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// defaultTableColumns are the columns of analyze's text table when
// --columns is not given: the key metrics; csv and json have every one.
var defaultTableColumns = []string{"id", "name", "family", "degree", "betweenness", "closeness", "eigenvector",
	"pagerank", "constraint", "ei_index", "partner_diversity", "community"}

// checkColumn returns column when it is a column of the per-actor table,
// else a usage error with the nearest names.
func checkColumn(flag, column string) (string, error) {
	if slices.Contains(actorHeader, column) {
		return column, nil
	}
	hint := ""
	if near := graph.Nearest(column, actorHeader); len(near) > 0 {
		hint = fmt.Sprintf(" (did you mean %q?)", near[0])
	}
	return "", usagef("%s: unknown column %q%s; the columns are %s", flag, column, hint, strings.Join(actorHeader, ", "))
}

// parseColumns reads --columns: a comma list of columns of the per-actor
// table, id first whether listed or not.
func parseColumns(list string) ([]string, error) {
	cols := []string{"id"}
	for _, c := range strings.Split(list, ",") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		c, err := checkColumn("--columns", c)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	return cols, nil
}

// sortActors orders the actors of res by the column key: metrics from the
// largest, undefined values last, text columns (id, name, family) in
// alphabetical order; equal values by id. With top > 0 it keeps the first
// top actors and every actor whose value equals the last one kept, so that
// the cut never separates equal values.
func sortActors(res *analysis.Result, key string, top int) {
	actors := slices.Clone(res.Actors)
	var value func(a *analysis.ActorMetrics) analysis.Num
	for _, c := range analysis.ActorColumns() {
		if c.Name == key {
			value = c.Value
		}
	}
	text := func(a *analysis.ActorMetrics) string {
		switch key {
		case "name":
			return a.Name
		case "family":
			return a.Family
		}
		return a.ID
	}
	same := func(a, b *analysis.ActorMetrics) bool {
		if value == nil {
			return text(a) == text(b)
		}
		x, y := value(a), value(b)
		return x == y || !x.Defined() && !y.Defined()
	}
	slices.SortStableFunc(actors, func(a, b analysis.ActorMetrics) int {
		if value == nil {
			return cmp.Or(cmp.Compare(text(&a), text(&b)), cmp.Compare(a.ID, b.ID))
		}
		x, y := value(&a), value(&b)
		switch {
		case !x.Defined() && !y.Defined():
		case !x.Defined():
			return 1
		case !y.Defined():
			return -1
		case x != y:
			return cmp.Compare(float64(y), float64(x))
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if top > 0 && top < len(actors) {
		n := top
		for n < len(actors) && same(&actors[n], &actors[top-1]) {
			n++
		}
		actors = actors[:n]
	}
	res.Actors = actors
}
