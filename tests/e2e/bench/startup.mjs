// scripts/bench startup: transfer size and time to the first interactive
// frame, against a bare ImGui page built by the same build with the same
// loader and font (the floor of this stack), measured in the same run.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newTablet, siteDir } from '../harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 7);

function gzipBytes(files) {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(siteDir, f)), { level: 9 }).length, 0);
}

async function firstFrameMs(browser, url) {
  const context = await newTablet(browser);   // fresh: no HTTP cache, no service worker
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.butlerInteractiveMs !== undefined || window.butlerFatal, null, { timeout: 60000 });
  const ms = await page.evaluate(() => window.butlerInteractiveMs);
  await context.close();
  if (ms === undefined) throw new Error('no first frame at ' + url);
  return ms;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const shipped = ['index.html', 'loader.js', 'butler.js', 'butler.wasm', 'NotoSansSC-subset.otf', 'sw.js', 'manifest.webmanifest', 'icon.svg'];
const transfer = gzipBytes(shipped);
const parts = Object.fromEntries(shipped.map((f) => [f, gzipBytes([f])]));

const server = await startServer();
const browser = await launchBrowser();
const app = [], bare = [];
try {
  await firstFrameMs(browser, server.url);  // warm the machine's disk cache for both
  await firstFrameMs(browser, server.url + 'bench-hello.html');
  for (let i = 0; i < RUNS; i++) {  // interleaved, so drift hits both alike
    app.push(await firstFrameMs(browser, server.url));
    bare.push(await firstFrameMs(browser, server.url + 'bench-hello.html'));
  }
} finally {
  await browser.close();
  server.stop();
}
const appMs = median(app), bareMs = median(bare);
const ratio = appMs / bareMs;
console.log('startup: runs', RUNS, 'app ms', app.map((x) => x.toFixed(0)).join(' '), '| bare ms', bare.map((x) => x.toFixed(0)).join(' '));
console.log('startup: gzip bytes per file', JSON.stringify(parts));
const met = (ok) => (ok ? 'met' : 'NOT met');
console.log(`figure: startup.transfer_gzip_bytes = ${transfer} B  (target <= 2621440: ${met(transfer <= 2621440)})`);
console.log(`figure: startup.first_frame_ms = ${appMs.toFixed(0)} ms  (median of ${RUNS}, headless chromium, 768x1024 @2x)`);
console.log(`figure: startup.bare_imgui_first_frame_ms = ${bareMs.toFixed(0)} ms  (same loader and font, same run)`);
console.log(`figure: startup.first_frame_ratio = ${ratio.toFixed(2)} x  (target <= 1.5: ${met(ratio <= 1.5)})`);
