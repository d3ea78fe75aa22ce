package report

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/layout"
	"github.com/alliances/alliances/render"
)

// mapFigure is a rendered map: its SVG and PNG bytes, written to
// maps/NAME.svg and maps/NAME.png, and shown as a figure in the report.
type mapFigure struct {
	Name    string
	Title   string
	Caption string
	SVG     []byte
	PNG     []byte
	// Inline is the SVG prepared for inclusion in the HTML page.
	Inline template.HTML
}

// mapSpec describes one map of the report.
type mapSpec struct {
	name, title, caption string
	opts                 render.Options
}

// mapSpecs lists the maps of the report: the whole network, the isolated
// view with suggestions (when isolation was run and flags someone), and the
// ego network of the top broker (when some actor brokers).
func mapSpecs(in Input, opts Options, l lang) []mapSpec {
	caption := l.Date(opts.Date)
	if in.Source != "" {
		caption = in.Source + " · " + caption
	}
	if sl := in.Network.Slice; sl != nil {
		caption = sl.Filters.Slice().Text(l.code) + " · " + caption
	}
	base := render.Options{Seed: opts.Seed, Engine: opts.Engine, Lang: l.code, Caption: caption}
	var specs []mapSpec
	o := base
	o.View, o.Title = render.ViewNetwork, l.T("map.network")
	specs = append(specs, mapSpec{"network", l.T("map.network"), l.T("map.network.cap"), o})
	if in.Metrics.Network.Communities >= 2 {
		o := base
		o.View, o.Title, o.ColourBy = render.ViewNetwork, l.T("map.communities"), "community"
		specs = append(specs, mapSpec{"communities", o.Title, l.T("map.communities.cap"), o})
	}
	if in.Isolated != nil && len(in.Isolated.Actors) > 0 {
		o := base
		o.View, o.Title, o.Suggestions = render.ViewIsolated, l.T("map.isolated"), true
		specs = append(specs, mapSpec{"isolated", l.T("map.isolated"), l.T("map.isolated.cap"), o})
	}
	if brokers, _ := analysis.TopActors(in.Metrics.Actors, 1, func(a analysis.ActorMetrics) float64 {
		return float64(brokerageTotal(a.Brokerage))
	}, false, 0); len(brokers) > 0 && brokerageTotal(brokers[0].Brokerage) > 0 {
		a := brokers[0]
		name := a.Name
		if name == "" {
			name = a.ID
		}
		o := base
		o.View, o.Actor, o.Depth, o.SizeBy, o.Labels = render.ViewEgo, a.ID, 1, "betweenness", render.LabelsAll
		o.Title = l.F("map.ego", name)
		specs = append(specs, mapSpec{"ego-top-broker", o.Title, l.T("map.ego.cap"), o})
	}
	return specs
}

// renderMaps renders every map of the report as SVG and PNG.
func renderMaps(ctx context.Context, in Input, opts Options, l lang, step func(string)) ([]*mapFigure, error) {
	rin := render.Input{Network: in.Network, Metrics: in.Metrics, Isolated: in.Isolated}
	// The network and isolated maps share one layout.
	step("maps: layout")
	lay, err := layout.UserCache().Layout(ctx, in.Network, layout.Options{Seed: opts.Seed})
	if err != nil {
		return nil, fmt.Errorf("report: map layout: %w", err)
	}
	rin.Layout = lay
	var figs []*mapFigure
	for i, s := range mapSpecs(in, opts, l) {
		step("maps: " + s.name)
		var svg, png bytes.Buffer
		if err := render.Render(ctx, &svg, "svg", rin, s.opts); err != nil {
			return nil, fmt.Errorf("report: map %s: %w", s.name, err)
		}
		if err := render.Render(ctx, &png, "png", rin, s.opts); err != nil {
			return nil, fmt.Errorf("report: map %s: %w", s.name, err)
		}
		f := &mapFigure{Name: s.name, Title: s.title, Caption: s.caption, SVG: svg.Bytes(), PNG: png.Bytes()}
		f.Inline = inlineSVG(f.SVG, fmt.Sprintf("m%d-", i+1), s.title)
		figs = append(figs, f)
	}
	return figs, nil
}

var (
	reSVGStart = regexp.MustCompile(`(?s)<svg\b[^>]*>`)
	reDimAttr  = regexp.MustCompile(`\s(width|height)="[^"]*"`)
)

// inlineSVG prepares an SVG document for inclusion in the HTML page: the XML
// prolog and doctype are dropped, the fixed width and height of the root
// element are removed so that the map scales to the page width (the viewBox
// keeps the proportions), and element ids get prefix so that the ids of
// several maps do not collide. An SVG that holds anything active (scripts,
// event handlers, foreign objects, links to other documents) is not inlined
// but embedded as an image, in which browsers run nothing.
func inlineSVG(svg []byte, prefix, title string) template.HTML {
	if !safeSVG(svg) {
		return template.HTML(`<img class="map" alt="` + template.HTMLEscapeString(title) +
			`" src="data:image/svg+xml;base64,` + base64.StdEncoding.EncodeToString(svg) + `">`)
	}
	s := string(svg)
	loc := reSVGStart.FindStringIndex(s)
	if loc == nil {
		return ""
	}
	root := reDimAttr.ReplaceAllString(s[loc[0]:loc[1]], "")
	root = strings.Replace(root, "<svg", `<svg class="map" role="img" aria-label="`+template.HTMLEscapeString(title)+`"`, 1)
	body := idPrefixer(prefix).Replace(s[loc[1]:])
	return template.HTML(root + strings.TrimRight(body, "\n") + "\n")
}

// idPrefixer puts prefix before every id of an SVG body and every reference
// to one: id="…" after any white space, url(#…), href="#…" and
// xlink:href="#…". One pass of literal patterns (a map of 30,000 ties is
// 10 MB; regular expressions took seconds).
func idPrefixer(prefix string) *strings.Replacer {
	pairs := []string{"url(#", "url(#" + prefix}
	for _, sp := range []string{" ", "\n", "\t", "\r"} {
		pairs = append(pairs,
			sp+`id="`, sp+`id="`+prefix,
			sp+`href="#`, sp+`href="#`+prefix,
			sp+`xlink:href="#`, sp+`xlink:href="#`+prefix)
	}
	return strings.NewReplacer(pairs...)
}

// safeSVG reports whether svg is well-formed XML with no script, no event
// handler attribute, no foreign object and no reference outside the document.
func safeSVG(svg []byte) bool {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	root := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return root
		}
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if name == "svg" {
				root = true
			}
			if name == "script" || name == "foreignobject" || name == "iframe" || name == "object" || name == "embed" {
				return false
			}
			for _, a := range t.Attr {
				an := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(an, "on") {
					return false
				}
				if (an == "href" || an == "src") && !strings.HasPrefix(strings.TrimSpace(a.Value), "#") {
					return false
				}
				if strings.Contains(strings.ToLower(a.Value), "url(") && !strings.Contains(a.Value, "url(#") {
					return false
				}
			}
		case xml.Directive, xml.ProcInst, xml.Comment, xml.CharData:
		}
	}
}
