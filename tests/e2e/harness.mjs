// Shared by the browser tests and scripts/bench: start butler-server on a free
// loopback port, drive Debian's chromium through playwright-core, and talk to
// the app only through real input (touch, keyboard) and window.butlerTest.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.BUTLER_SITE || path.join(root, 'build/web/site');
export const screenshotDir = path.join(root, 'build/e2e-screens');
// The server the tests talk to: scripts/test passes the ASan + UBSan build's
// when it built one (a full run then builds no separate native server, and
// every request the browser makes is checked for memory errors too).
export const serverBin = process.env.BUTLER_SERVER || path.join(root, 'build/native/butler-server');

// The flags this machine's headless chromium needs (shared/architecture.md).
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

export const TABLET_PORTRAIT = { width: 768, height: 1024 };
export const TABLET_LANDSCAPE = { width: 1280, height: 800 };

// A TCP port free on 127.0.0.1 now (the servers and benchmarks start on it).
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// The server keeps its database in a fresh temporary folder; `demo` sets up
// the demo community there with its staff (PINs in DEMO_PINS).
export async function startServer({ site = siteDir, demo = false } = {}) {
  const port = await freePort();
  const bin = serverBin;
  const data = mkdtempSync(path.join(tmpdir(), 'butler-server-'));
  const args = ['--port', String(port), '--site', site, '--data', data, '--quiet'];
  if (demo) args.push('--demo');
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url + 'api/v1/health');
      if (r.ok) return { url, port, data, stop: () => { proc.kill('SIGTERM'); rmSync(data, { recursive: true, force: true }); } };
    } catch { /* not up yet */ }
    if (proc.exitCode !== null) throw new Error('butler-server exited: ' + stderr);
    await new Promise((r) => setTimeout(r, 50));
  }
  proc.kill('SIGKILL');
  throw new Error('butler-server did not start: ' + stderr);
}

// The demo community's sign-ins (butler-server prints them with --demo; the
// PINs are derived from the codes, the same on every server).
export const DEMO_PINS = { DGJ001: '974978', GJ001: '284758', GJ002: '231468', QT001: '784686', ZR001: '537417' };

export async function launchBrowser() {
  // Playwright starts chromium with a fresh temporary profile each launch.
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

// A tablet: touch screen, 2x pixels, its own storage and service workers.
// scale 1 draws a quarter of the pixels: for long flows where SwiftShader's
// per-frame cost dominates and the screenshots need no retina detail.
// `options`: more of Playwright's context options (a tablet in Beijing:
// { timezoneId: 'Asia/Shanghai' }; this machine's clock is UTC).
export async function newTablet(browser, viewport = TABLET_PORTRAIT, scale = 2, options = {}) {
  return browser.newContext({ viewport, deviceScaleFactor: scale, hasTouch: true, isMobile: true, ...options });
}

export function watchConsole(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

export async function boot(page, url, { timeout = 60000 } = {}) {
  await page.goto(url);
  await page.waitForFunction(() => (window.butlerTest && window.butlerTest.ready()) || window.butlerFatal, null, { timeout });
  const fatal = await page.evaluate(() => window.butlerFatal || null);
  if (fatal) throw new Error('app did not start: ' + fatal);
}

// 体验演示: the demo opens a database of its own first (the previous demo's
// is deleted), then Today shows.
export async function tryDemo(page) {
  await tap(page, 'welcome_try_demo');
  await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 30000, polling: 50 });
}

// Waits for n frames drawn from now. Asks for them first: an idle app draws
// once a second, and waiting that out after every tap made CI minutes long.
export async function frames(page, n = 4) {
  const start = await page.evaluate((k) => { window.butlerTest.drawFrames(k); return window.butlerTest.frames(); }, n);
  await page.waitForFunction((target) => window.butlerTest.frames() >= target, start + n, { timeout: 20000 });
}

export async function state(page) { return page.evaluate(() => window.butlerTest.state()); }

export async function widget(page, id, { timeout = 15000 } = {}) {
  const handle = await page.waitForFunction((wid) => window.butlerTest.widget(wid), id, { timeout, polling: 50 });
  return handle.jsonValue();
}

// A finger tap at the middle of a widget found by its id, as drawn last frame,
// once it takes taps (a butler waits for a greyed button, and the runner
// holds taps a moment after 全部合格 moves on).
export async function tap(page, id) {
  const handle = await page.waitForFunction((wid) => {
    const found = window.butlerTest.widget(wid);
    return found && !found.disabled ? found : null;
  }, id, { timeout: 15000, polling: 50 });
  const w = await handle.jsonValue();
  await page.touchscreen.tap(w.css.x + w.css.w / 2, w.css.y + w.css.h / 2);
  await frames(page, 5);
  return w;
}

// Replaces what a field holds with text, as a butler would: tap it until it
// is the field being typed into (a sheet that just opened may still be
// settling where it sits), clear it, type, and wait until the field shows
// exactly the text.
export async function replaceText(page, id, text) {
  for (let attempt = 0; ; attempt++) {
    await tap(page, id);
    // Keys go to the page's hidden text input, focused a frame after the
    // field becomes active: typing before that is lost.
    const ready = await page.waitForFunction((wid) => window.butlerTest.widget(wid)?.selected && document.activeElement
      && /^(INPUT|TEXTAREA)$/.test(document.activeElement.tagName), id, { timeout: 3000, polling: 50 }).then(() => true, () => false);
    if (ready) {
      const held = (await widget(page, id)).label;
      await page.keyboard.press('End');
      for (let i = 0; i < [...held].length; i++) await page.keyboard.press('Backspace');
      await page.keyboard.insertText(text);
      const shown = await page.waitForFunction(([wid, want]) => window.butlerTest.widget(wid)?.label === want, [id, text],
        { timeout: 3000, polling: 50 }).then(() => true, () => false);
      if (shown) return;
    }
    if (attempt === 3) throw new Error(`${id} never showed "${text}" (holds "${(await widget(page, id)).label}")`);
    await frames(page, 6);
  }
}

// One CDP session per page for touch input, kept open: detaching a CDP
// session resets the context's network emulation, so an "offline" tablet
// would quietly go back online after the first drag.
const touchSessions = new WeakMap();
export async function touchSession(page) {
  if (!touchSessions.has(page)) touchSessions.set(page, await page.context().newCDPSession(page));
  return touchSessions.get(page);
}

// Cuts the tablet's network (or gives it back). Both Playwright's emulation
// and the touch session's: with a second CDP session attached, a reload
// otherwise comes back with navigator.onLine true while requests still fail.
export async function setOffline(page, offline) {
  const cdp = await touchSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.context().setOffline(offline);
}

// A finger drag from one point to another (CSS px), in small moves, through CDP
// touch events: what a butler does to scroll a list. Six moves, each seen by
// a frame: the app merges the moves within a frame anyway (touch_input.cpp),
// and headless Chromium takes ~100 ms to deliver each one.
export async function drag(page, from, to, steps = 6) {
  const cdp = await touchSession(page);
  const point = (x, y) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= steps; i++) {
    const x = from.x + ((to.x - from.x) * i) / steps;
    const y = from.y + ((to.y - from.y) * i) / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x, y) });
    await frames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frames(page, 4);
}

// Scrolls as a finger would until a widget is on screen, well clear of the
// edges, and returns it. An off-screen widget is not drawn, so until it shows
// the finger keeps moving down the page (`up`: up). Drags start on a visible
// button whose id begins with `within` (a drag that starts on a button
// scrolls, it never presses: the way to scroll a sheet), else in the margin.
export async function reveal(page, id, { within = null, up = false } = {}) {
  const height = page.viewportSize().height;
  let lastY = null;
  for (let i = 0; i < 16; i++) {
    const w = await page.evaluate((k) => window.butlerTest.widget(k), id);
    if (w && !w.clipped && w.css.y > 90 && w.css.y + w.css.h < height * 0.82) return w;
    // Wholly shown and the list cannot scroll further: as good as it gets.
    if (w && !w.clipped && lastY !== null && Math.abs(w.css.y - lastY) < 1) return w;
    lastY = w ? w.css.y : null;
    const start = await page.evaluate(([prefix, mid]) => {
      if (!prefix) return null;
      const buttons = window.butlerTest.widgets().filter((b) => b.kind === 'button' && b.id.startsWith(prefix) && !b.clipped);
      buttons.sort((a, b) => Math.abs(a.css.y + a.css.h / 2 - mid) - Math.abs(b.css.y + b.css.h / 2 - mid));
      return buttons.length ? { x: buttons[0].css.x + 6, y: buttons[0].css.y + buttons[0].css.h / 2 } : null;
    }, [within, height / 2]);
    const from = start || { x: 8, y: height / 2 };
    if (process.env.REVEAL_DEBUG) console.log("reveal", id, w && Math.round(w.css.y), w && w.clipped, JSON.stringify(from));
    let dy = w ? height * 0.4 - w.css.y : (up ? 1 : -1) * height * 0.3;
    dy = Math.max(-height * 0.35, Math.min(height * 0.35, dy));
    await drag(page, from, { x: from.x, y: from.y + dy });
  }
  const shot = await screenshot(page, `reveal-failed-${id.replace(/[^a-z0-9_]/gi, '_')}`);
  throw new Error(`${id} did not come into view (see ${shot})`);
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, name + '.png');
  await page.screenshot({ path: file });
  return file;
}
