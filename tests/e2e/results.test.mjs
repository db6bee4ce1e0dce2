// The results viewer, end to end: the built app (dist/) served by the real per-server, driven
// in Debian's Chromium at a 360x800 phone and a desktop viewport. The seats are compared with
// the native engine (`per-seats allocate --format json`) on the same edited file; axe-core
// checks accessibility. Screenshots go to $PER_ARTIFACTS/results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, ROOT, startServer } from './support.mjs';

const SEATS = process.env.PER_SEATS_BIN ?? join(ROOT, 'target', 'server', 'per-seats');
const ARTIFACTS = join(process.env.PER_ARTIFACTS ?? join(ROOT, 'test-artifacts'), 'results');
const DATA = join(ROOT, 'entries', 'results', 'data', 'albania-2017.json');
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const VIEWPORTS = [
  { name: 'phone', viewport: { width: 360, height: 800 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
];

let server;
let base;
let browser;
let tmp;

before(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), 'per-results-data-'));
  server = await startServer();
  base = server.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The seats per subject in the table `selector` (rows with data-subject). */
async function seatsIn(page, selector) {
  return page.$$eval(`${selector} tbody tr[data-subject]`, (rows) => Object.fromEntries(
    rows.map((r) => [r.dataset.subject, Number(r.querySelector('.r-seats').textContent)])
      .filter(([, n]) => n > 0)));
}

async function open(context, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/results/${query}`);
  await page.waitForSelector('#national-table');
  page.errors = errors;
  return page;
}

/** The native engine on `doc` (an object in the JSON format) with `args`. */
function native(doc, args) {
  const file = join(tmp, `edited-${Date.now()}-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return JSON.parse(execFileSync(SEATS, ['allocate', file, ...args, '--format', 'json'], { encoding: 'utf8' }));
}

async function axe(page, label) {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  assert.deepEqual(result, [], `axe violations on ${label}: ${JSON.stringify(result, null, 1)}`);
}

for (const { name, viewport } of VIEWPORTS) {
  test(`${name}: the 2017 seats, an edit against the native engine, the shared link, a bad CSV, axe`, async () => {
    const context = await browser.newContext({ viewport });
    const page = await open(context);

    // 2017 under al-2008 (the data set's rules): the official seats.
    assert.equal(await page.inputValue('#rule-set'), 'al-2008');
    assert.deepEqual(await seatsIn(page, '#national-table'), { PS: 74, PD: 43, LSI: 19, PDIU: 3, PSD: 1 });
    assert.match(await page.textContent('#official-match'), /përputhet/);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= viewport.width, `no sideways scrolling (${wide} > ${viewport.width})`);
    await page.locator('#national').screenshot({ path: join(ARTIFACTS, `${name}-national.png`) });
    await axe(page, `${name} national`);

    // Edit Tiranë (zone index 11? find it): PD +60000 votes, typed key by key.
    const doc = JSON.parse(readFileSync(DATA, 'utf8'));
    const zi = doc.zones.findIndex((z) => z.name === 'Tiranë');
    assert.ok(zi >= 0);
    await page.selectOption('#zone-select', String(zi));
    // Each seat's sensitivity (the fewest votes that take it), as the native engine's
    // --explain gives it, in the seats' order.
    const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const explained = native(doc, ['--explain']).zones[zi].sensitivity.map((s) => (s.votes == null ? '—'
      : `${grouped(s.votes)} vota ${s.change === 'move' ? 'kalojnë te' : 'më shumë për'} ${s.to}`));
    const shown = await page.$$eval('#zone-seats tbody tr', (rows) => rows.map((r) => r.lastElementChild.textContent));
    assert.deepEqual(shown, explained);
    const subjects = Object.keys(doc.zones[zi].votes);
    const pdIndex = subjects.indexOf('PD');
    const newVotes = doc.zones[zi].votes.PD + 60000;
    const input = page.locator(`#votes-${pdIndex}`);
    await input.fill('');
    await input.pressSequentially(String(newVotes), { delay: 5 });
    await page.waitForFunction(() => document.querySelector('#edits-count').textContent.includes('1'));
    // Only the edited count is marked; a count that cannot be read is refused, named, and
    // changes nothing.
    const other = pdIndex === 0 ? 1 : 0;
    assert.equal(await page.isVisible(`#votes-${pdIndex}-edited`), true);
    assert.equal(await page.isVisible(`#votes-${other}-edited`), false);
    const otherInput = page.locator(`#votes-${other}`);
    const otherVotes = await otherInput.inputValue();
    await otherInput.fill('12a');
    await page.waitForSelector(`#votes-${other}-error`, { state: 'visible' });
    assert.equal(await otherInput.getAttribute('aria-invalid'), 'true');
    assert.equal(await otherInput.getAttribute('aria-describedby'), `votes-${other}-error`);
    assert.match(await page.textContent('#edits-count'), /1/);
    await otherInput.fill(otherVotes);
    await page.waitForSelector(`#votes-${other}-error`, { state: 'hidden' });
    assert.equal(await otherInput.getAttribute('aria-invalid'), 'false');
    assert.equal(await page.isVisible(`#votes-${other}-edited`), false);
    assert.equal(await page.isVisible('#synthetic-notice'), false);
    // The same edit, native: votes and declared valid votes move together.
    const edited = structuredClone(doc);
    const old = edited.zones[zi].votes.PD;
    edited.zones[zi].votes.PD = newVotes;
    edited.zones[zi].valid_votes += newVotes - old;
    edited.national_valid_votes += newVotes - old;
    const want = native(edited, ['--rules', 'al-2008']);
    const wantZone = Object.fromEntries(Object.entries(want.zones[zi].seats).filter(([, n]) => n > 0));
    assert.deepEqual(await seatsIn(page, '#zone-subjects'), wantZone);
    assert.notDeepEqual(wantZone, doc.zones[zi].official_seats, 'the edit changes the seats');
    assert.ok(await page.locator('#zone-subjects tr.r-differs').count() > 0, 'differences highlighted');
    await page.locator('#zone').screenshot({ path: join(ARTIFACTS, `${name}-zone.png`) });

    // Switch the rules: al-2024 gives what the native engine gives with the same edit.
    await page.selectOption('#rule-set', 'al-2024');
    const want2024 = native(edited, ['--rules', 'al-2024']);
    await page.waitForFunction(() => !document.querySelector('#national-table').textContent.includes('PSD') || true);
    const national2024 = Object.fromEntries(Object.entries(want2024.national).filter(([, n]) => n > 0));
    assert.deepEqual(await seatsIn(page, '#national-table'), national2024);
    assert.match(await page.textContent('#excluded'), /PSD/);
    await page.locator('#whatif').screenshot({ path: join(ARTIFACTS, `${name}-whatif.png`) });
    await axe(page, `${name} what-if`);

    // The shared link reproduces the edited state in a fresh page.
    const link = await page.inputValue('#share-link');
    assert.match(link, /e=/);
    const fresh = await open(await browser.newContext({ viewport }), link.slice(link.indexOf('?')));
    assert.equal(await fresh.inputValue('#rule-set'), 'al-2024');
    assert.equal(await fresh.inputValue(`#votes-${pdIndex}`), String(newVotes));
    assert.deepEqual(await seatsIn(fresh, '#national-table'), national2024);
    assert.deepEqual(await seatsIn(fresh, '#zone-subjects'),
      Object.fromEntries(Object.entries(want2024.zones[zi].seats).filter(([, n]) => n > 0)));

    // Reset: back to the official seats.
    await page.click('#reset');
    assert.deepEqual(await seatsIn(page, '#national-table'), { PS: 74, PD: 43, LSI: 19, PDIU: 3, PSD: 1 });
    assert.equal(await page.inputValue(`#votes-${pdIndex}`), String(doc.zones[zi].votes.PD));
    assert.equal(await page.isVisible(`#votes-${pdIndex}-edited`), false);
    assert.equal(await page.inputValue('#rule-set'), 'al-2008');
    assert.equal(await page.inputValue('#threshold'), '3');
    assert.match(await page.textContent('#edits-count'), /0/);

    // A bad CSV: the error names its line.
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'zone,zone_seats,subject,votes\nBerat,7,PS,45634\nBerat,7,PD,many\n');
    await page.setInputFiles('#own-file', bad);
    await page.waitForSelector('#file-error');
    assert.match(await page.textContent('#file-error'), /Rreshti 3/);
    await axe(page, `${name} file error`);

    // Candidates (synthetic data, Article 163).
    await page.selectOption('#data-set', 'synthetic-lists');
    await page.waitForSelector('#candidates');
    assert.match(await page.textContent('#synthetic-notice'), /sajuara/);
    assert.match(await page.textContent('#candidates'), /Elira Shehu/);
    assert.ok(await page.locator('#candidates .r-moves li').count() > 0, 'a gender move shown');
    await page.locator('#candidates').screenshot({ path: join(ARTIFACTS, `${name}-candidates.png`) });
    await axe(page, `${name} candidates`);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}

test('English texts and keyboard use', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(context);
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.querySelector('#national-heading').textContent === 'National result');
  assert.equal(await page.textContent('#rules-heading'), 'Rules');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  // The controls, written again in English, keep their values.
  assert.equal(await page.inputValue('#rule-set'), 'al-2008');
  await page.keyboard.press('Tab');
  await page.focus('#rule-set');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(100);
  assert.notEqual(await page.inputValue('#rule-set'), 'al-2008', 'the rule set changes by keyboard');
  await context.close();
});

test('a bad JSON file is told in German, with its line, column, zone and field', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await open(context);
  await page.selectOption('#language', 'de');
  await page.waitForFunction(() => document.querySelector('#national-heading').textContent === 'Landesweites Ergebnis');
  const bad = join(tmp, 'bad.json');
  writeFileSync(bad, '{"zones": [{"name": "Berat", "seats": 7,\n "votes": {"PS": -5}}]}');
  await page.setInputFiles('#own-file', bad);
  await page.waitForSelector('#file-error');
  assert.match(
    await page.textContent('#file-error'),
    /Zeile 2, Spalte 18: Wahlkreis Berat, Wahlbewerber PS: Stimmen: die Zahl ist negativ/,
  );
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('recomputation time of all 2017 zones in headless Chromium', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  const times = await page.evaluate(() => Array.from(window.perBench(100)));
  times.sort((a, b) => a - b);
  const median = (times[49] + times[50]) / 2;
  console.log(`RESULTS BENCH: median of 100 recomputations of all 2017 zones: ${median.toFixed(3)} ms (min ${times[0].toFixed(3)}, max ${times[99].toFixed(3)})`);
  writeFileSync(join(ARTIFACTS, 'bench.txt'), `median_ms ${median}\n`);
  assert.ok(median < 50);
  await context.close();
});
