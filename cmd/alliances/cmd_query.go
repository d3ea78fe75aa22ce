package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/neo4jstore"
	"github.com/alliances/alliances/query"
)

type queryOptions struct {
	storeFlags
	sliceFlags
	format      string
	depth       int
	max         int
	minFamilies int
	maxGroups   int
	cypher      string
	limit       int
	count       bool
}

func queryCommand() command {
	return command{
		name:    "query",
		summary: "query alliance structures: partners, paths, multi-family alliances, ties between families, cross-border ties",
		usage:   "partners ACTOR | path FROM TO | alliances | between FAMILY1 FAMILY2 | cross-border | coverage",
		help: `Named queries, the same on the embedded store and on Neo4j (docs/queries.md):
  partners ACTOR     the ego network of an actor, up to --depth ties away
  path FROM TO       every shortest cooperation path between two actors
  alliances          projects and groups of mutually tied actors (maximal cliques)
                     that combine at least --min-families families ("autre" and
                     actors without a family count as none; a group that is
                     exactly a project's participants is that project)
  between F1 F2      ties between actors of two families (or inside one)
  cross-border       ties between actors of different countries, by pair of countries
  coverage           project × dimension and project × target group matrices; the
                     families and the alliances (projects of at least
                     --min-families families) working on each; the dimensions
                     and target groups that no alliance covers
An actor is named by its id, its name or a part of its name, in any case and
with or without accents ("Conseil départemental de Loire-Atlantique", "loire");
a name that fits several actors lists them, an unknown one gets "did you mean".
On Neo4j, --cypher runs your own Cypher in a read-only transaction.

` + sliceHelp + `

Examples:
  alliances query partners cd44 --depth 2
  alliances query path asso-tiznit ent-eau
  alliances query alliances --min-families 4 --format json
  alliances query between ong collectivite
  alliances query cross-border --format csv
  alliances query coverage --min-families 2
  alliances query partners cd44 --depth 2 --count
  alliances query partners cd44 --depth 2 --format json --limit 1000
  alliances query alliances --phase 3 --min-families 4
  alliances query --store neo4j://localhost:7687 --cypher 'MATCH (a:Actor) RETURN a.name, a.betweenness ORDER BY a.betweenness DESC LIMIT 10'`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &queryOptions{}
			o.bind(fs)
			o.bindSlice(fs)
			fs.StringVar(&o.format, "format", formatTable, "output `format`: table, csv or json")
			fs.IntVar(&o.depth, "depth", 1, "partners: how many ties away")
			fs.IntVar(&o.max, "max", 20, "path: at most this many shortest paths (0: all)")
			fs.IntVar(&o.minFamilies, "min-families", 3, "alliances, coverage: the minimum number of distinct families of an alliance")
			fs.IntVar(&o.maxGroups, "max-groups", 1000, "alliances: stop the search for groups after `N` of them (0: all)")
			fs.StringVar(&o.cypher, "cypher", "", "Neo4j only: run this Cypher `QUERY` in a read-only transaction")
			fs.IntVar(&o.limit, "limit", 0, "partners, between, cross-border: list at most `N` actors and ties (0: all); the counts stay whole")
			fs.BoolVar(&o.count, "count", false, "partners, between, cross-border: print the counts only (actors by distance, ties)")
			return func(ctx context.Context, args []string) error { return runQuery(ctx, o, std, args) }
		},
	}
}

func runQuery(ctx context.Context, o *queryOptions, std *streams, args []string) error {
	if err := checkFormat(o.format); err != nil {
		return err
	}
	if o.cypher != "" {
		return runCypher(ctx, o, std, args)
	}
	if len(args) == 0 {
		return usagef("name a query: partners, path, alliances, between, cross-border or coverage")
	}
	want := map[string]int{"partners": 1, "path": 2, "alliances": 0, "between": 2, "cross-border": 0, "coverage": 0}
	n, ok := want[args[0]]
	if !ok {
		hint := ""
		if near := graph.Nearest(args[0], []string{"partners", "path", "alliances", "between", "cross-border", "coverage"}); len(near) > 0 {
			hint = fmt.Sprintf(" (did you mean %q?)", near[0])
		}
		return usagef("unknown query %q%s: use partners, path, alliances, between, cross-border or coverage", args[0], hint)
	}
	if len(args)-1 != n {
		return usagef("query %s takes %d argument(s), got %d", args[0], n, len(args)-1)
	}
	if args[0] == "partners" && o.depth < 1 {
		return usagef("--depth must be at least 1, not %d", o.depth)
	}
	if o.limit < 0 {
		return usagef("--limit must be 0 (all) or more, not %d", o.limit)
	}
	if (o.limit > 0 || o.count) && (args[0] == "path" || args[0] == "alliances") {
		return usagef("--limit and --count apply to partners, between and cross-border (path has --max, alliances --max-groups)")
	}
	if args[0] != "alliances" && args[0] != "coverage" {
		return readQuery(ctx, o, std, args)
	}
	_, net, err := loadNetwork(ctx, o.store, &o.slice)
	if err != nil {
		return err
	}
	if o.format == formatTable {
		sliceNote(std, o.format, o.quiet, net.Slice)
	}
	if args[0] == "coverage" {
		return coverageQuery(o, std, net)
	}
	if err := namedQuery(o, std, net, args); err != nil {
		return queryError(err)
	}
	return nil
}

func namedQuery(o *queryOptions, std *streams, net *graph.Network, args []string) error {
	var (
		result any
		header []string
		rows   [][]string
	)
	switch args[0] {
	case "alliances":
		res, err := query.Alliances(net, o.minFamilies, o.maxGroups)
		if err != nil {
			return usageError{err.Error()}
		}
		result, header = res, []string{"kind", "id", "families", "missing_families", "countries", "actors"}
		for _, p := range res.Projects {
			rows = append(rows, []string{"project", p.ID, strconv.Itoa(p.Combined) + ": " + strings.Join(p.Families, ","),
				strings.Join(p.MissingFamilies, ","), strings.Join(p.Countries, ","), refs(p.Actors)})
		}
		for i, g := range res.Groups {
			rows = append(rows, []string{"group", "g" + strconv.Itoa(i+1), strconv.Itoa(g.Combined) + ": " + strings.Join(g.Families, ","),
				strings.Join(graph.MissingCoreFamilies(g.Families), ","), strings.Join(g.Countries, ","), refs(g.Actors)})
		}
		if o.format == formatTable {
			fmt.Fprintf(std.out, "%d project(s) and %d group(s) of mutually tied actors combine at least %d families\n\n", len(res.Projects), len(res.Groups), o.minFamilies)
		}
		if res.Truncated && !o.quiet {
			fmt.Fprintf(std.err, "note: the search for groups stopped after %d groups (--max-groups); there are more, and these are the first found, not the largest: raise --min-families to narrow the search, or --max-groups 0 to list them all (it may take very long)\n", len(res.Groups))
		}
	}
	if o.format == formatJSON {
		// Lists (paths, ties) are wrapped in an object with the slice.
		return writeSliceJSON(std.out, net.Slice, map[string]string{"path": "paths", "between": "ties"}[args[0]], result)
	}
	if o.format == formatCSV {
		sliceNote(std, o.format, o.quiet, net.Slice)
	}
	return writeRows(std.out, o.format, header, rows)
}

// queryError turns an unknown actor or family named on the command line into
// a usage error (exit code 2).
func queryError(err error) error {
	if errors.Is(err, query.ErrUnknownActor) || errors.Is(err, query.ErrUnknownFamily) {
		return usageError{err.Error()}
	}
	return err
}

func refs(as []query.ActorRef) string {
	ids := make([]string, len(as))
	for i, a := range as {
		ids[i] = a.ID
	}
	return strings.Join(ids, ",")
}

// tieOrigin says what a tie is made of: declared link types and shared projects.
func tieOrigin(t query.TieInfo) string {
	var parts []string
	if len(t.Types) > 0 {
		parts = append(parts, strings.Join(t.Types, "+"))
	} else if t.Links > 0 {
		parts = append(parts, "link")
	}
	if len(t.Projects) > 0 {
		parts = append(parts, "projects "+strings.Join(t.Projects, ","))
	}
	return strings.Join(parts, "; ")
}

// runCypher runs the user's Cypher on a Neo4j store, read-only.
func runCypher(ctx context.Context, o *queryOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("--cypher takes no named query (got %q)", args[0])
	}
	if !o.slice.IsZero() {
		return usagef("the slice flags do not apply to --cypher: write the filter in the Cypher query")
	}
	if !neo4jstore.IsURI(o.store) {
		return usagef("--cypher needs a Neo4j store (--store neo4j://HOST:7687); the embedded store answers the named queries")
	}
	s, err := openNeo4j(ctx, o.store)
	if err != nil {
		return err
	}
	defer s.Close()
	cols, rows, err := s.ReadCypher(ctx, o.cypher, nil)
	if err != nil {
		return err
	}
	if o.format == formatJSON {
		objs := make([]map[string]any, len(rows))
		for i, r := range rows {
			objs[i] = map[string]any{}
			for j, c := range cols {
				objs[i][c] = r[j]
			}
		}
		return writeJSON(std.out, objs)
	}
	text := make([][]string, len(rows))
	for i, r := range rows {
		text[i] = make([]string, len(r))
		for j, v := range r {
			text[i][j] = fmt.Sprint(v)
		}
	}
	return writeRows(std.out, o.format, cols, text)
}
