// Package analysis computes the metrics of SPEC §4 and §5 on a cooperation
// network: centrality, complementarity of actor families, brokerage, structural
// holes, communities, and isolated actors with suggested partners.
package analysis
