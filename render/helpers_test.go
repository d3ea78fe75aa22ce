package render

import (
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render/internal/synth"
)

func largeNetwork(n, m int) *graph.Network { return synth.Network(n, m, 1) }
