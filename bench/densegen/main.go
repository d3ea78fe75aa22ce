// Command densegen writes the synthetic dense network of the query
// benchmark (bench/queries.sh) as the four CSV tables that ingest reads:
// 6,000 actors, 60 projects of 5 to 1,000 participants (the first of 1,000,
// the others 1,000·u¹² for u uniform, at least 5), whose co-participation
// makes about two million ties, and 3,000 declared links. Actor a00000 is a
// hub: it takes part in the 15 largest projects. Every actor takes part in
// at least one project. The same seed gives the same files.
//
//	go run ./bench/densegen -o DIR [-actors 6000 -projects 60 -links 3000 -seed 1]
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

func main() {
	dir := flag.String("o", "", "directory to write acteurs.csv, projets.csv, participations.csv and liens.csv into")
	actors := flag.Int("actors", 6000, "actors")
	projects := flag.Int("projects", 60, "projects")
	links := flag.Int("links", 3000, "declared links")
	seed := flag.Uint64("seed", 1, "seed of the generator")
	flag.Parse()
	if *dir == "" || *actors < 2 || *projects < 1 {
		fmt.Fprintln(os.Stderr, "usage: densegen -o DIR [-actors N -projects N -links N -seed N]")
		os.Exit(2)
	}
	if err := write(*dir, *actors, *projects, *links, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "densegen:", err)
		os.Exit(1)
	}
}

func write(dir string, nActors, nProjects, nLinks int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 2))
	families := []string{"collectivite", "association", "ong", "entreprise", "institution", ""}
	countries := []string{"FR", "SN", "ML", "MA", "BF", "BE", "TN", "DE", ""}
	id := func(i int) string { return fmt.Sprintf("a%05d", i) }
	table := func(name string, header []string, rows func(add func(...string))) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		w := csv.NewWriter(f)
		w.Comma = ';'
		w.Write(header)
		rows(func(r ...string) { w.Write(r) })
		w.Flush()
		if err := w.Error(); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	err := table("acteurs.csv", []string{"id", "nom", "famille", "pays"}, func(add func(...string)) {
		for i := range nActors {
			add(id(i), fmt.Sprintf("Acteur %d", i), families[rng.IntN(len(families))], countries[rng.IntN(len(countries))])
		}
	})
	if err != nil {
		return err
	}
	sizes := make([]int, nProjects)
	for p := range sizes {
		sizes[p] = max(5, int(1000*math.Pow(rng.Float64(), 12)))
	}
	sizes[0] = 1000
	slices.SortFunc(sizes, func(a, b int) int { return b - a })
	members := make([][]int, nProjects)
	in := make([]bool, nActors)
	for p, s := range sizes {
		members[p] = rng.Perm(nActors)[:min(s, nActors)]
		if p < 15 && !slices.Contains(members[p], 0) {
			members[p][0] = 0 // the hub
		}
		for _, a := range members[p] {
			in[a] = true
		}
	}
	for a := range in {
		if !in[a] {
			p := nProjects - 1 - rng.IntN(min(10, nProjects))
			members[p] = append(members[p], a)
		}
	}
	err = table("projets.csv", []string{"id", "nom", "programme", "phase"}, func(add func(...string)) {
		for p := range nProjects {
			add(fmt.Sprintf("p%03d", p), fmt.Sprintf("Projet %d", p), fmt.Sprintf("Programme %d", p/6), strconv.Itoa(p%6+1))
		}
	})
	if err != nil {
		return err
	}
	err = table("participations.csv", []string{"acteur", "projet"}, func(add func(...string)) {
		for p, ms := range members {
			for _, a := range ms {
				add(id(a), fmt.Sprintf("p%03d", p))
			}
		}
	})
	if err != nil {
		return err
	}
	types := []string{"partenariat", "financement", "appui technique"}
	seen := map[[2]int]bool{}
	return table("liens.csv", []string{"source", "cible", "type", "poids"}, func(add func(...string)) {
		for len(seen) < nLinks {
			a, b := rng.IntN(nActors), rng.IntN(nActors)
			if a == b || seen[[2]int{min(a, b), max(a, b)}] {
				continue
			}
			seen[[2]int{min(a, b), max(a, b)}] = true
			add(id(a), id(b), types[rng.IntN(len(types))], strconv.FormatFloat(float64(1+rng.IntN(8))/2, 'f', -1, 64))
		}
	})
}
