package ingest_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/alliances/alliances/ingest"
)

// writeExample writes the files of an example in a temporary directory and
// returns their paths.
func writeExample(files ...string) (dir string, paths []string) {
	dir, err := os.MkdirTemp("", "ingest-example")
	if err != nil {
		panic(err)
	}
	for i := 0; i+1 < len(files); i += 2 {
		p := filepath.Join(dir, files[i])
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			panic(err)
		}
		paths = append(paths, p)
	}
	return dir, paths
}

func ExampleRead() {
	dir, paths := writeExample(
		"acteurs.csv", "id;nom;famille;pays\n"+
			"cd44;Département de Loire-Atlantique;Conseil départemental;FR\n"+
			"eau-vive;Eau Vive;Association;MA\n"+
			"tifawin;Coopérative Tifawin;PME;MA\n",
		"liens.csv", "source;cible;type;poids\n"+
			"cd44;eau-vive;financement;2,5\n"+
			"eau-vive;tifawin;appui technique;\n",
	)
	defer os.RemoveAll(dir)

	res, err := ingest.Read(paths, ingest.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range res.Dataset.Actors {
		fmt.Printf("%s: %s (%s, %s)\n", a.ID, a.Name, a.Family, a.Country)
	}
	for _, l := range res.Dataset.Links {
		fmt.Printf("%s – %s: %s, weight %g, line %d\n", l.Source, l.Target, l.Type, l.Weight, l.Origin.Line)
	}
	for _, f := range res.Files {
		fmt.Println(filepath.Base(f.Path), f.Tables, f.Records, "records, delimiter", f.Delimiter)
	}
	// Output:
	// cd44: Département de Loire-Atlantique (collectivite, FR)
	// eau-vive: Eau Vive (association, MA)
	// tifawin: Coopérative Tifawin (entreprise, MA)
	// cd44 – eau-vive: financement, weight 2.5, line 2
	// eau-vive – tifawin: appui technique, weight 1, line 3
	// acteurs.csv [actors] 3 records, delimiter ;
	// liens.csv [links] 2 records, delimiter ;
}

func ExampleValidationError() {
	dir, paths := writeExample(
		"actors.csv", "id,name,family\nnantes,Ville de Nantes,municipality\nsolid,Solidarité,asociation\n",
		"links.csv", "source,target,weight\nnantes,solid,heavy\nnante,solid,1\n",
	)
	defer os.RemoveAll(dir)

	_, err := ingest.Read(paths, ingest.Options{})
	var ve *ingest.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s line %d column %d (%s): %v\n", filepath.Base(p.File), p.Line, p.Column, p.Field, p.Err)
		}
	}
	fmt.Println(errors.Is(err, ingest.ErrUnknownActor))
	// Output:
	// actors.csv line 3 column 3 (family): unknown family: "asociation"
	// links.csv line 2 column 3 (weight): bad value: "heavy" is not a number
	// links.csv line 3 column 1 (source): unknown actor: "nante"
	// true
}

func ExampleParseMappingFlag() {
	dir, paths := writeExample("partners.csv",
		"Programme;Acronym;Project Partner;Legal Status\n"+
			"Interreg A;WATER;City of Brest;public\n"+
			"Interreg A;WATER;Cornwall Council;public\n")
	defer os.RemoveAll(dir)

	m, err := ingest.ParseMappingFlag("actor=Project Partner,project={Programme}: {Acronym},family=Legal Status,family[public]=collectivite")
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := ingest.Read(paths, ingest.Options{Mapping: m})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range res.Dataset.Participations {
		fmt.Printf("%s in %q\n", p.Actor, p.Project)
	}
	for _, a := range res.Dataset.Actors {
		fmt.Println(a.ID, a.Family)
	}
	// Output:
	// City of Brest in "Interreg A: WATER"
	// Cornwall Council in "Interreg A: WATER"
	// City of Brest collectivite
	// Cornwall Council collectivite
}
