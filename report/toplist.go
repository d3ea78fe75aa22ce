package report

// maxTiedExtra bounds the actors added to a top-N table because they tie
// with the last one (analysis.TopActors): beyond it, the table stops at N
// and says how many more share the value (a low-constraint table of 35,000
// actors can have thousands of ties at the cut).
const maxTiedExtra = 10
