package analysis

// brokerDependent reports, for every node, whether it is in the main component
// main and one other node x of that component — an articulation point — cuts
// it off: in the main component without x, it is not in the unique largest
// remaining piece.
//
// One depth-first search (Hopcroft & Tarjan 1973) gives, for every node, its
// preorder number disc, its low point and the size of its subtree. Removing x
// separates the subtree of each child c with low[c] ≥ disc[x] (every child
// when x is the root); the rest of the component, if x is not the root, is the
// last piece. Each piece is an interval of preorder numbers or the complement
// of such intervals, so the pieces to flag are accumulated in a difference
// array: the whole computation takes time linear in the ties.
func brokerDependent(g *adjacency, comp []int32, main int32) []bool {
	dep := make([]bool, g.n)
	root := -1
	for v := 0; v < g.n; v++ {
		if comp[v] == main {
			root = v
			break
		}
	}
	if root < 0 {
		return dep
	}
	disc := make([]int32, g.n)
	low := make([]int32, g.n)
	parent := make([]int32, g.n)
	sub := make([]int32, g.n)
	it := make([]int32, g.n)
	for i := range disc {
		disc[i] = -1
		parent[i] = -1
	}
	// Iterative DFS, so that long chains do not grow the goroutine stack.
	stack := []int32{int32(root)}
	disc[root], low[root], sub[root] = 0, 0, 1
	t := int32(1)
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		nb, _ := g.neighbours(int(v))
		if int(it[v]) < len(nb) {
			u := nb[it[v]]
			it[v]++
			switch {
			case disc[u] < 0:
				parent[u] = v
				disc[u], low[u], sub[u] = t, t, 1
				t++
				stack = append(stack, u)
			case u != parent[v]:
				low[v] = min(low[v], disc[u])
			}
			continue
		}
		stack = stack[:len(stack)-1]
		if p := parent[v]; p >= 0 {
			low[p] = min(low[p], low[v])
			sub[p] += sub[v]
		}
	}
	n := sub[root]
	diff := make([]int32, n+1)
	mark := func(lo, hi int32, d int32) {
		diff[lo] += d
		diff[hi] -= d
	}
	for x := 0; x < g.n; x++ {
		if disc[x] < 0 {
			continue
		}
		nb, _ := g.neighbours(x)
		isRoot := x == root
		var separated, children, largest, ties int32
		for _, c := range nb {
			if parent[c] != int32(x) {
				continue
			}
			children++
			if isRoot || low[c] >= disc[x] {
				separated += sub[c]
				switch {
				case sub[c] > largest:
					largest, ties = sub[c], 1
				case sub[c] == largest:
					ties++
				}
			}
		}
		if separated == 0 || (isRoot && children < 2) {
			continue // x is not an articulation point
		}
		rest := n - 1 - separated // the piece holding x's parent
		if !isRoot {
			switch {
			case rest > largest:
				largest, ties = rest, 1
			case rest == largest:
				ties++
			}
		}
		for _, c := range nb {
			if parent[c] != int32(x) || !(isRoot || low[c] >= disc[x]) {
				continue
			}
			if sub[c] != largest || ties > 1 {
				mark(disc[c], disc[c]+sub[c], 1)
			}
		}
		if !isRoot && (rest != largest || ties > 1) {
			// the rest: everything but x's subtree, plus the subtrees of
			// the children that stay attached to the parent side.
			mark(0, n, 1)
			mark(disc[x], disc[x]+sub[x], -1)
			for _, c := range nb {
				if parent[c] == int32(x) && low[c] < disc[x] {
					mark(disc[c], disc[c]+sub[c], 1)
				}
			}
		}
	}
	cover := make([]int32, n)
	var run int32
	for i := int32(0); i < n; i++ {
		run += diff[i]
		cover[i] = run
	}
	for v := 0; v < g.n; v++ {
		if disc[v] >= 0 && cover[disc[v]] > 0 {
			dep[v] = true
		}
	}
	return dep
}
