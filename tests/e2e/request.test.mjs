// The complete request, end to end, on a phone viewport: sign-up and face capture, then
// every step of the request (document, name, birth, personal number, document photos by
// file and by the fake camera, address abroad, proof of address), a reload mid-form that
// loses nothing, a second browser context that signs in and resumes where the first left
// off, a "change" link from the check page, the browser's back button between questions
// (and past the `/request/` redirect, which must not trap), a PDF as proof of address, the
// idempotent submit, and each status an official's decision gives (`per-server decide`):
// a correction requested, fixed and resubmitted; a rejection and a re-application with
// everything pre-filled; an approval; a withdrawal. axe-core checks every page; screenshots
// of every step, phone and desktop, go to test-artifacts/e2e-request.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { faceVideos, fakeCamera, launchChromium, ROOT, SERVER, startServer } from './support.mjs';

const ARTIFACTS = join(process.env.PER_ARTIFACTS ?? join(ROOT, 'test-artifacts'), 'e2e-request');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PHONE = '+39 333 765 4321';
const EMAIL = 'drita.cela@example.it';
const PASSWORD = 'Vlore-1912-Flamuri';
const PHONE_VIEW = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, permissions: ['camera'] };
const DESKTOP_VIEW = { viewport: { width: 1280, height: 900 }, permissions: ['camera'] };

let server;
let base;
let dataDir;
const outbox = [];
let browser;

async function codeFor(channel, from) {
  for (let i = 0; i < 100; i++) {
    const line = outbox.slice(from).find((l) => l.startsWith(`OUTBOX ${channel} `));
    if (line) return line.match(/\b(\d{6})\b/)[1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${channel} code in the outbox`);
}

let shot = 0;
async function screenshot(page, name) {
  shot += 1;
  await page.screenshot({ path: join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** axe-core on the page as it is: no violations (WCAG 2.1 A and AA rules). */
async function axe(page, where) {
  // Evaluated by the test driver, not as an inline script: the page's CSP allows none.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${where}`);
}

/** The page fits the screen: no sideways scrolling. */
async function fits(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} is ${overflow}px wider than the screen`);
}

async function onStep(page, path, ready, name) {
  await page.waitForURL((u) => (u.pathname + u.search).endsWith(path));
  await page.waitForSelector(ready);
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading', null, { timeout: 5_000 });
  await fits(page, path);
  await axe(page, path);
  await screenshot(page, name);
}

/** A picture made by the browser itself: a PNG of `w`x`h` with some text on it. */
async function picture(page, w, h) {
  const b64 = await page.evaluate(([w, h]) => {
    const c = document.createElement('canvas');
    c.width = w; c.height = h;
    const x = c.getContext('2d');
    x.fillStyle = '#dde'; x.fillRect(0, 0, w, h);
    x.fillStyle = '#123'; x.font = '48px sans-serif'; x.fillText('REPUBLIKA E SHQIPËRISË', 40, 120);
    return c.toDataURL('image/png').split(',')[1];
  }, [w, h]);
  return Buffer.from(b64, 'base64');
}

/** A small valid PDF (one page, a line of text), its cross-reference offsets exact. */
function pdf(text) {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 18 Tf 72 770 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The browser's back (or forward) button, then the page it shows at `path`. */
async function history(page, direction, path, ready) {
  await (direction === 'back' ? page.goBack() : page.goForward());
  await page.waitForURL((u) => (u.pathname + u.search).endsWith(path));
  await page.waitForSelector(ready);
}

function decide(reference, args) {
  execFileSync(SERVER, ['--dev', 'decide', '--data-dir', dataDir, '--reference', reference, ...args, '--by', 'official:e2e'], {
    env: { ...process.env, RUST_LOG: 'warn' },
  });
}

before(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ onLine: (line) => { if (line.startsWith('OUTBOX ')) outbox.push(line); } });
  ({ base, dataDir } = server);
  // The fake camera plays the synthetic live clip: the face step's liveness check passes,
  // and the rear-camera document photo is a frame of it.
  browser = await launchChromium(fakeCamera(join(faceVideos(), 'live.y4m')));
});

after(async () => {
  await browser?.close();
  server?.stop();
});

test('a voter completes the full request on a phone, resumes on a second device and sees each status', async () => {
  const first = await browser.newContext(PHONE_VIEW);
  const page = await first.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

  // Sign-up and face, as in the thin path.
  await page.goto(base + '/');
  await page.waitForSelector('#create-account');
  await page.click('#create-account');
  await page.waitForSelector('#phone');
  const mark = outbox.length;
  await page.fill('#phone', PHONE);
  await page.fill('#email', EMAIL);
  await page.click('button[type=submit]');
  await page.waitForURL('**/register/verify');
  await page.fill('#phone-code', await codeFor('phone', mark));
  await page.fill('#email-code', await codeFor('email', mark));
  await page.click('button[type=submit]');
  await page.waitForURL('**/register/password');
  await page.fill('#password', PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL('**/register/face');
  await page.click('#start-camera');
  await page.waitForFunction(() => { const v = document.querySelector('video'); return v && v.readyState >= 2 && v.videoWidth > 0; }, null, { timeout: 15_000 });
  // The server's liveness check on the live clip; a refusal (a loaded machine drops frames)
  // leaves a try, as it would for a voter: the page offers the check again.
  for (let attempt = 1; ; attempt++) {
    await page.click('#start-check');
    const moved = await page.waitForURL('**/request/document', { timeout: 60_000 }).then(() => true, () => false);
    if (moved) break;
    assert.ok(attempt < 3, 'the live clip passes the check within three tries');
    await page.waitForSelector('#start-check:not([disabled])', { timeout: 15_000 });
  }

  // Document: an empty "Continue" shows the error summary linked to each field.
  await onStep(page, '/request/document', '#document-type-id-card', 'phone-document');
  await page.click('#submit');
  await page.waitForSelector('#error-summary a[href="#document-type-id-card"]');
  assert.ok(await page.$('#error-summary a[href="#document-expiry"]'));
  await axe(page, 'document with errors');
  await screenshot(page, 'phone-document-errors');
  await page.check('#document-type-id-card');
  await page.fill('#document-number', 'I12345678');
  await page.fill('#document-expiry', '2020-05-01');
  await page.waitForSelector('#expired-notice .warning');
  await screenshot(page, 'phone-document-expired');
  await page.fill('#document-expiry', '2031-05-01');
  await page.click('#submit');

  // Name, with a reload mid-form: nothing typed is lost.
  await onStep(page, '/request/name', '#first-name', 'phone-name');
  await page.fill('#first-name', 'Drita');
  await page.fill('#surname', 'Çela');
  await page.reload();
  await page.waitForSelector('#first-name');
  assert.equal(await page.inputValue('#first-name'), 'Drita');
  assert.equal(await page.inputValue('#surname'), 'Çela');
  await page.fill('#father-name', 'Agim');
  await page.click('#submit');

  await onStep(page, '/request/birth', '#date-of-birth', 'phone-birth');
  await page.fill('#date-of-birth', '1990-04-15');
  await page.fill('#place-of-birth', 'Shkodër');
  await page.check('#sex-f');
  await page.click('#submit');

  await onStep(page, '/request/personal-number', '#personal-number', 'phone-personal-number');
  await page.fill('#personal-number', 'J05415123A');
  // The back button returns to the previous question, its answers there; forward again.
  await history(page, 'back', '/request/birth', '#date-of-birth');
  assert.equal(await page.inputValue('#date-of-birth'), '1990-04-15');
  assert.equal(await page.inputValue('#place-of-birth'), 'Shkodër');
  await history(page, 'back', '/request/name', '#first-name');
  assert.equal(await page.inputValue('#surname'), 'Çela');
  await axe(page, 'name after back');
  await history(page, 'forward', '/request/birth', '#date-of-birth');
  await history(page, 'forward', '/request/personal-number', '#personal-number');
  assert.equal(await page.inputValue('#personal-number'), 'J05415123A', 'typed before going back');
  await page.click('#submit');

  // Document photos: the front as a file, the back with the (fake) rear camera.
  await onStep(page, '/request/photo', '#upload-id-card-front-file', 'phone-photo');
  await page.setInputFiles('#upload-id-card-front-file', { name: 'front.png', mimeType: 'image/png', buffer: await picture(page, 1600, 1000) });
  await page.waitForFunction(() => document.querySelector('#upload-id-card-front-status')?.textContent.includes('✓'), null, { timeout: 60_000 });
  await page.click('#upload-id-card-back-camera');
  await page.waitForFunction(() => { const v = document.querySelector('#upload-id-card-back-group video'); return v && v.readyState >= 2 && v.videoWidth > 0; }, null, { timeout: 15_000 });
  await screenshot(page, 'phone-photo-camera');
  await page.click('#upload-id-card-back-take');
  await page.waitForFunction(() => document.querySelector('#upload-id-card-back-status')?.textContent.includes('✓'), null, { timeout: 60_000 });
  await screenshot(page, 'phone-photo-uploaded');
  await page.click('#submit');

  await onStep(page, '/request/address', '#country', 'phone-address');
  await page.selectOption('#country', 'IT');
  await page.fill('#city', 'Milano');
  await page.fill('#postal-code', '2012');
  await page.fill('#street', 'Via Roma 1');
  await page.click('#submit');
  await page.waitForSelector('#error-summary a[href="#postal-code"]');
  await screenshot(page, 'phone-address-errors');
  await page.fill('#postal-code', '20121');
  await page.click('#submit');
  await page.waitForURL('**/request/proof');

  // A second device: signs in, continues where the first one stopped.
  const second = await browser.newContext(PHONE_VIEW);
  const other = await second.newPage();
  other.on('pageerror', (e) => problems.push(`second context: ${e.message}`));
  await other.goto(base + '/sign-in');
  await other.fill('#login', EMAIL);
  await other.fill('#password', PASSWORD);
  await other.click('button[type=submit]');
  await other.waitForURL('**/my-request');
  await other.click('#continue-registration');
  await onStep(other, '/request/proof', '#proof-kind-rental-contract', 'phone-proof');
  // `/request/` only redirected here: back returns to My request, not into the redirect.
  await history(other, 'back', '/my-request', '#continue-registration');
  await history(other, 'forward', '/request/proof', '#proof-kind-rental-contract');
  // Reading order = tab order: the kind, the refused kinds, the upload, the declaration.
  const order = await other.evaluate(() => ['#proof-kind-rental-contract', '#refused-kinds', '#upload-proof-of-address-file', '#proof-declaration']
    .map((s) => document.querySelector(s))
    .every((el, i, all) => i === 0 || (all[i - 1].compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)));
  assert.ok(order, 'proof page in reading order');
  await other.check('#proof-kind-rental-contract');
  await other.setInputFiles('#upload-proof-of-address-file', { name: 'contratto.pdf', mimeType: 'application/pdf', buffer: pdf('Contratto di locazione - Drita Cela, Via Roma 1, 20121 Milano') });
  await other.waitForFunction(() => document.querySelector('#upload-proof-of-address-status')?.textContent.includes('✓'), null, { timeout: 60_000 });
  await screenshot(other, 'phone-proof-uploaded');
  await other.check('#proof-declaration');
  await other.click('#submit');

  // Check your answers: the first device's answers are here; a "change" comes back here.
  await onStep(other, '/request/check', '#declaration', 'phone-check');
  assert.match(await other.textContent('[data-field="first_name"]'), /Drita/);
  assert.match(await other.textContent('[data-field="city"]'), /Milano/);
  await other.click('#change-city');
  await onStep(other, '/request/address?change', '#city', 'phone-change-city');
  assert.equal(await other.inputValue('#city'), 'Milano');
  await other.fill('#city', 'Torino');
  await other.fill('#postal-code', '10121');
  await other.click('#submit');
  await other.waitForURL('**/request/check');
  assert.match(await other.textContent('[data-field="city"]'), /Torino/);
  await other.click('#submit');
  await other.waitForSelector('#error-summary a[href="#declaration"]');
  await other.check('#declaration');
  // A double tap sends one request.
  await Promise.all([other.click('#submit'), other.click('#submit').catch(() => {})]);
  await onStep(other, '/request/done', '#request-reference', 'phone-done');
  const reference = (await other.textContent('#request-reference')).trim();
  assert.match(reference, /^PER-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // My request: each status.
  await other.goto(base + '/my-request');
  await onStep(other, '/my-request', '#request-status[data-status="submitted"]', 'phone-my-request-submitted');
  // A correction requested: the link goes to the answer, the fix is resubmitted.
  decide(reference, ['--correct', 'address_mismatch']);
  await other.reload();
  await onStep(other, '/my-request', '#request-status[data-status="correction_requested"]', 'phone-my-request-correction');
  assert.equal(await other.getAttribute('[data-reason="address_mismatch"] .fix-link', 'href'), '/request/address?change');
  await other.click('[data-reason="address_mismatch"] .fix-link');
  await onStep(other, '/request/address?change', '#street', 'phone-correction-address');
  assert.equal(await other.inputValue('#city'), 'Torino', 'the answers come back');
  await other.fill('#street', 'Via Po 2');
  await other.click('#submit');
  await onStep(other, '/request/check', '#declaration', 'phone-correction-check');
  assert.match(await other.textContent('[data-field="street"]'), /Via Po 2/);
  await other.check('#declaration');
  await other.click('#submit');
  await onStep(other, '/request/done', '#request-reference', 'phone-correction-done');
  const corrected = (await other.textContent('#request-reference')).trim();
  await other.goto(base + '/my-request');
  await onStep(other, '/my-request', '#request-status[data-status="submitted"]', 'phone-my-request-resubmitted');
  assert.equal((await other.textContent('#request-reference')).trim(), corrected);
  decide(corrected, ['--reject', 'address_mismatch,face_mismatch']);
  await other.reload();
  await onStep(other, '/my-request', '#request-status[data-status="rejected"]', 'phone-my-request-rejected');
  assert.equal(await other.getAttribute('[data-reason="address_mismatch"] .fix-link', 'href'), '/request/address?change');
  assert.equal(await other.getAttribute('[data-reason="face_mismatch"] .fix-link', 'href'), '/register/face');
  // Apply again: everything pre-filled, straight to the check page.
  await other.click('#apply-again');
  await onStep(other, '/request/check', '#declaration', 'phone-reapply-check');
  assert.match(await other.textContent('[data-field="city"]'), /Torino/);
  assert.match(await other.textContent('[data-field="street"]'), /Via Po 2/);
  assert.match(await other.textContent('[data-field="first_name"]'), /Drita/);
  await other.check('#declaration');
  await other.click('#submit');
  await other.waitForURL('**/request/done');
  const second_reference = (await other.textContent('#request-reference')).trim();
  decide(second_reference, ['--approve']);
  await other.goto(base + '/my-request');
  await onStep(other, '/my-request', '#request-status[data-status="approved"]', 'phone-my-request-approved');
  // Withdraw.
  await other.click('#withdraw');
  await other.click('#withdraw-confirm');
  await other.waitForSelector('#request-status[data-status="withdrawn"]');
  await screenshot(other, 'phone-my-request-withdrawn');

  // Desktop: every step of the request, for the record.
  const desk = await browser.newContext(DESKTOP_VIEW);
  const d = await desk.newPage();
  await d.goto(base + '/sign-in');
  await d.fill('#login', EMAIL);
  await d.fill('#password', PASSWORD);
  await d.click('button[type=submit]');
  await d.waitForURL('**/my-request');
  for (const step of ['document', 'name', 'birth', 'personal-number', 'photo', 'address', 'proof', 'check']) {
    await d.goto(`${base}/request/${step}`);
    await d.waitForSelector('#page-heading');
    await screenshot(d, `desktop-${step}`);
  }
  await d.goto(`${base}/my-request`);
  await d.waitForSelector('#request-status');
  await screenshot(d, 'desktop-my-request');

  assert.deepEqual(problems, []);
  await Promise.all([first.close(), second.close(), desk.close()]);
});
