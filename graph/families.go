package graph

import "slices"

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
