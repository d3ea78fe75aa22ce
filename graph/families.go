package graph

import (
	"slices"
	"strings"
)

// MissingCoreFamilies returns the families of CoreFamilies that are not among
// families, in the order of CoreFamilies: what an alliance of actors of these
// families lacks to be complete (SPEC §4). The result is never nil, so that
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
