// The sortable actor table, linked to the map: a click on a row selects the
// actor and centres the map on it.

import { el, replace, swatch } from "./dom.js";
import { t, metricName, metricHelp, fmtNum, fmtInt, reasonText } from "./i18n.js";
import { metricValue } from "./map.js";

const page = 100;
const integer = (k) => k === "degree" || k === "core" || k === "community" || k.startsWith("brokerage_");

export class ActorTable {
  constructor(root, note, more, { onRow, colorOf, familyLabel, metrics }) {
    this.root = root;
    this.note = note;
    this.more = more;
    this.onRow = onRow;
    this.colorOf = colorOf;
    this.familyLabel = familyLabel;
    this.metrics = metrics;
    this.rows = [];
    this.total = 0;
    this.sort = { key: "degree", desc: true };
    this.shown = page;
    this.selected = null;
    more.addEventListener("click", () => {
      this.shown += page;
      this.draw();
    });
  }

  // columns: [key, label, help]
  columns() {
    return [
      ["name", t("name"), ""],
      ["family", t("family"), ""],
      ["country", t("country"), ""],
      ...this.metrics.map((k) => [k, metricName(k), metricHelp(k)]),
      ["reasons", t("reasons"), ""],
    ];
  }

  set(actors, total) {
    this.rows = actors.slice();
    this.total = total;
    this.shown = page;
    this.order();
    this.draw();
  }

  value(a, key) {
    switch (key) {
      case "name":
        return (a.name || a.id).toLocaleLowerCase();
      case "family":
        return this.familyLabel(a.family);
      case "country":
        return a.country || "";
      case "reasons":
        return (a.reasons || []).length;
    }
    return metricValue(a, key);
  }

  order() {
    const { key, desc } = this.sort;
    const s = desc ? -1 : 1;
    this.rows.sort((x, y) => {
      const a = this.value(x, key),
        b = this.value(y, key);
      if (a == null && b == null) return x.id < y.id ? -1 : 1;
      if (a == null) return 1; // undefined values last
      if (b == null) return -1;
      if (a < b) return -s;
      if (a > b) return s;
      return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    });
  }

  sortBy(key) {
    if (this.sort.key === key) this.sort.desc = !this.sort.desc;
    else this.sort = { key, desc: !["name", "family", "country"].includes(key) };
    this.order();
    this.draw();
  }

  draw() {
    const head = el(
      "tr",
      {},
      this.columns().map(([k, label, help]) => {
        const arrow = this.sort.key === k ? (this.sort.desc ? " ▼" : " ▲") : "";
        return el(
          "th",
          { scope: "col", "data-key": k, title: help || null, "aria-sort": this.sort.key === k ? (this.sort.desc ? "descending" : "ascending") : null },
          el("button", { type: "button", onclick: () => this.sortBy(k), text: label + arrow }),
        );
      }),
    );
    const body = this.rows.slice(0, this.shown).map((a) =>
      el(
        "tr",
        { "data-id": a.id, class: a.id === this.selected ? "selected" : null, onclick: () => this.onRow(a.id) },
        el("td", { class: "name", text: a.name || a.id, title: a.id }),
        el("td", {}, swatch(this.colorOf(a.family)), " ", this.familyLabel(a.family)),
        el("td", { text: a.country || "" }),
        this.metrics.map((k) => el("td", { class: "num", text: fmtNum(metricValue(a, k), integer(k)) })),
        el("td", { text: (a.reasons || []).map(reasonText).join(", ") }),
      ),
    );
    replace(this.root, el("thead", {}, head), el("tbody", {}, body));
    this.note.textContent = t("tableNote", this.rows.length, this.total);
    this.more.hidden = this.shown >= this.rows.length;
    this.more.textContent = `${t("showMore")} (${fmtInt(Math.min(page, this.rows.length - this.shown))})`;
  }

  // select marks actor id's row and brings it into the table when it is
  // beyond the rows shown.
  select(id) {
    this.selected = id;
    const i = this.rows.findIndex((a) => a.id === id);
    if (i >= this.shown) this.shown = Math.ceil((i + 1) / page) * page;
    this.draw();
    const tr = this.root.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
    if (tr) tr.scrollIntoView({ block: "nearest" });
  }
}
