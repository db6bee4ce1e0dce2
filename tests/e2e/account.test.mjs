// The account's protections in the browser, on the real server (sessions end after 60 s
// unused here: `[limits] session_idle_seconds`, so the idle warning comes in 40 s):
//
// 1. "Forgot your password?": the sign-in links to the reset (its own entry), the login,
//    the two codes read from the development outbox, a wrong code (tries left), a common
//    password refused, then the new password; every session ended, the old password refused
//    and the new one signs in.
// 2. Changing the password on "My request": each refusal said at its field (empty, wrong
//    current password, the voter's own phone digits, a common one), the change (the other
//    session ends, this one stays), signing out everywhere, and the lock after five wrong
//    current passwords with its wait.
// 3. The idle warning (WCAG 2.2.1): a modal alertdialog with the focus on "stay signed in",
//    kept by the keyboard; left alone, "you were signed out" with the focus on the sign-in,
//    the tab's drafts forgotten and the server's session ended.
//
// axe-core on every new page and state; screenshots at 360 px and 1280 px to
// test-artifacts/e2e-account.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, startServer } from './support.mjs';
import { axe, codeFor, fits, screenshots } from './helpers.mjs';

const ARTIFACTS = join(process.env.PER_ARTIFACTS ?? join(ROOT, 'test-artifacts'), 'e2e-account');
const PHONE_VIEW = { viewport: { width: 360, height: 780 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const DESKTOP_VIEW = { viewport: { width: 1280, height: 900 } };
const IDLE_SECONDS = 60;
const screenshot = screenshots(ARTIFACTS);

let server;
let base;
const outbox = [];
let browser;

before(async () => {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startServer({
    onLine: (line) => { if (line.startsWith('OUTBOX ')) outbox.push(line); },
    settings: `[limits]\nsession_idle_seconds = ${IDLE_SECONDS}\n`,
  });
  ({ base } = server);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

/** A voter signs up on `page` (contacts, both codes, password): signed in, on the face step. */
async function signUp(page, { phone, email, password }) {
  await page.goto(base + '/register/contact');
  await page.waitForSelector('#phone');
  const mark = outbox.length;
  await page.fill('#phone', phone);
  await page.fill('#email', email);
  await page.click('button[type=submit]');
  await page.waitForURL('**/register/verify');
  await page.fill('#phone-code', await codeFor(outbox, 'phone', mark));
  await page.fill('#email-code', await codeFor(outbox, 'email', mark));
  await page.click('button[type=submit]');
  await page.waitForURL('**/register/password');
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL('**/register/face');
}

async function signIn(page, login, password) {
  await page.goto(base + '/sign-in');
  await page.waitForSelector('#login');
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.click('#submit');
}

/** The text of the error shown at input `id`. */
async function errorAt(page, id) {
  await page.waitForSelector(`#${id}-error`);
  return (await page.textContent(`#${id}-error`)).replace(/^Gabim:\s*/, '').trim();
}

/** Whether the server still knows this browser's session. */
async function signedIn(page) {
  return page.evaluate(async () => (await fetch('/api/me')).status === 200);
}

test('a forgotten password is reset with the codes sent to the phone and the e-mail', async () => {
  const voter = { phone: '+39 312 555 0101', email: 'blerta.krasniqi@example.it', password: 'Berat-1417-Kalaja' };
  const first = await browser.newContext(PHONE_VIEW);
  const old = await first.newPage();
  await signUp(old, voter);
  // Parked on a page that keeps no session clock (its idle warning would end it in 60 s).
  await old.goto(base + '/statistics/');

  const context = await browser.newContext(PHONE_VIEW);
  const page = await context.newPage();
  await page.goto(base + '/sign-in');
  await page.waitForSelector('#forgot-password');
  await axe(page, 'the sign-in with its reset link');
  await page.click('#forgot-password');
  await page.waitForURL('**/sign-in/reset');
  await page.waitForSelector('#login');
  await fits(page, 'the reset page');
  await axe(page, 'the reset page');
  await screenshot(page, 'phone-reset-start');
  await page.click('#submit');
  assert.equal(await errorAt(page, 'login'), 'Shkruani e-mailin ose numrin e celularit');
  await axe(page, 'the reset page with an error');

  const mark = outbox.length;
  await page.fill('#login', voter.email);
  await page.click('#submit');
  await page.waitForURL('**/sign-in/reset/codes');
  await page.waitForSelector('#phone-code');
  const phoneCode = await codeFor(outbox, 'phone', mark);
  const emailCode = await codeFor(outbox, 'email', mark);
  await fits(page, 'the codes page');
  await axe(page, 'the codes page');
  await screenshot(page, 'phone-reset-codes');

  // One wrong code: the pair is refused, with the tries left.
  const wrong = emailCode === '000000' ? '111111' : '000000';
  const newPassword = 'Gjirokastra-Guri-1336';
  await page.fill('#phone-code', phoneCode);
  await page.fill('#email-code', wrong);
  await page.fill('#password', newPassword);
  await page.click('#submit');
  assert.equal(await errorAt(page, 'phone-code'), 'Një nga kodet, ose të dy, janë të gabuar. Përpjekje të mbetura: 4.');
  await axe(page, 'the codes page with a wrong code');
  await screenshot(page, 'phone-reset-wrong-code');
  // A common password: refused by the server with the registration's words.
  await page.fill('#email-code', emailCode);
  await page.fill('#password', 'ribena11');
  await page.click('#submit');
  assert.equal(await errorAt(page, 'password'), 'Ky fjalëkalim është shumë i zakonshëm: zgjidhni një tjetër');

  await page.fill('#password', newPassword);
  await page.click('#submit');
  await page.waitForURL((u) => u.pathname === '/sign-in' && u.search === '?reset');
  await page.waitForSelector('#notice');
  assert.match(await page.textContent('#notice'), /Fjalëkalimi u ndryshua/);
  await axe(page, 'the sign-in after a reset');
  await screenshot(page, 'phone-reset-done');

  // Every session ended: the browser that was signed in is signed out.
  assert.equal(await signedIn(old), false, 'the other browser was signed out');
  // The old password no longer works; the new one does.
  await signIn(page, voter.email, voter.password);
  assert.equal(await errorAt(page, 'login'), 'E-maili, numri ose fjalëkalimi është i gabuar.');
  await signIn(page, voter.email, newPassword);
  await page.waitForURL('**/my-request');
  assert.equal(await signedIn(page), true);

  // On a desktop; and the codes page in a tab with no reset says so.
  const desktop = await browser.newContext(DESKTOP_VIEW);
  const wide = await desktop.newPage();
  await wide.goto(base + '/sign-in/reset');
  await wide.waitForSelector('#login');
  await screenshot(wide, 'desktop-reset-start');
  await wide.goto(base + '/sign-in/reset/codes');
  await wide.waitForSelector('#no-reset');
  await axe(wide, 'the codes page without a reset');
  await screenshot(wide, 'desktop-reset-none');
  await Promise.all([first.close(), context.close(), desktop.close()]);
});

test('a signed-in voter changes the password, signs out everywhere, and is locked after five wrong ones', async () => {
  const voter = { phone: '+39 312 555 0202', email: 'arben.hoxha@example.it', password: 'Durres-Amfiteatri-2' };
  const other = await browser.newContext(PHONE_VIEW);
  const otherPage = await other.newPage();
  await signUp(otherPage, voter);
  await otherPage.goto(base + '/statistics/');
  const context = await browser.newContext(DESKTOP_VIEW);
  const page = await context.newPage();
  await signIn(page, voter.email, voter.password);
  await page.waitForURL('**/my-request');
  await page.waitForSelector('#change-password');
  await axe(page, 'my request with the account section');
  await screenshot(page, 'desktop-my-request-account');
  await page.click('#change-password');
  await page.waitForURL('**/my-request/password');
  await page.waitForSelector('#current-password');
  await axe(page, 'the change page');
  await screenshot(page, 'desktop-change');

  await page.click('#submit');
  assert.equal(await errorAt(page, 'current-password'), 'Shkruani fjalëkalimin aktual');
  assert.equal(await errorAt(page, 'password'), 'Shkruani fjalëkalimin e ri');
  await axe(page, 'the change page with errors');
  await page.fill('#current-password', 'not my password');
  await page.fill('#password', 'a fine new passphrase');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#current-password-error')?.textContent.includes('aktual është i gabuar'));
  await page.fill('#current-password', voter.password);
  await page.fill('#password', 'mypin3125550202');
  await page.click('#submit');
  assert.equal(await errorAt(page, 'password'), 'Fjalëkalimi nuk duhet të përmbajë numrin tuaj të telefonit ose adresën e e-mailit');
  await page.fill('#password', 'ribena11');
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#password-error')?.textContent.includes('shumë i zakonshëm'));
  await screenshot(page, 'desktop-change-refused');

  const newPassword = 'a new long passphrase';
  await page.fill('#password', newPassword);
  const [changed] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/password')),
    page.click('#submit'),
  ]);
  assert.equal(changed.status(), 204, `${changed.status()} ${await changed.text()} ${changed.request().postData()}`);
  await page.waitForSelector('#notice');
  assert.equal(new URL(page.url()).pathname, '/my-request');
  assert.match(await page.textContent('#notice'), /Fjalëkalimi u ndryshua/);
  assert.equal(await signedIn(page), true, 'this session stays');
  assert.equal(await signedIn(otherPage), false, 'the other one ended');

  // Sign out everywhere: this browser too.
  await signIn(otherPage, voter.phone, newPassword);
  await otherPage.waitForURL('**/my-request', { timeout: 10_000 }).catch(async (e) => {
    await screenshot(otherPage, 'FAILED-sign-in');
    throw new Error(`${e.message}: ${await otherPage.textContent('main')}`);
  });
  await page.reload();
  await page.waitForSelector('#sign-out-everywhere');
  await page.click('#sign-out-everywhere');
  await page.waitForURL(base + '/');
  assert.equal(await signedIn(page), false);
  assert.equal(await signedIn(otherPage), false, 'everywhere');

  // The old password is refused, the new one signs in; five wrong current passwords lock.
  await signIn(page, voter.email, voter.password);
  assert.equal(await errorAt(page, 'login'), 'E-maili, numri ose fjalëkalimi është i gabuar.');
  await signIn(page, voter.email, newPassword);
  await page.waitForURL('**/my-request');
  await page.goto(base + '/my-request/password');
  await page.waitForSelector('#current-password');
  await page.fill('#password', 'another fine passphrase');
  const answered = () => page.waitForResponse((r) => r.url().endsWith('/api/password'));
  for (let i = 0; i < 5; i++) {
    await page.fill('#current-password', `wrong guess ${i}`);
    const [r] = await Promise.all([answered(), page.click('#submit')]);
    assert.equal(r.status(), 401, `wrong guess ${i}`);
  }
  await page.fill('#current-password', newPassword);
  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#current-password-error')?.textContent.includes('bllokuar'));
  assert.match(await errorAt(page, 'current-password'), /^Shumë fjalëkalime të gabuara: llogaria është bllokuar\. Provoni përsëri pas 1[45] minutash\.$/);
  await axe(page, 'the change page with the lock');
  await screenshot(page, 'desktop-change-locked');
  await page.setViewportSize({ width: 360, height: 780 });
  await fits(page, 'the change page');
  await screenshot(page, 'phone-change-locked');
  await Promise.all([other.close(), context.close()]);
});

test('the idle warning lets the voter stay signed in, and says when the session ended', async () => {
  const voter = { phone: '+39 312 555 0303', email: 'elira.dervishi@example.it', password: 'Butrint-Teatri-44' };
  const context = await browser.newContext(PHONE_VIEW);
  const page = await context.newPage();
  await signUp(page, voter);
  assert.equal(await page.locator('#idle-dialog').count(), 1, 'the face step carries the warning too');
  await page.goto(base + '/my-request');
  await page.waitForSelector('#change-password');
  const loaded = Date.now();
  // A keepsake of the tab: forgotten when the session ends here.
  await page.evaluate(() => sessionStorage.setItem('per.request', '{}'));

  // 60 s unused: the warning 20 s before the end (a quarter of the idle time, at least 20 s).
  await page.waitForSelector('#idle-dialog[open]', { timeout: (IDLE_SECONDS + 5) * 1000 });
  const after = (Date.now() - loaded) / 1000;
  assert.ok(after >= IDLE_SECONDS - 25 && after <= IDLE_SECONDS - 15, `the warning came after ${after} s`);
  assert.equal(await page.getAttribute('#idle-dialog', 'role'), 'alertdialog');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'idle-stay', 'the focus is on "stay signed in"');
  assert.match(await page.textContent('#idle-body'), /do të dilni nga llogaria pas \d+ sekondash/);
  await axe(page, 'the idle warning');
  await screenshot(page, 'phone-idle-warning');
  // The keyboard keeps the session: the dialog closes and the focus leaves it.
  await page.keyboard.press('Enter');
  await page.waitForSelector('#idle-dialog:not([open])', { state: 'attached' });
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'idle-stay');
  assert.equal(await signedIn(page), true);
  const renewed = Date.now();

  // Left alone this time: the end, said, with the focus on the way back in.
  await page.waitForSelector('#idle-sign-in:not([hidden])', { timeout: (IDLE_SECONDS + 10) * 1000 });
  const ended = (Date.now() - renewed) / 1000;
  assert.ok(ended >= IDLE_SECONDS - 5, `signed out after ${ended} s`);
  assert.equal(await page.textContent('#idle-title'), 'Dolët nga llogaria');
  assert.match(await page.textContent('#idle-body'), /Hapat që keni përfunduar janë ruajtur/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'idle-sign-in');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('per.request')), null, 'the tab forgot the voter');
  await page.waitForFunction(async () => (await fetch('/api/me')).status === 401);
  await axe(page, 'the signed-out notice');
  await screenshot(page, 'phone-idle-ended');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'desktop-idle-ended');
  await page.click('#idle-sign-in');
  await page.waitForURL('**/sign-in');
  await page.waitForSelector('#login');
  await context.close();
});
