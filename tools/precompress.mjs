#!/usr/bin/env node
// Trunk post_build hook: precompress the built assets and check the size budget.
//
//   node tools/precompress.mjs [DIR]
//
// DIR defaults to $TRUNK_STAGING_DIR (set by Trunk for hooks). For every
// .wasm/.js/.mjs/.css/.html/.json/.svg/.webmanifest file (see EXTENSIONS) it
// writes a brotli (quality 11) `.br` and a gzip (level 9) `.gz` sibling, which the
// server serves when the client accepts them.
//
// Then it prints a SIZE REPORT: raw, gzip and brotli bytes of each asset the start
// page loads (index.html, and the JS, wasm and CSS it references, including the JS
// those import) and their brotli total, checked against the budget
// (PER_SIZE_BUDGET_BYTES, default 200 KB = 200,000 bytes). Over budget: prints
// OVER BUDGET and exits 1, which fails `trunk build`. The report is also written
// to DIR/size-report.txt (so it ends up in dist/).
//
// Before that, release builds minify wasm-bindgen's JS glue and the CSS with esbuild (Trunk's own
// minifier is off: it is known to break that glue) and put the new sha384 in place of
// the old one wherever index.html names it (Trunk's subresource-integrity attributes).
//
// Debug builds (TRUNK_PROFILE=debug, e.g. `trunk serve`) skip all of this: the
// unoptimised wasm is large and compressing it at q11 would slow the dev loop.
// Set PER_PRECOMPRESS=1 to force it.

import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, relative, extname, dirname, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants as z } from "node:zlib";
import { createHash } from "node:crypto";
import { transformSync } from "esbuild";

const EXTENSIONS = new Set([".wasm", ".js", ".mjs", ".css", ".html", ".json", ".svg", ".webmanifest"]);
const BUDGET = Number(process.env.PER_SIZE_BUDGET_BYTES ?? 200_000); // 200 KB

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("precompress: no directory given and TRUNK_STAGING_DIR is not set");
  process.exit(2);
}
const profile = process.env.TRUNK_PROFILE ?? "release";
if (profile !== "release" && process.env.PER_PRECOMPRESS !== "1") {
  console.log(`precompress: ${profile} build, skipping precompression and size budget`);
  process.exit(0);
}

function* walk(d) {
  for (const entry of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (entry.isFile()) yield p;
  }
}

const sri = (data) => "sha384-" + createHash("sha384").update(data).digest("base64");

// Minify the JS glue and the CSS, and keep index.html's integrity attributes true.
{
  const indexPath = join(dir, "index.html");
  let index = readFileSync(indexPath, "utf8");
  for (const file of walk(dir)) {
    const loader = { ".js": "js", ".css": "css" }[extname(file)];
    if (!loader) continue;
    const original = readFileSync(file);
    const options = loader === "js" ? { format: "esm", target: "es2020" } : {};
    const { code } = transformSync(original.toString("utf8"), { loader, minify: true, ...options });
    writeFileSync(file, code);
    index = index.split(sri(original)).join(sri(Buffer.from(code)));
    console.log(`precompress: minified ${relative(dir, file)}: ${original.length} -> ${Buffer.byteLength(code)} bytes`);
  }
  writeFileSync(indexPath, index);
}

const sizes = new Map(); // relative path -> { raw, gz, br }
for (const file of walk(dir)) {
  if (!EXTENSIONS.has(extname(file))) continue;
  const data = readFileSync(file);
  const br = brotliCompressSync(data, {
    params: {
      [z.BROTLI_PARAM_QUALITY]: z.BROTLI_MAX_QUALITY,
      [z.BROTLI_PARAM_LGWIN]: z.BROTLI_MAX_WINDOW_BITS,
      [z.BROTLI_PARAM_MODE]: extname(file) === ".wasm" ? z.BROTLI_MODE_GENERIC : z.BROTLI_MODE_TEXT,
      [z.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  sizes.set(relative(dir, file).split(sep).join("/"), { raw: data.length, gz: gz.length, br: br.length });
}

// What the start page loads: index.html, every local asset it references
// (link href, script src, and '/x.js' / '/x.wasm' strings in Trunk's inline
// loader), and, transitively, the static imports of those JS modules
// (wasm-bindgen snippets).
const LOCAL_REF = /(?:href|src)\s*=\s*["']([^"']+)["']|["']([^"'\s]+\.(?:js|mjs|wasm|css))["']/g;
const JS_IMPORT = /(?:\bimport|\bfrom)\s*\(?\s*["']([^"']+)["']/g;
const firstLoad = new Set();
function visit(rel, fromRel) {
  if (/^[a-z]+:|^\/\//i.test(rel) || rel.startsWith("data:") || rel.startsWith("#")) return;
  rel = rel.split(/[?#]/)[0];
  const abs = rel.startsWith("/") ? join(dir, rel) : resolve(dirname(join(dir, fromRel)), rel);
  const key = relative(dir, abs).split(sep).join("/");
  if (firstLoad.has(key) || !sizes.has(key)) return;
  const ext = extname(key);
  if (![".js", ".mjs", ".wasm", ".css", ".html"].includes(ext)) return;
  firstLoad.add(key);
  if (ext === ".html") {
    for (const m of readFileSync(abs, "utf8").matchAll(LOCAL_REF)) visit(m[1] ?? m[2], key);
  } else if (ext === ".js" || ext === ".mjs") {
    for (const m of readFileSync(abs, "utf8").matchAll(JS_IMPORT)) visit(m[1], key);
  }
}
if (!sizes.has("index.html")) {
  console.error(`precompress: no index.html in ${dir}`);
  process.exit(1);
}
visit("/index.html", "index.html");

const kind = (f) => ({ ".wasm": "wasm", ".js": "js", ".mjs": "js", ".css": "css", ".html": "html" })[extname(f)];
const rows = [...firstLoad].sort((a, b) => {
  const order = ["html", "js", "wasm", "css"];
  return order.indexOf(kind(a)) - order.indexOf(kind(b)) || a.localeCompare(b);
});
const total = { raw: 0, gz: 0, br: 0 };
for (const f of rows) for (const k of Object.keys(total)) total[k] += sizes.get(f)[k];

const num = (n) => n.toLocaleString("en-US");
const width = Math.max(28, ...rows.map((f) => f.length + 2));
const line = (a, b, c, d) => `${a.padEnd(width)}${b.padStart(12)}${c.padStart(12)}${d.padStart(12)}`;
const out = [];
out.push("SIZE REPORT (bytes; first load of the start page)");
out.push(line("file", "raw", "gzip -9", "brotli 11"));
for (const f of rows) {
  const s = sizes.get(f);
  out.push(line(f, num(s.raw), num(s.gz), num(s.br)));
}
out.push(line("total first load", num(total.raw), num(total.gz), num(total.br)));
const pct = ((100 * total.br) / BUDGET).toFixed(1);
const over = total.br > BUDGET;
out.push(
  `${over ? "OVER BUDGET" : "within budget"}: ${num(total.br)} bytes brotli of ${num(BUDGET)} (${pct}%; budget 200 KB)` +
    ` ; ${sizes.size} files precompressed (.br, .gz)`,
);
const report = out.join("\n") + "\n";
process.stdout.write(report);
writeFileSync(join(dir, "size-report.txt"), report);
if (over) {
  console.error(`precompress: OVER BUDGET: the start page is ${num(total.br)} bytes brotli, budget ${num(BUDGET)}`);
  process.exit(1);
}
