// The page of "alliances serve": it asks the JSON API of the server
// (docs/explorer.md) and draws the answers. It loads nothing from elsewhere.

import { el, replace, $ } from "./dom.js";
import { t, colon, chooseLang, setLang, getLang, metricName } from "./i18n.js";
import { MapView } from "./map.js";
import { renderCard } from "./card.js";
import { ActorTable } from "./table.js";
import { Completion } from "./search.js";
import { Filters } from "./filters.js";
import { OverTime } from "./overtime.js";
import { unpack } from "./drawing.js";
import { viewSVG, downloadSVG, downloadPNG } from "./exports.js";

const state = {
  store: null,
  drawing: null,
  partial: false, // the drawing is a preview; the full one is coming
  sizeBy: "degree",
  selected: null,
  card: null,
  focus: null, // {kind: "ego"|"path", text}
  pathFrom: null,
};

let map, table, filters, overTime;

// getDrawing asks /api/network with the query q.
const getDrawing = async (q) => unpack(await getJSON(`/api/network?${q}`));

// The first drawing is asked at once, while the page asks the store's
// description and sets the map up; loadView takes it if it asks the same.
let early = null;
function drawing(q) {
  if (early && early.q === q) {
    const p = early.p;
    early = null;
    return p;
  }
  early = null;
  return getDrawing(q);
}

async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({ error: r.statusText }));
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// sliceQuery returns the query string of the current view's slice.
function sliceQuery(extra = {}, phase) {
  const q = filters ? filters.params(phase) : new URLSearchParams();
  for (const [k, v] of Object.entries(extra)) if (v != null && v !== "") q.set(k, v);
  return q.toString();
}

const familyInfo = (f) => state.store.families.find((x) => x.id === (f || ""));
const colorOf = (f) => (familyInfo(f) || {}).color || "#BBBBBB";
function familyLabel(f) {
  if (!f) return t("noFamily");
  const fi = familyInfo(f);
  return (fi && fi.label[getLang()]) || f;
}

function showError(e) {
  const b = $("banner");
  b.hidden = false;
  b.classList.add("error");
  b.textContent = `${t("error")}${colon()} ${e.message || e}`;
}

function loading(on) {
  $("loading").hidden = !on;
}

// texts sets every fixed text of the page in the current language.
function texts() {
  document.title = `${t("title")} — ${state.store ? state.store.source : ""}`;
  $("title").textContent = t("title");
  $("search").placeholder = t("search");
  $("search").setAttribute("aria-label", t("search"));
  $("lang").textContent = t("langName");
  $("size-label").textContent = t("sizeBy");
  $("legend-title").textContent = t("legend");
  $("download-title").textContent = t("download");
  $("dl-svg").textContent = t("viewSVG");
  $("dl-png").textContent = t("viewPNG");
  $("dl-csv").textContent = t("tableCSV");
  $("zoom-in").title = t("zoomIn");
  $("zoom-out").title = t("zoomOut");
  $("zoom-fit").title = t("fit");
  $("focus-clear").textContent = t("backToAll");
  $("table-title").textContent = t("table");
  $("loading").textContent = t("loading");
  if (state.store) {
    $("source").textContent = `${t("source")}${colon()} ${state.store.source} · ${t("counts", state.store.actors, state.store.ties)}`;
    const sel = $("size-by");
    const cur = sel.value || state.sizeBy;
    replace(sel, state.store.metrics.filter((m) => m !== "community").map((m) => el("option", { value: m, text: metricName(m) })));
    sel.value = cur;
    if (filters) filters.draw();
    if (overTime && overTime.res) overTime.draw(filters.v.phase);
  }
}

function counts() {
  const d = state.drawing;
  if (!d) return;
  $("counts").textContent = t("counts", d.actors.length, d.ties.length);
  const b = $("banner");
  b.classList.remove("error");
  const lines = [];
  if (d.slice) lines.push(t("sliceOf", d.slice_text[getLang()], d.slice.actors, d.slice.ties, d.slice.projects));
  if (state.partial) lines.push(t("drawingRest", d.actors.length, d.total.actors));
  else if (d.truncated) lines.push(t("truncated", d.actors.length, d.ties.length, d.total.actors, d.total.ties, metricName(d.size_by)));
  b.hidden = lines.length === 0;
  replace(b, lines.map((l) => el("div", { text: l })));
  const marks = $("marks");
  marks.hidden = !state.marks;
  if (state.marks) marks.textContent = `${t("entering")} · ${t("departed")}`;
}

// painted resolves once the browser has put on the screen what was drawn
// before it was called: sigma draws in the next animation frame, and a
// second frame callback runs once that frame is painted.
const painted = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));

// previewQuery is the query of the quick first drawing of a view q.
const previewQuery = (q) => `${q}&preview=1`;

let views = 0; // loadView calls so far: the answers of an older one are dropped

// loadView asks the drawing of the current slice and draws it. A view
// larger than the preview limits of the server comes in two steps: the
// preview (its top actors and strongest ties) is drawn at once, then the
// full drawing replaces it.
async function loadView() {
  const seq = ++views;
  loading(true);
  const timing = {};
  try {
    const q = sliceQuery({ size: state.sizeBy });
    // A phase after the first: its actors that were not in the previous
    // phase are marked, and those of the previous phase that left are drawn
    // faint, at their places; it comes in one step.
    const prev = filters.previousPhase();
    let d = null;
    if (!prev) {
      const p = await drawing(previewQuery(q));
      if (seq !== views) return;
      if (p.truncated) {
        state.partial = true;
        present(p, null, []);
        await painted();
        if (seq !== views) return;
        timing.preview = performance.now();
      } else d = p;
    }
    const t1 = performance.now();
    if (!d) d = await drawing(q);
    if (seq !== views) return;
    let entering = null,
      ghosts = [];
    if (prev) {
      const p = await getDrawing(sliceQuery({ size: state.sizeBy }, prev)).catch(() => null);
      if (seq !== views) return;
      if (p) {
        const before = new Set(p.actors.map((a) => a.id));
        const now = new Set(d.actors.map((a) => a.id));
        entering = new Set(d.actors.filter((a) => !before.has(a.id)).map((a) => a.id));
        ghosts = p.actors.filter((a) => !now.has(a.id));
      }
    }
    const t2 = performance.now();
    state.partial = false;
    present(d, entering, ghosts);
    // When the preview was on the screen (from the start of the
    // navigation), and how long the full drawing took to be asked and read,
    // then to be drawn with the table.
    timing.fetch = t2 - t1;
    timing.draw = performance.now() - t2;
    state.timing = timing;
    // The card of the selected actor is that of the new view: its metrics,
    // ranks and partners in the slice; closed when the slice leaves it out.
    if (state.selected && d.actors.some((a) => a.id === state.selected)) refreshCard();
    else if (state.selected) closeCard();
  } catch (e) {
    if (seq === views) showError(e);
  } finally {
    if (seq === views) {
      loading(false);
      // Views loaded so far: the browser tests wait for it to change.
      document.body.dataset.loads = String(Number(document.body.dataset.loads || 0) + 1);
    }
  }
}

// sliceChanged redraws the filters, the view and the comparison of phases
// after a filter or the phase changed.
function sliceChanged() {
  filters.draw();
  loadView();
  updateOverTime();
}

// updateOverTime shows the comparison of the phases of the slider's
// programme within the other filters.
function updateOverTime() {
  overTime.update(filters.phaseProgramme(), filters.params(0), filters.v.phase).catch(showError);
}

// present draws a drawing: the map, the table and the counts; entering
// actors are ringed and ghosts drawn faint (a phase).
function present(d, entering, ghosts) {
  state.marks = !!entering;
  state.drawing = d;
  map.sizeBy = state.sizeBy;
  map.show(d, { entering, ghosts });
  setFocusBar(null);
  table.set(d.actors, d.total.actors);
  counts();
}

// ensure adds actor ids (and the ties among them and the drawn actors)
// to the map when it lacks them: actors beyond a truncated drawing.
async function ensure(ids) {
  const missing = ids.filter((id) => !map.graph.hasNode(id));
  if (!missing.length) return;
  const drawn = [];
  map.graph.forEachNode((n) => drawn.push(n));
  const d = await getDrawing(sliceQuery({ size: state.sizeBy, ids: missing.join(",") }));
  map.merge(d);
}

async function refreshCard() {
  try {
    state.card = await getJSON(`/api/actor?${sliceQuery({ id: state.selected, lang: getLang() })}`);
    drawCard();
    map.select(state.selected);
  } catch (e) {
    showError(e);
  }
}

function closeCard() {
  state.card = null;
  state.selected = null;
  map.select(null);
  drawCard();
}

async function openActor(id) {
  try {
    await ensure([id]);
    const c = await getJSON(`/api/actor?${sliceQuery({ id, lang: getLang() })}`);
    state.selected = id;
    state.card = c;
    drawCard();
    map.select(id);
    map.centre(id);
    table.select(id);
  } catch (e) {
    showError(e);
  }
}

function drawCard() {
  const box = $("card");
  if (!state.card) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  replace(
    box,
    renderCard(state.card, {
      colorOf,
      familyLabel,
      metrics: state.store.metrics,
      open: openActor,
      close: closeCard,
      ego,
      pathFrom,
      centre: (id) => map.centre(id),
    }),
    pathBox(),
  );
}

function setFocusBar(text) {
  $("focus-bar").hidden = !text;
  $("focus-text").textContent = text || "";
}

async function ego(id, depth) {
  try {
    loading(true);
    const d = await getDrawing(sliceQuery({ size: state.sizeBy, focus: id, depth }));
    map.merge(d);
    const ids = d.actors.map((a) => a.id);
    map.setFocus(ids, null);
    const name = (d.actors.find((a) => a.id === id) || { name: id }).name || id;
    setFocusBar(t("egoOf", name, depth) + ` — ${t("counts", d.total.actors, d.total.ties)}`);
    map.fitIds(ids);
  } catch (e) {
    showError(e);
  } finally {
    loading(false);
  }
}

// pathBox is the field that asks for the other end of a path, under the
// card, while a path is being chosen.
function pathBox() {
  if (!state.pathFrom) return null;
  const input = el("input", { id: "path-input", type: "search", autocomplete: "off", placeholder: t("pathToPrompt"), "aria-label": t("pathToPrompt") });
  const list = el("ul", { id: "path-list", class: "completion", role: "listbox", hidden: true });
  new Completion(input, list, { fetch: searchActors, pick: (a) => path(state.pathFrom.id, a.id), colorOf });
  setTimeout(() => input.focus(), 0);
  return el("div", { class: "path-box" }, el("label", { for: "path-input", text: t("pathToPrompt") }), input, list);
}

function pathFrom(id, name) {
  state.pathFrom = { id, name };
  drawCard();
}

async function path(from, to) {
  state.pathFrom = null;
  drawCard();
  try {
    loading(true);
    const paths = await getJSON(`/api/path?${sliceQuery({ from, to })}`);
    const nameOf = (id) => {
      for (const p of paths) for (const a of p.actors) if (a.id === id) return a.name || a.id;
      return id;
    };
    if (!paths.length) {
      setFocusBar(t("noPath", from, to));
      return;
    }
    const ids = new Set();
    const pairs = [];
    for (const p of paths) {
      p.actors.forEach((a) => ids.add(a.id));
      p.ties.forEach((tie) => pairs.push([tie.a.id, tie.b.id]));
    }
    await ensure([...ids]);
    map.setFocus([...ids], pairs);
    const first = paths[0].actors.map((a) => a.name || a.id).join(" → ");
    setFocusBar(`${t("pathOf", nameOf(from), nameOf(to), paths.length)}${colon()} ${first}`);
    map.fitIds([...ids]);
  } catch (e) {
    showError(e);
  } finally {
    loading(false);
  }
}

const searchActors = (q) => getJSON(`/api/search?${sliceQuery({ q, limit: 12 })}`);

function caption() {
  return t("caption", state.store.source, new Date().toISOString().slice(0, 10));
}

function title() {
  return $("focus-bar").hidden ? `${t("title")} — ${state.store.source}` : $("focus-text").textContent;
}

function legendEntries() {
  return state.store.families.map((f) => ({ label: familyLabel(f.id), color: f.color }));
}

function wire() {
  $("lang").addEventListener("click", () => {
    setLang(getLang() === "fr" ? "en" : "fr");
    texts();
    table.draw();
    counts();
    if (state.selected) openActor(state.selected);
  });
  $("size-by").addEventListener("change", (e) => {
    state.sizeBy = e.target.value;
    if (state.drawing && state.drawing.truncated) loadView();
    else map.resize(state.sizeBy);
  });
  $("zoom-in").addEventListener("click", () => map.zoom(1.5));
  $("zoom-out").addEventListener("click", () => map.zoom(1 / 1.5));
  $("zoom-fit").addEventListener("click", () => map.fit());
  $("focus-clear").addEventListener("click", () => {
    map.clearFocus();
    setFocusBar(null);
    map.fit();
  });
  $("dl-svg").addEventListener("click", () => {
    if (!map.ok) return;
    downloadSVG(viewSVG(map.visible(), { title: title(), legend: legendEntries(), caption: caption() }), "alliances-view.svg");
  });
  $("dl-png").addEventListener("click", () => {
    if (!map.ok) return;
    downloadPNG(viewSVG(map.visible(), { title: title(), legend: legendEntries(), caption: caption() }), "alliances-view.png").catch(showError);
  });
  $("dl-csv").addEventListener("click", () => {
    // The server writes the table (every actor of the view, every digit,
    // cells neutralised for spreadsheets), sorted as on the page.
    const a = el("a", { href: `/api/actors.csv?${sliceQuery({ sort: table.sort.key, order: table.sort.desc ? "desc" : "asc" })}`, download: "alliances-actors.csv" });
    document.body.append(a);
    a.click();
    a.remove();
  });
  new Completion($("search"), $("search-list"), { fetch: searchActors, pick: (a) => openActor(a.id), colorOf });
}

async function boot() {
  chooseLang();
  texts();
  const q = previewQuery(sliceQuery({ size: state.sizeBy }));
  early = { q, p: getDrawing(q) };
  early.p.catch(() => {}); // reported by loadView, which awaits it
  const store = getJSON("/api/store");
  store.catch(() => {}); // reported below
  // The map (a WebGL context) is set up while the store's description and
  // the first drawing travel.
  map = new MapView($("map"), $("tooltip"), { colorOf, familyLabel, onClick: openActor });
  try {
    state.store = await store;
  } catch (e) {
    showError(e);
    return;
  }
  texts();
  if (!map.ok) {
    const b = $("banner");
    b.hidden = false;
    b.textContent = t("webgl");
  } else map.setExtent(state.store.extent);
  filters = new Filters($("filters"), $("phase"), $("legend"), state.store, { familyLabel, onChange: sliceChanged });
  filters.draw();
  overTime = new OverTime($("overtime"), {
    getJSON,
    onPhase: (p) => {
      filters.v.phase = p;
      sliceChanged();
    },
  });
  table = new ActorTable($("table"), $("table-note"), $("table-more"), { onRow: openActor, colorOf, familyLabel, metrics: state.store.metrics });
  wire();
  const first = loadView();
  updateOverTime();
  await first;
  // Frame what the first view draws: a large network drawn in part shows
  // its main component's top actors, a small part of the whole extent.
  if (state.drawing && state.drawing.truncated) map.fitIds(state.drawing.actors.map((a) => a.id));
  // When the view was complete, from the start of the navigation, and when
  // it was on the screen; the first view is the preview when there was one.
  const timing = (state.timing ||= {});
  timing.ready = performance.now();
  document.body.dataset.ready = "1";
  await painted();
  timing.painted = performance.now();
  timing.first = timing.preview || timing.painted;
  document.body.dataset.painted = "1";
}

// For the browser tests and the curious: the state of the page.
window.alliancesExplorer = { state, get map() { return map; }, get table() { return table; }, get filters() { return filters; }, openActor, ego, path, loadView };

boot();
