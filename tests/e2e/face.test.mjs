// The face step's refusals and dead-end-free routes, in Debian's Chromium against the real
// server: a printed photo held still (the fake camera plays static.y4m) is refused with
// the reason shown and the tries left; a denied camera leads to the assisted route, which
// lets the voter continue. (The live clip passing is in thin_path.test.mjs.)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { faceVideos, fakeCamera, launchChromium, startServer } from './support.mjs';

let server;
let base;
const outbox = [];
let browsers = [];

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

async function facePage(flags, n, permissions) {
  const browser = await launchChromium(flags);
  browsers.push(browser);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, permissions });
  await context.addCookies([await signedUp(n)]);
  await context.addInitScript(() => localStorage.setItem('per.lang', 'en'));
  const page = await context.newPage();
  await page.goto(base + '/register/face');
  await page.waitForSelector('#start-camera');
  return page;
}

test('a still photo is refused, with the reason and the tries left', async () => {
  const page = await facePage(fakeCamera(join(faceVideos(), 'static.y4m')), 1, ['camera']);
  await page.click('#start-camera');
  await page.waitForFunction(() => document.querySelector('video')?.videoWidth > 0, null, { timeout: 15_000 });
  await page.click('#start-check');
  const summary = page.locator('.error-summary');
  await summary.waitFor({ timeout: 60_000 });
  const text = await summary.textContent();
  assert.match(text, /movements was not seen|lëvizjet nuk u pa/, text);
  assert.match(text, /2/, 'two tries left');
  assert.ok(page.url().endsWith('/register/face'), 'still on the face step');
});

test('a denied camera offers the assisted route, and the voter can go on', async () => {
  const page = await facePage(['--use-fake-device-for-media-stream'], 2, []);
  await page.click('#start-camera');
  await page.waitForSelector('#camera-problem', { timeout: 15_000 });
  await page.click('#assisted-continue');
  await page.waitForURL('**/request/document', { timeout: 15_000 });
});
