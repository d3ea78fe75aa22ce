package analysis

// brokerage returns the Gould–Fernandez brokerage roles of u (Gould &
// Fernandez 1989) in the family partition, every undirected tie counting as two
// arcs (docs/metrics.md). u brokers the two-path a → u → c when a ≠ c and there is no
// arc a → c; with fa, fu, fc the families of a, u and c, u is a
//
//	coordinator     fa = fu = fc
//	itinerant       fa = fc ≠ fu (the "consultant" of Gould & Fernandez)
//	representative  fa = fu ≠ fc
//	gatekeeper      fu = fc ≠ fa
//	liaison         fa, fu, fc all different
//
// Since ties are symmetric, the two-path a → u → c exists exactly when
// c → u → a does: every open pair of partners is counted twice, so coordinator,
// itinerant and liaison counts are even, and representative and gatekeeper
// counts are always equal (a → u → c representative ⇔ c → u → a gatekeeper).
// These are the counts of sna::brokerage in R on the symmetrised network.
//
// The counts are computed without listing open pairs: the ordered pairs of
// distinct partners are counted per family from the family histogram of N(u)
// (count is zeroed scratch space, one slot per family, left zeroed), and the
// pairs that are tied (closed, counted by the caller) are subtracted.
//
// R. V. Gould, R. M. Fernandez, Structures of mediation: a formal approach to
// brokerage in transaction networks, Sociological Methodology 19:89–126 (1989).
func brokerage(fam []int32, u int, nu []int32, closed roleCounts, count []int64) Brokerage {
	fu := fam[u]
	d := int64(len(nu))
	for _, x := range nu {
		count[fam[x]]++
	}
	same := count[fu]
	var itinerant, squares int64
	for _, x := range nu {
		f := fam[x]
		c := count[f]
		if c == 0 {
			continue // already counted
		}
		if f != fu {
			itinerant += c * (c - 1)
			squares += c * c
		}
		count[f] = 0
	}
	count[fu] = 0
	other := d - same
	all := roleCounts{
		coordinator:    same * (same - 1),
		itinerant:      itinerant,
		representative: same * other,
		gatekeeper:     same * other,
		liaison:        other*other - squares,
	}
	return Brokerage{
		Coordinator:    int(all.coordinator - closed.coordinator),
		Itinerant:      int(all.itinerant - closed.itinerant),
		Representative: int(all.representative - closed.representative),
		Gatekeeper:     int(all.gatekeeper - closed.gatekeeper),
		Liaison:        int(all.liaison - closed.liaison),
	}
}
