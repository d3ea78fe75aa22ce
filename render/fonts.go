package render

import _ "embed"

// The fonts of PNG and PDF maps: Liberation Sans 2.1.5 (SIL Open Font
// License 1.1, render/fonts/LICENSE), metric-compatible with Helvetica, the
// font in which Graphviz measures the text of the maps, and the first font
// SVG maps ask for (svgFontFamily). So PNG, PDF and SVG maps look alike.
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	sansRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	sansBold []byte
)

// fontName is the font the DOT source of maps names: the embedded Graphviz
// measures it with its Helvetica metrics, the native Graphviz with the
// installed Liberation Sans (or the font fontconfig substitutes).
const fontName = "Liberation Sans"

// svgFontFamily is the font-family of the text of SVG maps: Liberation Sans
// when the viewer has it, else the fonts it is metric-compatible with.
const svgFontFamily = "Liberation Sans, Helvetica, Arial, sans-serif"

// pdfFontFamily is the family under which PDF maps embed Liberation Sans;
// its fonts are named utf8liberationsans and utf8liberationsansB in the file.
const pdfFontFamily = "LiberationSans"
