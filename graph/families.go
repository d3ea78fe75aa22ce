package graph

import (
	"slices"
	"strings"
)

// OtherFamily is the catch-all family of the vocabulary (docs/ingest.md), and the
// family of an actor that has none.
const OtherFamily = "autre"

// FamilyOf returns the family of a as every family measure and query sees
// it: its family, or OtherFamily when it has none.
func FamilyOf(a Actor) string {
	if f := strings.TrimSpace(a.Family); f != "" {
		return f
	}
	return OtherFamily
}

// CombinedFamilies is the number of families that an alliance of actors of
// these families combines: OtherFamily (which holds the actors without a
// family) does not count, since "other" is no family an alliance brings
// together.
func CombinedFamilies(families []string) int {
	n := 0
	for _, f := range families {
		if f != OtherFamily {
			n++
		}
	}
	return n
}

// MissingCoreFamilies returns the families of CoreFamilies that are not among
// families, in the order of CoreFamilies: what an alliance of actors of these
// families lacks to be complete (docs/metrics.md). The result is never nil, so that
// JSON shows an empty list.
func MissingCoreFamilies(families []string) []string {
	missing := []string{}
	for _, f := range CoreFamilies {
		if !slices.Contains(families, f) {
			missing = append(missing, f)
		}
	}
	return missing
}

// SortFamilies sorts families in canonical order: the families of Families
// in their order, then the others by name.
func SortFamilies(families []string) {
	rank := func(f string) int {
		if i := slices.Index(Families, f); i >= 0 {
			return i
		}
		return len(Families)
	}
	slices.SortFunc(families, func(a, b string) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return strings.Compare(a, b)
	})
}
