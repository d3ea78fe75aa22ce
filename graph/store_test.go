package graph

import (
	"errors"
	"reflect"
	"testing"
)

func batchData() *Dataset {
	d := &Dataset{
		Actors:         []Actor{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Projects:       []Project{{ID: "p"}},
		Links:          []Link{{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "c", Weight: 2}},
		Participations: []Participation{{Actor: "a", Project: "p"}, {Actor: "c", Project: "p"}},
	}
	d.Sort()
	return d
}

// TestInBatches checks that the parts of InBatches hold every record once,
// in order, at most size at a time, and that BatchOrder accepts them.
func TestInBatches(t *testing.T) {
	d := batchData()
	for size := 1; size <= 9; size++ {
		got := &Dataset{}
		var order BatchOrder
		parts := 0
		err := InBatches(d, size)(func(part *Dataset) error {
			parts++
			n := len(part.Actors) + len(part.Projects) + len(part.Links) + len(part.Participations)
			if n == 0 || n > size {
				t.Errorf("size %d: a part of %d records", size, n)
			}
			if err := order.Check(part); err != nil {
				t.Errorf("size %d: %v", size, err)
			}
			got.Actors = append(got.Actors, part.Actors...)
			got.Projects = append(got.Projects, part.Projects...)
			got.Links = append(got.Links, part.Links...)
			got.Participations = append(got.Participations, part.Participations...)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, d) {
			t.Errorf("size %d: the parts add up to %+v, want %+v", size, got, d)
		}
		if want := (8 + size - 1) / size; parts != want {
			t.Errorf("size %d: %d parts, want %d", size, parts, want)
		}
	}
}

// TestBatchOrder checks that BatchOrder refuses parts that go back to an
// earlier table, repeat a key or break the key order, across parts.
func TestBatchOrder(t *testing.T) {
	for _, tc := range []struct {
		name  string
		parts []*Dataset
	}{
		{"actors after links", []*Dataset{{Links: []Link{{Source: "a", Target: "b"}}}, {Actors: []Actor{{ID: "z"}}}}},
		{"a key repeated across parts", []*Dataset{{Actors: []Actor{{ID: "a"}}}, {Actors: []Actor{{ID: "a"}}}}},
		{"keys out of order", []*Dataset{{Projects: []Project{{ID: "q"}, {ID: "p"}}}}},
		{"undirected link keys compared sorted", []*Dataset{{Links: []Link{{Source: "c", Target: "b"}, {Source: "a", Target: "z"}}}}},
		{"participations before projects", []*Dataset{{Participations: []Participation{{Actor: "a", Project: "p"}}}, {Projects: []Project{{ID: "p"}}}}},
	} {
		var order BatchOrder
		var err error
		for _, p := range tc.parts {
			if err = order.Check(p); err != nil {
				break
			}
		}
		if !errors.Is(err, ErrBatchOrder) {
			t.Errorf("%s: %v, want an error wrapping ErrBatchOrder", tc.name, err)
		}
	}
}
