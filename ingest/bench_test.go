package ingest

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// writeLinksFile writes a links CSV of n ties among n/100 actors (and the
// actors table), as a large hand-made or exported network would be.
func writeLinksFile(b *testing.B, n int) (actors, links string) {
	b.Helper()
	dir := b.TempDir()
	nActors := max(n/100, 2)
	actors = filepath.Join(dir, "actors.csv")
	links = filepath.Join(dir, "links.csv")
	fa, _ := os.Create(actors)
	wa := bufio.NewWriter(fa)
	fmt.Fprintln(wa, "id;nom;famille;pays")
	fams := []string{"ong", "association", "collectivité", "entreprise", "institution"}
	for i := 0; i < nActors; i++ {
		fmt.Fprintf(wa, "a%d;Acteur numéro %d;%s;FR\n", i, i, fams[i%len(fams)])
	}
	wa.Flush()
	fa.Close()
	fl, _ := os.Create(links)
	wl := bufio.NewWriter(fl)
	fmt.Fprintln(wl, "source;cible;type;poids;début")
	// A deterministic pseudo-random sequence of distinct pairs.
	x := uint64(88172645463325252)
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s := i % nActors
		t := int(x % uint64(nActors))
		if t == s {
			t = (t + 1) % nActors
		}
		fmt.Fprintf(wl, "a%d;a%d;partenariat %d;%d,5;%d\n", s, t, i, 1+i%4, 2000+i%20)
	}
	wl.Flush()
	fl.Close()
	return actors, links
}

func benchmarkReadLinks(b *testing.B, n int) {
	actors, links := writeLinksFile(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := Read([]string{actors, links}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Dataset.Links) != n {
			b.Fatalf("%d links, want %d", len(res.Dataset.Links), n)
		}
	}
}

func BenchmarkReadLinks10k(b *testing.B) { benchmarkReadLinks(b, 10_000) }
func BenchmarkReadLinks1M(b *testing.B)  { benchmarkReadLinks(b, 1_000_000) }

// BenchmarkBaselineCSV1M only splits the same files into records with
// encoding/csv, without recognition, validation or records: the ratio
// ReadLinks1M / BaselineCSV1M is the cost of ingest over the bare parser.
func BenchmarkBaselineCSV1M(b *testing.B) {
	actors, links := writeLinksFile(b, 1_000_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, p := range []string{actors, links} {
			f, err := os.Open(p)
			if err != nil {
				b.Fatal(err)
			}
			r := csv.NewReader(bufio.NewReader(f))
			r.Comma = ';'
			r.ReuseRecord = true
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				n++
			}
			f.Close()
		}
		if n != 1_000_000+10_000+2 {
			b.Fatalf("%d records", n)
		}
	}
}

// datasetsDir is where the real data sets of docs/datasets.md live:
// $ALLIANCES_DATASETS, else shared/datasets beside the repository (or beside
// the directory of a worktree); the benchmarks that read them skip when they
// are absent.
func datasetsDir() string {
	if d := os.Getenv("ALLIANCES_DATASETS"); d != "" {
		return d
	}
	for _, d := range []string{"../../shared/datasets", "../../../shared/datasets"} {
		if _, err := os.Stat(d); err == nil {
			return d
		}
	}
	return "../../shared/datasets"
}

// BenchmarkReadH2020 reads the 144,726 CORDIS H2020 participations and the
// 37,441 programme parts with the mapping of examples/mappings/h2020.map.
func BenchmarkReadH2020(b *testing.B) {
	data := filepath.Join(datasetsDir(), "h2020-participations", "h2020.csv.gz")
	parts := filepath.Join(datasetsDir(), "h2020-participations", "programme_parts.csv.gz")
	if _, err := os.Stat(data); err != nil {
		b.Skip("H2020 data set not found; set ALLIANCES_DATASETS")
	}
	m, err := LoadMapping("../examples/mappings/h2020.map")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := Read([]string{data, parts}, Options{Mapping: m})
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Dataset.Participations) != 144726 {
			b.Fatalf("%d participations", len(res.Dataset.Participations))
		}
	}
}
