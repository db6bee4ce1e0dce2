// The installable app and its service worker, on the real build in Debian's Chromium:
// - Chromium reports no installability error and a manifest without errors (DevTools
//   protocol: Page.getInstallabilityErrors, Page.getAppManifest), with PNG icons 192 and
//   512, a maskable one and screenshots;
// - the worker precaches every entry's page and first-load files and the results data
//   sets, and never an /api/ answer (a signed-in voter's session, their draft);
// - offline, every entry's page still opens (the results viewer computes the 2017 seats),
//   an address never cached gets the offline page in five languages;
// - a new build (another version) is announced with a notice the user can act on, and
//   reloading with it activates the new version and deletes the old cache.
// axe-core on the offline page and the notice; screenshots in test-artifacts/e2e-pwa.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, launchChromium, launchPersistentChromium, startServer } from './support.mjs';
import { axe, screenshots } from './helpers.mjs';

const ARTIFACTS = join(process.env.PER_ARTIFACTS ?? join(ROOT, 'test-artifacts'), 'e2e-pwa');
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' };
const entries = JSON.parse(readFileSync(join(ROOT, 'entries/entries.json'), 'utf8')).entries;
let browser, server, base, dist;
const screenshot = screenshots(ARTIFACTS);

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // A copy of the build, so that the update test can publish a new version of it.
  dist = mkdtempSync(join(tmpdir(), 'per-pwa-dist-'));
  cpSync(DIST, dist, { recursive: true });
  server = await startServer({ dist });
  base = server.base;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

/** A page whose service worker is installed and controls it. */
async function controlled(ctx, path = '/') {
  const page = await ctx.newPage();
  await page.goto(base + path);
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  }
  return page;
}

const cachedUrls = (page) => page.evaluate(async () => {
  const out = {};
  for (const key of await caches.keys()) {
    out[key] = (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
  }
  return out;
});

test('installable: no installability error, a manifest with PNG icons, maskable and screenshots', async () => {
  // Installability is judged in a real profile (an incognito context is never installable).
  const profile = mkdtempSync(join(tmpdir(), 'per-pwa-profile-'));
  const ctx = await launchPersistentChromium(profile, PHONE);
  try {
    const page = await controlled(ctx);
    const cdp = await ctx.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], JSON.stringify(installabilityErrors));
    const { errors, data } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, []);
    const manifest = JSON.parse(data);
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.start_url, '/');
    const png = manifest.icons.filter((i) => i.type === 'image/png');
    assert.deepEqual(png.map((i) => `${i.sizes} ${i.purpose}`), ['192x192 any', '512x512 any', '512x512 maskable']);
    assert.deepEqual(manifest.screenshots.map((s) => s.form_factor), ['narrow', 'wide']);
    for (const { src } of [...manifest.icons, ...manifest.screenshots]) {
      const r = await page.request.get(base + src);
      assert.equal(r.status(), 200, src);
    }
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('precached: every entry page and first-load file, the data sets; never an API answer', async () => {
  const ctx = await browser.newContext(PHONE);
  const page = await controlled(ctx);
  // A voter's API traffic through the controlled page: a session check, a sign-up.
  await page.evaluate(() => fetch('/api/session'));
  await page.evaluate(() => fetch('/api/draft'));
  const caches = await cachedUrls(page);
  const names = Object.keys(caches).filter((k) => k.startsWith('per-'));
  assert.equal(names.length, 1, `one versioned cache: ${Object.keys(caches)}`);
  const urls = caches[names[0]];
  for (const e of entries) assert.ok(urls.includes(e.paths[0]), `the ${e.name} page (${e.paths[0]}) is precached`);
  const report = JSON.parse(readFileSync(join(dist, 'size-report.json'), 'utf8'));
  for (const e of report.entries) {
    for (const p of e.parts) if (!p.file.endsWith('index.html')) assert.ok(urls.includes('/' + p.file), `${p.file} is precached`);
  }
  assert.ok(urls.includes('/results/data/albania-2017.json'));
  assert.ok(urls.includes('/public/offline.html'));
  assert.deepEqual(urls.filter((u) => u.startsWith('/api')), [], 'no API answer is cached');
  await ctx.close();
});

test('a new version is announced, and reloading activates it and deletes the old cache', async () => {
  const ctx = await browser.newContext(PHONE);
  const page = await controlled(ctx);
  const before = Object.keys(await cachedUrls(page)).filter((k) => k.startsWith('per-'));
  // Publish another version of the worker (what a new build does).
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8').replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1-next'");
  writeFileSync(join(dist, 'sw.js'), sw);
  rmSync(join(dist, 'sw.js.br'), { force: true });
  rmSync(join(dist, 'sw.js.gz'), { force: true });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForSelector('#update-notice');
  assert.match(await page.textContent('#update-notice'), /version i ri/);
  await axe(page, 'the new-version notice');
  await screenshot(page, 'update-notice');
  await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
  await page.waitForSelector('#main h1');
  const after = Object.keys(await cachedUrls(page)).filter((k) => k.startsWith('per-'));
  assert.equal(after.length, 1);
  assert.notEqual(after[0], before[0]);
  assert.match(after[0], /-next$/);
  await ctx.close();
});

test('offline (last: it stops the server): every entry opens, the viewer computes, an unknown address gets the offline page', async () => {
  const ctx = await browser.newContext(PHONE);
  const page = await controlled(ctx);
  // No network at all: the server is gone (Chromium's offline emulation does not reach a
  // service worker's own fetches), and the page's requests are refused too. Last test.
  server.stop();
  server = null;
  await ctx.setOffline(true);
  await page.goto(base + '/results/');
  await page.waitForSelector('#national-table');
  assert.ok((await page.$$('#national-table tbody tr[data-subject]')).length >= 5, 'the 2017 seats are computed offline');
  await screenshot(page, 'offline-results');
  for (const [path, selector] of [['/', '#main h1'], ['/register/contact', '#phone'], ['/sign-in', '#login'], ['/statistics/', '#main h1']]) {
    await page.goto(base + path);
    await page.waitForSelector(selector);
  }
  await screenshot(page, 'offline-statistics');
  await page.goto(base + '/register/contact');
  await page.fill('#phone', '+39 333 111 2233');
  await page.reload();
  await page.waitForSelector('#phone');
  assert.equal(await page.inputValue('#phone'), '+39 333 111 2233', 'what was typed offline survives a reload');
  await page.goto(base + '/nowhere/at/all');
  await page.waitForSelector('.offline');
  for (const lang of ['sq', 'en', 'it', 'el', 'de']) assert.equal(await page.locator(`section[lang="${lang}"] h2`).count(), 1, lang);
  await axe(page, 'the offline page');
  await screenshot(page, 'offline-page');
  await ctx.setOffline(false);
  await ctx.close();
});
