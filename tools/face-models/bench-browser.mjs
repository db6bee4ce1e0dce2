#!/usr/bin/env node
// The face worker's speed in headless Chromium, printed (not asserted): the built worker
// (dist/face/per-face-worker_loader.js) and its models served by the real server, fed the
// fake camera's live clip (live.y4m, 480×360 RGBA frames as the page sends them), one
// frame at a time; detector and landmark ms a frame and frames a second, without and with
// 4× CPU throttling (CDP Emulation.setCPUThrottlingRate on the page's session; Playwright
// cannot send it to the worker's own target, so whether the worker is throttled too shows
// in the numbers: compare the two lines).
//
//   node tools/face-models/bench-browser.mjs [FRAMES]
// Needs PER_SERVER_BIN, PER_DIST (a scripts/build dist), `source scripts/setup`.

import { join } from 'node:path';
import { faceVideos, fakeCamera, launchChromium, startServer } from '../../tests/e2e/support.mjs';

const FRAMES = Number(process.argv[2] ?? 40);
const server = await startServer();
const browser = await launchChromium(fakeCamera(join(faceVideos(), 'live.y4m')));
try {
  for (const rate of [1, 4]) {
    const context = await browser.newContext({ permissions: ['camera'] });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(server.base + '/register/face');
    const r = await page.evaluate(async (frames) => {
      const w = new Worker('/face/per-face-worker_loader.js', { type: 'module' });
      const next = (type) => new Promise((res, rej) => {
        w.onmessage = (e) => { if (e.data.type === type) res(e.data); else if (e.data.type === 'error') rej(new Error(e.data.what)); };
      });
      await next('loaded');
      const t0 = performance.now();
      w.postMessage({ type: 'init', detector: '/face/models/detector.pfnn', landmarks: '/face/models/landmarks.pfnn' });
      await next('ready');
      const loadMs = performance.now() - t0;
      w.postMessage({ type: 'steps', steps: ['turn_left', 'blink', 'closer'] });
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      const video = document.createElement('video');
      video.muted = true; video.srcObject = stream; await video.play();
      const canvas = document.createElement('canvas');
      canvas.width = 480; canvas.height = 360;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      const out = [];
      const start = performance.now();
      for (let i = 0; i < frames; i++) {
        ctx.drawImage(video, 0, 0, 480, 360);
        const px = ctx.getImageData(0, 0, 480, 360).data.buffer;
        const reply = next('result');
        w.postMessage({ type: 'frame', width: 480, height: 360, t_ms: i * 200, pixels: px }, [px]);
        out.push(await reply);
      }
      const secs = (performance.now() - start) / 1000;
      w.terminate();
      return { loadMs, secs, out };
    }, FRAMES);
    // Skip the first frames (compilation, caches).
    const rows = r.out.slice(5);
    const mean = (k) => rows.reduce((a, x) => a + x[k], 0) / rows.length;
    const faces = rows.filter((x) => x.faces === 1).length;
    console.log(`chromium cpu×${rate}: ` +
      `detector ${mean('detector_ms').toFixed(1)} ms, landmarks ${mean('landmarks_ms').toFixed(1)} ms, ` +
      `analysis ${mean('ms').toFixed(1)} ms a frame; ${(r.out.length / r.secs).toFixed(1)} frames/s fed back to back ` +
      `(incl. canvas draw and transfer); models loaded and compiled in ${r.loadMs.toFixed(0)} ms; one face in ${faces}/${rows.length}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
