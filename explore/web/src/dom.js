// DOM helpers. Every text from the data (names, ids, attributes…) reaches
// the page as a text node or an attribute value, never as markup: an actor
// named "<img src=x onerror=alert(1)>" is shown as these characters.

// el creates an element: props sets attributes ("class", "text" for the text
// content, "on<event>" for listeners), children are nodes or strings.
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = String(v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  append(e, children);
  return e;
}

function append(e, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
}

// replace empties e and appends children.
export function replace(e, ...children) {
  e.replaceChildren();
  append(e, children);
  return e;
}

export const $ = (id) => document.getElementById(id);

// swatch is a small coloured disc (the family colour of an actor).
export function swatch(color) {
  const s = el("span", { class: "swatch", "aria-hidden": "true" });
  s.style.background = color;
  return s;
}

// download saves blob as a file named name.
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
