// The officials' review console (/review/). Two tests:
//
// 1. Every console page on a phone (360 px) and a desktop (1280 px), the console's API
//    answered by the test (Playwright's request routing) so that each state can be shown:
//    sign-in and its one error, the queue with its filters, the 5-day clock and flags,
//    paging, one request side by side (the registry mismatch marked, documents enlarged by
//    click and by keyboard, a PDF as a link), the decision form and its errors, a 409 from
//    another official's assignment, the supervisor's reverse form, and the idle warning and
//    sign-out (a fake clock). axe-core on every page; screenshots to
//    test-artifacts/e2e-review.
// 2. The whole path on the real server: an official made with `per-server official add
//    --password-stdin` signs in with a TOTP code computed here (RFC 6238), a voter submits,
//    the reviewer finds the request in the queue, takes it and rejects it (address_mismatch
//    and a note), the voter sees the rejection linked to the address, fixes it and
//    resubmits, the reviewer approves, the voter sees "approved". Opt-in for now
//    (PER_E2E_REVIEW_FULL=1): written before the server's endpoints landed, not yet run.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { faceVideos, fakeCamera, launchChromium, ROOT, SERVER, startServer } from './support.mjs';
import { axe, fits, picture, screenshots, totp, voterSubmits } from './helpers.mjs';

const ARTIFACTS = join(process.env.PER_ARTIFACTS ?? join(ROOT, 'test-artifacts'), 'e2e-review');
const PHONE_VIEW = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const DESKTOP_VIEW = { viewport: { width: 1280, height: 900 } };
const screenshot = screenshots(ARTIFACTS);

let server;
let base;
let dataDir;
const outbox = [];
let browser;

before(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({ onLine: (line) => { if (line.startsWith('OUTBOX ')) outbox.push(line); } });
  ({ base, dataDir } = server);
  browser = await launchChromium(fakeCamera(join(faceVideos(), 'live.y4m')));
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const NOW = Date.now();
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const DAY = 86_400_000;

/** The console's API as the test answers it: one supervisor, a queue of 51 requests. */
function stubApi(page, { idle = 900, png } = {}) {
  const state = { signedIn: false, assigned: null, status: 'submitted', history: [], heldByOther: false };
  const official = { login: 'ana', name: 'Ana Hoxha', role: 'supervisor', idle_timeout_seconds: idle };
  const item = (i) => ({
    reference: i === 0 ? 'PER-7K3M-Q9TX' : `PER-AAAA-${String(i).padStart(4, '0')}`,
    status: i === 0 ? state.status : 'submitted',
    submitted_at: iso(NOW - (6 - Math.min(i, 5)) * DAY - DAY / 2),
    due_at: iso(NOW - (1 - Math.min(i, 5)) * DAY - DAY / 2),
    overdue: i === 0,
    zone: (i % 12) + 1,
    country: ['IT', 'DE', 'GR', 'GB'][i % 4],
    flags: i === 0 ? ['registry_mismatch', 'duplicate'] : i === 1 ? ['assisted_route', 'expired_document'] : [],
    assigned_to: i === 0 ? state.assigned : i === 2 ? 'besa' : null,
  });
  const detail = () => ({
    item: item(0),
    identity: [['document_type', 'id_card'], ['document_number', 'I12345678'], ['first_name', 'Drita'], ['surname', 'Çela'], ['father_name', 'Agim'], ['date_of_birth', '1990-04-15'], ['place_of_birth', 'Shkodër'], ['sex', 'f'], ['personal_number', 'J05415123A']],
    address: [['country', 'IT'], ['city', 'Milano'], ['postal_code', '20121'], ['street', 'Via Roma 1']],
    proof_kind: 'rental_contract',
    registry: [
      { field: 'personal_number', entered: 'J05415123A', registry: 'J05415123A', result: 'match' },
      { field: 'surname', entered: 'Çela', registry: 'Cela', result: 'mismatch' },
      { field: 'first_name', entered: 'Drita', registry: 'Drita', result: 'match' },
      { field: 'date_of_birth', entered: '1990-04-15', registry: null, result: 'not_found' },
    ],
    face: { route: 'live', passed: true, reasons: ['face_centered', 'steps_in_order'], frame: 'face-1' },
    documents: ['doc-front', 'doc-back', 'proof-pdf'],
    duplicates: ['PER-AAAA-0007'],
    history: state.history,
  });
  const json = (route, status, body) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  const err = (route, status, error) => json(route, status, { error, message: error });
  return page.route('**/api/review/**', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname.replace('/api/review', '');
    const method = req.method();
    if (path === '/sign-in' && method === 'POST') {
      const b = req.postDataJSON();
      if (b.login === 'ana' && b.password === 'Vlore-1912-Flamuri' && b.code === '123456') {
        state.signedIn = true;
        return json(route, 200, official);
      }
      return err(route, 401, 'sign_in_failed');
    }
    if (!state.signedIn) return err(route, 401, 'signed_out');
    if (path === '/me') return json(route, 200, official);
    if (path === '/sign-out') { state.signedIn = false; return route.fulfill({ status: 204 }); }
    if (path === '/queue') {
      const pageNo = Number(url.searchParams.get('page') ?? 0);
      const all = Array.from({ length: 51 }, (_, i) => item(i))
        .filter((x) => !url.searchParams.get('country') || x.country === url.searchParams.get('country'));
      return json(route, 200, { items: all.slice(pageNo * 50, pageNo * 50 + 50), total: all.length, page: pageNo, page_size: 50 });
    }
    if (path.startsWith('/images/')) {
      if (path.endsWith('proof-pdf')) return route.fulfill({ status: 200, contentType: 'application/pdf', body: '%PDF-1.4\n%%EOF\n' });
      return route.fulfill({ status: 200, contentType: 'image/png', body: png, headers: { 'cache-control': 'no-store' } });
    }
    if (path === '/requests/PER-7K3M-Q9TX' && method === 'GET') return json(route, 200, detail());
    if (path === '/requests/PER-7K3M-Q9TX/assign' && method === 'POST') {
      if (state.heldByOther) { state.assigned = 'besa'; return err(route, 409, 'assigned_to_other'); }
      state.assigned = 'ana'; state.status = 'under_review';
      return json(route, 200, { reference: 'PER-7K3M-Q9TX', assigned_to: 'ana', expires_at: iso(NOW + 1_800_000), status: 'under_review' });
    }
    if (path === '/requests/PER-7K3M-Q9TX/assign' && method === 'DELETE') { state.assigned = null; return route.fulfill({ status: 204 }); }
    if (path === '/requests/PER-7K3M-Q9TX/decision' && method === 'POST') {
      const b = req.postDataJSON();
      const status = { approve: 'approved', reject: 'rejected', request_correction: 'correction_requested' }[b.decision];
      state.status = status; state.assigned = null;
      state.history.push({ decision: b.decision, reasons: b.reasons, note: b.note, by: 'ana', at: iso(NOW) });
      return json(route, 200, { reference: 'PER-7K3M-Q9TX', status, reasons: b.reasons, decided_at: iso(NOW) });
    }
    if (path === '/requests/PER-7K3M-Q9TX/reverse' && method === 'POST') {
      const b = req.postDataJSON();
      state.status = { approve: 'approved', reject: 'rejected', request_correction: 'correction_requested' }[b.decision];
      state.history.push({ decision: `reverse:${b.decision}`, reasons: b.reasons, note: b.note, by: 'ana', at: iso(NOW) });
      return json(route, 200, { reference: 'PER-7K3M-Q9TX', status: state.status, reasons: b.reasons, decided_at: iso(NOW) });
    }
    return err(route, 404, 'not_found');
  }).then(() => state);
}

async function ready(page, selector, where) {
  await page.waitForSelector(selector);
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading', null, { timeout: 5_000 }).catch(() => {});
  await fits(page, where);
  await axe(page, where);
}

for (const [label, view] of [['phone', PHONE_VIEW], ['desktop', DESKTOP_VIEW]]) {
  test(`every console page on a ${label} (the console's API answered by the test)`, async () => {
    const ctx = await browser.newContext(view);
    const page = await ctx.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.goto(base + '/');
    const png = await picture(page, 1200, 800);
    const state = await stubApi(page, { png });

    // Sign-in: one message whatever was wrong.
    await page.goto(base + '/review/');
    await ready(page, '#code', 'sign-in');
    await screenshot(page, `${label}-sign-in`);
    await page.fill('#login', 'ana');
    await page.fill('#password', 'Vlore-1912-Flamuri');
    await page.fill('#code', '000000');
    await page.click('#submit');
    await page.waitForSelector('#error-message');
    assert.match(await page.textContent('#error-message'), /Hyrja nuk u krye/);
    assert.equal(await page.inputValue('#code'), '', 'a wrong code is cleared');
    await axe(page, 'sign-in with its error');
    await screenshot(page, `${label}-sign-in-error`);
    await page.fill('#code', '123456');
    await page.click('#submit');

    // The queue: the 5-day clock, flags as text, paging, the filters in the address.
    await page.waitForURL('**/review/queue');
    await ready(page, '#queue tbody tr', 'queue');
    const first = page.locator('#queue tbody tr').first();
    assert.match(await first.textContent(), /me vonesë/);
    assert.match(await first.textContent(), /mospërputhje me regjistrin/);
    assert.match(await page.locator('#queue tbody tr').nth(4).textContent(), /afati pas \d+ ditësh/);
    assert.match(await page.textContent('#signed-in-as'), /Ana Hoxha/);
    await screenshot(page, `${label}-queue`);
    await page.click('#next-page');
    await page.waitForURL('**/review/queue?page=1');
    await page.waitForSelector('#previous-page');
    await page.fill('#filter-country', 'it');
    await page.click('#apply-filters');
    await page.waitForURL('**/review/queue?country=IT');
    await page.waitForFunction(() => document.querySelector('#queue-count')?.textContent.startsWith('13'));
    await axe(page, 'queue filtered');
    await screenshot(page, `${label}-queue-filtered`);

    // One request, side by side.
    await page.click('a.review-ref[href="/review/requests/PER-7K3M-Q9TX"]');
    await page.waitForURL('**/review/requests/PER-7K3M-Q9TX');
    await ready(page, '#take', 'request');
    assert.match(await page.textContent('[data-field="surname"][data-result="mismatch"]'), /✗/);
    await page.waitForSelector('a.review-pdf[data-document="3"]');
    await screenshot(page, `${label}-request`);
    const columns = await page.evaluate(() => getComputedStyle(document.querySelector('.review-grid')).gridTemplateColumns.split(' ').length);
    assert.equal(columns, label === 'desktop' ? 2 : 1, 'two columns on a desktop, stacked on a phone');
    // Enlarged by a click, and by the keyboard.
    await page.click('button.review-zoom[data-document="1"]');
    assert.equal(await page.getAttribute('button.review-zoom[data-document="1"]', 'aria-expanded'), 'true');
    await page.focus('button.review-zoom[data-document="2"]');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('button.review-zoom[data-document="2"]', 'aria-expanded'), 'true');
    await axe(page, 'request, documents enlarged');
    await screenshot(page, `${label}-request-zoomed`);
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('button.review-zoom[data-document="2"]', 'aria-expanded'), 'false');

    // Another official holds it: a clear 409.
    state.heldByOther = true;
    await page.click('#take');
    await page.waitForSelector('#error-message');
    assert.match(await page.textContent('#error-message'), /zyrtar tjetër/);
    await page.waitForFunction(() => document.querySelector('#assignment')?.textContent.includes('besa'));
    await axe(page, 'request held by another');
    await screenshot(page, `${label}-request-held-by-other`);
    state.heldByOther = false;
    await page.click('#take');
    await page.waitForSelector('#decision-form');
    // Reject without a reason: the form says so; then with one and a note.
    await page.check('#decision-reject');
    await page.click('#decision-submit');
    await page.waitForFunction(() => document.querySelector('#error-message')?.textContent.includes('arsye'));
    await axe(page, 'decision form with its error');
    await screenshot(page, `${label}-decision-error`);
    await page.check('#decision-reason-address-mismatch');
    await page.fill('#decision-note', 'The contract names another street.');
    await page.click('#decision-submit');
    await page.waitForSelector('#request-status[data-status="rejected"]');
    await page.waitForSelector('#decision-notice');
    assert.match(await page.textContent('#history'), /another street/);
    // A supervisor may reverse it (a note required).
    await page.waitForSelector('#reverse-form');
    await axe(page, 'request decided, reverse form');
    await screenshot(page, `${label}-request-decided`);
    await page.check('#reverse-approve');
    await page.click('#reverse-submit');
    await page.waitForFunction(() => document.querySelector('#error-message')?.textContent.includes('shënim'));
    await page.fill('#reverse-note', 'The street was renamed in 2025.');
    await page.click('#reverse-submit');
    await page.waitForSelector('#request-status[data-status="approved"]');

    // English, for the record.
    await page.selectOption('#language', 'en').catch(() => {});
    await page.waitForTimeout(300);
    await screenshot(page, `${label}-request-english`);

    await page.click('#sign-out');
    await page.waitForSelector('#code');
    assert.deepEqual(problems, []);
    await ctx.close();
  });
}

test('the idle warning comes 2 minutes before the end, then the console signs out', async () => {
  const ctx = await browser.newContext(PHONE_VIEW);
  const page = await ctx.newPage();
  await page.clock.install({ time: NOW });
  await page.goto(base + '/');
  const png = await picture(page, 1200, 800);
  await stubApi(page, { png, idle: 900 });
  await page.goto(base + '/review/');
  await page.waitForSelector('#code');
  await page.fill('#login', 'ana');
  await page.fill('#password', 'Vlore-1912-Flamuri');
  await page.fill('#code', '123456');
  await page.click('#submit');
  await page.waitForSelector('#queue tbody tr');
  await page.clock.fastForward(781_000);
  await page.waitForSelector('#idle-warning');
  await axe(page, 'idle warning');
  await screenshot(page, 'phone-idle-warning');
  await page.click('#stay-signed-in');
  await page.waitForSelector('#idle-warning', { state: 'detached' });
  await page.clock.fastForward(901_000);
  await page.waitForSelector('#code');
  assert.match(await page.textContent('#error-message'), /mosveprimit/);
  await axe(page, 'signed out after inactivity');
  await screenshot(page, 'phone-idle-signed-out');
  await ctx.close();
});

const hasOfficials = spawnSync(SERVER, ['official', '--help']).status === 0;
// Not yet run against the merged server (written before its endpoints landed): opt in with
// PER_E2E_REVIEW_FULL=1 until it has passed once, then drop this switch.
const fullPath = hasOfficials && process.env.PER_E2E_REVIEW_FULL === '1';

test('a reviewer rejects, the voter fixes the address and resubmits, the reviewer approves', { skip: fullPath ? false : 'set PER_E2E_REVIEW_FULL=1 (needs per-server with officials)' }, async () => {
  const password = 'Tirane-Durres-2026!';
  const made = execFileSync(SERVER, ['--dev', 'official', 'add', 'reviewer1', '--role', 'reviewer', '--name', 'Besa Krasniqi', '--password-stdin', '--data-dir', dataDir], {
    input: `${password}\n`, env: { ...process.env, RUST_LOG: 'warn' },
  }).toString();
  const secret = made.match(/TOTP secret \(base32\): ([A-Z2-7]+)/)[1];

  const voterCtx = await browser.newContext({ ...PHONE_VIEW, permissions: ['camera'] });
  const voter = await voterCtx.newPage();
  const reference = await voterSubmits(voter, { base, outbox, phone: '+39 333 111 2233', email: 'arta.leka@example.it', password: 'Vlore-1912-Flamuri' });

  const desk = await browser.newContext(DESKTOP_VIEW);
  const official = await desk.newPage();
  const signIn = async () => {
    await official.goto(base + '/review/');
    await official.waitForSelector('#code');
    await official.fill('#login', 'reviewer1');
    await official.fill('#password', password);
    await official.fill('#code', totp(secret));
    await official.click('#submit');
    await official.waitForURL('**/review/queue');
  };
  await signIn();
  await ready(official, `#queue tr[data-reference="${reference}"]`, 'queue (real server)');
  await screenshot(official, 'real-queue');
  await official.click(`#queue tr[data-reference="${reference}"] a`);
  await ready(official, '#take', 'request (real server)');
  await official.click('#take');
  await official.waitForSelector('#decision-form');
  await screenshot(official, 'real-request-taken');
  await official.check('#decision-reject');
  await official.check('#decision-reason-address-mismatch');
  await official.fill('#decision-note', 'The street on the contract differs.');
  await official.click('#decision-submit');
  await official.waitForSelector('#request-status[data-status="rejected"]');
  await axe(official, 'request rejected (real server)');
  await screenshot(official, 'real-request-rejected');

  // The voter sees the rejection, linked to the address; fixes it and resubmits.
  await voter.goto(base + '/my-request');
  await voter.waitForSelector('#request-status[data-status="rejected"]');
  assert.equal(await voter.getAttribute('[data-reason="address_mismatch"] .fix-link', 'href'), '/request/address?change');
  await screenshot(voter, 'real-voter-rejected');
  await voter.click('#apply-again');
  await voter.waitForURL('**/request/check');
  await voter.goto(base + '/request/address?change');
  await voter.waitForSelector('#street');
  await voter.fill('#street', 'Via Garibaldi 12');
  await voter.click('#submit');
  await voter.waitForURL('**/request/check');
  await voter.check('#declaration');
  await voter.click('#submit');
  await voter.waitForURL('**/request/done');
  const second = (await voter.textContent('#request-reference')).trim();

  await official.goto(base + '/review/queue');
  await official.waitForSelector(`#queue tr[data-reference="${second}"]`);
  await official.click(`#queue tr[data-reference="${second}"] a`);
  await official.waitForSelector('#take');
  await official.click('#take');
  await official.waitForSelector('#decision-form');
  await official.check('#decision-approve');
  await official.click('#decision-submit');
  await official.waitForSelector('#request-status[data-status="approved"]');
  await screenshot(official, 'real-request-approved');

  await voter.goto(base + '/my-request');
  await voter.waitForSelector('#request-status[data-status="approved"]');
  await screenshot(voter, 'real-voter-approved');
  await Promise.all([voterCtx.close(), desk.close()]);
});
