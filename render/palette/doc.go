// Package palette gives actor families their colours, the same on the maps
// of package render and in the graph files of package export.
package palette
