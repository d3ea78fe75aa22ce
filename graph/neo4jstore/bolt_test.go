package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
)

// These tests run the store through the real driver against the fake Bolt
// server of fakebolt_test.go: they check what the store sends and how it reads
// what a server answers, not Cypher semantics (see store_test.go and
// tools/cypherlint for those).

func openFake(t *testing.T, f *fakeBolt) *Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := Open(ctx, f.config())
	if err != nil {
		t.Fatalf("Open on the fake server: %v\nmessages: %s", err, tags(f.Events()))
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestOpenCreatesConstraints: Open authenticates, then creates both
// constraints, each in a committed write transaction of its own.
func TestOpenCreatesConstraints(t *testing.T) {
	f := newFakeBolt(t)
	openFake(t, f)
	ev := f.Events()
	for _, name := range []string{stConstraintActor, stConstraintProject} {
		if n := len(runsOf(ev, name)); n != 1 {
			t.Errorf("statement %s sent %d times, want once; messages: %s", name, n, tags(ev))
		}
	}
	var commits int
	for _, e := range ev {
		if e.tag == boltCommit {
			commits++
		}
	}
	if commits != 2 {
		t.Errorf("%d commits, want 2 (one per constraint); messages: %s", commits, tags(ev))
	}
}

func TestOpenWrongPasswordThroughDriver(t *testing.T) {
	f := newFakeBolt(t)
	f.user, f.password = secretUser, "the right one"
	_, err := Open(context.Background(), secretConfig(f.uri()))
	checkSafe(t, err, "authentication failed: check the credentials in NEO4J_USERNAME and NEO4J_PASSWORD")
	t.Logf("error shown to the user:\n%s", err)
}

func TestOpenUnknownDatabaseThroughDriver(t *testing.T) {
	f := newFakeBolt(t)
	f.user, f.password = secretUser, secretPass
	cfg := secretConfig(f.uri())
	cfg.Database = "alliancess"
	_, err := Open(context.Background(), cfg)
	checkSafe(t, err, "database not found: check the database name in NEO4J_DATABASE")
	t.Logf("error shown to the user:\n%s", err)
}

// bigDataset has more records of each kind than one batch holds, and values
// that would break Cypher if they were pasted into it.
func bigDataset(n int) *graph.Dataset {
	d := &graph.Dataset{}
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("a%05d", i)
		d.Actors = append(d.Actors, graph.Actor{ID: id, Name: fmt.Sprintf("O'Brien \"%d\"}) DETACH DELETE n //", i),
			Attrs: map[string]string{"rang": fmt.Sprint(i)}})
		if i > 0 {
			d.Links = append(d.Links, graph.Link{Source: fmt.Sprintf("a%05d", i-1), Target: id, Type: "partnership", Weight: 1})
		}
		d.Participations = append(d.Participations, graph.Participation{Actor: id, Project: "p1", Role: "partner"})
	}
	d.Projects = []graph.Project{{ID: "p1", Name: "Projet `1`"}}
	return d
}

// TestPutOneTransactionInBatches: Put sends one write transaction (one BEGIN,
// one COMMIT, every RUN between them, on one connection), in batches of at
// most BatchSize rows, only registry statements, and every record exactly
// once as a parameter.
func TestPutOneTransactionInBatches(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	before := len(f.Events())
	d := bigDataset(2*BatchSize + 17)
	if err := s.Put(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	ev := f.Events()[before:]
	var begins, commits, rollbacks int
	conn := -1
	for _, e := range ev {
		switch e.tag {
		case boltBegin:
			begins++
			if mode, ok := e.extra["mode"]; ok && mode != "w" {
				t.Errorf("Put began a transaction in mode %v", mode)
			}
		case boltCommit:
			commits++
		case boltRollback:
			rollbacks++
		case boltRun:
			if begins != 1 || commits != 0 {
				t.Errorf("RUN outside the transaction: %s", statementName(e.query))
			}
			if conn == -1 {
				conn = e.conn
			} else if e.conn != conn {
				t.Errorf("RUNs on connections %d and %d: not one transaction", conn, e.conn)
			}
			if statementName(e.query) == "user query" {
				t.Errorf("Put sent a statement that is not in the registry: %s", e.query)
			}
			if strings.Contains(e.query, "O'Brien") || strings.Contains(e.query, "a00001") {
				t.Errorf("a user value is in the Cypher text: %s", e.query)
			}
		}
	}
	if begins != 1 || commits != 1 || rollbacks != 0 {
		t.Fatalf("%d BEGIN, %d COMMIT, %d ROLLBACK, want 1, 1, 0; messages: %s", begins, commits, rollbacks, tags(ev))
	}
	count := func(name string) (rows, statements int) {
		for _, e := range runsOf(ev, name) {
			rs, _ := e.params["rows"].([]any)
			if len(rs) > BatchSize {
				t.Errorf("%s sent %d rows at once, more than BatchSize", name, len(rs))
			}
			rows += len(rs)
			statements++
		}
		return rows, statements
	}
	for _, c := range []struct {
		name          string
		rows, batches int
	}{
		{stActorUpsert, len(d.Actors), 3},
		{stProjectUpsert, 1, 1},
		{stLinkUpsert, len(d.Links), 3},
		{stParticipationUpsert, len(d.Participations), 3},
	} {
		rows, n := count(c.name)
		if rows != c.rows || n != c.batches {
			t.Errorf("%s: %d rows in %d statements, want %d rows in %d", c.name, rows, n, c.rows, c.batches)
		}
	}
	// The values travel as parameters, whole.
	first := runsOf(ev, stActorUpsert)[0].params["rows"].([]any)[1].(map[string]any)
	props := first["props"].(map[string]any)
	if first["id"] != "a00001" || props["name"] != d.Actors[1].Name || props["attr_rang"] != "1" {
		t.Errorf("second actor row = %v", first)
	}
}

// TestPutRetriesTransientErrors: a transient failure at commit makes the
// driver run the whole transaction again, and Put succeeds.
func TestPutRetriesTransientErrors(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	before := len(f.Events())
	f.mu.Lock()
	f.failCommit = 1
	f.mu.Unlock()
	d := bigDataset(10)
	if err := s.Put(context.Background(), d); err != nil {
		t.Fatalf("Put after one transient failure: %v", err)
	}
	ev := f.Events()[before:]
	if n := len(runsOf(ev, stActorUpsert)); n != 2 {
		t.Errorf("actor_upsert sent %d times, want 2 (the transaction retried once); messages: %s", n, tags(ev))
	}
}

// TestPutFailureRollsBack: an error from the server in the middle of Put rolls
// the transaction back (no COMMIT) and is reported as a query error, not as an
// unreachable store.
func TestPutFailureRollsBack(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	before := len(f.Events())
	f.setAnswer(func(query string, params map[string]any) boltResult {
		if query == statements[stLinkUpsert].Cypher {
			return boltResult{fail: &boltFailureReply{"Neo.ClientError.Schema.ConstraintValidationFailed", "Node(12) already exists"}}
		}
		return boltResult{}
	})
	err := s.Put(context.Background(), bigDataset(10))
	var qerr *QueryError
	if !errors.As(err, &qerr) || qerr.Code != "Neo.ClientError.Schema.ConstraintValidationFailed" {
		t.Fatalf("Put error = %v, want a *QueryError with the server's code", err)
	}
	if errors.Is(err, graph.ErrUnreachable) {
		t.Errorf("a query error is reported as an unreachable store: %v", err)
	}
	ev := f.Events()[before:]
	for _, e := range ev {
		if e.tag == boltCommit {
			t.Fatalf("Put committed after a failure; messages: %s", tags(ev))
		}
	}
	if n := len(runsOf(ev, stParticipationUpsert)); n != 0 {
		t.Errorf("Put went on after the failure: %d participation statements", n)
	}
}

// TestPutCancelled: cancelling the context while Put waits for the server
// ends Put with context.Canceled, without COMMIT.
func TestPutCancelled(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	before := len(f.Events())
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	f.setAnswer(func(query string, params map[string]any) boltResult {
		if query == statements[stLinkUpsert].Cypher {
			cancel()
			return boltResult{block: release}
		}
		return boltResult{}
	})
	err := s.Put(ctx, bigDataset(10))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Put error = %v, want one wrapping context.Canceled", err)
	}
	for _, e := range f.Events()[before:] {
		if e.tag == boltCommit {
			t.Fatal("Put committed although its context was cancelled")
		}
	}
}

// TestPutInvalidSendsNothing: a record without its key is refused before any
// message reaches the server.
func TestPutInvalidSendsNothing(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	before := len(f.Events())
	d := bigDataset(10)
	d.Links = append(d.Links, graph.Link{Source: "a00001"})
	err := s.Put(context.Background(), d)
	if !errors.Is(err, ErrInvalidRecord) {
		t.Fatalf("Put error = %v, want ErrInvalidRecord", err)
	}
	if ev := f.Events()[before:]; len(ev) != 0 {
		t.Errorf("messages sent for an invalid Put: %s", tags(ev))
	}
}

// TestLoadReadsWhatTheServerSends: Load reads the records as the driver
// decodes them (integers as int64, lists as []any), across several PULLs,
// and returns them sorted.
func TestLoadReadsWhatTheServerSends(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	const n = 2500 // more than the driver's fetch size of 1000
	var actors [][]any
	for i := n - 1; i >= 0; i-- {
		actors = append(actors, []any{map[string]any{
			"id": fmt.Sprintf("a%05d", i), "name": "Acteur", "origin_line": int64(i + 2),
			"attribute_names": []any{"rang"}, "attr_rang": fmt.Sprint(i),
			"betweenness": 0.5, "metric_keys": []any{"betweenness"}, // metrics are not records
		}})
	}
	f.setAnswer(func(query string, params map[string]any) boltResult {
		switch query {
		case statements[stLoadActors].Cypher:
			return boltResult{fields: []string{"props"}, records: actors}
		case statements[stLoadProjects].Cypher:
			return boltResult{fields: []string{"props"}, records: [][]any{{map[string]any{
				"id": "p1", "phase": int64(2), "dimensions": []any{"local", "inclusive"}}}}}
		case statements[stLoadLinks].Cypher:
			return boltResult{fields: []string{"source", "target", "props"}, records: [][]any{
				{"a00002", "a00001", map[string]any{"key": `["a00001","a00002","funding","d"]`, "type": "funding", "weight": 2.5, "directed": true}},
				{"a00000", "a00001", map[string]any{"key": `["a00000","a00001","","u"]`, "weight": int64(1), "directed": false}},
			}}
		case statements[stLoadParticipations].Cypher:
			return boltResult{fields: []string{"actor", "project", "props"}, records: [][]any{
				{"a00001", "p1", map[string]any{"role": "lead", "start": "2020"}},
			}}
		}
		return boltResult{}
	})
	before := len(f.Events())
	d, err := s.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) != n || d.Actors[0].ID != "a00000" || d.Actors[n-1].ID != fmt.Sprintf("a%05d", n-1) {
		t.Fatalf("Load returned %d actors, first %+v", len(d.Actors), d.Actors[0])
	}
	if want := (graph.Actor{ID: "a00007", Name: "Acteur", Attrs: map[string]string{"rang": "7"}, Origin: graph.Provenance{Line: 9}}); fmt.Sprint(d.Actors[7]) != fmt.Sprint(want) {
		t.Errorf("actor 7 = %+v, want %+v", d.Actors[7], want)
	}
	if p := d.Projects[0]; p.Phase != 2 || fmt.Sprint(p.Dimensions) != "[local inclusive]" {
		t.Errorf("project = %+v", p)
	}
	if len(d.Links) != 2 || d.Links[0].Source != "a00000" || d.Links[0].Weight != 1 || !d.Links[1].Directed || d.Links[1].Weight != 2.5 {
		t.Errorf("links = %+v", d.Links)
	}
	if len(d.Participations) != 1 || d.Participations[0].Role != "lead" {
		t.Errorf("participations = %+v", d.Participations)
	}
	var pulls int
	for _, e := range f.Events()[before:] {
		if e.tag == boltPull {
			pulls++
		}
		if e.tag == boltBegin && e.extra["mode"] != "r" {
			t.Errorf("Load began a transaction in mode %v, want r (read)", e.extra["mode"])
		}
	}
	if pulls < 3+3 {
		t.Errorf("%d PULLs: the actors were not streamed in pages", pulls)
	}
}

// TestReadCypherReadOnly: a user query runs in a read transaction, with its
// parameters, and its rows come back as plain values.
func TestReadCypherReadOnly(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	before := len(f.Events())
	const q = `MATCH (a:Actor) WHERE a.family = $family RETURN a.name AS name, a.betweenness AS b`
	f.setAnswer(func(query string, params map[string]any) boltResult {
		if query == q && params["family"] == "ong" {
			return boltResult{fields: []string{"name", "b"}, records: [][]any{{"ENDA", 0.25}, {"Gret", nil}}}
		}
		return boltResult{fail: &boltFailureReply{"Neo.ClientError.Statement.SyntaxError", "unexpected query " + query}}
	})
	cols, rows, err := s.ReadCypher(context.Background(), q, map[string]any{"family": "ong"})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(cols, rows) != "[name b] [[ENDA 0.25] [Gret <nil>]]" {
		t.Errorf("ReadCypher = %v %v", cols, rows)
	}
	var begins int
	for _, e := range f.Events()[before:] {
		if e.tag == boltBegin {
			begins++
			if e.extra["mode"] != "r" {
				t.Errorf("ReadCypher began a transaction in mode %v, want r", e.extra["mode"])
			}
		}
	}
	if begins != 1 {
		t.Errorf("%d transactions, want 1", begins)
	}
	_, _, err = s.ReadCypher(context.Background(), "MATCH (a RETURN a", nil)
	var qerr *QueryError
	if !errors.As(err, &qerr) || !strings.Contains(qerr.Code, "SyntaxError") {
		t.Errorf("bad query: error %v, want a *QueryError", err)
	}
}

// TestPutMetricsUnknownActorWritesNothing: when the server knows none of the
// actors, PutMetrics fails naming them and sends no metrics.
func TestPutMetricsUnknownActorWritesNothing(t *testing.T) {
	f := newFakeBolt(t)
	s := openFake(t, f)
	before := len(f.Events())
	f.setAnswer(func(query string, params map[string]any) boltResult {
		if query == statements[stMetricKeys].Cypher {
			return boltResult{fields: []string{"id", "metric_keys"}, records: [][]any{{"nantes", nil}}}
		}
		return boltResult{}
	})
	err := s.PutMetrics(context.Background(), []graph.ActorMetrics{
		{ID: "nantes", Values: map[string]float64{"degree": 3}},
		{ID: "inconnu", Values: map[string]float64{"degree": 1}},
	})
	if !errors.Is(err, ErrUnknownActor) || !strings.Contains(err.Error(), `"inconnu"`) {
		t.Fatalf("PutMetrics error = %v, want one naming the unknown actor", err)
	}
	ev := f.Events()[before:]
	if n := len(runsOf(ev, stMetricsUpsert)); n != 0 {
		t.Errorf("metrics sent despite the unknown actor")
	}
	for _, e := range ev {
		if e.tag == boltCommit {
			t.Errorf("committed despite the unknown actor; messages: %s", tags(ev))
		}
	}

	// Known actors: their old metric names are cleared and new values set.
	before = len(f.Events())
	f.setAnswer(func(query string, params map[string]any) boltResult {
		if query == statements[stMetricKeys].Cypher {
			return boltResult{fields: []string{"id", "metric_keys"}, records: [][]any{{"nantes", []any{"pagerank"}}}}
		}
		return boltResult{}
	})
	if err := s.PutMetrics(context.Background(), []graph.ActorMetrics{{ID: "nantes", Values: map[string]float64{"degree": 3}}}); err != nil {
		t.Fatal(err)
	}
	up := runsOf(f.Events()[before:], stMetricsUpsert)
	if len(up) != 1 {
		t.Fatalf("%d metrics statements, want 1", len(up))
	}
	row := up[0].params["rows"].([]any)[0].(map[string]any)
	values := row["values"].(map[string]any)
	if v, ok := values["pagerank"]; !ok || v != nil {
		t.Errorf("old metric pagerank not cleared: %v", values)
	}
	if values["degree"] != 3.0 || fmt.Sprint(values["metric_keys"]) != "[degree]" {
		t.Errorf("values = %v", values)
	}
}

// BenchmarkPutFakeServer measures the client side of Put — row building,
// PackStream encoding by the driver, batching — against the fake server,
// which does no work: an upper bound on rows per second, not a server
// measurement. Data: storetest.Generate(20000, 50000, 1000, 10000).
func BenchmarkPutFakeServer(b *testing.B) {
	f := newFakeBolt(&testing.T{})
	defer f.ln.Close()
	ctx := context.Background()
	s, err := Open(ctx, f.config())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	d := storetest.Generate(20000, 50000, 1000, 10000)
	rows := len(d.Actors) + len(d.Links) + len(d.Projects) + len(d.Participations)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := s.Put(ctx, d); err != nil {
			b.Fatal(err)
		}
		f.mu.Lock()
		f.events = nil // keep memory flat
		f.mu.Unlock()
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// TestPutBatchesOneTransaction: PutBatches sends every part in one write
// transaction, each record once; when the driver retries the transaction
// after a transient error it reads the parts again from the first; an error
// of the parts themselves rolls the transaction back and is returned as it
// was given, not as an unreachable store.
func TestPutBatchesOneTransaction(t *testing.T) {
	d := bigDataset(2*BatchSize + 17)
	d.Sort()
	count := func(ev []boltEvent, name string) (rows int) {
		for _, e := range runsOf(ev, name) {
			rs, _ := e.params["rows"].([]any)
			rows += len(rs)
		}
		return rows
	}
	t.Run("every part in one transaction", func(t *testing.T) {
		f := newFakeBolt(t)
		s := openFake(t, f)
		before := len(f.Events())
		res, err := s.PutBatches(context.Background(), graph.InBatches(d, 1000), graph.Upsert)
		changed := res.Changed
		if err != nil || !changed {
			t.Fatalf("PutBatches = %v, %v", changed, err)
		}
		ev := f.Events()[before:]
		var begins, commits int
		for _, e := range ev {
			switch e.tag {
			case boltBegin:
				begins++
			case boltCommit:
				commits++
			}
		}
		if begins != 1 || commits != 1 {
			t.Errorf("%d BEGIN, %d COMMIT, want 1 and 1", begins, commits)
		}
		if a, l, p := count(ev, stActorUpsert), count(ev, stLinkUpsert), count(ev, stParticipationUpsert); a != len(d.Actors) || l != len(d.Links) || p != len(d.Participations) {
			t.Errorf("sent %d actors, %d links, %d participations; want %d, %d, %d", a, l, p, len(d.Actors), len(d.Links), len(d.Participations))
		}
	})
	t.Run("a retry reads the parts again", func(t *testing.T) {
		f := newFakeBolt(t)
		s := openFake(t, f)
		f.mu.Lock()
		f.failCommit = 1
		f.mu.Unlock()
		calls := 0
		b := graph.InBatches(d, 1000)
		if _, err := s.PutBatches(context.Background(), func(yield func(*graph.Dataset) error) error {
			calls++
			return b(yield)
		}, graph.Upsert); err != nil {
			t.Fatalf("PutBatches after one transient failure: %v", err)
		}
		if calls != 2 {
			t.Errorf("the parts were read %d times, want 2", calls)
		}
	})
	t.Run("an error of the parts rolls back", func(t *testing.T) {
		f := newFakeBolt(t)
		s := openFake(t, f)
		before := len(f.Events())
		broken := errors.New("links.csv: read error")
		b := graph.InBatches(d, 1000)
		n := 0
		_, err := s.PutBatches(context.Background(), func(yield func(*graph.Dataset) error) error {
			return b(func(part *graph.Dataset) error {
				if n++; n == 3 {
					return broken
				}
				return yield(part)
			})
		}, graph.Upsert)
		if err != broken {
			t.Fatalf("PutBatches = %v, want the error of the parts as it was", err)
		}
		ev := f.Events()[before:]
		for _, e := range ev {
			if e.tag == boltCommit {
				t.Errorf("a failed PutBatches committed; messages: %s", tags(ev))
			}
		}
	})
}
