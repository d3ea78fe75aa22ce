package report_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/report"
)

// A report in French on a network of four actors, without maps: the files
// written, and the overview sentence with French number formats (decimal
// comma, narrow no-break space before %).
func ExampleWrite() {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "nantes", Name: "Ville de Nantes", Family: "collectivite", Country: "FR"},
			{ID: "asso", Name: "Association Horizons", Family: "association", Country: "MA"},
			{ID: "ong", Name: "ONG Atlas", Family: "ong", Country: "MA"},
			{ID: "sarl", Name: "Agadir SARL", Family: "entreprise", Country: "MA"},
		},
		Projects:       []graph.Project{{ID: "p1", Name: "Eau potable"}},
		Participations: []graph.Participation{{Actor: "nantes", Project: "p1"}, {Actor: "asso", Project: "p1"}, {Actor: "ong", Project: "p1"}},
	}
	net := graph.NewNetwork(d)
	metrics, err := analysis.Analyze(net, analysis.Options{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	dir, err := os.MkdirTemp("", "report-example-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)

	paths, err := report.Write(context.Background(), dir, report.Input{
		Network:  net,
		Metrics:  metrics,
		Isolated: analysis.Isolated(net, analysis.IsolationOptions{Suggest: 1}),
	}, report.Options{Lang: "fr", Date: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC), NoMaps: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		fmt.Println(filepath.ToSlash(rel))
	}
	f, err := os.Open(filepath.Join(dir, "report.md"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "Le réseau relie") {
			fmt.Println(sc.Text())
		}
	}
	// Output:
	// report.html
	// report.md
	// tables/actors.csv
	// tables/analysis.json
	// tables/ei-test.csv
	// tables/families.csv
	// tables/inputs.csv
	// tables/isolated.csv
	// tables/isolated.json
	// tables/network.csv
	// tables/network.json
	// tables/projects.csv
	// tables/projects.json
	// tables/tables.xlsx
	// tables/warnings.csv
	// Le réseau relie 4 acteurs par 3 liens (densité 0,500). Il compte 2 composantes connexes ; la plus grande rassemble 75,0 % des acteurs. La détection de communautés en trouve 2.
}
