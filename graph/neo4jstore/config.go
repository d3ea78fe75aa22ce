package neo4jstore

import (
	"context"
	"errors"
	"net/url"
	"os"
	"strings"

	"github.com/alliances/alliances/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says how to reach a Neo4j database.
type Config struct {
	// URI is the server address, e.g. neo4j://localhost:7687 (see IsURI).
	URI string
	// Username and Password are the credentials; an empty Username means no
	// authentication.
	Username string
	Password string
	// Database is the database name; empty means the server's default
	// (home) database.
	Database string
}

// Environment variables read by ConfigFromEnv (docs/architecture.md).
const (
	EnvUsername = "NEO4J_USERNAME"
	EnvPassword = "NEO4J_PASSWORD"
	EnvDatabase = "NEO4J_DATABASE"
)

// ConfigFromEnv returns the Config for uri with the credentials and database
// from NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE.
func ConfigFromEnv(uri string) Config {
	return Config{
		URI:      uri,
		Username: os.Getenv(EnvUsername),
		Password: os.Getenv(EnvPassword),
		Database: os.Getenv(EnvDatabase),
	}
}

// ErrCredentialsInURI is returned by CheckURI and Open for an address that
// holds a user name or a password (bolt://user:secret@host): the address is
// shown in messages, reports and map captions, so credentials never travel
// in it.
var ErrCredentialsInURI = errors.New("the --store address holds a user name or password: give it as neo4j://HOST:PORT and the credentials in " + EnvUsername + " and " + EnvPassword)

// CheckURI returns ErrCredentialsInURI when uri has user information (an
// "@" before the host). Its error never quotes uri.
func CheckURI(uri string) error {
	i := strings.Index(uri, "://")
	if i < 0 {
		return nil
	}
	authority := uri[i+3:]
	if j := strings.IndexAny(authority, "/?#"); j >= 0 {
		authority = authority[:j]
	}
	if strings.Contains(authority, "@") {
		return ErrCredentialsInURI
	}
	return nil
}

// schemes are the URI schemes of the Neo4j driver: neo4j routes, bolt talks
// to one server; +s encrypts with a verified certificate, +ssc accepts a
// self-signed one.
var schemes = []string{"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}

// IsURI reports whether s is a Neo4j address (neo4j://, bolt://, neo4j+s://,
// bolt+s://, neo4j+ssc://, bolt+ssc://), as opposed to the path of an embedded
// store file. The scheme is case-insensitive.
func IsURI(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return false
	}
	scheme := strings.ToLower(s[:i])
	for _, sc := range schemes {
		if scheme == sc {
			return true
		}
	}
	return false
}

// ConnectError is the error of a store that cannot reach its database. Its
// first line says what to check; the following lines quote the driver, with
// the user name and the password redacted. It wraps graph.ErrUnreachable and,
// when the context ended, the context's error; it does not wrap the driver's
// error, whose text could hold the credentials.
type ConnectError struct {
	// Hint is the first line: what failed and what to check.
	Hint string
	// Detail is the driver's explanation, redacted.
	Detail string
	ctxErr error
}

func (e *ConnectError) Error() string {
	if e.Detail == "" {
		return e.Hint
	}
	return e.Hint + "\n  cause: " + e.Detail
}

// Unwrap returns graph.ErrUnreachable and the context error, if any.
func (e *ConnectError) Unwrap() []error {
	if e.ctxErr != nil {
		return []error{graph.ErrUnreachable, e.ctxErr}
	}
	return []error{graph.ErrUnreachable}
}

// redactedText replaces in s every occurrence of the secrets (the user name
// and the password) by "[redacted]".
func redactedText(s string, secrets ...string) string {
	// Longest first, so that a secret containing another is removed whole.
	ss := append([]string{}, secrets...)
	for i := range ss {
		for j := i + 1; j < len(ss); j++ {
			if len(ss[j]) > len(ss[i]) {
				ss[i], ss[j] = ss[j], ss[i]
			}
		}
	}
	for _, sec := range ss {
		if sec != "" {
			s = strings.ReplaceAll(s, sec, "[redacted]")
		}
	}
	return s
}

// secrets are the strings that no error may show: the user name, the
// password, and any user information written in the URI.
func (cfg Config) secrets() []string {
	out := []string{cfg.Username, cfg.Password}
	if u, err := url.Parse(cfg.URI); err == nil && u.User != nil {
		out = append(out, u.User.Username())
		if p, ok := u.User.Password(); ok {
			out = append(out, p)
		}
		out = append(out, u.User.String())
	}
	return out
}

// address is the host:port of uri, without scheme, credentials or query.
func address(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return "the --store address"
	}
	return u.Host
}

// connectError classifies err, returned by the driver while talking to the
// server of cfg, into a ConnectError whose hint says what to check.
func connectError(cfg Config, err error) *ConnectError {
	e := &ConnectError{}
	switch {
	case errors.Is(err, context.Canceled):
		e.ctxErr = context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		e.ctxErr = context.DeadlineExceeded
	}
	var authErr *neo4j.InvalidAuthenticationError
	var nerr *neo4j.Neo4jError
	switch {
	case errors.As(err, &nerr) && (nerr.Code == "Neo.ClientError.Security.Forbidden" || nerr.Code == "Neo.ClientError.Security.AuthorizationExpired"):
		e.Hint = "neo4j: permission denied: the user in " + EnvUsername + " must be allowed to read, write and create constraints in the database"
	case errors.As(err, &authErr),
		errors.As(err, &nerr) && (nerr.IsAuthenticationFailed() || strings.HasPrefix(nerr.Code, "Neo.ClientError.Security.")):
		e.Hint = "neo4j: authentication failed: check the credentials in " + EnvUsername + " and " + EnvPassword
	case errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Database.DatabaseNotFound":
		e.Hint = "neo4j: database not found: check the database name in " + EnvDatabase + " (unset means the server's default database)"
	case errors.As(err, &nerr) && strings.HasPrefix(nerr.Code, "Neo.ClientError."):
		e.Hint = "neo4j: the server refused the request: check that " + address(cfg.URI) + " is a Neo4j 5 server and that the user may write to the database named by " + EnvDatabase
	case e.ctxErr == context.DeadlineExceeded:
		e.Hint = "neo4j: no answer from " + address(cfg.URI) + " in time: check that --store names the Bolt port of a Neo4j 5 server (usually 7687) and that the server is not overloaded"
	case e.ctxErr != nil:
		e.Hint = "neo4j: interrupted while connecting to " + address(cfg.URI)
	default:
		e.Hint = "neo4j: cannot connect to " + address(cfg.URI) + ": check the address and port in --store and that the server is running and reachable"
	}
	secrets := cfg.secrets()
	e.Hint = redactedText(e.Hint, secrets...)
	if err != nil {
		e.Detail = redactedText(strings.ReplaceAll(err.Error(), "\n", " "), secrets...)
	}
	return e
}
