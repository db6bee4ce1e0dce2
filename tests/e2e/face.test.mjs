// The face step in Debian's Chromium against the real server: the live clip (live.y4m)
// passes with the Web Worker's guidance, which ticks each step off as its analysis sees it
// done; a printed photo held still (static.y4m) and one moved as a rigid sheet (moved.y4m)
// are refused with the reason shown and the tries left; when the worker's models cannot be
// fetched the page guides with the timer instead; a denied camera leads to the assisted
// route, which lets the voter continue. Screenshots (360 px and desktop) go to
// $PER_ARTIFACTS/e2e-face. The worker's frames per second are printed, not asserted.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { faceVideos, fakeCamera, launchChromium, startServer } from './support.mjs';

let server;
let base;
const outbox = [];
let browsers = [];
const ARTIFACTS = join(process.env.PER_ARTIFACTS ?? join(process.cwd(), 'test-artifacts'), 'e2e-face');
rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });
const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

before(async () => {
  server = await startServer({ onLine: (line) => { if (line.startsWith('OUTBOX ')) outbox.push(line); } });
  ({ base } = server);
});

after(async () => {
  for (const b of browsers) await b.close();
  server?.stop();
});

async function codeFor(channel, from) {
  for (let i = 0; i < 100; i++) {
    const line = outbox.slice(from).find((l) => l.startsWith(`OUTBOX ${channel} `));
    if (line) return line.match(/\b(\d{6})\b/)[1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${channel} code in the outbox`);
}

/** Signs up through the API (as the register pages would) and returns the session cookie. */
async function signedUp(n) {
  const phone = `+39312345678${n}`;
  const email = `face${n}@example.it`;
  const post = (path, body) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const from = outbox.length;
  const started = await post('/api/signup', { phone, email, language: 'en' });
  assert.equal(started.status, 201, await started.clone().text());
  const start = await started.json();
  const id = start.signup_id;
  for (const [channel, kind] of [['phone', 'phone'], ['email', 'email']]) {
    const r = await post('/api/signup/verify', { signup_id: id, channel, code: await codeFor(kind, from) });
    assert.equal(r.status, 200);
  }
  const done = await post('/api/signup/complete', { signup_id: id, password: 'Shkodra-1990-Liqeni' });
  assert.equal(done.status, 201);
  const cookie = done.headers.get('set-cookie').split(';')[0];
  const [name, value] = cookie.split('=');
  return { name, value, url: base };
}

async function facePage(flags, n, permissions, viewport = { width: 390, height: 844 }, setup = null) {
  const browser = await launchChromium(flags);
  browsers.push(browser);
  const context = await browser.newContext({ viewport, permissions });
  if (setup) await setup(context);
  await context.addCookies([await signedUp(n)]);
  await context.addInitScript(() => localStorage.setItem('per.lang', 'en'));
  const page = await context.newPage();
  await page.goto(base + '/register/face');
  await page.waitForSelector('#start-camera');
  return page;
}

/** Starts the camera and waits for the worker to be ready (its models loaded). */
async function workerReady(page) {
  await page.click('#start-camera');
  await page.waitForFunction(() => document.querySelector('video')?.videoWidth > 0, null, { timeout: 15_000 });
  await page.waitForSelector('.camera[data-analysis="worker"]', { timeout: 60_000 });
}

test('the live clip passes, guided by the worker, which ticks each step off', async () => {
  const page = await facePage(fakeCamera(join(faceVideos(), 'live.y4m')), 3, ['camera'], { width: 360, height: 740 });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.waitForTimeout(500);
  assert.ok(!fetched.some((p) => p.includes('per-face-worker') || p.includes('/models/')), `worker or models fetched before the camera: ${fetched}`);
  await workerReady(page);
  assert.ok(fetched.includes('/face/per-face-worker_loader.js'), 'the module worker was loaded');
  assert.ok(fetched.includes('/face/models/landmarks.pfnn'), 'the models were fetched');
  await page.click('#start-check');
  await page.waitForSelector('.camera__step--done', { timeout: 20_000 });
  await shot(page, 'phone-360-guided');
  // All three ticked off by the analysis; then the burst goes to the server.
  await page.waitForFunction(() => document.querySelectorAll('.camera__step--done').length === 3, null, { timeout: 20_000 });
  const fps = await page.waitForSelector('.camera[data-analysis-fps]', { timeout: 20_000 });
  console.log(`face worker (headless Chromium, live clip): ${await fps.getAttribute('data-analysis-fps')} frames/s analysed, ${await fps.getAttribute('data-analysis-ms')} ms a frame`);
  assert.equal(await fps.getAttribute('data-analysis'), 'worker');
  await page.waitForURL('**/request/document', { timeout: 60_000 });
});

test('a photo moved as a rigid sheet is refused, with the reason', async () => {
  const page = await facePage(fakeCamera(join(faceVideos(), 'moved.y4m')), 4, ['camera']);
  await workerReady(page);
  await page.click('#start-check');
  const summary = page.locator('.error-summary');
  await summary.waitFor({ timeout: 60_000 });
  const text = await summary.textContent();
  assert.match(text, /looked like a photo|movements was not seen|left the oval/, text);
  assert.ok(page.url().endsWith('/register/face'), 'still on the face step');
});

test('when the models cannot be fetched, the timer guides instead (no dead end)', async () => {
  const page = await facePage(fakeCamera(join(faceVideos(), 'static.y4m')), 5, ['camera'], { width: 1280, height: 800 },
    (context) => context.route('**/face/models/**', (route) => route.abort()));
  await page.click('#start-camera');
  await page.waitForSelector('.camera[data-analysis="timer"]', { timeout: 30_000 });
  await page.click('#start-check');
  await page.waitForSelector('.camera__step--now', { timeout: 15_000 });
  await shot(page, 'desktop-timer');
  assert.equal(await page.getAttribute('.camera', 'data-analysis'), 'timer');
});

test('a still photo is refused, with the reason and the tries left', async () => {
  const page = await facePage(fakeCamera(join(faceVideos(), 'static.y4m')), 1, ['camera'], { width: 1280, height: 800 });
  await workerReady(page);
  await shot(page, 'desktop-ready');
  await page.click('#start-check');
  const summary = page.locator('.error-summary');
  await summary.waitFor({ timeout: 60_000 });
  const text = await summary.textContent();
  assert.match(text, /movements was not seen|lëvizjet nuk u pa/, text);
  assert.match(text, /2/, 'two tries left');
  assert.ok(page.url().endsWith('/register/face'), 'still on the face step');
  await shot(page, 'desktop-refused');
});

test('a denied camera offers the assisted route, and the voter can go on', async () => {
  const page = await facePage(['--use-fake-device-for-media-stream'], 2, []);
  await page.click('#start-camera');
  await page.waitForSelector('#camera-problem', { timeout: 15_000 });
  await page.click('#assisted-continue');
  await page.waitForURL('**/request/document', { timeout: 15_000 });
});
