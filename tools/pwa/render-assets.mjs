#!/usr/bin/env node
// Renders the install assets of the manifest into crates/client/public/ (committed; run
// again when the icon or the start page changes): icons/icon-192.png, icons/icon-512.png
// and icons/icon-maskable-512.png from icon.svg (the maskable one with its text inside the
// 80 % safe zone), and screenshots/start-narrow.png (360x740) and start-wide.png
// (1280x800) of the start page served by the built app.
//
//   PER_SERVER_BIN=… PER_DIST=… node tools/pwa/render-assets.mjs   (after scripts/build)

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchChromium, startServer } from '../../tests/e2e/support.mjs';

const pub = join(ROOT, 'crates/client/public');
mkdirSync(join(pub, 'icons'), { recursive: true });
mkdirSync(join(pub, 'screenshots'), { recursive: true });
const svg = readFileSync(join(pub, 'icon.svg'), 'utf8');
// The maskable icon: the same mark at 70 % in the middle of a full bleed.
const maskable = svg.replace('font-size="190"', 'font-size="140"').replace('y="320"', 'y="305"');

const browser = await launchChromium();
const server = await startServer();
try {
  const page = await browser.newPage();
  for (const [name, size, mark] of [['icon-192', 192, svg], ['icon-512', 512, svg], ['icon-maskable-512', 512, maskable]]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${mark}`);
    await page.screenshot({ path: join(pub, 'icons', `${name}.png`), omitBackground: false });
  }
  for (const [name, width, height] of [['start-narrow', 360, 740], ['start-wide', 1280, 800]]) {
    const ctx = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await p.goto(server.base + '/');
    await p.waitForSelector('#main h1');
    await p.screenshot({ path: join(pub, 'screenshots', `${name}.png`) });
    await ctx.close();
  }
  console.log(`icons and screenshots written to ${pub}`);
} finally {
  server.stop();
  await browser.close();
}
