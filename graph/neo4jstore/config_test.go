package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/alliances/alliances/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestIsURI(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"neo4j://localhost:7687", true},
		{"bolt://localhost:7687", true},
		{"neo4j+s://demo.databases.neo4j.io", true},
		{"bolt+s://db.example.org:7687", true},
		{"neo4j+ssc://localhost", true},
		{"bolt+ssc://127.0.0.1:7687", true},
		{"NEO4J://LOCALHOST:7687", true},
		{"./alliances.db", false},
		{"alliances.db", false},
		{"/home/zoé/données/alliances.db", false},
		{`C:\Users\zoe\alliances.db`, false},
		{"http://localhost:7474", false},
		{"neo4j:/localhost", false},
		{"://localhost", false},
		{"neo4j", false},
		{"", false},
		{"file:///tmp/alliances.db", false},
		{"dossier/neo4j://x", false},
	}
	for _, tt := range tests {
		if got := IsURI(tt.in); got != tt.want {
			t.Errorf("IsURI(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Setenv(EnvUsername, "chercheuse")
	t.Setenv(EnvPassword, "mot de passe très secret")
	t.Setenv(EnvDatabase, "alliances")
	got := ConfigFromEnv("neo4j://localhost:7687")
	want := Config{URI: "neo4j://localhost:7687", Username: "chercheuse", Password: "mot de passe très secret", Database: "alliances"}
	if got != want {
		t.Errorf("ConfigFromEnv = %+v, want %+v", got, want)
	}
	t.Setenv(EnvUsername, "")
	t.Setenv(EnvPassword, "")
	t.Setenv(EnvDatabase, "")
	if got := ConfigFromEnv("bolt://h:1"); got != (Config{URI: "bolt://h:1"}) {
		t.Errorf("ConfigFromEnv without variables = %+v, want only the URI", got)
	}
}

// Credentials that must never appear in an error.
const (
	secretUser = "zoe.ngo-chercheuse"
	secretPass = "S3cr3t-p@ss, mot de passe"
)

func secretConfig(uri string) Config {
	return Config{URI: uri, Username: secretUser, Password: secretPass, Database: "alliances"}
}

// checkSafe fails unless err wraps graph.ErrUnreachable, has a first line
// containing hint, and shows no credential anywhere.
func checkSafe(t *testing.T, err error, hint string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	if !errors.Is(err, graph.ErrUnreachable) {
		t.Errorf("error %q does not wrap graph.ErrUnreachable", err)
	}
	msg := err.Error()
	first, _, _ := strings.Cut(msg, "\n")
	if !strings.Contains(first, hint) {
		t.Errorf("first line %q does not say %q", first, hint)
	}
	for _, secret := range []string{secretUser, secretPass, "S3cr3t", "zoe.ngo"} {
		if strings.Contains(msg, secret) {
			t.Errorf("error shows the credential %q:\n%s", secret, msg)
		}
	}
	// Unwrapping must not lead to the raw text either.
	for _, e := range unwrapAll(err) {
		if strings.Contains(e.Error(), secretPass) || strings.Contains(e.Error(), secretUser) {
			t.Errorf("a wrapped error shows a credential: %q", e)
		}
	}
}

func unwrapAll(err error) []error {
	out := []error{err}
	switch x := err.(type) {
	case interface{ Unwrap() error }:
		if u := x.Unwrap(); u != nil {
			out = append(out, unwrapAll(u)...)
		}
	case interface{ Unwrap() []error }:
		for _, u := range x.Unwrap() {
			out = append(out, unwrapAll(u)...)
		}
	}
	return out
}

func TestConnectErrorClassifiesAndRedacts(t *testing.T) {
	cfg := secretConfig("neo4j://db.example.org:7687")
	tests := []struct {
		name string
		err  error
		hint string
	}{
		{
			name: "bad credentials",
			err: &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized",
				Msg: "The client is unauthorized due to authentication failure for user " + secretUser + " with password " + secretPass},
			hint: "check the credentials in NEO4J_USERNAME and NEO4J_PASSWORD",
		},
		{
			name: "invalid authentication wrapped by the driver",
			err:  fmt.Errorf("while connecting: %w", &neo4j.InvalidAuthenticationError{}),
			hint: "NEO4J_USERNAME and NEO4J_PASSWORD",
		},
		{
			name: "rate limited authentication",
			err:  &neo4j.Neo4jError{Code: "Neo.ClientError.Security.AuthenticationRateLimit", Msg: "too many attempts by " + secretUser},
			hint: "NEO4J_USERNAME and NEO4J_PASSWORD",
		},
		{
			name: "unknown database",
			err:  &neo4j.Neo4jError{Code: "Neo.ClientError.Database.DatabaseNotFound", Msg: "Database does not exist. Database name: 'alliances'."},
			hint: "check the database name in NEO4J_DATABASE",
		},
		{
			name: "server down",
			err:  &neo4j.ConnectivityError{Inner: errors.New("dial tcp 192.0.2.1:7687: connect: connection refused (user " + secretUser + ":" + secretPass + ")")},
			hint: "cannot connect to db.example.org:7687: check the address and port",
		},
		{
			name: "not allowed",
			err:  &neo4j.Neo4jError{Code: "Neo.ClientError.Security.Forbidden", Msg: "Schema operations are not allowed for user '" + secretUser + "'."},
			hint: "permission denied: the user in NEO4J_USERNAME must be allowed",
		},
		{
			name: "other refusal",
			err:  &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.AccessMode", Msg: "Writing in read access mode not allowed. Attempted write to " + secretUser},
			hint: "the server refused the request",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkSafe(t, connectError(cfg, tt.err), tt.hint)
		})
	}
}

func TestConnectErrorCancelled(t *testing.T) {
	err := connectError(secretConfig("bolt://localhost:7687"), fmt.Errorf("dial: %w", context.Canceled))
	checkSafe(t, err, "interrupted while connecting to localhost:7687")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %q does not wrap context.Canceled", err)
	}
	// A deadline is the server's silence (issue #16, finding 5).
	err = connectError(secretConfig("bolt://localhost:7687"), fmt.Errorf("dial: %w", context.DeadlineExceeded))
	checkSafe(t, err, "no answer from localhost:7687 in time")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %q does not wrap context.DeadlineExceeded", err)
	}
}

func TestRedactedText(t *testing.T) {
	got := redactedText("user neo4j-admin with password neo4j-admin-pw failed", "neo4j-admin", "neo4j-admin-pw")
	if want := "user [redacted] with password [redacted] failed"; got != want {
		t.Errorf("redactedText = %q, want %q", got, want)
	}
	if got := redactedText("nothing to hide", "", ""); got != "nothing to hide" {
		t.Errorf("empty secrets changed the text: %q", got)
	}
}

// closedPort returns a loopback address on which nothing listens.
func closedPort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("cannot listen on loopback: %v", err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// TestOpenUnreachable opens a store on a loopback port where no server
// listens, through the real driver, and checks the error a user would see.
func TestOpenUnreachable(t *testing.T) {
	addr := closedPort(t)
	for _, uri := range []string{"bolt://" + addr, "neo4j://" + addr} {
		t.Run(uri, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			s, err := Open(ctx, secretConfig(uri))
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded on a port where nothing listens")
			}
			checkSafe(t, err, "check the address and port")
			if s != nil {
				t.Errorf("Open returned a store with its error")
			}
			if err := s.Close(); err != nil { // as in a deferred Close after a failed Open
				t.Errorf("Close of the nil store: %v", err)
			}
			t.Logf("error shown to the user:\n%s", err)
			if !strings.Contains(err.Error(), addr) {
				t.Errorf("error %q does not name the address %s", err, addr)
			}
		})
	}
}

// TestOpenCredentialsInURI: credentials written in the URI itself are not
// shown either.
func TestOpenCredentialsInURI(t *testing.T) {
	addr := closedPort(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := Open(ctx, Config{URI: "bolt://" + secretUser + ":" + strings.ReplaceAll(secretPass, " ", "%20") + "@" + addr})
	// Refused before any connection (issue #16, finding 4), without
	// quoting the address.
	if !errors.Is(err, ErrCredentialsInURI) {
		t.Fatalf("got %v, want ErrCredentialsInURI", err)
	}
	for _, secret := range []string{secretUser, secretPass, "S3cr3t"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("error shows the credential %q: %s", secret, err)
		}
	}
}

func ExampleIsURI() {
	for _, store := range []string{"neo4j://localhost:7687", "bolt+s://db.example.org", "./alliances.db"} {
		fmt.Println(store, IsURI(store))
	}
	// Output:
	// neo4j://localhost:7687 true
	// bolt+s://db.example.org true
	// ./alliances.db false
}

func TestOpenNotAURI(t *testing.T) {
	for _, uri := range []string{"./alliances.db", "http://localhost:7474", "bolt://%zz" + secretPass + "@host"} {
		_, err := Open(context.Background(), secretConfig(uri))
		checkSafe(t, err, "--store address")
	}
}
