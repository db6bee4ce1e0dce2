// What the browser tests share: the real per-server started on a free port with a fresh data
// directory, and Debian's Chromium with the flags this closed network needs. Not a test file
// (node --test runs *.test.mjs only).

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SERVER = process.env.PER_SERVER_BIN ?? join(ROOT, 'target', 'server', 'per-server');
export const DIST = process.env.PER_DIST ?? join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

/**
 * Starts `per-server --dev serve` (a data key in its temporary data directory, the
 * development outbox) on a free port. `onLine` sees every line it prints on stdout; `settings`
 * is a settings file's TOML (`[limits]`...), `env` more environment, `dist` another build.
 * Resolves to
 * { base, dataDir, stop }.
 */
export function startServer({ onLine = () => {}, env = {}, settings, dist = DIST } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'per-e2e-'));
  const config = [];
  if (settings) {
    writeFileSync(join(dataDir, 'settings.toml'), settings);
    config.push('--config', join(dataDir, 'settings.toml'));
  }
  const server = spawn(SERVER, ['--dev', ...config, 'serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir, '--dist', dist], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn', ...env },
  });
  const stop = () => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  };
  let stderr = '';
  server.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolvePromise, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30_000);
    server.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const listening = line.match(/^listening on (http:\/\/\S+)/);
        if (listening) {
          clearTimeout(timer);
          resolvePromise({ base: listening[1], dataDir, stop });
        }
        onLine(line);
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
}

/**
 * Debian's Chromium, headless, with `extra` flags (e.g. the fake camera). Its contexts and
 * pages block service workers unless asked (`serviceWorkers: 'allow'`): the tests see a
 * first visit, and `page.route` sees every request (pwa.test.mjs tests the worker).
 */
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchChromium(extra = []) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extra],
  });
  const [newContext, newPage] = [browser.newContext.bind(browser), browser.newPage.bind(browser)];
  browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
  browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  return browser;
}

/**
 * The face test videos (tools/face-models/make_videos.py: static.y4m, moved.y4m, live.y4m,
 * 640x480, made from the astronaut.png that scripts/setup installs; never committed), made
 * once into the target folder. Returns their folder. Needs PER_FACE_MODELS and
 * PER_TEST_PYTHON (`source scripts/setup`).
 */
export function faceVideos() {
  const done = join(ROOT, 'target', 'face-videos-v1');
  if (existsSync(join(done, 'live.y4m'))) return done;
  const models = process.env.PER_FACE_MODELS;
  const python = process.env.PER_TEST_PYTHON;
  if (!models || !python) throw new Error('PER_FACE_MODELS and PER_TEST_PYTHON must be set (source scripts/setup)');
  mkdirSync(join(ROOT, 'target'), { recursive: true });
  const work = mkdtempSync(join(ROOT, 'target', 'face-videos-tmp-')); // beside: a rename stays on one file system
  execFileSync(python, [join(ROOT, 'tools', 'face-models', 'make_videos.py'), join(models, 'astronaut.png'), work], { stdio: 'inherit' });
  rmSync(done, { recursive: true, force: true });
  renameSync(work, done);
  return done;
}

/** Chromium's fake camera playing `file` (a y4m, looped), permission granted. */
export function fakeCamera(file) {
  return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}

/**
 * Debian's Chromium with a profile in `userDataDir` (not incognito: what installability
 * needs), service workers allowed. Resolves to its one context.
 */
export function launchPersistentChromium(userDataDir, options = {}) {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}
