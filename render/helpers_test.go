package render

import (
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/render/rendertest"
)

func largeNetwork(n, m int) *graph.Network { return rendertest.Network(n, m, 1) }
