// A lost tablet (issue 20), end to end against a real butler-server: the unit
// record shows phones masked until 显示号码, and that look reaches the
// office's contact_views.csv; `butler-server admin revoke-devices CODE` makes
// the enrolled tablet wipe its databases and preferences at its next sync and
// say why on the welcome screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { officeCsv, setTabletPin } from './helpers.mjs';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, screenshot, DEMO_PINS, serverBin } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const admin = (...args) => execFileSync(serverBin, ['admin', '--data', server.data, ...args], { encoding: 'utf8' });
const type = async (page, field, text) => {
  await tap(page, field);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};
const synced = (page, timeout = 60000) => page.waitForFunction(() => {
  const s = window.butlerTest.state();
  return s.sync.enrolled && s.sync.ready && !s.sync.running && s.sync.pending === 0 && s.session.pending === 0 && s.sync.last_synced_ms > 0;
}, null, { timeout, polling: 100 });

async function enrol(page, code) {
  await tap(page, 'welcome_enroll');
  await type(page, 'sync_code', code);
  await type(page, 'sync_pin', DEMO_PINS[code]);
  await tap(page, 'sync_enroll');
  await setTabletPin(page);
  await synced(page);
}

// The first unit of the archive with someone on its record who has a phone.
async function openUnitWithPhone(page) {
  await tap(page, 'nav_registers');
  for (let row = 0; row < 12; row++) {
    await tap(page, `unit:${row}`);
    const show = await page.evaluate(() => window.butlerTest.widget('unit_phone_show:0'));
    if (show) return row;
    await tap(page, 'unit_close');
  }
  throw new Error('no unit with a phone among the first 12');
}

// What this origin holds in IndexedDB: each database's record and photo counts.
const stored = (page) => page.evaluate(async () => {
  const out = {};
  for (const { name } of await indexedDB.databases()) {
    out[name] = await new Promise((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => {
        const db = req.result;
        const stores = ['records', 'blobs', 'keys'].filter((s) => db.objectStoreNames.contains(s));
        if (!stores.length) { db.close(); resolve({}); return; }
        const tx = db.transaction(stores, 'readonly');
        const counts = {};
        stores.forEach((s) => { const c = tx.objectStore(s).count(); c.onsuccess = () => { counts[s] = c.result; }; });
        tx.oncomplete = () => { db.close(); resolve(counts); };
      };
      req.onerror = () => resolve(null);
    });
  }
  return out;
});
const butlerPrefs = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('butler.')).sort());

test('the unit record masks phones until 显示号码, and the office sees who looked', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await enrol(page, 'GJ001');
  await openUnitWithPhone(page);
  const masked = (await widget(page, 'unit_person:0')).label;
  assert.match(masked, /\d{3}\*{4}\d{4}/, 'masked on opening');
  assert.doesNotMatch(masked, /\d{7}/, 'no whole number shown');
  const button = await widget(page, 'unit_phone_show:0');
  assert.ok(button.css.h >= 48 && button.css.w >= 48, `显示号码 is a touch target (${button.css.w}×${button.css.h})`);
  await screenshot(page, 'unit-record-masked-portrait');

  await tap(page, 'unit_phone_show:0');
  await page.waitForFunction(() => /1\d{10}/.test((window.butlerTest.widget('unit_person:0') || {}).label || ''), null, { timeout: 15000 });
  assert.equal(await page.evaluate(() => window.butlerTest.widget('unit_phone_show:0')), null, 'the button goes once the number shows');
  await screenshot(page, 'unit-record-shown-portrait');
  const name = (await widget(page, 'unit_person:0')).label.split('  ·  ')[0];
  // Closed and opened again: masked again.
  await tap(page, 'unit_close');
  await openUnitWithPhone(page);
  assert.match((await widget(page, 'unit_person:0')).label, /\d{3}\*{4}\d{4}/);
  await tap(page, 'unit_close');

  // The look is an op: it syncs, and the office's export names who and whose.
  await synced(page);
  const views = await officeCsv(server, 'contact_views', 'ffffffffffffffffffffffffffffff21');
  const rows = views.split('\r\n');
  assert.deepEqual(rows[0].split(','), ['查看时间', '查看人', '工号', '住户', '楼栋', '单元', '房号']);
  const line = rows.find((l) => l.includes(',GJ001,') && l.includes(`,${name},`));
  assert.ok(line, `a row for GJ001 looking at ${name} in:\n${views}`);
  assert.doesNotMatch(views, /1\d{10}/, 'the export holds no phone number');
  await context.close();
});

test('revoke-devices: at its next sync the tablet deletes its databases and enrolment and says why', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await enrol(page, 'GJ002');
  // Something recorded here and synced: the log holds the community and this op.
  await openUnitWithPhone(page);
  await tap(page, 'unit_phone_show:0');
  await tap(page, 'unit_close');
  await synced(page);
  const before = await stored(page);
  assert.ok(before['butler-rounds'].records > 0, 'the tablet holds records');
  assert.ok(before['butler-rounds'].keys > 0, 'its data key is wrapped by the tablet PIN');
  const prefsBefore = await butlerPrefs(page);
  assert.ok(prefsBefore.includes('butler.sync_enrollment'));
  const deviceBefore = await page.evaluate(() => localStorage.getItem('butler.device'));

  assert.match(admin('revoke-devices', 'GJ002'), /1 device/);
  // The next contact: 立即同步. The answer wipes the tablet, which starts again.
  await tap(page, 'nav_sync');
  const sync = await widget(page, 'sync_now');
  const reloaded = page.waitForEvent('load', { timeout: 60000 });
  await page.touchscreen.tap(sync.css.x + sync.css.w / 2, sync.css.y + sync.css.h / 2);
  await reloaded;
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  await widget(page, 'welcome_device_wiped');
  const s = await state(page);
  assert.equal(s.screen, 'welcome');
  assert.equal(s.sync.enrolled, false);
  assert.equal(s.session.units, 0, 'no unit of the community is left');
  assert.equal(s.session.ops, 0, 'no record is left');
  assert.match((await widget(page, 'welcome_device_wiped')).label, /报告丢失.*已全部删除/);
  await screenshot(page, 'welcome-device-wiped-portrait');

  // The databases went: the own one is opened anew, empty; the demo's is gone.
  const after = await stored(page);
  assert.equal(after['butler-rounds-demo'], undefined);
  assert.deepEqual(after['butler-rounds'] || { records: 0, blobs: 0, keys: 0 }, { records: 0, blobs: 0, keys: 0 });
  // The enrolment, token and device id went with them; only the notice is left of the old prefs.
  const prefsAfter = await butlerPrefs(page);
  assert.ok(!prefsAfter.includes('butler.sync_enrollment'));
  assert.ok(!prefsAfter.includes('butler.sync_state'));
  assert.notEqual(await page.evaluate(() => localStorage.getItem('butler.device')), deviceBefore, 'a new device id');

  // 知道了 puts the notice away for good.
  await tap(page, 'welcome_device_wiped_ok');
  assert.equal(await page.evaluate(() => window.butlerTest.widget('welcome_device_wiped')), null);
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  await frames(page, 3);
  assert.equal(await page.evaluate(() => window.butlerTest.widget('welcome_device_wiped')), null);
  await context.close();
});
