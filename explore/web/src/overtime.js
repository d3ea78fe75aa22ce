// The "Over time" panel: the comparison of the phases of the programme of
// the phase slider (/api/compare?by=phase, the answer of "alliances compare
// --by phase"): per phase its actors and ties, between a phase and the one
// before who entered, left and stayed and which ties were kept, the
// continuity index and the lasting core. A row opens its phase on the map.

import { el, replace } from "./dom.js";
import { t, fmtInt, getLang } from "./i18n.js";

// fmt2 writes a share with two decimals, with a decimal comma in French.
const fmt2 = (v) => (getLang() === "fr" ? v.toFixed(2).replace(".", ",") : v.toFixed(2));

export class OverTime {
  constructor(root, { getJSON, onPhase }) {
    this.root = root;
    this.getJSON = getJSON;
    this.onPhase = onPhase;
    this.key = null; // the query of the comparison shown
    this.res = null;
  }

  // update shows the comparison of the phases of programme prog within the
  // slice params (without phase); phase is the slider's, highlighted.
  async update(prog, params, phase) {
    if (!prog) {
      this.key = null;
      this.root.hidden = true;
      return replace(this.root);
    }
    const q = new URLSearchParams(params);
    q.delete("phase");
    q.set("programme", prog.name);
    q.set("by", "phase");
    const key = q.toString();
    if (key !== this.key) {
      this.key = key;
      try {
        const res = await this.getJSON(`/api/compare?${key}`);
        if (this.key !== key) return; // asked again meanwhile
        this.res = res;
      } catch (e) {
        if (this.key !== key) return;
        this.res = null;
        this.root.hidden = false;
        return replace(this.root, el("h2", { text: t("overTime") }), el("p", { class: "note", text: e.message || String(e) }));
      }
    }
    this.draw(phase);
  }

  draw(phase) {
    const r = this.res;
    this.root.hidden = !r;
    if (!r) return replace(this.root);
    const rows = r.slices.map((s, i) => {
      const tr = i > 0 ? r.transitions[i - 1] : null;
      const p = Number(s.label.replace(/\D+/g, "")) || 0;
      const row = el(
        "tr",
        { class: p === phase ? "current" : "", "data-phase": String(p), title: t("openPhase") },
        el("th", { text: String(p || s.label) }),
        el("td", { text: fmtInt(s.actors) }),
        el("td", { text: fmtInt(s.ties) }),
        el("td", { text: tr ? `+${fmtInt(tr.entered.length)} −${fmtInt(tr.left.length)}` : "" }),
        el("td", { text: tr ? fmtInt(tr.ties_kept) : "" }),
      );
      row.addEventListener("click", () => this.onPhase(p));
      return row;
    });
    replace(
      this.root,
      el("h2", { text: t("overTime") }),
      el(
        "table",
        { class: "overtime" },
        el("thead", {}, el("tr", {}, el("th", { text: t("phase") }), ...["otActors", "otTies", "otMoves", "otKept"].map((k) => el("th", { text: t(k), title: t(k + "Help") })))),
        el("tbody", {}, ...rows),
      ),
      el("p", { class: "note", text: t("continuity", r.continuity == null ? "–" : fmt2(r.continuity)) }),
      el("p", { class: "note", text: t("lastingCore", r.core.actors.length, r.core.ties.length, r.slices.length) }),
    );
  }
}
