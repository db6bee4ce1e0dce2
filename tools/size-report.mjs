#!/usr/bin/env node
// The SIZE REPORT of every entry page, and its budget, once all entries are built.
//
//   node tools/size-report.mjs [DIST]        (DIST defaults to dist)
//
// For each entry of entries/entries.json: the first load of its page, that is its
// index.html, every local asset it references (link href, script src, and '/x.js' /
// '/x.wasm' strings in Trunk's inline loader), the static imports of those JS modules,
// and the data the page fetches before it is interactive (the entry's "preload", paths
// under DIST; its "lazy" files, fetched later on the voter's action, are reported on
// their own lines, not in the first load). Each file is counted raw, gzip -9 and brotli 11 (its precompressed .br/.gz
// sibling when there is one), and the brotli total is checked against the entry's budget.
// PER_BUDGET_<NAME> (e.g. PER_BUDGET_START=1000) overrides one budget, to see the check
// fail.
//
// Prints the report, writes it to DIST/size-report.txt and DIST/size-report.json, and
// exits 1 (printing OVER BUDGET) when any entry is over its budget.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, extname, dirname, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants as z } from "node:zlib";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const dist = resolve(process.argv[2] ?? join(root, "dist"));
const manifest = JSON.parse(readFileSync(join(root, "entries/entries.json"), "utf8"));

function measure(file) {
  const data = readFileSync(file);
  const br = existsSync(`${file}.br`)
    ? readFileSync(`${file}.br`).length
    : brotliCompressSync(data, { params: { [z.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const gz = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`).length : gzipSync(data, { level: 9 }).length;
  return { raw: data.length, gz, br };
}

const LOCAL_REF = /(?:href|src)\s*=\s*["']([^"']+)["']|["']([^"'\s]+\.(?:js|mjs|wasm|css))["']/g;
const JS_IMPORT = /(?:\bimport|\bfrom)\s*\(?\s*["']([^"']+)["']/g;

// The files `html` (a path under dist) loads, as paths relative to dist.
function firstLoad(html) {
  const seen = new Set();
  const visit = (ref, fromRel) => {
    if (/^[a-z]+:|^\/\//i.test(ref) || ref.startsWith("data:") || ref.startsWith("#")) return;
    ref = ref.split(/[?#]/)[0];
    const abs = ref.startsWith("/") ? join(dist, ref) : resolve(dirname(join(dist, fromRel)), ref);
    const key = relative(dist, abs).split(sep).join("/");
    const ext = extname(key);
    if (seen.has(key) || !existsSync(abs) || ![".js", ".mjs", ".wasm", ".css", ".html"].includes(ext)) return;
    seen.add(key);
    if (ext === ".html") {
      for (const m of readFileSync(abs, "utf8").matchAll(LOCAL_REF)) visit(m[1] ?? m[2], key);
    } else if (ext === ".js" || ext === ".mjs") {
      for (const m of readFileSync(abs, "utf8").matchAll(JS_IMPORT)) visit(m[1], key);
    }
  };
  visit("/" + html, html);
  return [...seen];
}

const kind = (f) => ({ ".wasm": "wasm", ".js": "js", ".mjs": "js", ".css": "css", ".html": "html", ".json": "data" })[extname(f)] ?? "other";
const order = ["html", "js", "wasm", "css", "data", "other"];
const num = (n) => n.toLocaleString("en-US");

const report = { budgetsBytesBrotli: {}, entries: [], ok: true };
const out = ["SIZE REPORT (bytes; first load of each entry page, brotli 11 checked against its budget)"];
for (const entry of manifest.entries) {
  const html = entry.dir ? `${entry.dir}/index.html` : "index.html";
  const budget = Number(process.env[`PER_BUDGET_${entry.name.toUpperCase()}`] ?? entry.budget);
  report.budgetsBytesBrotli[entry.name] = budget;
  if (!existsSync(join(dist, html))) {
    out.push(`\n[${entry.name}] MISSING: ${html} was not built`);
    report.entries.push({ name: entry.name, missing: true, budget });
    report.ok = false;
    continue;
  }
  const files = [...firstLoad(html), ...entry.preload.filter((p) => existsSync(join(dist, p)))];
  const missingPreload = entry.preload.filter((p) => !existsSync(join(dist, p)));
  files.sort((a, b) => order.indexOf(kind(a)) - order.indexOf(kind(b)) || a.localeCompare(b));
  const parts = files.map((f) => ({ file: f, kind: kind(f), ...measure(join(dist, f)) }));
  const total = { raw: 0, gz: 0, br: 0 };
  for (const p of parts) for (const k of Object.keys(total)) total[k] += p[k];
  const over = total.br > budget || missingPreload.length > 0;
  if (over) report.ok = false;
  report.entries.push({ name: entry.name, path: "/" + (entry.dir ? entry.dir + "/" : ""), budget, total, over, parts, missingPreload });

  const width = Math.max(36, ...parts.map((p) => p.file.length + 2));
  const line = (a, b, c, d) => `${a.padEnd(width)}${b.padStart(12)}${c.padStart(12)}${d.padStart(12)}`;
  out.push("");
  out.push(`[${entry.name}] /${entry.dir ? entry.dir + "/" : ""}`);
  out.push(line("file", "raw", "gzip -9", "brotli 11"));
  for (const p of parts) out.push(line(p.file, num(p.raw), num(p.gz), num(p.br)));
  out.push(line("total first load", num(total.raw), num(total.gz), num(total.br)));
  for (const p of missingPreload) out.push(`MISSING preload ${p}`);
  const pct = ((100 * total.br) / budget).toFixed(1);
  out.push(`${over ? "OVER BUDGET" : "within budget"}: ${num(total.br)} bytes brotli of ${num(budget)} (${pct}%)`);
  // Fetched later, on the voter's action (the face worker and its models): reported on
  // their own lines, not part of the first load and not checked against the budget.
  const lazy = (entry.lazy ?? []).map((f) => existsSync(join(dist, f)) ? { file: f, ...measure(join(dist, f)) } : { file: f, missing: true });
  if (lazy.length > 0) {
    out.push(`later, on the voter's action (not in the first load):`);
    for (const p of lazy) out.push(p.missing ? `MISSING later ${p.file}` : line(p.file, num(p.raw), num(p.gz), num(p.br)));
    const lt = lazy.filter((p) => !p.missing).reduce((a, p) => ({ raw: a.raw + p.raw, gz: a.gz + p.gz, br: a.br + p.br }), { raw: 0, gz: 0, br: 0 });
    out.push(line("total later", num(lt.raw), num(lt.gz), num(lt.br)));
    report.entries[report.entries.length - 1].later = { parts: lazy, total: lt };
  }
}
const text = out.join("\n") + "\n";
process.stdout.write(text);
writeFileSync(join(dist, "size-report.txt"), text);
writeFileSync(join(dist, "size-report.json"), JSON.stringify(report, null, 2) + "\n");
if (!report.ok) {
  const bad = report.entries.filter((e) => e.over || e.missing).map((e) => e.missing ? `${e.name} (not built)` : `${e.name} ${num(e.total.br)} > ${num(e.budget)}`);
  console.error(`size-report: OVER BUDGET: ${bad.join(", ")}`);
  process.exit(1);
}
