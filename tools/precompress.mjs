#!/usr/bin/env node
// Trunk post_build hook of every entry page: minify, precompress.
//
//   node tools/precompress.mjs [DIR]
//
// DIR defaults to $TRUNK_STAGING_DIR (set by Trunk for hooks). For every
// .wasm/.js/.mjs/.css/.html/.json/.svg/.webmanifest file (see EXTENSIONS) it
// writes a brotli (quality 11) `.br` and a gzip (level 9) `.gz` sibling, which the
// server serves when the client accepts them.
//
// The size budgets are checked once every entry is built: tools/size-report.mjs.
//
// Before that, release builds minify wasm-bindgen's JS glue and the CSS with esbuild (Trunk's own
// minifier is off: it is known to break that glue) and put the new sha384 in place of
// the old one wherever index.html names it (Trunk's subresource-integrity attributes).
//
// JSON files lose their indentation (when every number reads back as written).
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

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("precompress: no directory given and TRUNK_STAGING_DIR is not set");
  process.exit(2);
}
const profile = process.env.TRUNK_PROFILE ?? "release";
if (profile !== "release" && process.env.PER_PRECOMPRESS !== "1") {
  console.log(`precompress: ${profile} build, skipping minification and precompression`);
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
    // Trunk's worker loader shim (one line with a top-level await) stays as it is.
    if (!loader || file.endsWith("_loader.js")) continue;
    const original = readFileSync(file);
    const options = loader === "js" ? { format: "esm", target: "es2020" } : {};
    const { code } = transformSync(original.toString("utf8"), { loader, minify: true, ...options });
    writeFileSync(file, code);
    index = index.split(sri(original)).join(sri(Buffer.from(code)));
    console.log(`precompress: minified ${relative(dir, file)}: ${original.length} -> ${Buffer.byteLength(code)} bytes`);
  }
  writeFileSync(indexPath, index);
}

// JSON (data sets, language files) without its indentation, when every number reads back
// exactly as written (a number JavaScript would round, or write otherwise, keeps the file).
{
  const numbers = (text) => text.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/-?\d[\d.eE+-]*/g) ?? [];
  for (const file of walk(dir)) {
    if (extname(file) !== ".json") continue;
    const original = readFileSync(file, "utf8");
    let code;
    try {
      code = JSON.stringify(JSON.parse(original));
    } catch {
      continue;
    }
    if (code.length >= original.length || numbers(code).join() !== numbers(original).join()) continue;
    writeFileSync(file, code);
    console.log(`precompress: minified ${relative(dir, file)}: ${original.length} -> ${Buffer.byteLength(code)} bytes`);
  }
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

console.log(`precompress: ${sizes.size} files precompressed (.br, .gz) in ${dir}`);
