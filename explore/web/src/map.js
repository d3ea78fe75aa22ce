// The map: a graphology graph drawn by sigma.js (WebGL) at the positions of
// the maps of "alliances map", coloured by family, sized by a metric.

import Graph from "graphology";
import Sigma from "sigma";
import { createNodeBorderProgram } from "@sigma/node-border";
import { EdgeLineProgram } from "sigma/rendering";

export const faint = "#d9d9d9";
const dimmed = "#ececec";
const edgeColor = "#c8c8c8";
const edgeStrong = "#555555";
const thinAbove = 5000;

export class MapView {
  constructor(container, tooltip, { colorOf, familyLabel, onClick, onStage }) {
    this.container = container;
    this.tooltip = tooltip;
    this.colorOf = colorOf;
    this.familyLabel = familyLabel;
    this.graph = new Graph({ type: "undirected", multi: false });
    this.focus = null; // {ids: Set, edges: Set} of an ego network or a path
    this.selected = null;
    this.sizeBy = "degree";
    this.renderer = null;
    try {
      this.renderer = new Sigma(this.graph, container, {
        defaultNodeType: "circle",
        edgeProgramClasses: { thin: EdgeLineProgram },
        nodeProgramClasses: {
          border: createNodeBorderProgram({
            borders: [
              { size: { value: 0.3 }, color: { attribute: "borderColor" } },
              { size: { fill: true }, color: { attribute: "color" } },
            ],
          }),
        },
        labelRenderedSizeThreshold: 7,
        labelDensity: 0.6,
        labelFont: "DejaVu Sans, Arial, sans-serif",
        labelSize: 12,
        zIndex: true,
        minCameraRatio: 0.02,
        maxCameraRatio: 4,
        nodeReducer: (node, data) => this.nodeReducer(node, data),
        edgeReducer: (edge, data) => this.edgeReducer(edge, data),
      });
    } catch (e) {
      this.renderer = null;
      this.error = e;
      return;
    }
    this.renderer.on("enterNode", ({ node, event }) => this.showTooltip(node, event));
    this.renderer.on("leaveNode", () => this.hideTooltip());
    this.renderer.on("clickNode", ({ node }) => onClick(node));
    this.renderer.on("clickStage", () => onStage && onStage());
  }

  get ok() {
    return this.renderer != null;
  }

  // setExtent fixes the frame of the drawing to the extent of every
  // position of the store, so that an actor stays at the same place on the
  // screen whatever the slice shows.
  setExtent(extent) {
    if (this.renderer && extent) this.renderer.setCustomBBox({ x: [extent.min_x, extent.max_x], y: [extent.min_y, extent.max_y] });
  }

  // show replaces the graph with the actors and ties of a drawing; ghosts
  // (actors of the previous phase that left) are drawn faint, and the
  // actors of entering get a dark ring.
  show(drawing, { entering = null, ghosts = [] } = {}) {
    // A new graph, filled before sigma sees it: sigma then indexes it once,
    // instead of once per node and tie added.
    this.graph = new Graph({ type: "undirected", multi: false });
    // Above thinAbove ties, every tie is a line of one pixel: a few
    // thousand ties of varied widths already fill the map, and thin lines
    // cost the browser a third of the time to draw.
    this.thin = drawing.ties.length > thinAbove;
    for (const a of drawing.actors) this.addActor(a, entering && entering.has(a.id));
    for (const a of ghosts) if (!this.graph.hasNode(a.id)) this.addActor(a, false, true);
    this.addTies(drawing);
    this.sizeNodes(this.sizeBy);
    this.focus = null;
    // setGraph indexes the graph and draws it at once.
    if (this.renderer) this.renderer.setGraph(this.graph);
  }

  // merge adds the actors and ties of a drawing that the graph lacks.
  merge(drawing) {
    for (const a of drawing.actors) if (!this.graph.hasNode(a.id)) this.addActor(a, false);
    this.addTies(drawing);
    this.resize(this.sizeBy);
  }

  addActor(a, entering, ghost) {
    this.graph.addNode(a.id, {
      x: a.x,
      y: a.y,
      label: mapLabel(a),
      color: ghost ? faint : this.colorOf(a.family),
      data: a,
      entering: !!entering,
      ghost: !!ghost,
      type: entering ? "border" : "circle",
      borderColor: "#111111",
      zIndex: ghost ? 0 : 1,
    });
  }

  addTies(drawing) {
    const ids = drawing.actors.map((a) => a.id);
    for (const [i, j, w] of drawing.ties) {
      const a = ids[i],
        b = ids[j];
      if (!this.graph.hasEdge(a, b)) {
        this.graph.addEdge(a, b, { weight: w, size: Math.min(4, 0.4 + Math.log1p(w) * 0.6), color: edgeColor, type: this.thin ? "thin" : "line" });
      }
    }
  }

  // resize sizes the nodes by metric key: the area grows with the value,
  // up to a radius (at the default zoom) of 16 pixels for a small network,
  // less for a large one (7 for 7,000 actors), so that they cover less of
  // each other; the smallest is a fifth of the largest.
  resize(key) {
    this.sizeNodes(key);
    this.refresh();
  }

  sizeNodes(key) {
    this.sizeBy = key;
    let lo = Infinity,
      hi = -Infinity;
    this.graph.forEachNode((n, attr) => {
      const v = metricValue(attr.data, key);
      if (v != null && !attr.ghost) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    });
    const big = Math.max(5, Math.min(16, 60 / Math.pow(Math.max(1, this.graph.order), 0.25)));
    this.graph.forEachNode((n, attr) => {
      const v = metricValue(attr.data, key);
      const f = v == null ? 0 : hi > lo ? (v - lo) / (hi - lo) : 0.5;
      this.graph.setNodeAttribute(n, "size", big / 5 + (big * 4) / 5 * Math.sqrt(Math.max(0, f)));
    });
    this.thinLabels();
  }

  // thinLabels keeps one name, the largest actor's, among actors placed at
  // almost the same point (within 1/400 of the extent): the layout puts the
  // members of a project close together, and sigma would pile their names
  // up as one zooms in. The others keep their name in the tooltip and the
  // card.
  thinLabels() {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    this.graph.forEachNode((n, a) => {
      x0 = Math.min(x0, a.x), x1 = Math.max(x1, a.x), y0 = Math.min(y0, a.y), y1 = Math.max(y1, a.y);
    });
    const cell = Math.max(x1 - x0, y1 - y0) / 400 || 1;
    const best = new Map();
    this.graph.forEachNode((n, a) => {
      const k = `${Math.floor(a.x / cell)},${Math.floor(a.y / cell)}`;
      const b = best.get(k);
      if (!b || a.size > b.size || (a.size === b.size && n < b.n)) best.set(k, { n, size: a.size });
    });
    const keep = new Set([...best.values()].map((b) => b.n));
    this.graph.forEachNode((n, a) => this.graph.setNodeAttribute(n, "label", keep.has(n) && !a.ghost ? mapLabel(a.data) : ""));
  }

  nodeReducer(node, data) {
    const res = { ...data };
    if (this.focus && !this.focus.ids.has(node)) {
      res.color = dimmed;
      res.label = "";
      res.zIndex = 0;
      res.type = "circle";
    }
    if (this.focus && this.focus.ids.has(node)) {
      res.forceLabel = this.focus.ids.size <= 12;
      res.zIndex = 2;
    }
    if (node === this.selected || (this.focus && this.focus.ids.has(node) && this.focus.ids.size <= 12)) {
      res.label = mapLabel(data.data);
    }
    if (node === this.selected) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 3;
    }
    return res;
  }

  edgeReducer(edge, data) {
    const res = { ...data };
    if (this.focus) {
      if (this.focus.edges.has(edge)) {
        res.color = edgeStrong;
        res.type = "line"; // the width of the tie's weight
        res.zIndex = 1;
      } else res.hidden = true;
    } else if (this.selected && this.graph.hasExtremity(edge, this.selected)) {
      res.color = edgeStrong;
    }
    return res;
  }

  // setFocus shows only the actors ids and the ties among them (edges: a
  // list of [a, b] pairs; all ties among ids when null).
  setFocus(ids, pairs) {
    const set = new Set(ids);
    const edges = new Set();
    if (pairs) {
      for (const [a, b] of pairs) if (this.graph.hasEdge(a, b)) edges.add(this.graph.edge(a, b));
    } else {
      this.graph.forEachEdge((e, attr, s, t) => {
        if (set.has(s) && set.has(t)) edges.add(e);
      });
    }
    this.focus = { ids: set, edges };
    this.refresh();
  }

  clearFocus() {
    if (!this.focus) return; // a refresh indexes and draws the whole graph again
    this.focus = null;
    this.refresh();
  }

  select(id) {
    this.selected = id && this.graph.hasNode(id) ? id : null;
    this.refresh();
  }

  // centre frames actor id and its partners on the map.
  centre(id) {
    if (!this.renderer || !this.graph.hasNode(id)) return;
    this.fitIds([id, ...this.graph.neighbors(id)]);
  }

  // fitIds frames the actors ids.
  fitIds(ids) {
    if (!this.renderer || ids.length === 0) return;
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (const id of ids) {
      const d = this.renderer.getNodeDisplayData(id);
      if (!d) continue;
      x0 = Math.min(x0, d.x);
      x1 = Math.max(x1, d.x);
      y0 = Math.min(y0, d.y);
      y1 = Math.max(y1, d.y);
    }
    if (x0 === Infinity) return;
    if (ids.length > 50) {
      // Many actors: frame the middle 96 % of them, not a few far ones.
      const xs = [], ys = [];
      for (const id of ids) {
        const d = this.renderer.getNodeDisplayData(id);
        if (d) xs.push(d.x), ys.push(d.y);
      }
      xs.sort((a, b) => a - b);
      ys.sort((a, b) => a - b);
      const q = (v, f) => v[Math.floor(f * (v.length - 1))];
      [x0, x1, y0, y1] = [q(xs, 0.02), q(xs, 0.98), q(ys, 0.02), q(ys, 0.98)];
    }
    const ratio = Math.min(1, Math.max(0.03, Math.max(x1 - x0, y1 - y0) * 1.6));
    this.renderer.getCamera().animate({ x: (x0 + x1) / 2, y: (y0 + y1) / 2, ratio }, { duration: 400 });
  }

  zoom(f) {
    if (!this.renderer) return;
    const c = this.renderer.getCamera();
    c.animate({ ratio: c.ratio / f }, { duration: 200 });
  }

  fit() {
    if (this.renderer) this.renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
  }

  refresh() {
    if (this.renderer) this.renderer.refresh();
  }

  showTooltip(node, event) {
    const a = this.graph.getNodeAttribute(node, "data");
    this.tooltip.replaceChildren();
    const name = document.createElement("strong");
    name.textContent = a.short ? `${a.short} · ${a.name || a.id}` : a.name || a.id;
    const fam = document.createElement("span");
    fam.textContent = this.familyLabel(a.family);
    this.tooltip.append(name, document.createElement("br"), fam);
    this.tooltip.style.left = `${event.x + 14}px`;
    this.tooltip.style.top = `${event.y + 14}px`;
    this.tooltip.hidden = false;
  }

  hideTooltip() {
    this.tooltip.hidden = true;
  }

  // visible returns what the view shows now, in pixels of the container:
  // nodes and edges that are not hidden, with their colours and sizes, and
  // the names that are drawn. The SVG and PNG downloads draw it.
  visible() {
    const r = this.renderer;
    const { width, height } = r.getDimensions();
    const nodes = [];
    const pos = new Map();
    const labels = r.getNodeDisplayedLabels();
    this.graph.forEachNode((n) => {
      const d = r.getNodeDisplayData(n);
      if (!d || d.hidden) return;
      const p = r.framedGraphToViewport(d);
      const size = r.scaleSize(d.size);
      pos.set(n, p);
      if (p.x < -size || p.y < -size || p.x > width + size || p.y > height + size) return;
      const a = this.graph.getNodeAttribute(n, "data");
      nodes.push({ id: n, x: p.x, y: p.y, r: size, color: d.color, label: labels.has(n) || d.forceLabel ? d.label : null, name: a.name || a.id, ring: d.type === "border", z: d.zIndex || 0 });
    });
    nodes.sort((a, b) => a.z - b.z);
    const edges = [];
    this.graph.forEachEdge((e, attr, s, t) => {
      const d = r.getEdgeDisplayData(e);
      if (!d || d.hidden) return;
      const ps = pos.get(s),
        pt = pos.get(t);
      if (!ps || !pt) return;
      const ns = r.getNodeDisplayData(s),
        nt = r.getNodeDisplayData(t);
      if (!ns || ns.hidden || !nt || nt.hidden) return;
      edges.push({ x1: ps.x, y1: ps.y, x2: pt.x, y2: pt.y, color: d.color, width: d.type === "thin" ? 1 : r.scaleSize(d.size) });
    });
    return { width, height, nodes, edges };
  }
}

// mapLabel is the name of an actor on the map: its short label (a sigle
// such as CD44) when it has one, as on the maps of "alliances map", else its
// name. The tooltip, the card and the table give the full name.
export function mapLabel(a) {
  return a.short || a.name || a.id;
}

// metricValue returns the value of metric key of a drawn actor: a top-level
// key, or brokerage_<role> for the brokerage roles; null when undefined.
export function metricValue(a, key) {
  if (key.startsWith("brokerage_")) {
    const b = a.brokerage || {};
    return b[key.slice("brokerage_".length)] ?? null;
  }
  const v = a[key];
  return v == null ? null : v;
}
