// Command analyzebench times analysis.Analyze on networks stored as CSV, for
// bench/analysis.sh.
//
// Usage:
//
//	analyzebench [-weighted] [-workers N] [-seed S] [-repeat R] DIR...
//
// Every DIR holds actors.csv (id,name,family) and links.csv
// (source,target,weight), read with encoding/csv. For each DIR it prints one
// JSON line: {"dir":…, "actors":…, "ties":…, "seconds":…, "cpu_seconds":…,
// "betweenness":…}, seconds (wall clock) and cpu_seconds (user + system, all
// goroutines) being the smallest of R runs of Analyze (loading excluded).
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"syscall"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyzebench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	weighted := fs.Bool("weighted", false, "use tie weights (docs/metrics.md --weighted)")
	workers := fs.Int("workers", 0, "goroutines of the parallel kernels (0: GOMAXPROCS)")
	seed := fs.Int64("seed", 1, "seed of Louvain and sampling")
	repeat := fs.Int("repeat", 1, "runs per network; the fastest is reported")
	out := fs.String("json", "", "also write the result of the last network as JSON to this file")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the analyses to this file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: analyzebench [flags] DIR...")
		return 2
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(stderr, "analyzebench:", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(stderr, "analyzebench:", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	for _, dir := range fs.Args() {
		net, err := load(dir)
		if err != nil {
			fmt.Fprintln(stderr, "analyzebench:", err)
			return 1
		}
		opts := analysis.Options{Weighted: *weighted, Seed: *seed, Workers: *workers}
		best, bestCPU := -1.0, -1.0
		var res *analysis.Result
		for range max(1, *repeat) {
			start, cpu0 := time.Now(), cpuSeconds()
			res, err = analysis.Analyze(net, opts)
			if err != nil {
				fmt.Fprintln(stderr, "analyzebench:", err)
				return 1
			}
			if s := time.Since(start).Seconds(); best < 0 || s < best {
				best = s
			}
			if c := cpuSeconds() - cpu0; bestCPU < 0 || c < bestCPU {
				bestCPU = c
			}
		}
		line, _ := json.Marshal(map[string]any{
			"dir": dir, "actors": res.Network.Actors, "ties": res.Network.Ties,
			"seconds": best, "cpu_seconds": bestCPU, "betweenness": res.Parameters.Betweenness,
			"communities": res.Network.Communities, "modularity": res.Network.Modularity,
		})
		fmt.Fprintln(stdout, string(line))
		if *out != "" {
			b, err := json.Marshal(res)
			if err == nil {
				err = os.WriteFile(*out, b, 0o644)
			}
			if err != nil {
				fmt.Fprintln(stderr, "analyzebench:", err)
				return 1
			}
		}
	}
	return 0
}

// cpuSeconds returns the user + system CPU time of the process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// load reads DIR/actors.csv and DIR/links.csv, each with a header line.
func load(dir string) (*graph.Network, error) {
	d := &graph.Dataset{}
	actors, err := readCSV(filepath.Join(dir, "actors.csv"))
	if err != nil {
		return nil, err
	}
	for _, r := range actors {
		if len(r) < 3 {
			return nil, fmt.Errorf("%s: actor row %v: want id,name,family", dir, r)
		}
		d.Actors = append(d.Actors, graph.Actor{ID: r[0], Name: r[1], Family: r[2]})
	}
	links, err := readCSV(filepath.Join(dir, "links.csv"))
	if err != nil {
		return nil, err
	}
	for _, r := range links {
		if len(r) < 3 {
			return nil, fmt.Errorf("%s: link row %v: want source,target,weight", dir, r)
		}
		w, err := strconv.ParseFloat(r[2], 64)
		if err != nil {
			return nil, fmt.Errorf("%s: link %s-%s: %w", dir, r[0], r[1], err)
		}
		d.Links = append(d.Links, graph.Link{Source: r[0], Target: r[1], Weight: w})
	}
	return graph.NewNetwork(d), nil
}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = false
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	return rows[1:], nil
}
