package graph

import (
	"slices"
	"testing"
)

func TestMissingCoreFamilies(t *testing.T) {
	tests := []struct {
		name     string
		families []string
		want     []string
	}{
		{"none", nil, CoreFamilies},
		{"complete, any order, with others", []string{"entreprise", "autre", "ong", "association", "collectivite"}, []string{}},
		{"two missing, in CoreFamilies order", []string{"ong", "institution", "association"}, []string{"collectivite", "entreprise"}},
		{"names are not folded", []string{"Collectivité", "ONG"}, CoreFamilies},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := MissingCoreFamilies(tc.families)
			if got == nil || !slices.Equal(got, tc.want) {
				t.Errorf("MissingCoreFamilies(%q) = %#v, want %q", tc.families, got, tc.want)
			}
		})
	}
}

func TestSortFamilies(t *testing.T) {
	fams := []string{"syndicat", "autre", "ong", "cultuel", "collectivite", "institution"}
	SortFamilies(fams)
	want := []string{"collectivite", "ong", "institution", "autre", "cultuel", "syndicat"}
	if !slices.Equal(fams, want) {
		t.Errorf("SortFamilies = %q, want %q", fams, want)
	}
}
