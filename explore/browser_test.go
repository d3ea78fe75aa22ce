package explore

import (
	"context"
	"fmt"
	"math"
	"net"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/alliances/alliances/analysis"
	"github.com/alliances/alliances/compare"
	"github.com/alliances/alliances/examples"
	"github.com/alliances/alliances/graph"
	"github.com/alliances/alliances/graph/storetest"
	"github.com/alliances/alliances/ingest"
	"github.com/alliances/alliances/internal/needs"
)

// The page is tested in a real headless Chromium driven by chromedp.
// Without Chromium the tests skip, unless CI=true, where they must run
// (.ci/run installs Debian's chromium).

// browser is the Chromium that every test opens its tabs in, started by the
// first test that needs it and stopped by TestMain.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
	}
	os.Exit(code)
}

func sharedBrowser(t *testing.T, exe string) context.Context {
	t.Helper()
	browser.once.Do(func() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.NoSandbox,
			chromedp.Flag("disable-gpu", true),
			// WebGL drawn by the CPU (SwiftShader): sigma.js needs WebGL.
			chromedp.Flag("use-angle", "swiftshader"),
			chromedp.Flag("enable-unsafe-swiftshader", true),
			chromedp.WindowSize(1400, 900),
		)
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, bcancel := chromedp.NewContext(actx)
		browser.ctx, browser.cancel = bctx, func() { bcancel(); acancel() }
		browser.err = chromedp.Do(bctx) // starts the browser
	})
	if browser.err != nil {
		t.Fatalf("chromium does not start: %v", browser.err)
	}
	return browser.ctx
}

// hostileName is the name of an actor of the test data that would run a
// script if the page ever inserted it as markup.
const hostileName = `<img src=x onerror=alert(1)>`

// exampleData is the bundled example read by package ingest, plus an
// association named hostileName that takes part in the first project.
func exampleData(t *testing.T) *graph.Dataset {
	t.Helper()
	files := []string{"loire-souss/acteurs.csv", "loire-souss/projets.csv", "loire-souss/participations.csv", "loire-souss/liens.csv"}
	r, err := ingest.ReadFS(examples.LoireSouss, files, ingest.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := r.Dataset
	d.Actors = append(d.Actors, graph.Actor{ID: "zz-hostile", Name: hostileName, Family: "association", Country: "FR"})
	d.Participations = append(d.Participations, graph.Participation{Actor: "zz-hostile", Project: d.Projects[0].ID, Role: "partner"})
	d.Sort()
	return d
}

// page is a page of the explorer open in a browser tab, with what the tab
// reported: errors (console errors, exceptions, failed loads, CSP
// violations), requests outside the server, and dialogs.
type browserPage struct {
	ctx  context.Context
	base string

	mu       sync.Mutex
	errors   []string
	external []string
	dialogs  []string
}

func (p *browserPage) problems() (errs, ext, dialogs []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...), append([]string(nil), p.external...), append([]string(nil), p.dialogs...)
}

// openPage serves d at the positions pos and opens the page in a new
// headless Chromium, in language lang.
func openPage(t *testing.T, d *graph.Dataset, pos Positions, lang string) *browserPage {
	t.Helper()
	exe := needs.Tool(t, "chromium", "chromium-browser", "google-chrome")
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	srv, err := New(ctx, d, graph.NewNetwork(d), pos, Options{Source: "example", Analysis: analysis.Options{Seed: 1}, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	hs := httptest.NewUnstartedServer(srv.Handler("127.0.0.1:0", port))
	hs.Listener.Close()
	hs.Listener = ln
	hs.Start()
	t.Cleanup(hs.Close)

	bctx, bcancel := chromedp.NewContext(sharedBrowser(t, exe)) // a new tab
	t.Cleanup(bcancel)
	p := &browserPage{ctx: bctx, base: hs.URL + "/"}
	if err := chromedp.Do(bctx); err != nil { // opens the tab
		t.Fatalf("chromium opens no tab: %v", err)
	}
	err = chromedp.Listen(bctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				p.errors = append(p.errors, "console: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if x := e.ExceptionDetails.Exception; x != nil {
				msg += " " + x.Description
			}
			p.errors = append(p.errors, "exception: "+msg)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				p.errors = append(p.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			u := e.Request.URL
			if !strings.HasPrefix(u, p.base) && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "blob:") {
				p.external = append(p.external, u)
			}
		case *page.EventJavascriptDialogOpening:
			p.dialogs = append(p.dialogs, e.Message)
			go chromedp.Call(bctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	tctx, tcancel := context.WithTimeout(bctx, 60*time.Second)
	t.Cleanup(tcancel)
	p.ctx = tctx
	if _, err := chromedp.Call(tctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tctx,
		chromedp.Navigate(p.base+"?lang="+lang),
		chromedp.WaitVisible(chromedp.CSS(`body[data-ready="1"]`)),
	); err != nil {
		t.Fatalf("page did not load: %v", err)
	}
	return p
}

// do runs steps in the page, failing the test on error.
func (p *browserPage) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval returns the value of a JavaScript expression in the page.
func eval[T any](t *testing.T, p *browserPage, expr string) T {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// text returns the text of the element of CSS selector sel.
func text(t *testing.T, p *browserPage, sel string) string {
	t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("%s: %v", sel, err)
	}
	return v
}

// gridPositions places actors on a grid in id order: the tests check that
// the page draws actors where the positions say, whatever they are.
func gridPositions(d *graph.Dataset) Positions {
	pos := Positions{}
	for i, a := range d.Actors {
		pos[a.ID] = [2]float64{float64(i%7) * 100, float64(i/7) * 100}
	}
	return pos
}

func TestPageLoadsWithoutErrorOrOutsideRequest(t *testing.T) {
	d := exampleData(t)
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			p := openPage(t, d, gridPositions(d), lang)
			counts := text(t, p, "#counts")
			htmlLang := eval[string](t, p, `document.documentElement.lang`)
			legend := eval[int](t, p, `document.querySelectorAll("#legend li").length`)
			net := graph.NewNetwork(d)
			want := map[string]string{
				"en": fmt.Sprintf("%d actors, %d ties", len(net.Actors), len(net.Ties)),
				"fr": fmt.Sprintf("%d acteurs, %d liens", len(net.Actors), len(net.Ties)),
			}[lang]
			if counts != want {
				t.Errorf("counts = %q, want %q", counts, want)
			}
			if htmlLang != lang {
				t.Errorf("page language %q, want %q", htmlLang, lang)
			}
			if legend != 5 { // the example has 5 of the 6 families
				t.Errorf("legend has %d families, want 5", legend)
			}
			errs, ext, _ := p.problems()
			if len(errs) > 0 {
				t.Errorf("the page reported errors:\n%s", strings.Join(errs, "\n"))
			}
			if len(ext) > 0 {
				t.Errorf("the page made requests outside the server:\n%s", strings.Join(ext, "\n"))
			}
		})
	}
}

// A name typed in lower case and without accents finds the actor, whose
// card then shows every metric with the values of "alliances analyze
// --format json" (analysis.Analyze with seed 1, what the command runs).
func TestSearchWithoutAccentsOpensCardWithAnalyzeValues(t *testing.T) {
	d := exampleData(t)
	p := openPage(t, d, gridPositions(d), "en")
	p.do(t,
		chromedp.SendKeys(chromedp.CSS(`#search`), "conseil departemental de loire"),
		chromedp.WaitVisible(chromedp.CSS(`#search-list li[data-id="cd44"]`)),
		chromedp.SendKeys(chromedp.CSS(`#search`), "\r"),
		chromedp.WaitVisible(chromedp.CSS(`#card article[data-actor="cd44"]`)),
	)
	name := text(t, p, "#card-name")
	if name != "Conseil départemental de Loire-Atlantique" {
		t.Errorf("card of %q, want Conseil départemental de Loire-Atlantique", name)
	}

	res, err := analysis.Analyze(graph.NewNetwork(d), analysis.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var want *analysis.ActorMetrics
	for i := range res.Actors {
		if res.Actors[i].ID == "cd44" {
			want = &res.Actors[i]
		}
	}
	shown := eval[map[string]string](t, p, `Object.fromEntries([...document.querySelectorAll("#card tr[data-metric]")].map(tr => [tr.dataset.metric, tr.querySelector("td.value").dataset.value]))`)
	cols := analysis.ActorColumns()
	if len(shown) != len(cols) {
		t.Errorf("the card shows %d metrics, want every one of the %d of analyze", len(shown), len(cols))
	}
	for _, c := range cols {
		v := c.Value(want)
		got, ok := shown[c.Name]
		switch {
		case !ok:
			t.Errorf("%s: not on the card", c.Name)
		case !v.Defined():
			if got != "" {
				t.Errorf("%s = %q, want undefined", c.Name, got)
			}
		default:
			f, err := strconv.ParseFloat(got, 64)
			if err != nil || f != float64(v) {
				t.Errorf("%s = %q on the card, analyze gives %v", c.Name, got, float64(v))
			}
		}
	}
	_, _, dialogs := p.problems()
	if len(dialogs) > 0 {
		t.Errorf("dialogs opened: %v", dialogs)
	}
}

// An actor named <img src=x onerror=alert(1)> is shown as these characters
// in the completion, the card and the table; nothing runs.
func TestHostileNameShownAsText(t *testing.T) {
	d := exampleData(t)
	p := openPage(t, d, gridPositions(d), "en")
	p.do(t,
		chromedp.SendKeys(chromedp.CSS(`#search`), "<img"),
		chromedp.WaitVisible(chromedp.CSS(`#search-list li[data-id="zz-hostile"]`)),
	)
	completion := text(t, p, `#search-list li[data-id="zz-hostile"] .n`)
	p.do(t,
		chromedp.SendKeys(chromedp.CSS(`#search`), "\r"),
		chromedp.WaitVisible(chromedp.CSS(`#card article[data-actor="zz-hostile"]`)),
	)
	card := text(t, p, "#card-name")
	row := eval[string](t, p, `document.querySelector('#table tr[data-id="zz-hostile"] td.name').textContent`)
	imgs := eval[int](t, p, `document.querySelectorAll("img").length`)
	for what, got := range map[string]string{"completion": completion, "card": card, "table": row} {
		if got != hostileName {
			t.Errorf("%s shows %q, want the name as text %q", what, got, hostileName)
		}
	}
	if imgs != 0 {
		t.Errorf("the page holds %d img elements: a name was read as markup", imgs)
	}
	errs, ext, dialogs := p.problems()
	if len(dialogs) > 0 {
		t.Errorf("a script ran: dialogs %v", dialogs)
	}
	if len(errs) > 0 || len(ext) > 0 {
		t.Errorf("errors %v, outside requests %v", errs, ext)
	}
}

// waitLoad runs the steps, which change the view, and waits until the page
// has drawn the new view.
func (p *browserPage) waitLoad(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	n := eval[string](t, p, `document.body.dataset.loads || "0"`)
	next, _ := strconv.Atoi(n)
	p.do(t, steps...)
	p.do(t, chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`body[data-loads="%d"]`, next+1))))
}

// sliceNetwork is the network of a slice of d, as the command line takes it.
func sliceNetwork(t *testing.T, d *graph.Dataset, set map[string]string) *graph.Network {
	t.Helper()
	var s graph.Slice
	for f, v := range set {
		if err := s.Set(f, v); err != nil {
			t.Fatal(err)
		}
	}
	_, net, err := s.Network(d)
	if err != nil {
		t.Fatal(err)
	}
	return net
}

// Unticking a family in the legend filters it out: the counts become those
// of the slice --family with the other families.
func TestFamilyFilterChangesCounts(t *testing.T) {
	d := exampleData(t)
	p := openPage(t, d, gridPositions(d), "en")
	before := text(t, p, "#counts")
	p.waitLoad(t, chromedp.Click(chromedp.CSS(`#legend li[data-family="association"] input`)))
	after := text(t, p, "#counts")
	net := sliceNetwork(t, d, map[string]string{"family": "collectivite,ong,entreprise,institution"})
	want := fmt.Sprintf("%d actors, %d ties", len(net.Actors), len(net.Ties))
	if after != want || after == before {
		t.Errorf("counts %q after unticking association (before %q), want %q", after, before, want)
	}
	if n := eval[int](t, p, `document.querySelectorAll("#table tbody tr").length`); n != len(net.Actors) {
		t.Errorf("the table lists %d actors, want %d", n, len(net.Actors))
	}
	if fams := eval[[]string](t, p, `[...new Set(alliancesExplorer.state.drawing.actors.map(a => a.family))]`); slices.Contains(fams, "association") {
		t.Errorf("associations still drawn: %v", fams)
	}
}

// The phase slider steps through the phases of the programme: every actor
// stays at its place on the screen, the actors that enter are marked and
// those of the previous phase that left are drawn faint.
func TestPhaseSliderKeepsPositions(t *testing.T) {
	d := exampleData(t)
	prog := "Coopération Loire-Atlantique – Souss-Massa"
	net1 := sliceNetwork(t, d, map[string]string{"programme": prog, "phase": "1"})
	net2 := sliceNetwork(t, d, map[string]string{"programme": prog, "phase": "2"})
	// The actors of neither phase are placed far away: the phases then
	// cover a small part of the whole, and a drawing framed on its own
	// actors would move them on the screen.
	pos := gridPositions(d)
	inPhases := map[string]bool{}
	for _, n := range []*graph.Network{net1, net2} {
		for _, a := range n.Actors {
			inPhases[a.ID] = true
		}
	}
	for id, xy := range pos {
		if !inPhases[id] {
			pos[id] = [2]float64{xy[0] + 3000, xy[1] + 2000}
		}
	}
	p := openPage(t, d, pos, "en")
	type node struct {
		X, Y     float64
		Entering bool
		Ghost    bool
	}
	screen := func() map[string]node {
		return eval[map[string]node](t, p, `(() => {
			const m = alliancesExplorer.map, r = m.renderer, out = {}; r.refresh();
			m.graph.forEachNode((n, a) => { const q = r.graphToViewport({x: a.x, y: a.y}); out[n] = {X: q.x, Y: q.y, Entering: a.entering, Ghost: a.ghost}; });
			return out; })()`)
	}
	all := screen()
	if p.do(t, chromedp.WaitVisible(chromedp.CSS(`#phase-slider`))); t.Failed() {
		return
	}
	p.waitLoad(t, chromedp.Click(chromedp.CSS(`#phase-next`)))
	phase1 := screen()
	p.waitLoad(t, chromedp.Click(chromedp.CSS(`#phase-next`)))
	phase2 := screen()
	if got := text(t, p, "#phase-value"); got != "Phase 2" {
		t.Errorf("slider shows %q, want Phase 2", got)
	}
	in1 := map[string]bool{}
	for _, a := range net1.Actors {
		in1[a.ID] = true
	}
	in2 := map[string]bool{}
	for _, a := range net2.Actors {
		in2[a.ID] = true
		n, ok := phase2[a.ID]
		switch {
		case !ok || n.Ghost:
			t.Errorf("%s: in phase 2, not drawn", a.ID)
		case n.Entering != !in1[a.ID]:
			t.Errorf("%s: entering mark %v, want %v", a.ID, n.Entering, !in1[a.ID])
		}
	}
	for id := range in1 {
		if !in2[id] && !phase2[id].Ghost {
			t.Errorf("%s: left after phase 1, not drawn faint in phase 2", id)
		}
	}
	moved := 0
	for id, n := range phase2 {
		for _, before := range []map[string]node{all, phase1} {
			if b, ok := before[id]; ok && (math.Abs(b.X-n.X) > 0.01 || math.Abs(b.Y-n.Y) > 0.01) {
				moved++
				t.Errorf("%s moved on the screen: (%.1f, %.1f) then (%.1f, %.1f)", id, b.X, b.Y, n.X, n.Y)
			}
		}
	}
	if len(phase2) == 0 || len(phase1) == 0 {
		t.Fatal("nothing drawn")
	}
}

// TestScreenshots saves screenshots of a running explorer to look at, in
// both languages: the first view, an actor's card, its ego network. It runs
// only when EXPLORE_SCREENSHOTS names a directory and EXPLORE_URL the
// address that "alliances serve" printed; EXPLORE_ACTOR names the actor
// (default: the first of the table).
//
//	EXPLORE_URL=http://127.0.0.1:8765/ EXPLORE_SCREENSHOTS=/tmp/shots go test ./explore -run Screenshots
func TestScreenshots(t *testing.T) {
	dir, base := os.Getenv("EXPLORE_SCREENSHOTS"), os.Getenv("EXPLORE_URL")
	if dir == "" || base == "" {
		t.Skip("EXPLORE_SCREENSHOTS and EXPLORE_URL not set")
	}
	exe := needs.Tool(t, "chromium", "chromium-browser", "google-chrome")
	for _, lang := range []string{"en", "fr"} {
		ctx, cancel := chromedp.NewContext(sharedBrowser(t, exe))
		defer cancel()
		ctx, cancel2 := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel2()
		shot := func(name string) {
			t.Helper()
			time.Sleep(1500 * time.Millisecond) // camera animations
			b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(fmt.Sprintf("%s/%s-%s.png", dir, name, lang), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		start := time.Now()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"?lang="+lang), chromedp.WaitVisible(chromedp.CSS(`body[data-painted="1"]`))); err != nil {
			t.Fatal(err)
		}
		timing, _ := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`alliancesExplorer.state.timing`))
		t.Logf("%s: first view seen by the test %.2fs after it asked for the tab; first view painted %.0f ms after the navigation started (ms: %v)", lang, time.Since(start).Seconds(), timing["first"], timing)
		shot("1-first-view")
		actor := os.Getenv("EXPLORE_ACTOR")
		if actor == "" {
			a, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#table tbody tr").dataset.id`))
			if err != nil {
				t.Fatal(err)
			}
			actor = a
		}
		q := strconv.Quote(actor)
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`alliancesExplorer.openActor(`+q+`)`), chromedp.WaitVisible(chromedp.CSS(`#card article`))); err != nil {
			t.Fatal(err)
		}
		shot("2-card")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#card button.ego[data-depth="1"]`)), chromedp.WaitVisible(chromedp.CSS(`#focus-bar`))); err != nil {
			t.Fatal(err)
		}
		shot("3-ego")
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#focus-clear`))); err != nil {
			t.Fatal(err)
		}
		phases, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!document.getElementById("phase").hidden`))
		if phases {
			for range 2 {
				if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#phase-next`))); err != nil {
					t.Fatal(err)
				}
				time.Sleep(2 * time.Second)
			}
			shot("4-phase-2")
		}
	}
}

// A view larger than the preview limits is drawn in two steps: the preview
// first, then the whole view, which is what stays on the map, in the table
// and in the counts.
func TestLargeViewDrawnWholeAfterPreview(t *testing.T) {
	d := storetest.Generate(700, 3000, 40, 900)
	net := graph.NewNetwork(d)
	if len(net.Actors) <= previewLimits.DrawAllActors {
		t.Fatalf("%d actors: not above the preview limits", len(net.Actors))
	}
	p := openPage(t, d, gridPositions(d), "en")
	if preview := eval[float64](t, p, `alliancesExplorer.state.timing.preview || 0`); preview <= 0 {
		t.Error("no preview was drawn before the whole view")
	}
	if order := eval[int](t, p, `alliancesExplorer.map.graph.order`); order != len(net.Actors) {
		t.Errorf("the map holds %d actors, want the whole view's %d", order, len(net.Actors))
	}
	if size := eval[int](t, p, `alliancesExplorer.map.graph.size`); size != len(net.Ties) {
		t.Errorf("the map holds %d ties, want the whole view's %d", size, len(net.Ties))
	}
	if got, want := text(t, p, "#counts"), fmt.Sprintf("%s actors, %s ties", thousands(len(net.Actors)), thousands(len(net.Ties))); got != want {
		t.Errorf("counts %q, want %q", got, want)
	}
	if banner := eval[string](t, p, `document.getElementById("banner").hidden ? "" : document.getElementById("banner").textContent`); banner != "" {
		t.Errorf("the banner still says %q once the whole view is drawn", banner)
	}
	errs, ext, _ := p.problems()
	if len(errs) > 0 || len(ext) > 0 {
		t.Errorf("console errors %v, outside requests %v", errs, ext)
	}
}

// thousands writes n as the English page does: 33,208.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// An actor with a short label (the sigle column) is named by it on the map,
// as on the maps of "alliances map"; its tooltip and card give the full name.
func TestShortLabelNamesActorOnMap(t *testing.T) {
	d := exampleData(t)
	p := openPage(t, d, gridPositions(d), "fr")
	if got := eval[string](t, p, `alliancesExplorer.map.graph.getNodeAttribute("cd44", "label")`); got != "CD44" {
		t.Errorf("cd44 is labelled %q on the map, want its sigle CD44", got)
	}
	p.do(t, chromedp.Evaluate[chromedp.Void](`alliancesExplorer.openActor("cd44")`), chromedp.WaitVisible(chromedp.CSS(`#card article`)))
	if card := text(t, p, "#card h2"); !strings.Contains(card, "Conseil départemental de Loire-Atlantique") {
		t.Errorf("the card is titled %q, want the full name", card)
	}
}

// The "Over time" panel gives, per phase of the slider's programme, the
// numbers of "alliances compare --by phase" (compare.Compare), and a row
// opens its phase.
func TestOverTimePanelMatchesCompare(t *testing.T) {
	d := exampleData(t)
	var s graph.Slice
	if err := s.Set("programme", "Coopération Loire-Atlantique – Souss-Massa"); err != nil {
		t.Fatal(err)
	}
	sd, _, err := s.Apply(d)
	if err != nil {
		t.Fatal(err)
	}
	want, err := compare.Compare(context.Background(), sd, &s, compare.Options{By: "phase", Analysis: analysis.Options{Seed: 1}})
	if err != nil {
		t.Fatal(err)
	}
	p := openPage(t, d, gridPositions(d), "en")
	p.do(t, chromedp.WaitVisible(chromedp.CSS(`#overtime table tbody tr`)))
	rows := eval[[][]string](t, p, `[...document.querySelectorAll("#overtime tbody tr")].map(r => [...r.children].map(c => c.textContent))`)
	if len(rows) != len(want.Slices) {
		t.Fatalf("%d rows, want one per phase: %d", len(rows), len(want.Slices))
	}
	for i, sl := range want.Slices {
		row := []string{strings.TrimPrefix(sl.Label, "phase "), strconv.Itoa(sl.Actors), strconv.Itoa(sl.Ties), "", ""}
		if i > 0 {
			tr := want.Transitions[i-1]
			row[3] = fmt.Sprintf("+%d −%d", len(tr.Entered), len(tr.Left))
			row[4] = strconv.Itoa(tr.TiesKept)
		}
		if !slices.Equal(rows[i], row) {
			t.Errorf("row %d: %q, want %q (compare --by phase)", i, rows[i], row)
		}
	}
	notes := text(t, p, "#overtime")
	if c := fmt.Sprintf("Continuity index: %.2f", float64(want.Continuity)); !strings.Contains(notes, c) {
		t.Errorf("the panel does not say %q:\n%s", c, notes)
	}
	p.waitLoad(t, chromedp.Click(chromedp.CSS(`#overtime tbody tr[data-phase="3"]`)))
	if got := text(t, p, "#phase-value"); got != "Phase 3" {
		t.Errorf("after a click on the row of phase 3 the slider says %q", got)
	}
	if cur := eval[string](t, p, `document.querySelector("#overtime tr.current").dataset.phase`); cur != "3" {
		t.Errorf("the row marked current is phase %q, want 3", cur)
	}
}
