package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// serveExample ingests the bundled example, starts "alliances serve" on a
// free port of 127.0.0.1 and returns the store and the URL it printed. The
// server stops at the end of the test.
func serveExample(t *testing.T) (store, url string) {
	t.Helper()
	store = filepath.Join(t.TempDir(), "a.db")
	if code, _, errs := cli(t, append([]string{"ingest", "--store", store, "--quiet"}, exampleFiles(t)...)...); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	o := &serveOptions{storeFlags: storeFlags{store: store, quiet: true}, addr: "127.0.0.1:0", seed: 1}
	go func() {
		done <- runServe(ctx, o, &streams{in: strings.NewReader(""), out: pw, err: io.Discard}, nil)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve ended with %v, want nil after Ctrl-C", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop within 10 s of Ctrl-C")
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed no address: %v", err)
	}
	go io.Copy(io.Discard, pr)
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("serve printed %q, want the address to open", line)
	}
	return store, strings.Fields(line[i:])[0]
}

// The API returns what the command line prints in JSON, for the same store
// and seed: one result type each (docs/explorer.md).
func TestServeAPIMatchesCommandLine(t *testing.T) {
	store, url := serveExample(t)
	for _, c := range []struct{ path, args string }{
		{"api/analyze", "analyze --format json"},
		{"api/isolated", "isolated --format json"},
		{"api/ego?id=cd44&depth=2", "query partners cd44 --depth 2 --format json"},
		{"api/path?from=asso-tiznit&to=ent-eau", "query path asso-tiznit ent-eau --format json"},
		// A slice: the same "slice" object, the metrics of the slice.
		{"api/analyze?phase=2", "analyze --phase 2 --format json"},
		{"api/isolated?family=association,ong&dimension=inclusif", "isolated --family association,ong --dimension inclusif --format json"},
		{"api/ego?id=cd44&depth=1&period=2016:2019", "query partners cd44 --depth 1 --period 2016:2019 --format json"},
		{"api/path?from=cd44&to=agadir&phase=1-2", "query path cd44 agadir --phase 1-2 --format json"},
		{"api/compare?by=phase", "compare --by phase --format json"},
		{"api/compare?by=year&family=association,ong,collectivite&top=3", "compare --by year --family association,ong,collectivite --top 3 --format json"},
	} {
		code, out, errs := cli(t, append(strings.Fields(c.args), "--store", store)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.args, code, errs)
		}
		var want, got any
		if err := json.Unmarshal([]byte(out), &want); err != nil {
			t.Fatal(err)
		}
		resp, err := http.Get(url + c.path)
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&got)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", c.path, resp.StatusCode, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("GET %s differs from 'alliances %s'", c.path, c.args)
		}
	}
}

// The server answers only GET and HEAD, only to a Host header that names it
// by address or as localhost (no DNS rebinding), and every answer forbids
// requests outside it.
func TestServeIsReadOnlyAndChecksHost(t *testing.T) {
	_, url := serveExample(t)
	host := strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/")
	_, port, _ := strings.Cut(host, ":")
	for _, c := range []struct {
		method, host string
		want         int
	}{
		{"GET", host, 200},
		{"HEAD", host, 200},
		{"GET", "localhost:" + port, 200},
		{"GET", "attacker.example:" + port, http.StatusMisdirectedRequest},
		{"GET", "localhost.attacker.example:" + port, http.StatusMisdirectedRequest},
		{"GET", "127.0.0.1:1", http.StatusMisdirectedRequest},
		{"POST", host, http.StatusMethodNotAllowed},
		{"PUT", host, http.StatusMethodNotAllowed},
		{"DELETE", host, http.StatusMethodNotAllowed},
	} {
		req, _ := http.NewRequest(c.method, url+"api/store", nil)
		req.Host = c.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s with Host %s: status %d, want %d", c.method, c.host, resp.StatusCode, c.want)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || !strings.Contains(csp, "connect-src 'self'") {
			t.Errorf("%s with Host %s: Content-Security-Policy %q", c.method, c.host, csp)
		}
	}
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "8765"},
		{"serve", "extra"},
	} {
		if code, _, errs := cli(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, code, exitUsage, errs)
		}
	}
	code, _, errs := cli(t, "serve", "--store", filepath.Join(t.TempDir(), "none.db"))
	if code != exitError || !strings.Contains(errs, "ingest") {
		t.Errorf("serve of a missing store: exit %d, %q: want exit 1 and how to create it", code, errs)
	}
}

// The card of an actor gives its metrics as analyze does and its ties as
// "query partners ID --depth 1" does.
func TestServeCardMatchesCommandLine(t *testing.T) {
	store, url := serveExample(t)
	get := func(path string, v any) {
		t.Helper()
		resp, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", path, resp.StatusCode, err)
		}
	}
	var card struct {
		Metrics  map[string]any   `json:"metrics"`
		Partners []map[string]any `json:"partners"`
	}
	get("api/actor?id=cd44", &card)

	_, out, _ := cli(t, "analyze", "--format", "json", "--store", store)
	var res struct {
		Actors []map[string]any `json:"actors"`
	}
	json.Unmarshal([]byte(out), &res)
	for _, a := range res.Actors {
		if a["id"] == "cd44" && !reflect.DeepEqual(a, card.Metrics) {
			t.Errorf("card metrics differ from analyze:\n%v\n%v", card.Metrics, a)
		}
	}
	_, out, _ = cli(t, "query", "partners", "cd44", "--depth", "1", "--format", "json", "--store", store)
	var ego struct {
		Ties []map[string]any `json:"ties"`
	}
	json.Unmarshal([]byte(out), &ego)
	want := map[string]map[string]any{}
	for _, tie := range ego.Ties {
		a, b := tie["a"].(map[string]any)["id"], tie["b"].(map[string]any)["id"]
		if a == "cd44" || b == "cd44" {
			want[a.(string)+" "+b.(string)] = tie
		}
	}
	if len(card.Partners) != len(want) || len(want) == 0 {
		t.Fatalf("card lists %d partners, query partners %d", len(card.Partners), len(want))
	}
	for _, tie := range card.Partners {
		k := tie["a"].(map[string]any)["id"].(string) + " " + tie["b"].(map[string]any)["id"].(string)
		if !reflect.DeepEqual(tie, want[k]) {
			t.Errorf("tie %s: card %v, query partners %v", k, tie, want[k])
		}
	}
}
