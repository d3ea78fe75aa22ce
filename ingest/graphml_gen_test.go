package ingest

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// byteSource turns fuzz input into choices; it yields zeros once exhausted.
type byteSource struct {
	b []byte
}

func (s *byteSource) intn(n int) int {
	if n <= 1 {
		return 0
	}
	if len(s.b) == 0 {
		return 0
	}
	v := int(s.b[0])
	s.b = s.b[1:]
	return v % n
}

// pieces are the fragments random strings are made of: accents, scripts,
// emoji, XML and CSV metacharacters, spaces and line breaks.
var pieces = []string{"a", "Mairie", "é", "ç", "ß", "中文", "🙂", "Ω", " ", "&", "<", ">", "\"", "'",
	";", ",", "|", ":", "\t", "\n", "\r\n", "x", "Z", "0", "1.5", "-", "_", "attr:", "project:", "[", "]"}

func (s *byteSource) text(max int) string {
	var b strings.Builder
	for n := s.intn(max + 1); n > 0; n-- {
		b.WriteString(pieces[s.intn(len(pieces))])
	}
	return b.String()
}

// id returns a non-blank identifier, unique among used.
func (s *byteSource) id(prefix string, used map[string]bool) string {
	for i := 0; ; i++ {
		id := s.text(3)
		if strings.TrimSpace(id) == "" || i > 3 {
			id = fmt.Sprintf("%s%d%s", prefix, len(used), id)
		}
		if !used[id] && strings.TrimSpace(id) != "" {
			used[id] = true
			return id
		}
	}
}

// attrNames include names that clash with fields once normalized.
var attrNames = []string{"website", "Famille", "family", "label", "kind", "attr:x", "degree", "type",
	"Début", "année", "note libre", "id", "", "name", "programme", "x"}

func (s *byteSource) attrs() map[string]string {
	n := s.intn(4)
	if n == 0 {
		return nil
	}
	m := map[string]string{}
	for ; n > 0; n-- {
		m[attrNames[s.intn(len(attrNames))]] = s.text(3)
	}
	return m
}

func (s *byteSource) subset(vocab []string) []string {
	var out []string
	for _, v := range vocab {
		if s.intn(2) == 1 {
			out = append(out, v)
		}
	}
	return out
}

// randomDataset builds a valid Dataset from fuzz input: unique ids, links
// between known actors, unique link keys and participations.
func randomDataset(data []byte) *graph.Dataset {
	s := &byteSource{b: data}
	d := &graph.Dataset{}
	used := map[string]bool{}
	for n := s.intn(7); n > 0; n-- {
		d.Actors = append(d.Actors, graph.Actor{
			ID: s.id("A", used), Name: s.text(3), Family: []string{"", "ong", "collectivite", "association", "réseau"}[s.intn(5)],
			Country: []string{"", "FR", "SN", "BF"}[s.intn(4)], Territory: s.text(2),
			Level: []string{"", "local", "national"}[s.intn(3)], Attrs: s.attrs(),
		})
	}
	usedP := map[string]bool{}
	for n := s.intn(4); n > 0; n-- {
		d.Projects = append(d.Projects, graph.Project{
			ID: s.id("P", usedP), Name: s.text(3), Programme: s.text(2), Phase: s.intn(4),
			Start: []string{"", "2019", "2021-03-01"}[s.intn(3)], End: []string{"", "2024"}[s.intn(2)],
			Dimensions: s.subset([]string{"development", "local", "sustainable", "inclusive"}),
			Targets:    s.subset([]string{"youth", "women", "disability", "precarity"}),
			Territory:  s.text(2), Attrs: s.attrs(),
		})
	}
	if len(d.Actors) > 0 {
		keys := map[string]bool{}
		for n := s.intn(10); n > 0; n-- {
			l := graph.Link{
				Source: d.Actors[s.intn(len(d.Actors))].ID, Target: d.Actors[s.intn(len(d.Actors))].ID,
				Type:     []string{"", "partnership", "funding", "participation", "appui technique"}[s.intn(5)],
				Weight:   []float64{1, 0.5, 2.25, 1e-7, 3, 0.1, 1234.5678}[s.intn(7)],
				Directed: s.intn(2) == 1, Start: []string{"", "2020"}[s.intn(2)], End: []string{"", "2022-12"}[s.intn(2)],
			}
			if !keys[l.Key()] {
				keys[l.Key()] = true
				d.Links = append(d.Links, l)
			}
		}
		if len(d.Projects) > 0 {
			keys := map[string]bool{}
			for n := s.intn(8); n > 0; n-- {
				p := graph.Participation{
					Actor: d.Actors[s.intn(len(d.Actors))].ID, Project: d.Projects[s.intn(len(d.Projects))].ID,
					Role:  []string{"", "lead", "partner", "chef de file"}[s.intn(4)],
					Start: []string{"", "2021"}[s.intn(2)], End: []string{"", "2023"}[s.intn(2)],
				}
				if !keys[p.Key()] {
					keys[p.Key()] = true
					d.Participations = append(d.Participations, p)
				}
			}
		}
	}
	d.Sort()
	return d
}

// randomMetrics gives every actor of d metric values, some undefined.
func randomMetrics(d *graph.Dataset) *analysis.Result {
	r := &analysis.Result{}
	for i, a := range d.Actors {
		m := analysis.ActorMetrics{ID: a.ID, Name: a.Name, Family: a.Family, Degree: i,
			Strength: analysis.Num(float64(i) + 0.5), Betweenness: analysis.Num(0.1 * float64(i)),
			Closeness: analysis.Undefined, Community: i % 2}
		m.Brokerage.Liaison = i
		r.Actors = append(r.Actors, m)
	}
	return r
}

// sameDataset fails t when got and want differ modulo provenance.
func sameDataset(t *testing.T, got, want *graph.Dataset) {
	t.Helper()
	g, w := storetest.WithoutOrigin(got), storetest.WithoutOrigin(want)
	if reflect.DeepEqual(g, w) {
		return
	}
	t.Errorf("datasets differ:\n got %+v\nwant %+v", g, w)
}

// checkOrigins fails t unless every record of d has file as its origin and a
// line within the file.
func checkOrigins(t *testing.T, d *graph.Dataset, file string, lines int) {
	t.Helper()
	check := func(what string, o graph.Provenance) {
		if o.File != file || o.Line < 1 || o.Line > lines {
			t.Errorf("%s: origin %+v, want %s:1..%d", what, o, file, lines)
		}
	}
	for _, a := range d.Actors {
		check("actor "+a.ID, a.Origin)
	}
	for _, l := range d.Links {
		check("link "+l.Source+"-"+l.Target, l.Origin)
	}
	for _, p := range d.Projects {
		check("project "+p.ID, p.Origin)
	}
	for _, p := range d.Participations {
		check("participation "+p.Actor+"/"+p.Project, p.Origin)
	}
}

// roundTripSeeds are fuzz seeds that exercise every kind of record: fixed
// pseudo-random bytes (TestRoundTripSeedsAreRich checks what they produce).
var roundTripSeeds = func() [][]byte {
	seeds := [][]byte{nil, []byte("\x01\x01")}
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{64, 400, 1000, 1000} {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		seeds = append(seeds, b)
	}
	return seeds
}()
