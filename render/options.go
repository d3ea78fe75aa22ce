package render

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/layout"
)

// View names what a map shows.
type View string

// Views of docs/maps.md.
const (
	// ViewNetwork shows every actor and every tie.
	ViewNetwork View = "network"
	// ViewEgo shows Options.Actor and its neighbours up to Options.Depth.
	ViewEgo View = "ego"
	// ViewProject shows the participants of Options.Project and every tie
	// among them (from any project or declared link).
	ViewProject View = "project"
	// ViewBipartite shows actors and projects as two kinds of nodes joined by
	// participations.
	ViewBipartite View = "bipartite"
	// ViewIsolated shows every actor, highlighting those that Input.Isolated
	// flags, and optionally dashed ties to their suggested partners.
	ViewIsolated View = "isolated"
)

// Views lists the views in documentation order.
var Views = []View{ViewNetwork, ViewEgo, ViewProject, ViewBipartite, ViewIsolated}

// Label counts with a special meaning for Options.Labels.
const (
	// LabelsDefault labels every actor of a view of at most 40 actors, and the
	// top 20 otherwise.
	LabelsDefault = 0
	// LabelsAll labels every actor.
	LabelsAll = -1
	// LabelsNone labels no actor.
	LabelsNone = -2
)

// Engines of Options.Engine.
const (
	// EngineAuto uses native Graphviz programs when they are on PATH, and the
	// embedded Graphviz otherwise. The environment variable ALLIANCES_GRAPHVIZ
	// set to "embedded" or "native" overrides it.
	EngineAuto = "auto"
	// EngineEmbedded always uses the Graphviz embedded in the binary.
	EngineEmbedded = "embedded"
	// EngineNative requires the native Graphviz programs.
	EngineNative = "native"
)

// EngineEnv is the environment variable that forces an engine when
// Options.Engine is "" or "auto".
const EngineEnv = "ALLIANCES_GRAPHVIZ"

// Options set what a map shows and how.
type Options struct {
	// View is the kind of map; "" means ViewNetwork.
	View View
	// Actor is the centre of the ego view.
	Actor string
	// Depth is the radius of the ego view; 0 means 1.
	Depth int
	// Project is the project of the project view.
	Project string
	// SizeBy is the JSON key of the metric that sets node areas, as in
	// analysis.ActorMetrics ("degree", "betweenness", "brokerage.liaison"…);
	// "" means "degree". Keys other than "degree" and "strength" need
	// Input.Metrics.
	SizeBy string
	// Labels is the number of actors labelled, the top ones by SizeBy (ties
	// broken by id); see LabelsDefault, LabelsAll and LabelsNone.
	Labels int
	// Cluster groups actors by "country" or "territory"; "" means no
	// clusters. Clustered maps are laid out with fdp.
	Cluster string
	// Title is printed above the map; "" gives a title naming the view.
	Title string
	// Caption is printed under the legend: data source, date (the command
	// line fills it). The counts of actors and ties and the seed are always
	// printed.
	Caption string
	// Seed seeds the layout (Graphviz start=seed).
	Seed int64
	// Suggestions adds to the isolated view dashed ties from each flagged
	// actor to its suggested partners.
	Suggestions bool
	// Engine is EngineAuto (or ""), EngineEmbedded or EngineNative.
	Engine string
	// Lang is the language of the legend: "en" (default) or "fr".
	Lang string
	// FullFrame draws the network and isolated views on the frame of the
	// whole Input.Layout rather than of the actors drawn, so that the maps
	// of several slices drawn at the positions of their union superpose.
	FullFrame bool
	// Component "main" keeps only the actors of the network's largest
	// connected component; "" keeps every component.
	Component string
	// MinDegree keeps only the actors with at least this many partners in
	// the network (the centre of an ego view is always kept).
	MinDegree int
	// ColourBy is "family" (the default) or "community": the Louvain
	// community of Input.Metrics, the ten largest of the network in
	// distinct colours and the others grey.
	ColourBy string
	// DPI is the resolution of PNG maps; 0 means 144 dpi for views of up
	// to 400 actors and 96 above. Either way no side of a PNG exceeds
	// MaxPixels: larger maps are scaled down.
	DPI int
	// Page is the paper of PDF maps: "a4" or "letter", the map scaled to
	// fit inside 1 cm margins, turned to landscape when it is wider than
	// tall; "" means one page of the map's own size (at most 200 inches).
	Page string
	// Date is the creation date written in PDF maps, the date of the map
	// (the commands give the date of the caption, --date); the zero time
	// means 1970-01-01 00:00:00 UTC (the Unix epoch, as reproducible builds
	// without a date of their own), a fixed date rather than the time of
	// drawing, so that the same map gives the same bytes.
	Date time.Time
	// OverviewAbove draws the view as an overview (OverviewActors actors,
	// OverviewTies ties each) when it has more actors than this, below
	// LargeActors: a map printed on a page (the report's) is readable up to
	// a few hundred actors. 0 means LargeActors.
	OverviewAbove int
}

// Input is what a map is drawn from. Network is required; Metrics sizes
// nodes by any metric; Isolated is required by the isolated view.
type Input struct {
	Network  *graph.Network
	Metrics  *analysis.Result
	Isolated *analysis.IsolatedResult
	// Layout places the actors of the network and isolated views: the
	// layout of Network, or of a larger network that holds it (the union
	// of the slices of "map --by", the whole store), so that every map
	// puts an actor at the same place. Nil means the layout of Network,
	// computed (uncached). An actor of Network or Ghosts that Layout does
	// not place is an error wrapping layout.ErrNotInLayout.
	Layout *layout.Layout
	// Ghosts are actors drawn faint, without names or ties, at their
	// positions in Layout: in "map --by", the actors that left.
	Ghosts []graph.Actor
	// Entered lists actors of Network drawn with a thick black outline:
	// in "map --by", the actors that entered with this slice.
	Entered []string
}

// Errors wrapped by DOT and Render.
var (
	ErrUnknownActor   = errors.New("unknown actor")
	ErrUnknownProject = errors.New("unknown project")
	ErrUnknownView    = errors.New("unknown view")
	ErrUnknownMetric  = errors.New("unknown metric")
	ErrBadOption      = errors.New("invalid map option")
	ErrMissingInput   = errors.New("missing input")
	ErrFormat         = errors.New("unsupported map format")
	ErrNoNative       = errors.New("native Graphviz not found")
	ErrGraphviz       = errors.New("graphviz failed")
)

// Formats lists the output formats.
var Formats = []string{"svg", "png", "pdf", "dot"}

// FormatFromPath returns the format named by the extension of path: "svg",
// "png", "pdf" or "dot" (".gv" is "dot"), case-insensitively.
func FormatFromPath(path string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), "."))
	switch ext {
	case "svg", "png", "pdf", "dot":
		return ext, nil
	case "gv":
		return "dot", nil
	}
	return "", fmt.Errorf("%w: %q (want .svg, .png, .pdf or .dot)", ErrFormat, filepath.Ext(path))
}

// normalized returns opts with defaults filled in, or an error wrapping
// ErrBadOption or ErrUnknownView.
func (opts Options) normalized() (Options, error) {
	if opts.View == "" {
		opts.View = ViewNetwork
	}
	known := false
	for _, v := range Views {
		known = known || v == opts.View
	}
	if !known {
		return opts, fmt.Errorf("%w: %q (want network, ego, project, bipartite or isolated)", ErrUnknownView, opts.View)
	}
	if opts.Depth == 0 {
		opts.Depth = 1
	}
	if opts.Depth < 0 {
		return opts, fmt.Errorf("%w: depth %d is negative", ErrBadOption, opts.Depth)
	}
	if opts.SizeBy == "" {
		opts.SizeBy = "degree"
	}
	if opts.Labels < LabelsNone {
		return opts, fmt.Errorf("%w: labels %d", ErrBadOption, opts.Labels)
	}
	switch opts.Cluster {
	case "", "country", "territory":
	default:
		return opts, fmt.Errorf("%w: cluster %q (want country or territory)", ErrBadOption, opts.Cluster)
	}
	switch opts.Lang {
	case "":
		opts.Lang = "en"
	case "en", "fr":
	default:
		return opts, fmt.Errorf("%w: language %q (want en or fr)", ErrBadOption, opts.Lang)
	}
	switch opts.Component {
	case "", "all", "main":
	default:
		return opts, fmt.Errorf("%w: component %q (want main)", ErrBadOption, opts.Component)
	}
	if opts.MinDegree < 0 {
		return opts, fmt.Errorf("%w: min-degree %d is negative", ErrBadOption, opts.MinDegree)
	}
	switch opts.ColourBy {
	case "":
		opts.ColourBy = "family"
	case "family", "community":
	default:
		return opts, fmt.Errorf("%w: colour-by %q (want family or community)", ErrBadOption, opts.ColourBy)
	}
	if opts.DPI != 0 && (opts.DPI < 36 || opts.DPI > 600) {
		return opts, fmt.Errorf("%w: dpi %d (want 36 to 600)", ErrBadOption, opts.DPI)
	}
	switch strings.ToLower(opts.Page) {
	case "", "a4", "letter":
		opts.Page = strings.ToLower(opts.Page)
	default:
		return opts, fmt.Errorf("%w: page %q (want a4 or letter)", ErrBadOption, opts.Page)
	}
	switch opts.Engine {
	case "", EngineAuto, EngineEmbedded, EngineNative:
	default:
		return opts, fmt.Errorf("%w: engine %q (want auto, embedded or native)", ErrBadOption, opts.Engine)
	}
	return opts, nil
}
