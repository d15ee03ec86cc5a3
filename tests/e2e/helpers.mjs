// Steps the browser tests share, on top of harness.mjs: waiting for the
// tablet's saves and sync, a finger that signs, the office downloading a CSV
// export, and a tablet clock that can be moved ahead.
import assert from 'node:assert/strict';
import { widget, frames, touchSession, tap, DEMO_PINS } from './harness.mjs';

// A progress line with the seconds since the test file started.
const t0 = Date.now();
export const mark = (what) => console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);

// Nothing being saved and nothing waiting to be.
export const saved = (page) => page.waitForFunction(() => window.butlerTest.state().session.save !== 'saving' && window.butlerTest.state().session.pending === 0);

// Synced: nothing waiting here or in storage, nothing in flight, a sync done.
export const synced = (page) => page.waitForFunction(() => {
  const s = window.butlerTest.state();
  return s.sync.ready && !s.sync.running && s.sync.pending === 0 && s.session.pending === 0 && s.sync.last_synced_ms > 0;
}, null, { timeout: 60000, polling: 100 });

// A finger that signs: three zigzag strokes across the pad, through CDP touches.
export async function sign(page, id) {
  const pad = await widget(page, id);
  const cdp = await touchSession(page);
  const touch = (x, y) => [{ x, y, id: 1, radiusX: 3, radiusY: 3, force: 1 }];
  for (let s = 0; s < 3; s++) {
    const x0 = pad.css.x + pad.css.w * (0.1 + s * 0.28), y0 = pad.css.y + pad.css.h * 0.45;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(x0, y0) });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(x0 + i * pad.css.w * 0.02, y0 + (i % 2 ? 1 : -1) * pad.css.h * 0.15) });
      await frames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await frames(page, 3);
  }
}

// RFC 4180 as the server writes it: every text cell quoted ("" inside), numbers
// and dates bare, CRLF between rows. Rows of cells.
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    cell += c; i++;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// The office (the head butler, enrolled as `device`) downloads export NAME.csv
// from `server`: its cells, unquoted, joined by commas and CRLF (the tests
// look for values, not for the file's quoting).
export async function officeCsv(server, name, device) {
  const enrol = await fetch(server.url + 'api/v1/enroll', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: 'DGJ001', pin: DEMO_PINS.DGJ001, device_id: device }),
  });
  const { token } = await enrol.json();
  const r = await fetch(server.url + `api/v1/export/${name}.csv`, { headers: { Authorization: 'Bearer ' + token } });
  assert.equal(r.status, 200);
  return parseCsv((await r.text()).replace(/^\uFEFF/, '')).map((row) => row.join(',')).join('\r\n');
}

// The tablet's own clock runs ahead by `ms` (as after a long wait, or a clock
// set forward): Date.now, which the app's wall clock reads, is shifted from
// the next load on, and the tab reloads. Playwright's page.clock would take
// over requestAnimationFrame too, and the app would stop drawing. The
// context must have been through withShiftableClock first.
export async function tabletClockAhead(page, ms) {
  await page.evaluate((offset) => localStorage.setItem('test.clock_ahead_ms', String(offset)), ms);
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  if ((await page.evaluate(() => window.butlerTest.state().lock.mode)) === 'unlock') await unlockTablet(page);
}
export async function withShiftableClock(context) {
  await context.addInitScript(() => {
    const ahead = Number(localStorage.getItem('test.clock_ahead_ms') || 0);
    if (!ahead) return;
    const now = Date.now.bind(Date);
    Date.now = () => now() + ahead;
  });
}

// The tablet lock (README "Tablet lock"): after a person's first sign-in on a
// tablet they choose a 6-digit tablet PIN, typed twice on the PIN pad; after
// a reload (or idle) the lock screen asks for it. Every test that enrols
// sets it with these.
export const TABLET_PIN = '246813';
export const lockMode = (page, mode, timeout = 60000) =>
  page.waitForFunction((m) => window.butlerTest.state().lock.mode === m, mode, { timeout, polling: 50 });
export async function typePin(page, pin) {
  for (const digit of pin) await tap(page, 'pin_' + digit);
}
export async function setTabletPin(page, pin = TABLET_PIN) {
  await lockMode(page, 'set_pin');
  await typePin(page, pin);
  await typePin(page, pin);
  await lockMode(page, 'none');
}
// Unlocks with the PIN pad and waits until the data is loaded behind it.
export async function unlockTablet(page, pin = TABLET_PIN) {
  await lockMode(page, 'unlock');
  await typePin(page, pin);
  await lockMode(page, 'none');
  await page.waitForFunction(() => window.butlerTest.state().lock.state === 'unlocked' && window.butlerTest.state().screen !== 'welcome',
    null, { timeout: 60000, polling: 50 });
}
