// The filters of a slice (docs/slices.md), sent to the server as the query
// parameters named as the flags of the command line (programme, phase,
// project, dimension, target, period, role, family, country, territory,
// link-type), and the phase slider.

import { el, replace, swatch } from "./dom.js";
import { t, dimensionText, targetText, fmtInt } from "./i18n.js";

export class Filters {
  constructor(root, phaseRoot, legendRoot, store, { onChange, familyLabel }) {
    this.root = root;
    this.phaseRoot = phaseRoot;
    this.legendRoot = legendRoot;
    this.store = store;
    this.onChange = onChange;
    this.familyLabel = familyLabel;
    this.reset();
  }

  reset() {
    this.v = { programme: "", phase: 0, dimension: new Set(), target: new Set(), from: "", to: "", family: new Set(), country: "", territory: "", role: "" };
  }

  // programmesWithPhases are the programmes whose projects have phases.
  programmesWithPhases() {
    return this.store.filters.programmes.filter((p) => p.phases.length > 1);
  }

  // phases are the phases the slider steps through: those of the chosen
  // programme, or of the only programme with phases.
  phaseProgramme() {
    if (!this.store.filters) return null;
    const withPhases = this.programmesWithPhases();
    if (this.v.programme) return withPhases.find((p) => p.name === this.v.programme) || null;
    return withPhases.length === 1 ? withPhases[0] : null;
  }

  // params returns the query parameters of the slice; phase overrides the
  // phase of the slider (the previous phase of the entering/departed marks).
  params(phase = this.v.phase) {
    const q = new URLSearchParams();
    const prog = this.phaseProgramme();
    if (this.v.programme) q.set("programme", this.v.programme);
    else if (phase && prog) q.set("programme", prog.name);
    if (phase) q.set("phase", String(phase));
    if (this.v.dimension.size) q.set("dimension", [...this.v.dimension].join(","));
    if (this.v.target.size) q.set("target", [...this.v.target].join(","));
    if (this.v.from || this.v.to) q.set("period", `${this.v.from}:${this.v.to}`);
    if (this.v.family.size) q.set("family", [...this.v.family].join(","));
    for (const k of ["country", "territory", "role"]) if (this.v[k].trim()) q.set(k, this.v[k].trim());
    return q;
  }

  // previousPhase is the phase before the slider's, 0 when there is none.
  previousPhase() {
    const prog = this.phaseProgramme();
    if (!prog || !this.v.phase) return 0;
    const i = prog.phases.indexOf(this.v.phase);
    return i > 0 ? prog.phases[i - 1] : 0;
  }

  active() {
    return this.params().toString() !== "";
  }

  draw() {
    const f = this.store.filters;
    if (!f) {
      // A server without slices: the legend alone.
      replace(this.root);
      this.phaseRoot.hidden = true;
      return this.drawLegend(false);
    }
    const apply = () => this.onChange();
    const checks = (name, values, label, set) =>
      values.length
        ? el(
            "fieldset",
            { "data-filter": name },
            el("legend", { text: t(name === "dimension" ? "dimensionsF" : "targetsF") }),
            values.map((x) =>
              el("label", { class: "check" }, el("input", { type: "checkbox", value: x, checked: set.has(x), onchange: (e) => (e.target.checked ? set.add(x) : set.delete(x), apply()) }), " ", label(x)),
            ),
          )
        : null;
    const text = (name, list, label) => {
      const id = `filter-${name}`;
      const input = el("input", { id, type: "text", value: this.v[name], list: list.length ? `${id}-values` : null, autocomplete: "off", placeholder: list.slice(0, 3).join(", ") });
      input.addEventListener("change", () => ((this.v[name] = input.value), apply()));
      return el("div", { class: "field" }, el("label", { for: id, text: label }), input, list.length ? el("datalist", { id: `${id}-values` }, list.map((x) => el("option", { value: x }))) : null);
    };
    const progSel = el(
      "select",
      { id: "filter-programme" },
      el("option", { value: "", text: t("allProgrammes") }),
      f.programmes.map((p) => el("option", { value: p.name, text: p.name, selected: p.name === this.v.programme })),
    );
    progSel.addEventListener("change", () => {
      this.v.programme = progSel.value;
      this.v.phase = 0;
      apply();
    });
    const period = el(
      "div",
      { class: "field period" },
      el("label", { for: "filter-from", text: t("period") }),
      el("input", { id: "filter-from", type: "text", inputmode: "numeric", size: 6, value: this.v.from, placeholder: f.years[0] || "", onchange: (e) => ((this.v.from = e.target.value.trim()), apply()) }),
      " – ",
      el("input", { id: "filter-to", type: "text", inputmode: "numeric", size: 6, value: this.v.to, placeholder: f.years[1] || "", "aria-label": t("periodTo"), onchange: (e) => ((this.v.to = e.target.value.trim()), apply()) }),
    );
    replace(
      this.root,
      el("h2", { text: t("filters") }),
      f.programmes.length ? el("div", { class: "field" }, el("label", { for: "filter-programme", text: t("programme") }), progSel) : null,
      checks("dimension", f.dimensions, dimensionText, this.v.dimension),
      checks("target", f.targets, targetText, this.v.target),
      f.years[0] ? period : null,
      text("country", f.countries, t("country")),
      text("territory", f.territories, t("territory")),
      f.roles.length ? text("role", f.roles, t("roleF")) : null,
      el("button", { type: "button", id: "filter-reset", onclick: () => (this.reset(), apply()), text: t("reset") }),
    );
    this.drawLegend();
    this.drawPhase();
  }

  // drawLegend draws the legend of families, whose boxes filter by family.
  drawLegend(boxes = true) {
    const fams = this.store.families;
    replace(
      this.legendRoot,
      fams.map((fi) => {
        const on = this.v.family.size === 0 || this.v.family.has(fi.id);
        const box = el("input", { type: "checkbox", checked: on, "aria-label": this.familyLabel(fi.id) });
        box.addEventListener("change", () => {
          if (this.v.family.size === 0) fams.forEach((x) => x.id && this.v.family.add(x.id));
          if (box.checked) this.v.family.add(fi.id);
          else this.v.family.delete(fi.id);
          if (fams.every((x) => !x.id || this.v.family.has(x.id))) this.v.family.clear();
          this.onChange();
        });
        return el("li", { "data-family": fi.id }, el("label", {}, fi.id && boxes ? box : null, " ", swatch(fi.color), " ", this.familyLabel(fi.id), el("span", { class: "n", text: ` ${fmtInt(fi.actors)}` })));
      }),
    );
  }

  // drawPhase draws the phase slider when a programme has phases.
  drawPhase() {
    const prog = this.phaseProgramme();
    this.phaseRoot.hidden = !prog;
    if (!prog) return replace(this.phaseRoot);
    const steps = [0, ...prog.phases];
    const i = Math.max(0, steps.indexOf(this.v.phase));
    const label = el("output", { id: "phase-value", for: "phase-slider", text: this.v.phase ? `${t("phase")} ${this.v.phase}` : t("allPhases") });
    const slider = el("input", { id: "phase-slider", type: "range", min: 0, max: steps.length - 1, step: 1, value: i, "aria-label": t("phase") });
    slider.addEventListener("input", () => {
      const p = steps[Number(slider.value)];
      label.textContent = p ? `${t("phase")} ${p}` : t("allPhases");
    });
    slider.addEventListener("change", () => {
      this.v.phase = steps[Number(slider.value)];
      this.onChange();
    });
    const step = (d) => {
      const j = Math.min(steps.length - 1, Math.max(0, steps.indexOf(this.v.phase) + d));
      if (steps[j] === this.v.phase) return;
      this.v.phase = steps[j];
      this.onChange();
    };
    replace(
      this.phaseRoot,
      el("h2", { text: `${t("phase")} · ${prog.name}` }),
      el("div", { class: "phase-row" }, el("button", { type: "button", id: "phase-prev", "aria-label": t("previous"), onclick: () => step(-1), text: "◀" }), slider, el("button", { type: "button", id: "phase-next", "aria-label": t("next"), onclick: () => step(1), text: "▶" })),
      label,
    );
  }
}
