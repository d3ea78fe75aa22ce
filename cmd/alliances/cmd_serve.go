package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/url"
	"path/filepath"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/explore"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/neo4jstore"
	"github.com/alliances/alliances/layout"
)

type serveOptions struct {
	storeFlags
	addr     string
	seed     int64
	weighted bool
}

func serveCommand() command {
	return command{
		name:    "serve",
		summary: "explore the network in your browser: a local, read-only web page",
		help: `Serves a web page to explore the store: the network at the positions of the
maps, coloured by family; click an actor for its card (metrics with their rank,
projects, partners, why it is isolated and whom it could work with), its ego
network, a path to another actor; search by name; filter by the slices of
docs/slices.md and step through phases; a sortable table; downloads of the view
(SVG, PNG) and of the table (CSV). The page is in English or French.

Everything runs on this machine: the page and its scripts are inside the
binary, nothing is fetched from elsewhere, and the store is only read. The
server listens on 127.0.0.1 (this machine only) unless --addr names another
address. It prints the address to open and serves until Ctrl-C. The JSON API
behind the page is documented in docs/explorer.md.

Examples:
  alliances serve
  alliances serve --store keep.db --addr 127.0.0.1:9000
  alliances serve --store neo4j://localhost:7687`,
		setup: func(fs *flag.FlagSet, std *streams) func(context.Context, []string) error {
			o := &serveOptions{}
			o.bind(fs)
			fs.StringVar(&o.addr, "addr", "127.0.0.1:8765", "`HOST:PORT` to listen on; another host than 127.0.0.1 lets other machines in (port 0: any free port)")
			fs.Int64Var(&o.seed, "seed", 1, "seed of the layout (as map --seed), of the communities and of sampled betweenness (as analyze --seed)")
			fs.BoolVar(&o.weighted, "weighted", false, "use tie weights in the metrics, as analyze --weighted")
			return func(ctx context.Context, args []string) error { return runServe(ctx, o, std, args) }
		},
	}
}

func runServe(ctx context.Context, o *serveOptions, std *streams, args []string) error {
	if len(args) > 0 {
		return usagef("unexpected argument %q", args[0])
	}
	host, _, err := net.SplitHostPort(o.addr)
	if err != nil {
		return usagef("--addr %q: want HOST:PORT, e.g. 127.0.0.1:8765", o.addr)
	}
	if !explore.IsLoopback(o.addr) {
		if host == "" {
			host = "every address"
		}
		fmt.Fprintf(std.err, "warning: listening on %s: other machines can read the whole store; use --addr 127.0.0.1:PORT to keep it on this machine\n", host)
	}
	if !o.quiet {
		fmt.Fprintf(std.err, "loading %s…\n", storeName(o.store))
	}
	d, net, err := loadNetwork(ctx, o.store, &graph.Slice{})
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(std.err, "laying out %d actors and %d ties (cached for the next time)…\n", len(net.Actors), len(net.Ties))
	}
	lay, err := storeLayout(ctx, net, o.seed)
	if err != nil {
		return err
	}
	pos := make(explore.Positions, lay.Len())
	lay.Each(func(id string, p layout.Point) { pos[id] = [2]float64{p.X, p.Y} })
	srv, err := explore.New(ctx, d, net, pos, explore.Options{
		Source:   storeSource(ctx, o.store),
		Analysis: analysis.Options{Seed: o.seed, Weighted: o.weighted},
		Version:  version,
	})
	if err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(std.err, "analysing %d actors and %d ties…\n", len(net.Actors), len(net.Ties))
	}
	if err := srv.Warm(); err != nil {
		return err
	}
	return srv.Serve(ctx, o.addr, func(u string) {
		fmt.Fprintf(std.out, "alliances explorer: open %s (Ctrl-C to stop)\n", u)
	})
}

// storeName names the store on the page: the base name of an embedded file,
// or a Neo4j URI without credentials.
func storeName(location string) string {
	if !neo4jstore.IsURI(location) {
		return filepath.Base(location)
	}
	u, err := url.Parse(location)
	if err != nil {
		return "neo4j"
	}
	return u.Scheme + "://" + u.Host
}
