package storetest

import (
	"reflect"
	"testing"

	"github.com/alliances/alliances/graph"
)

func TestWithoutOrigin(t *testing.T) {
	d := richData()
	before := Fixture()
	w := WithoutOrigin(d)
	for _, a := range w.Actors {
		if a.Origin != (graph.Provenance{}) {
			t.Errorf("actor %s keeps its origin %+v", a.ID, a.Origin)
		}
	}
	for _, l := range w.Links {
		if l.Origin != (graph.Provenance{}) {
			t.Errorf("link %s keeps its origin %+v", l.Key(), l.Origin)
		}
	}
	if len(w.Actors) != len(d.Actors) || len(w.Links) != len(d.Links) || len(w.Projects) != len(d.Projects) ||
		len(w.Participations) != len(d.Participations) {
		t.Errorf("records lost: %d/%d/%d/%d of %d/%d/%d/%d", len(w.Actors), len(w.Links), len(w.Projects),
			len(w.Participations), len(d.Actors), len(d.Links), len(d.Projects), len(d.Participations))
	}
	// The same records read from other lines, in another order, compare equal.
	moved := Fixture()
	for i := range moved.Links {
		moved.Links[i].Origin.Line += 100
	}
	for i, j := 0, len(moved.Actors)-1; i < j; i, j = i+1, j-1 {
		moved.Actors[i], moved.Actors[j] = moved.Actors[j], moved.Actors[i]
	}
	if !reflect.DeepEqual(WithoutOrigin(moved), WithoutOrigin(before)) {
		t.Error("the same records from other lines and in another order differ")
	}
	if !reflect.DeepEqual(Fixture(), before) {
		t.Error("WithoutOrigin changed its argument")
	}
	if WithoutOrigin(nil) != nil {
		t.Error("WithoutOrigin(nil) is not nil")
	}
}
