// Command mapgen times the maps of package render on a synthetic network,
// side by side with the native Graphviz sfdp on the same DOT document, and
// prints the result as a Markdown table (bench/maps.sh writes it into
// docs/benchmarks.md).
//
//	go run ./bench/mapgen -actors 2000 -ties 6000 -runs 3 -dot /tmp/map.dot
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"syscall"
	"time"

	"github.com/alliances/alliances/render"
	"github.com/alliances/alliances/render/rendertest"
)

func main() {
	actors := flag.Int("actors", 2000, "actors of the synthetic network")
	ties := flag.Int("ties", 6000, "ties of the synthetic network")
	runs := flag.Int("runs", 3, "runs of each measure (the median is kept)")
	dotPath := flag.String("dot", "", "write the DOT document here")
	flag.Parse()
	if err := run(*actors, *ties, *runs, *dotPath, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
}

// measure is the median wall and CPU time (user + system, this process and
// its children) of f over runs.
func measure(runs int, f func() error) (wall, cpu time.Duration, err error) {
	var walls, cpus []time.Duration
	for i := 0; i < runs; i++ {
		c0 := cpuTime()
		t0 := time.Now()
		if err := f(); err != nil {
			return 0, 0, err
		}
		walls = append(walls, time.Since(t0))
		cpus = append(cpus, cpuTime()-c0)
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	sort.Slice(cpus, func(i, j int) bool { return cpus[i] < cpus[j] })
	return walls[len(walls)/2], cpus[len(cpus)/2], nil
}

func cpuTime() time.Duration {
	var self, kids syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &kids)
	tv := func(t syscall.Timeval) time.Duration { return time.Duration(t.Nano()) }
	return tv(self.Utime) + tv(self.Stime) + tv(kids.Utime) + tv(kids.Stime)
}

func run(actors, ties, runs int, dotPath string, w io.Writer) error {
	ctx := context.Background()
	net := rendertest.Network(actors, ties, 1)
	in := render.Input{Network: net}
	opts := render.Options{Seed: 1, Caption: "synthetic network"}
	dot, err := render.DOT(in, opts)
	if err != nil {
		return err
	}
	if dotPath != "" {
		if err := os.WriteFile(dotPath, dot, 0o644); err != nil {
			return err
		}
	}
	type row struct {
		name      string
		wall, cpu time.Duration
	}
	var rows []row
	add := func(name string, f func() error) error {
		wall, cpu, err := measure(runs, f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		rows = append(rows, row{name, wall, cpu})
		return nil
	}
	renderWith := func(engine, format string) func() error {
		return func() error {
			o := opts
			o.Engine = engine
			return render.Render(ctx, io.Discard, format, in, o)
		}
	}
	// Warm the embedded Graphviz up (WebAssembly compilation is cached).
	if err := renderWith(render.EngineEmbedded, "dot")(); err != nil {
		return err
	}
	if err := add("alliances render, embedded Graphviz, SVG", renderWith(render.EngineEmbedded, "svg")); err != nil {
		return err
	}
	native := render.NativeAvailable()
	if native {
		if err := add("alliances render, native Graphviz, SVG", renderWith(render.EngineNative, "svg")); err != nil {
			return err
		}
		if err := add("native `sfdp -Tsvg` on the same DOT", func() error {
			cmd := exec.Command("sfdp", "-Tsvg")
			cmd.Stdin = bytes.NewReader(dot)
			cmd.Stdout = io.Discard
			return cmd.Run()
		}); err != nil {
			return err
		}
	}
	if err := add("alliances render, embedded Graphviz, PNG", renderWith(render.EngineEmbedded, "png")); err != nil {
		return err
	}
	if err := add("alliances render, embedded Graphviz, PDF", renderWith(render.EngineEmbedded, "pdf")); err != nil {
		return err
	}
	fmt.Fprintf(w, "Network: %d actors, %d ties (synthetic, `render/rendertest`, seed 1); median of %d runs.\n\n", len(net.Actors), len(net.Ties), runs)
	fmt.Fprintln(w, "| measure | wall | CPU (user + sys) |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %.2f s | %.2f s |\n", r.name, r.wall.Seconds(), r.cpu.Seconds())
	}
	if native {
		base := rows[2]
		fmt.Fprintf(w, "\nRatios to native `sfdp -Tsvg` on the same DOT (target ≤ 1.5): embedded %.2f wall, %.2f CPU; native %.2f wall, %.2f CPU.\n",
			rows[0].wall.Seconds()/base.wall.Seconds(), rows[0].cpu.Seconds()/base.cpu.Seconds(),
			rows[1].wall.Seconds()/base.wall.Seconds(), rows[1].cpu.Seconds()/base.cpu.Seconds())
	} else {
		fmt.Fprintln(w, "\nNative Graphviz is not installed: no side-by-side ratio.")
	}
	return nil
}
