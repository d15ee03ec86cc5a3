// The foundation, proven in a real browser by touch: first frame, taps,
// drag-scroll, Chinese through the hidden input, language switch, offline
// start, the WebGL2 error page, and screenshots at both tablet sizes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  siteDir, startServer, launchBrowser, newTablet, boot, watchConsole, tap, widget, state, frames, drag, screenshot,
  TABLET_PORTRAIT, TABLET_LANDSCAPE, setOffline, tryDemo } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

async function demoTablet(viewport = TABLET_PORTRAIT) {
  const context = await newTablet(browser, viewport);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await boot(page, server.url);
  await tryDemo(page);
  assert.equal((await state(page)).screen, 'today');
  return { context, page, errors };
}

// The tests ask for the frames they wait on (harness frames()); left alone,
// the app must still go quiet, or a tablet on the counter drains its battery.
test('an idle app draws about once a second, and again at once on a tap', async () => {
  const { context, page } = await demoTablet();
  await page.waitForFunction(() => { const s = window.butlerTest.state().session; return s.save === 'saved' && s.snapshot_covered === s.ops; },
    null, { timeout: 60000, polling: 200 });
  await new Promise((r) => setTimeout(r, 1500));  // the last input's frames are drawn
  const count = () => page.evaluate(() => window.butlerTest.frames());
  const before = await count();
  await new Promise((r) => setTimeout(r, 4000));
  const idle = (await count()) - before;
  assert.ok(idle >= 2 && idle <= 7, `${idle} frames in 4 s idle (the clock ticks once a second)`);
  const at = await count();
  const w = await widget(page, 'nav_rounds');
  await page.touchscreen.tap(w.css.x + w.css.w / 2, w.css.y + w.css.h / 2);
  await page.waitForFunction((n) => window.butlerTest.frames() >= n + 3, at, { timeout: 900 });
  assert.equal((await state(page)).screen, 'rounds');
  await context.close();
});

test('first frame draws Chinese labels with no console errors', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await boot(page, server.url);
  const s = await state(page);
  assert.equal(s.lang, 'zh-CN');
  assert.equal(s.screen, 'welcome');
  assert.equal(s.dpr, 2);
  const demo = await widget(page, 'welcome_try_demo');
  assert.equal(demo.label, '体验演示');
  assert.ok(demo.css.h >= 48, `touch target ${demo.css.h} CSS px`);
  assert.deepEqual(errors, []);
  await screenshot(page, 'welcome-portrait');
  await context.close();
});

test('a tap on a button found by label activates it, on the first tap', async () => {
  const { context, page, errors } = await demoTablet();
  const s = await state(page);
  assert.ok(s.session.units >= 1400, 'demo community loaded');
  // Each navigation tap lands on the tab under the finger, never the previous spot.
  for (const [id, screen] of [['nav_registers', 'registers'], ['nav_settings', 'settings'], ['nav_rounds', 'rounds'], ['nav_today', 'today']]) {
    await tap(page, id);
    assert.equal((await state(page)).screen, screen, `after tapping ${id}`);
  }
  await tap(page, 'nav_settings');
  await tap(page, 'settings_about');
  assert.equal((await state(page)).about_open, true);
  await screenshot(page, 'about-portrait');
  await tap(page, 'about_close');
  assert.equal((await state(page)).about_open, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('drag-scroll moves a long list and does not press what it started on', async () => {
  const { context, page } = await demoTablet();
  await tap(page, 'nav_registers');
  const rows = async () => (await page.evaluate(() => window.butlerTest.widgets())).filter((w) => w.kind === 'row');
  const before = await rows();
  assert.ok(before.length > 5, 'the archive shows a screenful of units');
  const first = before[0];
  const start = { x: first.css.x + first.css.w / 2, y: first.css.y + first.css.h * 6 };
  await drag(page, start, { x: start.x, y: start.y - 400 });
  const afterDrag = await rows();
  assert.notEqual(afterDrag[0].id, first.id, 'the list scrolled');
  const s = await state(page);
  assert.equal(s.screen, 'registers');
  assert.equal(s.selected_unit, -1, 'no row was pressed by the drag');
  // A tap (not a drag) on a row opens that unit's record.
  const row = afterDrag[2];
  await tap(page, row.id);
  assert.equal((await state(page)).selected_unit, Number(row.id.split(':')[1]));
  assert.equal((await widget(page, 'unit_close')).kind, 'button');
  await screenshot(page, 'unit-record-portrait');
  await tap(page, 'unit_close');
  assert.equal((await state(page)).selected_unit, -1);
  await context.close();
});

test('Chinese typed through the hidden input and an IME composition arrive in an ImGui field', async () => {
  const { context, page } = await demoTablet();
  await tap(page, 'nav_registers');
  await tap(page, 'registers_search');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'butler-text-input', 'the hidden input has focus, so a keyboard would show');
  await page.keyboard.insertText('北门岗亭漏水');
  await frames(page, 4);
  assert.equal((await state(page)).registers_query, '北门岗亭漏水');
  // Backspace from the input's own events removes one character.
  await page.keyboard.press('Backspace');
  await frames(page, 4);
  assert.equal((await state(page)).registers_query, '北门岗亭漏');

  // A pinyin composition: preedit while typing, committed text at the end.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'shui', selectionStart: 4, selectionEnd: 4 });
  await frames(page, 3);
  assert.equal((await state(page)).registers_query, '北门岗亭漏', 'nothing committed while composing');
  await cdp.send('Input.insertText', { text: '水' });
  await frames(page, 4);
  assert.equal((await state(page)).registers_query, '北门岗亭漏水');
  await screenshot(page, 'registers-search-portrait');
  // Enter, read from the input's own keydown, finishes editing: the field lets
  // go and the keyboard (the hidden input's focus) goes away.
  await page.keyboard.press('Enter');
  await frames(page, 4);
  assert.notEqual(await page.evaluate(() => document.activeElement.id), 'butler-text-input');
  assert.equal((await state(page)).registers_query, '北门岗亭漏水');
  await context.close();
});

test('the language switch changes the visible labels at run time', async () => {
  const { context, page } = await demoTablet();
  assert.equal((await widget(page, 'nav_today')).label, '今日');
  await tap(page, 'lang_switch');
  assert.equal((await state(page)).lang, 'en');
  assert.equal((await widget(page, 'nav_today')).label, 'Today');
  assert.equal((await widget(page, 'nav_registers')).label, 'Registers');
  await screenshot(page, 'today-portrait-en');
  // The choice is remembered across a reload.
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready());
  assert.equal((await state(page)).lang, 'en');
  assert.equal((await widget(page, 'lang_switch')).label, '中文');
  await tap(page, 'lang_switch');
  assert.equal((await state(page)).lang, 'zh-CN');
  assert.equal((await widget(page, 'lang_switch')).label, 'English');
  await context.close();
});

test('after one visit the app starts with the network off', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  const errors = watchConsole(page);
  await boot(page, server.url);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller || true);
  await setOffline(page, true);
  await page.reload();
  await page.waitForFunction(() => (window.butlerTest && window.butlerTest.ready()) || window.butlerFatal, null, { timeout: 60000 });
  assert.equal(await page.evaluate(() => window.butlerFatal || null), null);
  const s = await state(page);
  assert.equal(s.online, false, 'the app knows it is offline');
  assert.equal((await widget(page, 'welcome_try_demo')).label, '体验演示');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('screenshots of the designed layouts at 768x1024 and 1280x800', async () => {
  for (const [viewport, tag] of [[TABLET_PORTRAIT, 'portrait'], [TABLET_LANDSCAPE, 'landscape']]) {
    const { context, page } = await demoTablet(viewport);
    const s = await state(page);
    assert.equal(s.portrait, tag === 'portrait');
    await screenshot(page, `today-${tag}`);
    for (const nav of ['registers', 'rounds', 'settings']) {
      await tap(page, 'nav_' + nav);
      await screenshot(page, `${nav}-${tag}`);
    }
    await context.close();
  }
});

test('rotating the tablet relays out the frame', async () => {
  const { context, page } = await demoTablet(TABLET_PORTRAIT);
  assert.equal((await state(page)).portrait, true);
  const tabBefore = await widget(page, 'nav_today');
  await page.setViewportSize(TABLET_LANDSCAPE);
  await frames(page, 4);
  assert.equal((await state(page)).portrait, false);
  const railItem = await widget(page, 'nav_today');
  assert.ok(railItem.css.x < 40 && railItem.css.y < tabBefore.css.y, 'navigation moved from the bottom tabs to the side rail');
  await tap(page, 'nav_settings');
  assert.equal((await state(page)).screen, 'settings');
  await context.close();
});

test('a browser without WebGL2 gets a clear error page', async () => {
  const context = await newTablet(browser);
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.butlerFatal);
  const text = await page.locator('#fatal').innerText();
  assert.match(text, /WebGL2/);
  assert.match(text, /浏览器/);
  assert.equal(await page.locator('#fatal').isVisible(), true);
  await screenshot(page, 'no-webgl2');
  await context.close();
});

// The build's Brotli copies are what a first visit gets (scripts/bench startup
// counts their bytes): a copy the server took for stale would send gzip, a
// third larger, without anything failing.
test('the program, the font and the scripts go out as Brotli to a browser that accepts it', async () => {
  const build = readFileSync(path.join(siteDir, 'build-id.txt'), 'utf8').trim();
  for (const file of ['butler.wasm', 'NotoSansSC-subset.otf', 'butler.js', 'loader.js', 'index.html', 'office.js']) {
    const r = await fetch(server.url + file + (file === 'index.html' ? '' : '?v=' + build), { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(r.status, 200, file);
    assert.equal(r.headers.get('content-encoding'), 'br', file + ' is sent as Brotli');
    await r.arrayBuffer();
  }
});
