package report

import (
	_ "embed"
	"html/template"
	"io"
)

//go:embed report.html.tmpl
var htmlSource string

//go:embed report.css
var cssSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	// css returns the style sheet, written by us, for the <style> element.
	"css": func() template.CSS { return template.CSS(cssSource) },
	"add": func(a, b int) int { return a + b },
	// isnum reports whether column j holds numbers.
	"isnum": func(num []bool, j int) bool { return j < len(num) && num[j] },
}).Parse(htmlSource))

// writeHTML writes d as a self-contained HTML page. Every text goes through
// html/template's contextual escaping; only the SVG of the maps, produced by
// package render and checked by inlineSVG, is inserted as HTML.
func writeHTML(w io.Writer, d *document) error {
	return htmlTemplate.Execute(w, d)
}
