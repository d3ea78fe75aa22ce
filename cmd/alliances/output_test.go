package main

import (
	"reflect"
	"testing"
)

// TestDropRedundantNames: a text table shows names only when they say more
// than the ids (data sets that identify organisations by name repeat them).
func TestDropRedundantNames(t *testing.T) {
	header := []string{"id", "name", "family"}
	same := [][]string{{"OXFAM", "OXFAM", "ong"}, {"Agence Française de Développement", "Agence Française de Développeme…", "institution"}, {"x", "", "ong"}}
	h, rows := dropRedundantNames(header, same)
	if want := []string{"id", "family"}; !reflect.DeepEqual(h, want) || !reflect.DeepEqual(rows[1], []string{"Agence Française de Développement", "institution"}) {
		t.Errorf("names that repeat the ids: header %q, rows %q", h, rows)
	}
	if !reflect.DeepEqual(header, []string{"id", "name", "family"}) || same[0][1] != "OXFAM" {
		t.Error("the table given was modified")
	}
	named := [][]string{{"OXFAM", "OXFAM", "ong"}, {"cd44", "Département de Loire-Atlantique", "collectivite"}}
	if h, _ := dropRedundantNames(header, named); !reflect.DeepEqual(h, header) {
		t.Errorf("names that say more than the ids were dropped: %q", h)
	}
}
