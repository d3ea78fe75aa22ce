package neo4jstore

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/alliances/alliances/graph"
)

// hostileServer listens on a free local port and runs serve on every
// connection; it returns the bolt:// address.
func hostileServer(t *testing.T, serve func(c net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				serve(c)
			}()
		}
	}()
	return "bolt://" + ln.Addr().String()
}

// Issue #16, finding 5: "hangs on a server that accepts TCP and never speaks
// Bolt (900 s and counting)".
func TestOpenGivesUpOnServersThatDoNotSpeakBolt(t *testing.T) {
	old := handshakeTimeout
	handshakeTimeout = 500 * time.Millisecond
	t.Cleanup(func() { handshakeTimeout = old })
	hold := func(c net.Conn) { io.Copy(io.Discard, c) } // reads, never answers
	for name, serve := range map[string]func(net.Conn){
		"accepts and says nothing": hold,
		"answers the handshake, then nothing": func(c net.Conn) {
			var hs [20]byte
			if _, err := io.ReadFull(c, hs[:]); err != nil {
				return
			}
			c.Write([]byte{0, 0, 4, 4}) // Bolt 4.4; HELLO gets no answer
			hold(c)
		},
		"an HTTP server": func(c net.Conn) {
			c.Write([]byte("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
			hold(c)
		},
		"a byte at a time, forever": func(c net.Conn) {
			for {
				if _, err := c.Write([]byte{0}); err != nil {
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
		},
	} {
		t.Run(name, func(t *testing.T) {
			uri := hostileServer(t, serve)
			start := time.Now()
			done := make(chan error, 1)
			go func() {
				s, err := Open(context.Background(), Config{URI: uri})
				if err == nil {
					s.Close()
				}
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, graph.ErrUnreachable) {
					t.Errorf("got %v, want graph.ErrUnreachable (exit 4)", err)
				}
				t.Logf("after %v: %v", time.Since(start).Round(time.Millisecond), err)
			case <-time.After(20 * time.Second):
				t.Fatal("Open still waiting after 20 s")
			}
		})
	}
}

// Issue #16, finding 4: "the password in a --store URI is written into
// report.md, report.html and every map caption". An address with
// credentials is refused, and the refusal does not quote it.
func TestCredentialsInURIRefused(t *testing.T) {
	for _, uri := range []string{
		"bolt://neo4j:s3cret@localhost:7687",
		"neo4j://s3cret@localhost",
		"neo4j+s://user:p%40ss@db.example.org:7687/?x=1",
		"BOLT://u:s3cret@[::1]:7687",
	} {
		if err := CheckURI(uri); !errors.Is(err, ErrCredentialsInURI) {
			t.Errorf("%s: got %v", uri, err)
		}
		_, err := Open(context.Background(), Config{URI: uri})
		if !errors.Is(err, ErrCredentialsInURI) || strings.Contains(err.Error(), "s3cret") || strings.Contains(err.Error(), "p%40ss") {
			t.Errorf("%s: Open: %v", uri, err)
		}
	}
	for _, uri := range []string{"bolt://localhost:7687", "neo4j+s://db.example.org/?user=x@y", "neo4j://host/path@x"} {
		if err := CheckURI(uri); err != nil {
			t.Errorf("%s: %v", uri, err)
		}
	}
}
