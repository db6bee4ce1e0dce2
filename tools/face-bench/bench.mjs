#!/usr/bin/env node
// Detector and mesh milliseconds a frame in headless Chromium (wasm, scalar and simd128),
// with and without 4× CPU throttling (CDP Emulation.setCPUThrottlingRate). Prints, asserts
// nothing. Builds tools/face-bench (per-face-analysis behind bare exports) for wasm32.
//
//   source scripts/setup && node tools/face-bench/bench.mjs [VIDEO.y4m]
//
// VIDEO defaults to target/tmp/face-videos-v1/live.y4m of $CARGO_TARGET_DIR (the test
// videos of tools/face-models/make_videos.py); its first 12 frames are used.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..', '..');
const target = join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'face-bench');
const models = process.env.PER_FACE_MODELS;
if (!models) throw new Error('PER_FACE_MODELS (source scripts/setup)');
const video = process.argv[2] ?? join(process.env.CARGO_TARGET_DIR ?? join(root, 'target'), 'tmp/face-videos-v1/live.y4m');

function build(name, rustflags) {
  const dir = join(target, name);
  execFileSync('cargo', ['build', '-q', '--release', '--target', 'wasm32-unknown-unknown'], {
    cwd: join(root, 'tools/face-bench'),
    env: { ...process.env, CARGO_TARGET_DIR: dir, RUSTFLAGS: rustflags },
    stdio: 'inherit',
  });
  return readFileSync(join(dir, 'wasm32-unknown-unknown/release/per_face_bench.wasm'));
}

// The header line and the first 12 frames (4:2:0: "FRAME\n" and w·h·3/2 bytes each).
function firstFrames(file, n) {
  const all = readFileSync(file);
  const end = all.indexOf(0x0a) + 1;
  const header = all.subarray(0, end).toString();
  const w = Number(/ W(\d+)/.exec(header)[1]);
  const h = Number(/ H(\d+)/.exec(header)[1]);
  return all.subarray(0, end + n * (6 + (w * h * 3) / 2));
}

const files = {
  'scalar.wasm': build('scalar', ''),
  'simd.wasm': build('simd', '-C target-feature=+simd128'),
  'detector.pfnn': readFileSync(join(models, 'detector.pfnn')),
  'landmarks.pfnn': readFileSync(join(models, 'landmarks.pfnn')),
  'video.y4m': firstFrames(video, 12),
  'index.html': Buffer.from('<!doctype html><title>face bench</title>'),
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? "/usr/bin/chromium",
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage();
await page.route('http://face-bench.invalid/**', (route) => {
  const name = new URL(route.request().url()).pathname.slice(1);
  const body = files[name];
  const type = name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.html') ? 'text/html' : 'application/octet-stream';
  return body ? route.fulfill({ body, contentType: type }) : route.fulfill({ status: 404 });
});
await page.goto('http://face-bench.invalid/index.html');
const cdp = await page.context().newCDPSession(page);

const rows = [];
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  for (const kind of ['scalar', 'simd']) {
    const r = await page.evaluate(async (kind) => {
      const get = async (n) => new Uint8Array(await (await fetch(n)).arrayBuffer());
      const { instance } = await WebAssembly.instantiate(await get(`${kind}.wasm`), {});
      const x = instance.exports;
      const put = (bytes) => {
        const p = x.alloc(bytes.length);
        new Uint8Array(x.memory.buffer, p, bytes.length).set(bytes);
        return [p, bytes.length];
      };
      const d = put(await get('detector.pfnn'));
      const l = put(await get('landmarks.pfnn'));
      if (x.load_models(d[0], d[1], l[0], l[1]) !== 0) throw new Error('models');
      const v = put(await get('video.y4m'));
      const n = x.load_video(v[0], v[1]);
      if (n < 2) throw new Error('video');
      x.mesh(0); // warm up
      let t = performance.now();
      for (let i = 0; i < n; i++) if (x.detect(i) < 1) throw new Error('no face');
      const detect = (performance.now() - t) / n;
      t = performance.now();
      for (let i = 0; i < n; i++) if (x.mesh(i) !== 1) throw new Error('no mesh');
      const both = (performance.now() - t) / n;
      return { frames: n, detect, mesh: both - detect, both };
    }, kind);
    rows.push({ rate, kind, ...r });
  }
}
await browser.close();
console.log('face analysis in headless Chromium (ms a frame, 640x480, first frames of the clip)');
console.log('cpu      wasm     detector   mesh   both   frames/s (one worker)');
for (const r of rows) {
  console.log(`${`${r.rate}x`.padEnd(9)}${r.kind.padEnd(7)}${r.detect.toFixed(1).padStart(9)}${r.mesh.toFixed(1).padStart(7)}${r.both.toFixed(1).padStart(7)}${(1000 / r.both).toFixed(1).padStart(10)}`);
}
