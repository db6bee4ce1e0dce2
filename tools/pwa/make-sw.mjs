#!/usr/bin/env node
// Writes DIST/sw.js, PER's service worker, from tools/pwa/sw.template.js: the pages of
// every entry of entries/entries.json (at the first address each serves), the first-load
// files of each (DIST/size-report.json, so run after tools/size-report.mjs), the results
// data sets and the shared public files (translations, manifest, icons, offline page),
// under a version that is the hash of all of them (a new build with any change is a new
// cache; the old one is deleted when the new worker activates).
//
//   node tools/pwa/make-sw.mjs [DIST]
//
// Prints how many files and bytes (brotli) a visitor's browser precaches.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as z } from 'node:zlib';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const manifest = JSON.parse(readFileSync(join(root, 'entries/entries.json'), 'utf8'));
const report = JSON.parse(readFileSync(join(dist, 'size-report.json'), 'utf8'));

const walk = (dir) => (existsSync(dir) ? readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
}) : []);
const rel = (abs) => '/' + relative(dist, abs).split(sep).join('/');
const compressed = (f) => /\.(br|gz)$/.test(f);

const pages = manifest.entries
  .flatMap((e) => e.paths.map((p) => [p, e.paths[0]]))
  .sort((a, b) => b[0].length - a[0].length);
const files = new Set();
for (const entry of report.entries) {
  for (const part of entry.parts ?? []) if (!part.file.endsWith('index.html')) files.add('/' + part.file);
}
for (const f of walk(join(dist, 'results/data'))) if (!compressed(f)) files.add(rel(f));
for (const f of walk(join(dist, 'public'))) {
  if (!compressed(f) && !rel(f).startsWith('/public/screenshots/')) files.add(rel(f));
}
const list = [...files].sort();

const hash = createHash('sha256');
for (const f of list) hash.update(f).update(readFileSync(join(dist, f)));
for (const e of manifest.entries) hash.update(readFileSync(join(dist, e.dir, 'index.html')));
const version = hash.digest('hex').slice(0, 16);

const sw = readFileSync(join(root, 'tools/pwa/sw.template.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace('__PAGES__', JSON.stringify(pages))
  .replace('__FILES__', JSON.stringify(list, null, 0));
writeFileSync(join(dist, 'sw.js'), sw);
writeFileSync(join(dist, 'sw.js.br'), brotliCompressSync(sw, { params: { [z.BROTLI_PARAM_QUALITY]: 11 } }));
writeFileSync(join(dist, 'sw.js.gz'), gzipSync(sw, { level: 9 }));

const size = (f) => (existsSync(join(dist, f + '.br')) ? statSync(join(dist, f + '.br')).size : brotliCompressSync(readFileSync(join(dist, f))).length);
const pagesBytes = manifest.entries.reduce((n, e) => n + size(join(e.dir, 'index.html')), 0);
const bytes = list.reduce((n, f) => n + size(f), 0) + pagesBytes;
console.log(`service worker ${version}: precaches ${manifest.entries.length} pages and ${list.length} files, ${bytes.toLocaleString('en-US')} bytes brotli (dist/sw.js)`);
