// Package analysis computes the metrics of docs/metrics.md on a cooperation
// network: centrality, complementarity of actor families, brokerage, structural
// holes, communities, and isolated actors with suggested partners.
package analysis
