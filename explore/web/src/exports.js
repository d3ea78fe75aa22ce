// Downloads of the current view as SVG or PNG (the PNG is the SVG drawn at
// twice its size). The table's CSV comes from the server (/api/actors.csv).

import { download } from "./dom.js";

// xml escapes text for SVG: names may hold <, & or quotes.
export function xml(s) {
  return String(s).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}

const num = (x) => (Math.round(x * 10) / 10).toString();

// viewSVG draws the visible part of the map (MapView.visible), a title, the
// legend (families: [{label, color}]) and a caption.
export function viewSVG(vis, { title, legend, caption }) {
  const legendH = 18 * legend.length + 16;
  const top = 34;
  const W = Math.round(vis.width);
  const H = Math.round(vis.height) + top + Math.max(legendH, 0) + 24;
  const out = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="12" y="22" font-size="16" font-weight="bold">${xml(title)}</text>`);
  out.push(`<g transform="translate(0 ${top})">`);
  out.push(`<clipPath id="frame"><rect width="${W}" height="${Math.round(vis.height)}"/></clipPath><g clip-path="url(#frame)">`);
  for (const e of vis.edges) {
    out.push(`<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${xml(e.color)}" stroke-width="${num(Math.max(0.3, e.width))}" stroke-opacity="0.8"/>`);
  }
  for (const n of vis.nodes) {
    const ring = n.ring ? ` stroke="#111111" stroke-width="${num(Math.max(1, n.r * 0.3))}"` : ` stroke="#ffffff" stroke-width="0.5"`;
    out.push(`<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(n.r)}" fill="${xml(n.color)}"${ring}><title>${xml(n.name || n.label || n.id)}</title></circle>`);
  }
  for (const n of vis.nodes) {
    if (!n.label) continue;
    out.push(`<text x="${num(n.x + n.r + 3)}" y="${num(n.y + 4)}" font-size="12" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xml(n.label)}</text>`);
  }
  out.push(`</g></g>`);
  let y = top + Math.round(vis.height) + 18;
  for (const f of legend) {
    out.push(`<circle cx="18" cy="${y - 4}" r="6" fill="${xml(f.color)}"/><text x="30" y="${y}" font-size="12">${xml(f.label)}</text>`);
    y += 18;
  }
  out.push(`<text x="12" y="${H - 8}" font-size="11" fill="#555555">${xml(caption)}</text>`);
  out.push(`</svg>`);
  return out.join("\n");
}

export function downloadSVG(svg, name) {
  download(new Blob([svg], { type: "image/svg+xml" }), name);
}

// downloadPNG draws svg at scale × its size on a canvas and saves it.
export function downloadPNG(svg, name, scale = 2) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    img.onload = () => {
      const c = document.createElement("canvas");
      c.width = img.naturalWidth * scale;
      c.height = img.naturalHeight * scale;
      const ctx = c.getContext("2d");
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      c.toBlob((b) => {
        download(b, name);
        resolve();
      }, "image/png");
    };
    img.onerror = (e) => {
      URL.revokeObjectURL(url);
      reject(e);
    };
    img.src = url;
  });
}
