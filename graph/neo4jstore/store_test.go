package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The tests in this file talk to a real Neo4j 5 server. They are skipped
// unless NEO4J_URI is set (credentials and database from NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE); ALLIANCES_REQUIRE_NEO4J=1 turns the skip
// into a failure, for CI jobs that provide a server.
//
// They never touch data that is not theirs: every node the suite creates
// carries the property _alliances_test, and the suite refuses to run (without
// writing anything) when the database holds any node without it. Use an empty
// database; see docs/neo4j.md.

const markerProp = "_alliances_test"

// testConfig returns the server configuration, or skips the test.
func testConfig(t *testing.T) Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("ALLIANCES_REQUIRE_NEO4J") == "1" {
			t.Fatal("ALLIANCES_REQUIRE_NEO4J=1 but NEO4J_URI is not set: start Neo4j 5 and set NEO4J_URI (see docs/neo4j.md)")
		}
		t.Skip("NEO4J_URI not set: the Neo4j store tests need a server (see docs/neo4j.md)")
	}
	return ConfigFromEnv(uri)
}

// testStore opens a store whose nodes carry the suite's marker, after checking
// that the database holds no foreign node and removing the suite's own nodes
// left by earlier tests or runs. The nodes it creates are removed when t ends.
func testStore(t *testing.T, cfg Config, run string) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open %s: %v", address(cfg.URI), err)
	}
	s.marker = map[string]any{markerProp: run}
	if err := s.refuseForeignData(ctx); err != nil {
		s.Close()
		t.Fatal(err)
	}
	if err := s.cleanTestNodes(ctx); err != nil {
		s.Close()
		t.Fatalf("removing the suite's own nodes: %v", err)
	}
	t.Cleanup(func() {
		// The suite may have closed s already: clean with a store of our own.
		c, err := Open(context.Background(), cfg)
		if err != nil {
			t.Errorf("cleanup: %v", err)
			return
		}
		defer c.Close()
		if err := c.cleanTestNodes(context.Background()); err != nil {
			t.Errorf("cleanup: %v", err)
		}
	})
	return s
}

// refuseForeignData fails when the database holds a node that the suite did
// not create.
func (s *Store) refuseForeignData(ctx context.Context) error {
	var foreign int64
	err := s.read(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		res, err := s.run(ctx, tx, stTestForeignNodes, nil)
		if err != nil {
			return err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return err
		}
		v, _ := rec.Get("foreign")
		foreign, _ = v.(int64)
		return nil
	})
	if err != nil {
		return err
	}
	if foreign > 0 {
		return fmt.Errorf("refusing to run: the database at %s holds %d nodes that this test suite did not create "+
			"(nodes without the property %s); the suite writes to and cleans the database, so point NEO4J_URI/NEO4J_DATABASE "+
			"at an empty database (see docs/neo4j.md)", address(s.cfg.URI), foreign, markerProp)
	}
	return nil
}

// cleanTestNodes removes every node carrying the suite's marker.
func (s *Store) cleanTestNodes(ctx context.Context) error {
	return s.write(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return s.exec(ctx, tx, stTestCleanup, nil)
	})
}

func runID() string { return fmt.Sprintf("%d-%d", os.Getpid(), time.Now().UnixNano()) }

// TestStore runs the contract suite shared by every store.
func TestStore(t *testing.T) {
	cfg := testConfig(t)
	run := runID()
	storetest.Run(t, func(t *testing.T) graph.Store { return testStore(t, cfg, run) })
}

// TestQueries checks that the named queries (docs/queries.md) give, on a network
// loaded from Neo4j, the answers worked out by hand for the fixture.
func TestQueries(t *testing.T) {
	cfg := testConfig(t)
	run := runID()
	storetest.RunQueries(t, func(t *testing.T) graph.Store { return testStore(t, cfg, run) })
}

// TestReader checks the reads of graph.NetworkReader (bounded Cypher by id)
// against what Load returns.
func TestReader(t *testing.T) {
	cfg := testConfig(t)
	run := runID()
	storetest.RunReader(t, func(t *testing.T) graph.Store { return testStore(t, cfg, run) })
}

// TestCypherUsers checks what a Neo4j user sees: the schema of docs/architecture.md,
// metrics as actor properties, the constraints, and read-only user queries.
func TestCypherUsers(t *testing.T) {
	cfg := testConfig(t)
	s := testStore(t, cfg, runID())
	defer s.Close()
	ctx := context.Background()
	d := storetest.Fixture()
	if err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.PutMetrics(ctx, []graph.ActorMetrics{
		{ID: "nantes", Values: map[string]float64{"betweenness": 0.4, "degree": 6}},
		{ID: "enda", Values: map[string]float64{"betweenness": 0.2, "degree": 5}},
	}); err != nil {
		t.Fatal(err)
	}
	cols, rows, err := s.ReadCypher(ctx,
		`MATCH (a:Actor) WHERE a.betweenness IS NOT NULL RETURN a.name AS name, a.betweenness AS b ORDER BY a.betweenness DESC`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(cols, rows); got != "[name b] [[Ville de Nantes 0.4] [ENDA Tiers Monde 0.2]]" {
		t.Errorf("metrics by Cypher: %s", got)
	}

	_, rows, err = s.ReadCypher(ctx,
		`MATCH (a:Actor {id: $id})-[r:PARTICIPATES_IN]->(p:Project) RETURN p.id, r.role ORDER BY p.id`, map[string]any{"id": "nantes"})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rows); got != "[[eau-rufisque-1 lead]]" {
		t.Errorf("participations of nantes by Cypher: %s", got)
	}

	_, rows, err = s.ReadCypher(ctx,
		`MATCH (s:Actor)-[r:COOPERATES_WITH]->(t:Actor) WHERE r.directed RETURN s.id, t.id, r.type, r.weight ORDER BY s.id, t.id`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rows); got != "[[afd gret funding 2] [afd nantes funding 2] [nantes jeunesse-sol funding 1]]" {
		t.Errorf("directed links by Cypher: %s", got)
	}

	_, rows, err = s.ReadCypher(ctx, `MATCH (a:Actor {id: 'nantes'}) RETURN a.attr_jumelage`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(rows); got != "[[Rufisque (1992)]]" {
		t.Errorf("attribute by Cypher: %s", got)
	}

	// Writes are refused in the read-only transaction, and nothing changes.
	_, _, err = s.ReadCypher(ctx, `MATCH (a:Actor) SET a.name = 'piraté' RETURN count(a)`, nil)
	var qerr *QueryError
	if !errors.As(err, &qerr) {
		t.Errorf("write in ReadCypher: error %v, want a *QueryError", err)
	}
	got, err := s.Load(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range got.Actors {
		if a.Name == "piraté" {
			t.Fatalf("ReadCypher wrote to the database: %+v", a)
		}
	}

	// A syntax error is a query error, not an unreachable store.
	_, _, err = s.ReadCypher(ctx, `MATCH (a:Actor RETURN a`, nil)
	if !errors.As(err, &qerr) || errors.Is(err, graph.ErrUnreachable) {
		t.Errorf("syntax error: %v, want a *QueryError", err)
	}

	// The uniqueness constraints exist.
	_, rows, err = s.ReadCypher(ctx, `SHOW CONSTRAINTS YIELD name, type WHERE name STARTS WITH 'alliances_' RETURN name, type ORDER BY name`, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The type is UNIQUENESS before Neo4j 5.7, NODE_PROPERTY_UNIQUENESS after.
	if len(rows) != 2 || rows[0][0] != "alliances_actor_id" || rows[1][0] != "alliances_project_id" ||
		!strings.Contains(fmt.Sprint(rows[0][1]), "UNIQUENESS") || !strings.Contains(fmt.Sprint(rows[1][1]), "UNIQUENESS") {
		t.Errorf("constraints: %v, want alliances_actor_id and alliances_project_id, uniqueness", rows)
	}
}

// TestOpenBadCredentials: a wrong password gives an error that says to check
// the credentials and does not show them.
func TestOpenBadCredentials(t *testing.T) {
	cfg := testConfig(t)
	cfg.Username, cfg.Password = secretUser, secretPass
	_, err := Open(context.Background(), cfg)
	checkSafe(t, err, "check the credentials in NEO4J_USERNAME and NEO4J_PASSWORD")
	t.Logf("error shown to the user:\n%s", err)
}

// TestOpenUnknownDatabase: a database name that does not exist is named as
// the thing to check.
func TestOpenUnknownDatabase(t *testing.T) {
	cfg := testConfig(t)
	cfg.Database = "alliances-no-such-database-" + strings.ToLower(runID())
	_, err := Open(context.Background(), cfg)
	if err == nil || !errors.Is(err, graph.ErrUnreachable) {
		t.Fatalf("Open on an unknown database: %v, want an error wrapping graph.ErrUnreachable", err)
	}
	if first, _, _ := strings.Cut(err.Error(), "\n"); !strings.Contains(first, "NEO4J_DATABASE") {
		t.Errorf("first line %q does not say to check NEO4J_DATABASE", first)
	}
	if cfg.Password != "" && strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("error shows the password")
	}
}
