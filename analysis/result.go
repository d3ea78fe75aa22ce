package analysis

import (
	"encoding/json"
	"math"
	"strconv"
)

// Num is a metric value that marshals NaN and ±Inf as JSON null: an undefined
// value (docs/metrics.md), such as the constraint of an actor without ties.
type Num float64

// Undefined is the Num of an undefined value.
var Undefined = Num(math.NaN())

// Defined reports whether n is a finite number.
func (n Num) Defined() bool { return !math.IsNaN(float64(n)) && !math.IsInf(float64(n), 0) }

// String writes n in machine form: the shortest text that reads back exactly
// (0.5, 3, 1e-07), or "" when n is undefined. CSV tables and graph-file
// attributes use it.
func (n Num) String() string {
	if !n.Defined() {
		return ""
	}
	return strconv.FormatFloat(float64(n), 'g', -1, 64)
}

// MarshalJSON writes n as a JSON number, or null when it is undefined.
func (n Num) MarshalJSON() ([]byte, error) {
	if !n.Defined() {
		return []byte("null"), nil
	}
	return json.Marshal(float64(n))
}

// UnmarshalJSON reads a JSON number, or null as Undefined.
func (n *Num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = Undefined
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*n = Num(f)
	return nil
}

// Options set how the network is analysed.
type Options struct {
	// Weighted makes path-based metrics use distance = 1/weight and eigenvector,
	// PageRank, clustering, constraint and effective size use weights (docs/metrics.md).
	Weighted bool
	// Seed seeds Louvain and any sampling.
	Seed int64
	// ExactLimit is the number of actors above which unweighted betweenness is
	// estimated by sampling shortest paths between random pairs
	// (Riondato–Kornaropoulos); 0 means DefaultExactLimit. Weighted
	// betweenness is always exact.
	ExactLimit int
	// Workers bounds the goroutines of the parallel kernels; 0 means GOMAXPROCS.
	Workers int
}

// Result is the output of Analyze, in the JSON shape of docs/metrics.md.
type Result struct {
	Actors     []ActorMetrics   `json:"actors"`
	Network    NetworkMetrics   `json:"network"`
	Projects   []ProjectMetrics `json:"projects"`
	Parameters Parameters       `json:"parameters"`
}

// Parameters records how a Result was computed, for reproducibility.
type Parameters struct {
	Weighted bool  `json:"weighted"`
	Seed     int64 `json:"seed"`
	// Betweenness is "exact" or "sampled"; when sampled, Samples sources were
	// used and ErrorBound bounds the absolute error of every normalized value
	// with probability 1 − Delta.
	Betweenness string  `json:"betweenness"`
	Samples     int     `json:"betweenness_samples,omitempty"`
	ErrorBound  float64 `json:"betweenness_error_bound,omitempty"`
	Delta       float64 `json:"betweenness_error_delta,omitempty"`
}

// ActorMetrics are the per-actor metrics of docs/metrics.md.
type ActorMetrics struct {
	ID               string    `json:"id"`
	Name             string    `json:"name"`
	Family           string    `json:"family"`
	Degree           int       `json:"degree"`
	Strength         Num       `json:"strength"`
	Betweenness      Num       `json:"betweenness"`
	Closeness        Num       `json:"closeness"`
	Harmonic         Num       `json:"harmonic"`
	Eigenvector      Num       `json:"eigenvector"`
	PageRank         Num       `json:"pagerank"`
	Core             int       `json:"core"`
	Clustering       Num       `json:"clustering"`
	Constraint       Num       `json:"constraint"`
	EffectiveSize    Num       `json:"effective_size"`
	EIIndex          Num       `json:"ei_index"`
	PartnerDiversity Num       `json:"partner_diversity"`
	Brokerage        Brokerage `json:"brokerage"`
	Community        int       `json:"community"`
}

// Brokerage counts the Gould–Fernandez brokerage roles of an actor.
type Brokerage struct {
	Coordinator    int `json:"coordinator"`
	Itinerant      int `json:"itinerant"`
	Representative int `json:"representative"`
	Gatekeeper     int `json:"gatekeeper"`
	Liaison        int `json:"liaison"`
}

// NetworkMetrics are the whole-network metrics of docs/metrics.md.
type NetworkMetrics struct {
	Actors                    int       `json:"actors"`
	Ties                      int       `json:"ties"`
	Density                   Num       `json:"density"`
	Components                int       `json:"components"`
	LargestComponentShare     Num       `json:"largest_component_share"`
	Transitivity              Num       `json:"transitivity"`
	AverageClustering         Num       `json:"average_clustering"`
	DegreeCentralization      Num       `json:"degree_centralization"`
	BetweennessCentralization Num       `json:"betweenness_centralization"`
	DegreeAssortativity       Num       `json:"degree_assortativity"`
	FamilyAssortativity       Num       `json:"family_assortativity"`
	EIIndex                   EIByGroup `json:"ei_index"`
	Modularity                Num       `json:"modularity"`
	Communities               int       `json:"communities"`
}

// EIByGroup is the E-I index of the whole network and of each family.
type EIByGroup struct {
	Network  Num            `json:"network"`
	Families map[string]Num `json:"families"`
}

// ProjectMetrics describe one project as an alliance (docs/metrics.md, per project).
type ProjectMetrics struct {
	ID              string   `json:"id"`
	Name            string   `json:"name"`
	Programme       string   `json:"programme,omitempty"`
	Phase           int      `json:"phase,omitempty"`
	Actors          int      `json:"actors"`
	Families        []string `json:"families"`
	FamilyCoverage  Num      `json:"family_coverage"`
	MissingFamilies []string `json:"missing_families"`
	Levels          []string `json:"levels"`
	Countries       []string `json:"countries"`
}

// IsolationOptions set how isolated actors are detected and helped.
type IsolationOptions struct {
	// Suggest is the maximum number of suggested partners per flagged actor.
	Suggest int
}

// Isolation reasons (docs/metrics.md).
const (
	ReasonIsolate         = "isolate"
	ReasonPendant         = "pendant"
	ReasonOutsideMain     = "outside_main_component"
	ReasonSingleFamily    = "single_family"
	ReasonBrokerDependent = "broker_dependent"
)

// IsolatedResult is the output of Isolated, in the JSON shape of docs/metrics.md.
type IsolatedResult struct {
	Actors []IsolatedActor `json:"actors"`
}

// IsolatedActor is an actor flagged by at least one reason.
type IsolatedActor struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Family      string       `json:"family"`
	Reasons     []string     `json:"reasons"`
	Suggestions []Suggestion `json:"suggestions"`
}

// Suggestion is a partner that a flagged actor has no tie with, scored and
// explained.
type Suggestion struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Family string  `json:"family"`
	Score  float64 `json:"score"`
	Why    string  `json:"why"`
}
