package explore

import (
	"embed"
	"io/fs"
	"net/http"
)

// The page and everything it loads: index.html, app.css, the bundle app.js
// built from web/ (docs/explorer.md, "Building the page") and the licences of
// the libraries it bundles.
//
//go:embed assets
var assets embed.FS

// assetHandler serves the embedded assets; "/" is the page.
func assetHandler() http.Handler {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded tree always has assets/
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
