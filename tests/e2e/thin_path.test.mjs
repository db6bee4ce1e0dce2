// The thin voter path, end to end: the built app (dist/) served by the real per-server with a
// fresh SQLite file and the development outbox, driven in Debian's Chromium with a fake camera
// on a 390x844 phone viewport. Codes are read from the outbox lines the server prints; the
// official's decision is made with `per-server decide`. Screenshots go to test-artifacts/e2e.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { faceVideos, fakeCamera, launchChromium, ROOT, SERVER, startServer } from './support.mjs';

const ARTIFACTS = join(process.env.PER_ARTIFACTS ?? join(ROOT, 'test-artifacts'), 'e2e');

const PHONE = '+39 312 345 6789';
const EMAIL = 'ana.hoxha@example.it';
const PASSWORD = 'Shkodra-1990-Liqeni';

let server;
let dataDir;
let base;
const outbox = [];
let browser;

/** Waits for the first outbox line for `channel` after position `from`; returns its code. */
async function codeFor(channel, from) {
  for (let i = 0; i < 100; i++) {
    const line = outbox.slice(from).find((l) => l.startsWith(`OUTBOX ${channel} `));
    if (line) return line.match(/\b(\d{6})\b/)[1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${channel} code in the outbox`);
}

/** The wasm bundles of this document (each entry page preloads its own, and only it). Trunk's
 * hash in the name is hex of varying length (no leading zeros). */
async function bundles(page) {
  return page.evaluate(() => [...document.querySelectorAll('link[href$=".wasm"]')]
    .map((l) => l.getAttribute('href').split('/').pop().replace(/-[0-9a-f]+_bg\.wasm$/, '')));
}

/** Reloads the page: it comes back (same entry, heading focused), nothing broken. */
async function reloadOn(page, ready) {
  await page.reload();
  await page.waitForSelector(ready);
  await expectHeadingFocused(page);
}

/** A PNG made by the browser itself (1,200 x 800, some text on it). */
async function picture(page) {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 1200; c.height = 800;
    const x = c.getContext('2d');
    x.fillStyle = '#dde'; x.fillRect(0, 0, 1200, 800);
    x.fillStyle = '#123'; x.font = '48px sans-serif'; x.fillText('REPUBLIKA E SHQIPËRISË', 40, 120);
    return c.toDataURL('image/png').split(',')[1];
  });
  return Buffer.from(b64, 'base64');
}

let shot = 0;
async function screenshot(page, name) {
  shot += 1;
  const file = join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
}

/** After each navigation the page heading has the focus (screen readers start there). */
async function expectHeadingFocused(page) {
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading', null, { timeout: 5_000 });
}

before(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true }); // no stale screenshots of an earlier run
  mkdirSync(ARTIFACTS, { recursive: true });
  // The development outbox prints the codes this test reads.
  server = await startServer({ onLine: (line) => { if (line.startsWith('OUTBOX ')) outbox.push(line); } });
  ({ base, dataDir } = server);
  // The fake camera plays the synthetic live clip: turns, blink, closer, in a loop.
  browser = await launchChromium(fakeCamera(join(faceVideos(), 'live.y4m')));
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('the start page fits a 360 px screen without sideways scrolling', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('#page-heading');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  assert.equal(await page.getAttribute('html', 'lang'), 'sq', 'Albanian is the default');
  await context.close();
});

test('an address no entry serves says "not found" with status 404', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const response = await page.goto(base + '/no/such/page');
  assert.equal(response.status(), 404);
  await page.waitForSelector('#page-heading');
  assert.equal(await page.textContent('#page-heading'), 'Faqja nuk u gjet');
  await context.close();
});

test('on a desktop the start and contact pages keep a readable column', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('#create-account');
  await screenshot(page, 'desktop-start');
  const width = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().width);
  assert.ok(width <= 1000, `the main column is ${width}px wide`);
  await page.click('#create-account');
  await page.waitForURL('**/register/contact');
  await expectHeadingFocused(page);
  await screenshot(page, 'desktop-contact');
  await context.close();
});

test('a voter registers on a phone, signs out and in, and sees the decision', async () => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    permissions: ['camera'],
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });

  // Start page.
  await page.goto(base + '/');
  await page.waitForSelector('#create-account');
  await screenshot(page, 'start');
  assert.deepEqual(await bundles(page), ['per-start'], 'the start page loads its own bundle only');
  await reloadOn(page, '#create-account');
  await page.click('#create-account');

  // Contacts: another entry page, a full page load.
  await page.waitForURL('**/register/contact');
  await expectHeadingFocused(page);
  assert.deepEqual(await bundles(page), ['per-register'], 'the registration pages have their own bundle');
  await reloadOn(page, '#phone');
  // A refused Albanian number shows the error summary, linked to the field.
  await page.fill('#phone', '+355 69 123 4567');
  await page.fill('#email', EMAIL);
  await page.click('button[type=submit]');
  await page.waitForSelector('#error-summary a[href="#phone"]');
  await screenshot(page, 'contact-error');
  const mark = outbox.length;
  await page.fill('#phone', PHONE);
  await page.click('button[type=submit]');

  // Both codes, read from the development outbox.
  await page.waitForURL('**/register/verify');
  await expectHeadingFocused(page);
  await reloadOn(page, '#phone-code');
  const phoneCode = await codeFor('phone', mark);
  const emailCode = await codeFor('email', mark);
  assert.equal(await page.getAttribute('#phone-code', 'autocomplete'), 'one-time-code');
  assert.equal(await page.getAttribute('#phone-code', 'inputmode'), 'numeric');
  await page.fill('#phone-code', phoneCode);
  await page.fill('#email-code', emailCode);
  await screenshot(page, 'verify');
  await page.click('button[type=submit]');

  // Password.
  await page.waitForURL('**/register/password');
  await reloadOn(page, '#password');
  await page.fill('#password', PASSWORD);
  await screenshot(page, 'password');
  await page.click('button[type=submit]');

  // Live camera (Chromium's fake device playing the live clip): the liveness check, three
  // steps of three seconds, checked by the server.
  await page.waitForURL('**/register/face');
  assert.deepEqual(await bundles(page), ['per-face'], 'the face capture is its own entry page');
  await reloadOn(page, '#start-camera');
  await page.click('#start-camera');
  await page.waitForFunction(() => {
    const v = document.querySelector('video');
    return v && v.readyState >= 2 && v.videoWidth > 0;
  }, null, { timeout: 15_000 });
  await screenshot(page, 'face');
  await page.click('#start-check');
  await page.waitForSelector('.camera__step--now', { timeout: 10_000 });
  await screenshot(page, 'face-step');
  assert.equal(await page.locator('#face-steps li').count(), 3, 'three steps, from the server');

  // The request (the full flow with its checks is request.test.mjs): each step its page.
  await page.waitForURL('**/request/document', { timeout: 15_000 });
  assert.deepEqual(await bundles(page), ['per-request'], 'the request steps are their own entry page');
  await reloadOn(page, '#document-type-id-card');
  await page.check('#document-type-passport');
  await page.fill('#document-number', 'BA1234567');
  await page.fill('#document-expiry', '2032-01-31');
  await page.click('#submit');
  await page.waitForURL('**/request/name');
  await page.fill('#first-name', 'Ëndra');
  await page.fill('#surname', 'Çela');
  await page.fill('#father-name', 'Petrit');
  await page.click('#submit');
  await page.waitForURL('**/request/birth');
  await page.fill('#date-of-birth', '1990-04-15');
  await page.fill('#place-of-birth', 'Korçë');
  await page.check('#sex-f');
  await page.click('#submit');
  await page.waitForURL('**/request/personal-number');
  await page.fill('#personal-number', 'J05415123A');
  await screenshot(page, 'identity');
  await page.click('#submit');
  await page.waitForURL('**/request/photo');
  assert.deepEqual(await bundles(page), ['per-documents'], 'the uploads are their own entry page');
  await page.setInputFiles('#upload-passport-page-file', { name: 'passport.png', mimeType: 'image/png', buffer: await picture(page) });
  await page.waitForFunction(() => document.querySelector('#upload-passport-page-status')?.textContent.includes('✓'), null, { timeout: 60_000 });
  await page.click('#submit');
  await page.waitForURL('**/request/address');
  await page.selectOption('#country', 'IT');
  await page.fill('#city', 'Milano');
  await page.fill('#postal-code', '20121');
  await page.fill('#street', 'Via Roma 1');
  await page.click('#submit');
  await page.waitForURL('**/request/proof');
  await page.check('#proof-kind-utility-bill');
  await page.setInputFiles('#upload-proof-of-address-file', { name: 'bill.png', mimeType: 'image/png', buffer: await picture(page) });
  await page.waitForFunction(() => document.querySelector('#upload-proof-of-address-status')?.textContent.includes('✓'), null, { timeout: 60_000 });
  await page.check('#proof-declaration');
  await page.click('#submit');
  await page.waitForURL('**/request/check');
  assert.deepEqual(await bundles(page), ['per-submit'], 'check and submit are their own entry page');
  await page.check('#declaration');
  await page.click('#submit');

  // Confirmation with the reference number.
  await page.waitForURL('**/request/done');
  const reference = (await page.textContent('#request-reference')).trim();
  assert.match(reference, /^PER-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await screenshot(page, 'done');
  await reloadOn(page, '#my-request-link');

  // My request: submitted.
  await page.goto(base + '/my-request');
  await page.waitForSelector('#request-status[data-status="submitted"]');
  assert.equal((await page.textContent('#request-reference')).trim(), reference);
  assert.deepEqual(await bundles(page), ['per-account'], 'the account pages are their own entry page');
  await screenshot(page, 'my-request-submitted');

  // Sign out, sign back in with the e-mail address: the same request.
  await reloadOn(page, '#request-status[data-status="submitted"]');
  await page.click('#sign-out');
  await page.waitForSelector('#create-account');
  assert.deepEqual(await bundles(page), ['per-start'], 'signed out: back on the start page (a page load)');
  await page.click('#sign-in-link');
  await page.waitForURL('**/sign-in');
  await reloadOn(page, '#login');
  await page.fill('#login', EMAIL);
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL('**/my-request');
  await page.waitForSelector('#request-status[data-status="submitted"]');
  assert.equal((await page.textContent('#request-reference')).trim(), reference);

  // An official approves; the voter's page shows it.
  execFileSync(SERVER, ['--dev', 'decide', '--data-dir', dataDir, '--reference', reference, '--approve', '--by', 'official:e2e'], {
    env: { ...process.env, RUST_LOG: 'warn' },
  });
  await page.reload();
  await page.waitForSelector('#request-status[data-status="approved"]');
  await screenshot(page, 'my-request-approved');

  // The language switch is remembered across a reload.
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.reload();
  await page.waitForSelector('#request-status[data-status="approved"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await screenshot(page, 'my-request-approved-en');

  // The header's service name leads back to the start page, another entry.
  await page.click('.header__service');
  await page.waitForSelector('#create-account');
  assert.deepEqual(await bundles(page), ['per-start']);

  // No CSP violation, no panic, no failed request, nothing broken on the way.
  assert.deepEqual(problems, []);
  await context.close();
});
