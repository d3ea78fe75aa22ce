// Package examples embeds the bundled example data sets, so that
// "alliances demo" works from the binary alone.
package examples

import "embed"

// LoireSouss is the illustrative Loire-Atlantique – Souss-Massa cooperation
// data set (see loire-souss/SOURCE.md): acteurs.csv, projets.csv,
// participations.csv, liens.csv.
//
//go:embed loire-souss/*.csv loire-souss/SOURCE.md
var LoireSouss embed.FS
