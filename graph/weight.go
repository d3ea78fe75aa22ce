package graph

import (
	"errors"
	"fmt"
	"math"
)

// The range of a link weight. Within it, every sum the analysis makes over
// any network (strengths, the total weight of Louvain's modularity, their
// products) and every distance 1/w stays a finite float64; beyond it a
// weight is a mistake in the data (a funding amount in euros stays far
// below MaxWeight).
const (
	MinWeight = 1e-9
	MaxWeight = 1e15
)

// ErrWeight is wrapped by CheckWeight.
var ErrWeight = errors.New("weight out of range")

// CheckWeight returns an error wrapping ErrWeight unless MinWeight ≤ w ≤
// MaxWeight.
func CheckWeight(w float64) error {
	if math.IsNaN(w) || w < MinWeight || w > MaxWeight {
		return fmt.Errorf("%w: weight %v must be a number from %g to %g", ErrWeight, w, MinWeight, MaxWeight)
	}
	return nil
}
