package neo4jstore

import (
	"fmt"
	"maps"
	"sync"
	"testing"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// fakeGraph is an in-memory database behind the fake Bolt server that
// executes the registry statements as this package means them (SET += with
// null removing a property, MERGE, OPTIONAL MATCH … DELETE, placeholders),
// with transactions: each connection works on a copy committed whole or
// dropped. It runs the contract suite through the real driver and the wire
// protocol without a server; it cannot tell whether Neo4j gives the Cypher
// that meaning, which the contract suite against a real server and
// tools/cypherlint check.
type fakeGraph struct {
	mu        sync.Mutex
	committed *graphState
	txs       map[int]*graphState
}

type graphState struct {
	actors, projects map[string]node
	// coop holds COOPERATES_WITH relationships by their key property, which
	// names their endpoints (the statement deletes the relationship with the
	// row's key between the row's endpoints); part holds PARTICIPATES_IN
	// relationships by actor and project.
	coop map[string]coopRel
	part map[[2]string]node
	// ingests holds the Ingest nodes in the order of their seq.
	ingests []node
}

type coopRel struct {
	source, target string
	props          node
}

func newFakeGraph() *fakeGraph {
	return &fakeGraph{committed: &graphState{
		actors: map[string]node{}, projects: map[string]node{}, coop: map[string]coopRel{}, part: map[[2]string]node{},
	}, txs: map[int]*graphState{}}
}

func (g *graphState) clone() *graphState {
	c := &graphState{actors: make(map[string]node, len(g.actors)), projects: make(map[string]node, len(g.projects)),
		coop: make(map[string]coopRel, len(g.coop)), part: make(map[[2]string]node, len(g.part))}
	for k, v := range g.actors {
		c.actors[k] = maps.Clone(v)
	}
	for k, v := range g.projects {
		c.projects[k] = maps.Clone(v)
	}
	for k, v := range g.coop {
		c.coop[k] = coopRel{v.source, v.target, maps.Clone(v.props)}
	}
	for k, v := range g.part {
		c.part[k] = maps.Clone(v)
	}
	for _, n := range g.ingests {
		c.ingests = append(c.ingests, maps.Clone(n))
	}
	return c
}

func (f *fakeGraph) begin(conn int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.txs[conn] = f.committed.clone()
}

func (f *fakeGraph) commit(conn int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if tx, ok := f.txs[conn]; ok {
		f.committed = tx
		delete(f.txs, conn)
	}
}

func (f *fakeGraph) rollback(conn int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.txs, conn)
}

// setPlus applies SET n += m.
func setPlus(n node, m any) {
	mm, _ := m.(map[string]any)
	for k, v := range mm {
		if v == nil {
			delete(n, k)
		} else {
			n[k] = v
		}
	}
}

// merge returns the node with id in nodes, created with the given properties
// (ON CREATE SET) if absent.
func merge(nodes map[string]node, id string, onCreate any) node {
	n, ok := nodes[id]
	if !ok {
		n = node{"id": id}
		setPlus(n, onCreate)
		nodes[id] = n
	}
	return n
}

func rowsOf(params map[string]any, key string) []map[string]any {
	xs, _ := params[key].([]any)
	out := make([]map[string]any, len(xs))
	for i, x := range xs {
		out[i], _ = x.(map[string]any)
	}
	return out
}

func str(v any) string { s, _ := v.(string); return s }

// idsOf returns the parameter $ids, a list of strings.
func idsOf(params map[string]any) []string {
	list, _ := params["ids"].([]any)
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = str(v)
	}
	return out
}

func (f *fakeGraph) run(conn int, query string, params map[string]any) boltResult {
	f.mu.Lock()
	defer f.mu.Unlock()
	g, ok := f.txs[conn]
	if !ok {
		return boltResult{fail: &boltFailureReply{"Neo.ClientError.Request.Invalid", "fake graph: statement outside a transaction"}}
	}
	ids, _ := params["ids"].([]any)
	switch name := statementName(query); name {
	case stConstraintActor, stConstraintProject:
		return boltResult{}
	case stActorAttrKeys, stProjectAttrKeys, stMetricKeys:
		nodes, col := g.actors, "attribute_names"
		if name == stProjectAttrKeys {
			nodes = g.projects
		}
		if name == stMetricKeys {
			col = "metric_keys"
		}
		res := boltResult{fields: []string{"id", col}}
		for _, id := range ids {
			n, ok := nodes[str(id)]
			if !ok || (name == stMetricKeys && n[placeholderProp] != nil) {
				continue
			}
			res.records = append(res.records, []any{id, n[col]})
		}
		return res
	case stActorUpsert, stProjectUpsert:
		nodes := g.actors
		if name == stProjectUpsert {
			nodes = g.projects
		}
		for _, row := range rowsOf(params, "rows") {
			setPlus(merge(nodes, str(row["id"]), nil), row["props"])
		}
		return boltResult{}
	case stLinkUpsert:
		for _, row := range rowsOf(params, "rows") {
			s, t := str(row["source"]), str(row["target"])
			merge(g.actors, s, row["placeholder"])
			merge(g.actors, t, row["placeholder"])
			props := node{}
			setPlus(props, row["props"])
			g.coop[str(row["key"])] = coopRel{s, t, props}
		}
		return boltResult{}
	case stParticipationUpsert:
		for _, row := range rowsOf(params, "rows") {
			a, p := str(row["actor"]), str(row["project"])
			merge(g.actors, a, row["placeholder"])
			merge(g.projects, p, row["placeholder"])
			props := node{}
			setPlus(props, row["props"])
			g.part[[2]string{a, p}] = props
		}
		return boltResult{}
	case stLoadActors, stLoadProjects:
		nodes := g.actors
		if name == stLoadProjects {
			nodes = g.projects
		}
		res := boltResult{fields: []string{"props"}}
		for _, n := range nodes {
			if n[placeholderProp] == nil {
				res.records = append(res.records, []any{map[string]any(maps.Clone(n))})
			}
		}
		return res
	case stLoadLinks:
		res := boltResult{fields: []string{"source", "target", "props"}}
		for _, r := range g.coop {
			res.records = append(res.records, []any{r.source, r.target, map[string]any(maps.Clone(r.props))})
		}
		return res
	case stActorsByID:
		res := boltResult{fields: []string{"props"}}
		for _, id := range idsOf(params) {
			if n, ok := g.actors[id]; ok && n[placeholderProp] == nil {
				res.records = append(res.records, []any{map[string]any(maps.Clone(n))})
			}
		}
		return res
	case stMemberships, stParticipants:
		res := boltResult{fields: []string{"actor", "project"}}
		end := 0 // MATCH on the actor
		if name == stParticipants {
			end = 1
		}
		for _, id := range idsOf(params) {
			for k := range g.part {
				if k[end] == id {
					res.records = append(res.records, []any{k[0], k[1]})
				}
			}
		}
		return res
	case stLinksOf:
		res := boltResult{fields: []string{"source", "target", "props"}}
		seen := map[string]bool{}
		for _, id := range idsOf(params) {
			for key, r := range g.coop {
				if (r.source == id || r.target == id) && !seen[key] {
					seen[key] = true
					res.records = append(res.records, []any{r.source, r.target, map[string]any(maps.Clone(r.props))})
				}
			}
		}
		return res
	case stLoadParticipations:
		res := boltResult{fields: []string{"actor", "project", "props"}}
		for k, props := range g.part {
			res.records = append(res.records, []any{k[0], k[1], map[string]any(maps.Clone(props))})
		}
		return res
	case stMetricsUpsert:
		for _, row := range rowsOf(params, "rows") {
			if n, ok := g.actors[str(row["id"])]; ok {
				setPlus(n, row["values"])
			}
		}
		return boltResult{}
	case stLoadMetrics:
		res := boltResult{fields: []string{"id", "props"}}
		for id, n := range g.actors {
			if n[metricKeysProp] != nil && n[placeholderProp] == nil {
				res.records = append(res.records, []any{id, map[string]any(maps.Clone(n))})
			}
		}
		return res
	case stCountAbsent:
		token := str(params["token"])
		var n [4]int64
		for _, a := range g.actors {
			if a[placeholderProp] == nil && str(a[putProp]) != token {
				n[0]++
			}
		}
		for _, p := range g.projects {
			if p[placeholderProp] == nil && str(p[putProp]) != token {
				n[1]++
			}
		}
		for _, r := range g.coop {
			if str(r.props[putProp]) != token {
				n[2]++
			}
		}
		for _, props := range g.part {
			if str(props[putProp]) != token {
				n[3]++
			}
		}
		return boltResult{fields: []string{"actors", "projects", "links", "participations"}, records: [][]any{{n[0], n[1], n[2], n[3]}}}
	case stDeleteAbsentLinks:
		var n int64
		for k, r := range g.coop {
			if str(r.props[putProp]) != str(params["token"]) {
				delete(g.coop, k)
				n++
			}
		}
		return boltResult{fields: []string{"deleted"}, records: [][]any{{n}}}
	case stDeleteAbsentParticipations:
		var n int64
		for k, props := range g.part {
			if str(props[putProp]) != str(params["token"]) {
				delete(g.part, k)
				n++
			}
		}
		return boltResult{fields: []string{"deleted"}, records: [][]any{{n}}}
	case stDeleteAbsentActors, stDeleteAbsentProjects:
		nodes, tied := g.actors, map[string]bool{}
		for _, r := range g.coop {
			tied[r.source], tied[r.target] = true, true
		}
		for k := range g.part {
			tied[k[0]] = true
		}
		if name == stDeleteAbsentProjects {
			nodes, tied = g.projects, map[string]bool{}
			for k := range g.part {
				tied[k[1]] = true
			}
		}
		var n int64
		for id, v := range nodes {
			absent := v[placeholderProp] == nil && str(v[putProp]) != str(params["token"])
			if !absent && (v[placeholderProp] == nil || tied[id]) {
				continue
			}
			if absent {
				n++
			}
			if tied[id] {
				p := node{"id": id}
				setPlus(p, params["placeholder"])
				nodes[id] = p
			} else {
				delete(nodes, id)
			}
		}
		return boltResult{fields: []string{"deleted"}, records: [][]any{{n}}}
	case stIngestAdd:
		n := node{"seq": int64(len(g.ingests) + 1)}
		setPlus(n, params["props"])
		g.ingests = append(g.ingests, n)
		return boltResult{}
	case stLoadIngests:
		res := boltResult{fields: []string{"record"}}
		for _, n := range g.ingests {
			res.records = append(res.records, []any{n["record"]})
		}
		return res
	default:
		return boltResult{fail: &boltFailureReply{"Neo.ClientError.Statement.SyntaxError", fmt.Sprintf("fake graph: statement %s not supported", name)}}
	}
}

// TestStoreOnFakeGraph runs the contract suite shared by every store through
// the real driver against the fake server and its in-memory graph.
func TestStoreOnFakeGraph(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store {
		f := newFakeBolt(t)
		f.db = newFakeGraph()
		return openFake(t, f)
	})
}

func TestQueriesOnFakeGraph(t *testing.T) {
	storetest.RunQueries(t, func(t *testing.T) graph.Store {
		f := newFakeBolt(t)
		f.db = newFakeGraph()
		return openFake(t, f)
	})
}

func TestReaderOnFakeGraph(t *testing.T) {
	storetest.RunReader(t, func(t *testing.T) graph.Store {
		f := newFakeBolt(t)
		f.db = newFakeGraph()
		return openFake(t, f)
	})
}
