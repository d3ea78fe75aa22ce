package rendertest

import (
	"strconv"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
)

// smallActors is a hand-made network of decentralised cooperation between
// France, Senegal and Mali: id, name, family, level, country, territory.
// It has every built-in family, one extra family ("syndicat"), one actor
// without family or level, and a name with characters that DOT and HTML
// must escape.
const smallActors = `
nantes|Ville de Nantes|collectivite|local|FR|Loire-Atlantique
cd44|Conseil départemental de Loire-Atlantique|collectivite|regional|FR|Loire-Atlantique
paysloire|Région Pays de la Loire|collectivite|regional|FR|Pays de la Loire
dakar|Ville de Dakar|collectivite|local|SN|Dakar
stlouis|Commune de Saint-Louis|collectivite|local|SN|Saint-Louis
kayes|Conseil régional de Kayes|collectivite|regional|ML|Kayes
afd|Agence française de développement|institution|national|FR|
univnantes|Université de Nantes|institution|regional|FR|Loire-Atlantique
ucad|Université Cheikh Anta Diop|institution|national|SN|Dakar
unicef|UNICEF|institution|international|SN|Dakar
gret|GRET|ong|international|FR|
enda|ENDA Tiers Monde|ong|international|SN|Dakar
acf|Action contre la faim|ong|international|FR|
aides|AIDES Kayes|ong|local|ML|Kayes
femmes|Association des femmes de Guet Ndar|association|local|SN|Saint-Louis
jeunes|Jeunesse & Avenir "Dakar"|association|local|SN|Dakar
handi|Handicap Solidarité 44|association|regional|FR|Loire-Atlantique
migr|Association des migrants de Kayes|association|local|FR|Loire-Atlantique
theatre|Compagnie <Théâtre> du Fleuve|association|local|SN|Saint-Louis
peche|Coopérative des pêcheurs|entreprise|local|SN|Saint-Louis
solar|SolarSen SARL|entreprise|national|SN|Dakar
veolia|Eau Services SA|entreprise|international|FR|
microf|Microfinance Kayes|entreprise|regional|ML|Kayes
cci|Chambre de commerce de Nantes|institution|regional|FR|Loire-Atlantique
synd|Syndicat des maraîchers|syndicat|local|SN|Saint-Louis
radio|Radio communautaire de Kayes|autre|local|ML|Kayes
lycee|Lycée technique de Saint-Louis|institution|local|SN|Saint-Louis
eglise|Paroisse Saint-Pierre|autre|local|FR|Loire-Atlantique
isole|Collectif isolé||||
ermite|Ferme-école Ndiaye|association|local|SN|Saint-Louis
`

// smallLinks are declared links: source, target, type, weight.
const smallLinks = `
nantes|dakar|agreement|3
nantes|cd44|funding|2
cd44|kayes|agreement|2
paysloire|stlouis|agreement|2
afd|cd44|funding|1
afd|paysloire|funding|1
afd|gret|funding|2
gret|enda|technical support|2
enda|jeunes|partnership|1
enda|femmes|partnership|1
dakar|ucad|partnership|1
univnantes|ucad|partnership|2
univnantes|nantes|partnership|1
unicef|enda|funding|1
acf|aides|partnership|1
aides|kayes|partnership|1
migr|kayes|partnership|2
migr|nantes|partnership|1
handi|nantes|partnership|1
handi|femmes|technical support|1
theatre|stlouis|partnership|1
peche|stlouis|partnership|1
solar|dakar|partnership|1
veolia|dakar|technical support|1
veolia|afd|funding|1
microf|kayes|partnership|1
microf|aides|partnership|1
cci|nantes|membership|1
cci|solar|partnership|1
synd|peche|partnership|1
radio|kayes|partnership|1
lycee|stlouis|partnership|1
eglise|nantes|partnership|1
`

// smallProjects: id, name, participants (first is the lead).
const smallProjects = `
eau|Eau potable à Saint-Louis|stlouis,paysloire,veolia,peche
jeunesse|Jeunesse et emploi à Dakar|dakar,nantes,jeunes,enda,solar
kayes|Santé et inclusion à Kayes|kayes,cd44,aides,acf,microf,migr
`

// Small returns a hand-made network of 30 actors, its metrics (only degree
// and betweenness are filled, with made-up betweenness values) and its
// isolated actors with suggestions. The network is for tests of maps, not of
// metrics.
func Small() (*graph.Network, *analysis.Result, *analysis.IsolatedResult) {
	d := &graph.Dataset{}
	for _, line := range lines(smallActors) {
		f := strings.Split(line, "|")
		d.Actors = append(d.Actors, graph.Actor{ID: f[0], Name: f[1], Family: f[2], Level: f[3], Country: f[4], Territory: f[5]})
	}
	for _, line := range lines(smallLinks) {
		f := strings.Split(line, "|")
		w, _ := strconv.ParseFloat(f[3], 64)
		d.Links = append(d.Links, graph.Link{Source: f[0], Target: f[1], Type: f[2], Weight: w})
	}
	for _, line := range lines(smallProjects) {
		f := strings.Split(line, "|")
		d.Projects = append(d.Projects, graph.Project{ID: f[0], Name: f[1], Programme: "Coopération décentralisée"})
		for i, a := range strings.Split(f[2], ",") {
			role := "partner"
			if i == 0 {
				role = "lead"
			}
			d.Participations = append(d.Participations, graph.Participation{Actor: a, Project: f[0], Role: role})
		}
	}
	d.Sort()
	net := graph.NewNetwork(d)

	res := &analysis.Result{}
	deg := make(map[string]int)
	for _, t := range net.Ties {
		deg[t.A]++
		deg[t.B]++
	}
	for i, a := range net.Actors {
		res.Actors = append(res.Actors, analysis.ActorMetrics{
			ID: a.ID, Name: a.Name, Family: a.Family, Degree: deg[a.ID],
			Betweenness: analysis.Num(float64(deg[a.ID]*deg[a.ID]%17) / 17),
			Closeness:   analysis.Undefined,
			Brokerage:   analysis.Brokerage{Liaison: i % 4},
		})
	}
	iso := &analysis.IsolatedResult{Actors: []analysis.IsolatedActor{
		{ID: "ermite", Name: "Ferme-école Ndiaye", Family: "association", Reasons: []string{analysis.ReasonIsolate},
			Suggestions: []analysis.Suggestion{
				{ID: "stlouis", Name: "Commune de Saint-Louis", Family: "collectivite", Score: 0.8, Why: "local authority of the same territory"},
				{ID: "synd", Name: "Syndicat des maraîchers", Family: "syndicat", Score: 0.5, Why: "same territory"},
			}},
		{ID: "isole", Name: "Collectif isolé", Reasons: []string{analysis.ReasonIsolate}},
		{ID: "radio", Name: "Radio communautaire de Kayes", Family: "autre", Reasons: []string{analysis.ReasonPendant},
			Suggestions: []analysis.Suggestion{{ID: "aides", Name: "AIDES Kayes", Family: "ong", Score: 0.6, Why: "same territory; common partner Conseil régional de Kayes"}}},
		{ID: "synd", Name: "Syndicat des maraîchers", Family: "syndicat", Reasons: []string{analysis.ReasonPendant, analysis.ReasonSingleFamily, analysis.ReasonBrokerDependent}},
	}}
	return net, res, iso
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
