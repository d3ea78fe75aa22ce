package graph

import (
	"errors"
	"math"
	"testing"
)

func TestCheckWeight(t *testing.T) {
	for _, w := range []float64{MinWeight, 0.5, 1, 3, 1e9, MaxWeight} {
		if err := CheckWeight(w); err != nil {
			t.Errorf("%v: %v", w, err)
		}
	}
	for _, w := range []float64{0, -1, 1e-10, 5e-324, 1e16, 9e307, math.Inf(1), math.NaN()} {
		if err := CheckWeight(w); !errors.Is(err, ErrWeight) {
			t.Errorf("%v: got %v, want ErrWeight", w, err)
		}
	}
}
