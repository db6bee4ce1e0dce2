// The size budgets of the entry pages, checked on the real build (dist/): the report
// passes as built, names every entry with its parts, and fails (exit 1, OVER BUDGET) when a
// budget is lowered below what the page weighs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = process.env.PER_DIST ?? join(ROOT, 'dist');
const TOOL = join(ROOT, 'tools', 'size-report.mjs');

/** Runs the size report on a copy of dist (the real report stays as built). */
function report(env) {
  const copy = mkdtempSync(join(tmpdir(), 'per-dist-'));
  try {
    cpSync(DIST, copy, { recursive: true });
    const run = spawnSync(process.execPath, [TOOL, copy], { env: { ...process.env, ...env }, encoding: 'utf8' });
    const json = JSON.parse(readFileSync(join(copy, 'size-report.json'), 'utf8'));
    return { ...run, json };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

test('every entry page is within its budget as built', () => {
  const r = report({});
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const names = r.json.entries.map((e) => e.name);
  assert.deepEqual(names, ['start', 'register', 'face', 'request', 'documents', 'submit', 'account', 'reset', 'results', 'review', 'statistics']);
  for (const e of r.json.entries) {
    assert.ok(e.total.br <= e.budget, `${e.name}: ${e.total.br} > ${e.budget}`);
    const kinds = new Set(e.parts.map((p) => p.kind));
    for (const k of ['html', 'js', 'wasm', 'css']) assert.ok(kinds.has(k), `${e.name} loads its ${k}`);
    assert.equal(e.parts.reduce((n, p) => n + p.br, 0), e.total.br);
  }
  const start = r.json.entries.find((e) => e.name === 'start');
  assert.equal(start.budget, 100_000);
  console.log(`# first load (brotli bytes): ${r.json.entries.map((e) => `${e.name} ${e.total.br}`).join(', ')}`);
});

test('a build over its budget fails and prints the numbers', () => {
  const r = report({ PER_BUDGET_START: '1000', PER_BUDGET_RESULTS: '2000' });
  assert.equal(r.status, 1);
  assert.match(r.stdout, /OVER BUDGET: [\d,]+ bytes brotli of 1,000/);
  assert.match(r.stderr, /OVER BUDGET: start [\d,]+ > 1,000, results [\d,]+ > 2,000/);
  assert.equal(r.json.ok, false);
  assert.equal(r.json.entries.find((e) => e.name === 'register').over, false);
});
