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
	"github.com/alliances/alliances/ingest"
	"github.com/alliances/alliances/query"
	"github.com/alliances/alliances/sanitize"
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
	case "partners":
		ego, err := query.Partners(net, args[1], o.depth)
		if err != nil {
			return err
		}
		result, header = ego, []string{"distance", "id", "name", "family", "country"}
		for _, a := range ego.Actors {
			rows = append(rows, []string{strconv.Itoa(a.Distance), a.ID, a.Name, a.Family, a.Country})
		}
		if o.format == formatTable {
			fmt.Fprintf(std.out, "%d actor(s) within %d tie(s) of %s, %d tie(s) among them\n\n", len(ego.Actors)-1, o.depth, sanitize.Text(ego.Center.ID), len(ego.Ties))
		}
	case "path":
		paths, err := query.Paths(net, args[1], args[2], o.max)
		if err != nil {
			return err
		}
		result, header = paths, []string{"path", "length", "actors", "through"}
		for i, p := range paths {
			var ids, via []string
			for _, a := range p.Actors {
				ids = append(ids, a.ID)
			}
			for _, t := range p.Ties {
				via = append(via, tieOrigin(t))
			}
			rows = append(rows, []string{strconv.Itoa(i + 1), strconv.Itoa(p.Length), strings.Join(ids, " → "), strings.Join(via, " | ")})
		}
		if o.format == formatTable && len(paths) == 0 {
			fmt.Fprintf(std.out, "no path: %s and %s are not connected\n", sanitize.Text(args[1]), sanitize.Text(args[2]))
			return nil
		}
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
	case "between":
		f1, f2 := args[1], args[2]
		ties, err := query.Between(net, f1, f2)
		if errors.Is(err, query.ErrUnknownFamily) {
			// The aliases ingest accepts ("NGO", "local authority",
			// "collectivité territoriale") name the same families here.
			vocab := ingest.DefaultVocabulary()
			if f, ok := vocab.Family(f1); ok {
				f1 = f
			}
			if f, ok := vocab.Family(f2); ok {
				f2 = f
			}
			ties, err = query.Between(net, f1, f2)
		}
		if err != nil {
			return err
		}
		result = ties
		header, rows = tieRows(ties)
		if o.format == formatTable {
			fmt.Fprintf(std.out, "%d tie(s) between %s and %s\n\n", len(ties), f1, f2)
		}
	case "cross-border":
		res, err := query.CrossBorder(net)
		if err != nil {
			return err
		}
		result, header = res, []string{"country_a", "country_b", "ties", "weight", "actors", "projects"}
		for _, p := range res.Pairs {
			rows = append(rows, []string{p.A, p.B, strconv.Itoa(p.Ties), strconv.FormatFloat(p.Weight, 'g', -1, 64),
				strconv.Itoa(p.Actors), strings.Join(p.Projects, ",")})
		}
		if o.format == formatTable {
			fmt.Fprintf(std.out, "%d cross-border tie(s)", len(res.Ties))
			if res.WithoutCountry > 0 {
				fmt.Fprintf(std.out, " (%d tie(s) left out: an actor has no country)", res.WithoutCountry)
			}
			fmt.Fprint(std.out, "\n\n")
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

func tieRows(ties []query.TieInfo) ([]string, [][]string) {
	header := []string{"a", "a_family", "b", "b_family", "weight", "made_of"}
	rows := make([][]string, len(ties))
	for i, t := range ties {
		rows[i] = []string{t.A.ID, t.A.Family, t.B.ID, t.B.Family, strconv.FormatFloat(t.Weight, 'g', -1, 64), tieOrigin(t)}
	}
	return header, rows
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
