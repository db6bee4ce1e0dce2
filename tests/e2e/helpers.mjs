// Steps the browser tests share (not a test file): axe-core, the fit check, numbered
// screenshots, the outbox's codes, pictures made by the browser, the voter's whole path
// to a submitted request, and RFC 6238 codes for an official's second factor.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is: no violations (WCAG 2.1 A and AA rules). */
export async function axe(page, where) {
  // Evaluated by the test driver, not as an inline script: the page's CSP allows none.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${where}`);
}

/** The page fits the screen: no sideways scrolling. */
export async function fits(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} is ${overflow}px wider than the screen`);
}

/** A numbered full-page screenshot taker into `dir`. */
export function screenshots(dir) {
  let shot = 0;
  return async (page, name) => {
    shot += 1;
    await page.screenshot({ path: join(dir, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
  };
}

/** The 6-digit code last sent on `channel` (`phone`, `email`) after `from` outbox lines. */
export async function codeFor(outbox, channel, from) {
  for (let i = 0; i < 100; i++) {
    const line = outbox.slice(from).find((l) => l.startsWith(`OUTBOX ${channel} `));
    if (line) return line.match(/\b(\d{6})\b/)[1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${channel} code in the outbox`);
}

/** A picture made by the browser itself: a PNG of `w`x`h` with some text on it. */
export async function picture(page, w, h) {
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

/** Base32 (RFC 4648, no padding needed) to bytes. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** The RFC 6238 code (SHA-1, 6 digits, 30 s) of a base32 `secret` at `time` ms. */
export function totp(secret, time = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

/**
 * A voter signs up (`phone`, `email`, `password`), passes the live face check (the fake
 * camera plays live.y4m) and answers every step of the request on `page`, up to the
 * submitted request; returns its reference. `outbox` is the server's OUTBOX lines.
 */
export async function voterSubmits(page, { base, outbox, phone, email, password }) {
  await page.goto(base + '/');
  await page.waitForSelector('#create-account');
  await page.click('#create-account');
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
  await page.click('#start-camera');
  await page.waitForFunction(() => { const v = document.querySelector('video'); return v && v.readyState >= 2 && v.videoWidth > 0; }, null, { timeout: 15_000 });
  for (let attempt = 1; ; attempt++) {
    await page.click('#start-check');
    const moved = await page.waitForURL('**/request/document', { timeout: 60_000 }).then(() => true, () => false);
    if (moved) break;
    assert.ok(attempt < 3, 'the live clip passes the check within three tries');
    await page.waitForSelector('#start-check:not([disabled])', { timeout: 15_000 });
  }
  await page.waitForSelector('#document-type-id-card');
  await page.check('#document-type-id-card');
  await page.fill('#document-number', 'I12345678');
  await page.fill('#document-expiry', '2031-05-01');
  await page.click('#submit');
  await page.waitForURL('**/request/name');
  await page.fill('#first-name', 'Drita');
  await page.fill('#surname', 'Çela');
  await page.fill('#father-name', 'Agim');
  await page.click('#submit');
  await page.waitForURL('**/request/birth');
  await page.fill('#date-of-birth', '1990-04-15');
  await page.fill('#place-of-birth', 'Shkodër');
  await page.check('#sex-f');
  await page.click('#submit');
  await page.waitForURL('**/request/personal-number');
  await page.fill('#personal-number', 'J05415123A');
  await page.click('#submit');
  await page.waitForURL('**/request/photo');
  await page.waitForSelector('#upload-id-card-front-file');
  for (const side of ['front', 'back']) {
    await page.setInputFiles(`#upload-id-card-${side}-file`, { name: `${side}.png`, mimeType: 'image/png', buffer: await picture(page, 1600, 1000) });
    await page.waitForFunction((s) => document.querySelector(`#upload-id-card-${s}-status`)?.textContent.includes('✓'), side, { timeout: 60_000 });
  }
  await page.click('#submit');
  await page.waitForURL('**/request/address');
  await page.waitForSelector('#country');
  await page.selectOption('#country', 'IT');
  await page.fill('#city', 'Milano');
  await page.fill('#postal-code', '20121');
  await page.fill('#street', 'Via Roma 1');
  await page.click('#submit');
  await page.waitForURL('**/request/proof');
  await page.waitForSelector('#proof-kind-rental-contract');
  await page.check('#proof-kind-rental-contract');
  await page.setInputFiles('#upload-proof-of-address-file', { name: 'contract.png', mimeType: 'image/png', buffer: await picture(page, 1400, 1000) });
  await page.waitForFunction(() => document.querySelector('#upload-proof-of-address-status')?.textContent.includes('✓'), null, { timeout: 60_000 });
  await page.check('#proof-declaration');
  await page.click('#submit');
  await page.waitForURL('**/request/check');
  await page.waitForSelector('#declaration');
  await page.check('#declaration');
  await page.click('#submit');
  await page.waitForURL('**/request/done');
  return (await page.textContent('#request-reference')).trim();
}
