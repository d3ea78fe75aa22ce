package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/alliances/alliances/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Store is a graph.Store kept in a Neo4j 5 database. It is safe for use by one
// goroutine at a time.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
	// marker is added to every node the store creates; only the contract test
	// sets it, to recognise and clean its own nodes.
	marker map[string]any
}

var _ graph.Store = (*Store)(nil)

// connectTimeout bounds how long Open waits for the server.
const connectTimeout = 15 * time.Second

// Deadlines of Open's first exchanges with the server (variables for the
// tests): the Bolt handshake and the first answer (VerifyConnectivity), so
// that a server that accepts TCP connections and never speaks Bolt is an
// error, not a wait without end; and the creation of the constraints.
var (
	handshakeTimeout   = connectTimeout
	constraintsTimeout = 2 * time.Minute
)

// Open connects to the database of cfg, checks that it answers (address,
// credentials and database name) and creates the uniqueness constraints on
// Actor.id and Project.id if they do not exist. Any failure to reach or use the
// database is a *ConnectError wrapping graph.ErrUnreachable.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if !IsURI(cfg.URI) {
		return nil, &ConnectError{Hint: "neo4j: the --store address is not a Neo4j URI: use neo4j://host:7687, bolt://host:7687, neo4j+s://… or bolt+s://…"}
	}
	if _, err := url.Parse(cfg.URI); err != nil {
		// The parser's message quotes the URI, which may hold credentials.
		return nil, &ConnectError{Hint: "neo4j: the --store address is not a valid URI: check its host and port"}
	}
	if err := CheckURI(cfg.URI); err != nil {
		return nil, err
	}
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.SocketConnectTimeout = connectTimeout
		c.ConnectionAcquisitionTimeout = connectTimeout
	})
	if err != nil {
		return nil, connectError(cfg, err)
	}
	s := &Store{driver: driver, cfg: cfg}
	if err := s.init(ctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// init verifies connectivity and creates the constraints, each in its own
// transaction (Neo4j does not mix schema and data changes).
func (s *Store) init(ctx context.Context) error {
	vctx, cancel := context.WithTimeout(ctx, handshakeTimeout)
	err := s.driver.VerifyConnectivity(vctx)
	cancel()
	if err != nil {
		return connectError(s.cfg, err)
	}
	ctx, cancel = context.WithTimeout(ctx, constraintsTimeout)
	defer cancel()
	// The constraints run in the configured database, which checks its name.
	for _, name := range []string{stConstraintActor, stConstraintProject} {
		sess := s.session(ctx, neo4j.AccessModeWrite)
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return nil, s.exec(ctx, tx, name, nil)
		})
		_ = sess.Close(context.WithoutCancel(ctx))
		if err != nil {
			// Whatever the server says (no such database, not allowed to
			// create constraints…), the store cannot be used.
			return connectError(s.cfg, err)
		}
	}
	return nil
}

// Close releases the driver's connections. Closing a nil store does nothing.
func (s *Store) Close() error {
	if s == nil || s.driver == nil {
		return nil
	}
	return s.driver.Close(context.Background())
}

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: mode, DatabaseName: s.cfg.Database})
}

// write runs work in one managed write transaction: the driver retries it on
// transient errors and rolls it back when work returns an error.
func (s *Store) write(ctx context.Context, work func(ctx context.Context, tx neo4j.ManagedTransaction) error) error {
	ctx, cancel := cancellable(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, work(ctx, tx)
	})
	return s.wrap(ctx, err)
}

// read runs work in one managed read-only transaction.
func (s *Store) read(ctx context.Context, work func(ctx context.Context, tx neo4j.ManagedTransaction) error) error {
	ctx, cancel := cancellable(ctx)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, work(ctx, tx)
	})
	return s.wrap(ctx, err)
}

// cancellable returns ctx, given a deadline if it has none. The driver
// watches a context for cancellation while it waits for the server only when
// the context has a deadline (internal/racing in neo4j-go-driver v5.28): without
// one, a cancelled Put (Ctrl-C) would wait for the server's answer.
func cancellable(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithDeadline(ctx, time.Now().Add(farDeadline))
}

// farDeadline is the deadline given to contexts that have none: far enough
// never to end a real ingest.
const farDeadline = 30 * 24 * time.Hour

// workError marks errors of the store's own making inside a transaction
// function, which are returned as they are.
type workError struct{ err error }

func (e workError) Error() string { return e.err.Error() }
func (e workError) Unwrap() error { return e.err }

// wrap turns a driver error into an error that is safe to show: connectivity,
// authentication and database errors become a *ConnectError wrapping
// graph.ErrUnreachable; other server errors are redacted.
func (s *Store) wrap(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var we workError
	if errors.As(err, &we) {
		return we.err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("neo4j: transaction interrupted: %w", ctxErr(err))
	}
	if cerr := ctx.Err(); cerr != nil {
		// The driver reports a cancelled context in its own words.
		return fmt.Errorf("neo4j: transaction interrupted: %w", cerr)
	}
	var nerr *neo4j.Neo4jError
	if errors.As(err, &nerr) && !nerr.IsAuthenticationFailed() &&
		nerr.Code != "Neo.ClientError.Database.DatabaseNotFound" &&
		!errors.As(err, new(*neo4j.InvalidAuthenticationError)) {
		// A query error (syntax, constraint, access mode…): not unreachable.
		return &QueryError{Code: nerr.Code, Msg: redactedText(nerr.Msg, s.cfg.secrets()...)}
	}
	return connectError(s.cfg, err)
}

func ctxErr(err error) error {
	if errors.Is(err, context.Canceled) {
		return context.Canceled
	}
	return context.DeadlineExceeded
}

// QueryError is an error reported by the server for a statement: a Cypher
// syntax error in a user query, a write attempted in a read-only transaction,
// a constraint violation.
type QueryError struct {
	Code string // Neo4j status code, e.g. Neo.ClientError.Statement.SyntaxError
	Msg  string // server message, with credentials redacted
}

func (e *QueryError) Error() string { return "neo4j: " + e.Code + ": " + e.Msg }

// exec runs the named registry statement and discards its result.
func (s *Store) exec(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) error {
	res, err := s.run(ctx, tx, name, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// run runs the named registry statement.
func (s *Store) run(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) (neo4j.ResultWithContext, error) {
	cypher, err := statement(name, params)
	if err != nil {
		return nil, workError{err}
	}
	return tx.Run(ctx, cypher, params)
}

// batches calls f with successive slices of at most BatchSize elements of xs.
func batches[T any](xs []T, f func([]T) error) error {
	for start := 0; start < len(xs); start += BatchSize {
		end := min(start+BatchSize, len(xs))
		if err := f(xs[start:end]); err != nil {
			return err
		}
	}
	return nil
}
