// Search with completion: GET /api/search as the user types (case and
// accents ignored by the server), arrow keys and Enter to pick.

import { el, replace, swatch } from "./dom.js";
import { t } from "./i18n.js";

export class Completion {
  constructor(input, list, { fetch, pick, colorOf }) {
    this.input = input;
    this.list = list;
    this.fetch = fetch;
    this.pick = pick;
    this.colorOf = colorOf;
    this.items = [];
    this.active = -1;
    this.seq = 0;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.addEventListener("input", () => this.update());
    input.addEventListener("keydown", (e) => this.key(e));
    input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  async update() {
    const q = this.input.value.trim();
    const seq = ++this.seq;
    if (!q) return this.close();
    let items;
    try {
      items = await this.fetch(q);
    } catch (e) {
      return this.close();
    }
    if (seq !== this.seq) return; // a newer request answered first
    this.items = items;
    this.active = items.length ? 0 : -1;
    this.draw(q);
  }

  draw() {
    if (!this.items.length) {
      replace(this.list, el("li", { class: "empty", text: t("noMatch") }));
    } else {
      replace(
        this.list,
        this.items.map((a, i) =>
          el(
            "li",
            { role: "option", id: `${this.list.id}-${i}`, "aria-selected": i === this.active ? "true" : "false", "data-id": a.id, onmousedown: (e) => (e.preventDefault(), this.choose(i)) },
            swatch(this.colorOf(a.family)),
            " ",
            el("span", { class: "n", text: a.name || a.id }),
            a.name && a.name !== a.id ? el("span", { class: "i", text: ` ${a.id}` }) : null,
            a.country ? el("span", { class: "i", text: ` · ${a.country}` }) : null,
          ),
        ),
      );
    }
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
    if (this.active >= 0) this.input.setAttribute("aria-activedescendant", `${this.list.id}-${this.active}`);
  }

  key(e) {
    if (this.list.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = this.items.length;
      if (!n) return;
      this.active = (this.active + (e.key === "ArrowDown" ? 1 : n - 1)) % n;
      this.draw();
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (this.active >= 0) this.choose(this.active);
    } else if (e.key === "Escape") this.close();
  }

  choose(i) {
    const a = this.items[i];
    this.close();
    this.input.value = a.name || a.id;
    this.pick(a);
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }
}
