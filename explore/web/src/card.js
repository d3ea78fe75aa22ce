// The actor card: GET /api/actor drawn with DOM nodes.

import { el, swatch } from "./dom.js";
import { t, colon, metricName, metricHelp, reasonText, levelText, dimensionText, targetText, fmtNum, fmtInt } from "./i18n.js";

const integerMetrics = new Set(["degree", "core", "community", "brokerage_coordinator", "brokerage_itinerant", "brokerage_representative", "brokerage_gatekeeper", "brokerage_liaison"]);

// metricOf reads the metric key of analysis.ActorMetrics m.
function metricOf(m, key) {
  if (key.startsWith("brokerage_")) return (m.brokerage || {})[key.slice(10)] ?? null;
  return m[key] ?? null;
}

// renderCard returns the card of c (a Card of the API). ctx gives the
// family colours and labels, the metric keys in order, and the actions.
export function renderCard(c, ctx) {
  const a = c.actor;
  const name = a.name || a.id;
  const head = el(
    "header",
    { class: "card-head" },
    el("h2", { id: "card-name", text: name }),
    el("button", { class: "close", type: "button", title: t("close"), "aria-label": t("close"), onclick: ctx.close, text: "×" }),
  );
  const facts = el(
    "dl",
    { class: "facts" },
    fact(t("id"), a.id),
    el("dt", { text: t("family") }),
    el("dd", {}, swatch(ctx.colorOf(a.family)), " ", ctx.familyLabel(a.family)),
    a.country ? fact(t("country"), a.country) : null,
    a.territory ? fact(t("territory"), a.territory) : null,
    a.level ? fact(t("level"), levelText(a.level)) : null,
  );
  const depthButtons = [1, 2].map((d) => el("button", { type: "button", class: "ego", "data-depth": d, onclick: () => ctx.ego(a.id, d), text: `${t("egoNetwork")} · ${t("depth", d)}` }));
  const actions = el(
    "div",
    { class: "actions" },
    depthButtons,
    el("button", { type: "button", class: "path", onclick: () => ctx.pathFrom(a.id, name), text: t("pathTo") }),
    el("button", { type: "button", class: "centre", onclick: () => ctx.centre(a.id), text: t("centre") }),
  );

  const iso = el("section", { class: "isolation" }, el("h3", { text: t("isolation") }));
  if (!c.isolation) iso.append(el("p", { text: t("notFlagged") }));
  else {
    iso.append(el("ul", { class: "reasons" }, c.isolation.reasons.map((r) => el("li", { "data-reason": r, text: reasonText(r) }))));
    if (c.isolation.suggestions.length) {
      iso.append(el("h4", { text: t("suggestions") }));
      iso.append(
        el(
          "ol",
          { class: "suggestions" },
          c.isolation.suggestions.map((s) =>
            el(
              "li",
              {},
              el("a", { href: "#", onclick: (e) => (e.preventDefault(), ctx.open(s.id)) }, swatch(ctx.colorOf(s.family)), " ", s.name || s.id),
              el("span", { class: "score", text: ` (${t("score")} ${fmtNum(s.score)})` }),
              el("div", { class: "why", text: s.why }),
            ),
          ),
        ),
      );
    }
  }

  const rows = ctx.metrics.map((key) => {
    const v = metricOf(c.metrics, key);
    const r = c.ranks[key];
    return el(
      "tr",
      { "data-metric": key },
      el("th", { scope: "row" }, el("span", { class: "mname", text: metricName(key) }), el("span", { class: "help", text: metricHelp(key) })),
      el("td", { class: "num value", title: v == null ? t("undefinedValue") : String(v), "data-value": v == null ? "" : String(v), text: fmtNum(v, integerMetrics.has(key)) }),
      el("td", { class: "num rank", title: t("rankHelp"), text: r ? t("rankOf", r.rank, r.of) : "" }),
    );
  });
  const metrics = el(
    "section",
    { class: "metrics" },
    el("h3", { text: t("metrics") }),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", { text: t("metric") }), el("th", { text: t("value") }), el("th", { text: t("rank"), title: t("rankHelp") }))), el("tbody", {}, rows)),
  );

  const projects = el("section", { class: "projects" }, el("h3", { text: `${t("projects")} (${fmtInt(c.projects.length)})` }));
  if (!c.projects.length) projects.append(el("p", { text: t("noProjects") }));
  else
    projects.append(
      el(
        "ul",
        {},
        c.projects.map((p) => {
          const bits = [];
          if (p.programme) bits.push(p.programme);
          if (p.phase) bits.push(`${t("phase")} ${p.phase}`);
          if (p.start || p.end) bits.push(`${p.start || "…"} – ${p.end || "…"}`);
          if (p.role) bits.push(`${t("role")} ${p.role}`);
          return el(
            "li",
            {},
            el("strong", { text: p.name || p.id }),
            bits.length ? el("div", { class: "sub", text: bits.join(" · ") }) : null,
            p.dimensions && p.dimensions.length ? el("div", { class: "sub", text: `${t("dimensions")}${colon()} ${p.dimensions.map(dimensionText).join(", ")}` }) : null,
            p.targets && p.targets.length ? el("div", { class: "sub", text: `${t("targets")}${colon()} ${p.targets.map(targetText).join(", ")}` }) : null,
          );
        }),
      ),
    );

  const partners = el("section", { class: "partners" }, el("h3", { text: t("partners", c.partners.length) }));
  if (!c.partners.length) partners.append(el("p", { text: t("noPartners") }));
  else
    partners.append(
      el(
        "ul",
        {},
        c.partners.map((tie) => {
          const p = tie.a.id === a.id ? tie.b : tie.a;
          const via = [];
          if (tie.links) via.push(tie.types.length ? tie.types.join(", ") : t("linkTies", tie.links));
          if (tie.projects.length) via.push(`${t("projects").toLowerCase()} ${tie.projects.join(", ")}`);
          return el(
            "li",
            {},
            el("a", { href: "#", onclick: (e) => (e.preventDefault(), ctx.open(p.id)) }, swatch(ctx.colorOf(p.family)), " ", p.name || p.id),
            el("span", { class: "sub", text: ` · ${t("weight")} ${fmtNum(tie.weight).replace(/[.,]0+$/, "")}${via.length ? ` · ${t("via")} ${via.join("; ")}` : ""}` }),
          );
        }),
      ),
    );

  return el("article", { class: "card", "data-actor": a.id }, head, facts, actions, iso, metrics, projects, partners);
}

function fact(k, v) {
  return [el("dt", { text: k }), el("dd", { text: v })];
}
