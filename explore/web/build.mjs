// Builds the page into ../assets (embedded in the binary by go:embed):
// app.js (the sources of src/ and the pinned libraries of package-lock.json,
// bundled and minified by esbuild), app.css, index.html, and
// THIRD-PARTY-LICENSES.txt, the licence of every bundled package.
//
//   cd explore/web && npm ci && npm run build
//
// The same package-lock.json gives the same bytes; the output is committed,
// so that "go build" alone builds everything.

import { build } from "esbuild";
import { copyFileSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "assets");

const result = await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  outfile: join(out, "app.js"),
  legalComments: "none", // the licences are in THIRD-PARTY-LICENSES.txt
  metafile: true,
  logLevel: "warning",
});

copyFileSync(join(here, "app.css"), join(out, "app.css"));
copyFileSync(join(here, "index.html"), join(out, "index.html"));

// The packages whose code went into app.js, and their licences.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.add(m[1]);
}
const parts = [
  "The page of 'alliances serve' (app.js) bundles these packages from npm, at the\n" +
    "versions pinned in explore/web/package-lock.json. Their licences follow.\n",
];
for (const name of [...packages].sort()) {
  const dir = join(here, "node_modules", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  parts.push(`${"=".repeat(78)}\n${name} ${pkg.version} — ${pkg.license}\n${"=".repeat(78)}\n`);
  parts.push(file ? readFileSync(join(dir, file), "utf8").trim() + "\n" : `(no licence file in the package; package.json says ${pkg.license})\n`);
}
writeFileSync(join(out, "THIRD-PARTY-LICENSES.txt"), parts.join("\n"));
console.log(`built ${out}/app.js from ${packages.size} packages: ${[...packages].sort().join(", ")}`);
