// Sync end to end: a tablet enrols against a real butler-server, works with
// the network off (a unit's status, a resident's phone, a new family member,
// a photo from the camera),
// reloads offline, and when the network is back syncs by itself; the office's
// CSV export shows the changes and a second butler's tablet pulls them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testPhotoPng, jpegSize } from './test_image.mjs';
import { parseCsv, setTabletPin, unlockTablet } from './helpers.mjs';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, screenshot, DEMO_PINS, setOffline } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const type = async (page, field, text) => {
  await tap(page, field);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};
const ready = (page) => page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
// Synced: enrolled, nothing waiting here or in storage, nothing in flight.
const synced = (page, timeout = 60000) => page.waitForFunction(() => {
  const s = window.butlerTest.state();
  return s.sync.enrolled && s.sync.ready && !s.sync.running && s.sync.pending === 0 && s.session.pending === 0 && s.sync.last_synced_ms > 0;
}, null, { timeout, polling: 100 });

async function enrol(page, code) {
  await tap(page, 'welcome_enroll');
  assert.equal((await state(page)).screen, 'sync');
  assert.equal((await widget(page, 'sync_server')).label, server.url.replace(/\/$/, ''), 'the page\'s own server is offered');
  await type(page, 'sync_code', code);
  await type(page, 'sync_pin', DEMO_PINS[code]);
  await tap(page, 'sync_enroll');
  await setTabletPin(page);
  await synced(page);
}

async function officeToken() {
  const enrol = await fetch(server.url + 'api/v1/enroll', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: 'DGJ001', pin: DEMO_PINS.DGJ001, device_id: 'ffffffffffffffffffffffffffffff01' }),
  });
  assert.equal(enrol.status, 200);
  return (await enrol.json()).token;
}

async function officeCsv(name) {
  // The office signs in as the head butler and downloads an export.
  const token = await officeToken();
  const r = await fetch(server.url + `api/v1/export/${name}.csv`, { headers: { Authorization: 'Bearer ' + token } });
  assert.equal(r.status, 200);
  const bytes = new Uint8Array(await r.arrayBuffer());
  // A BOM first, so Excel reads the Chinese as UTF-8 (fetch's text() would hide it).
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], `${name}.csv starts with a BOM`);
  return parseCsv(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')).map((row) => row.join(',')).join('\r\n');
}

test('a wrong PIN is refused in words and nothing is enrolled', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await tap(page, 'welcome_enroll');
  await type(page, 'sync_code', 'GJ001');
  await type(page, 'sync_pin', '000000');
  await tap(page, 'sync_enroll');
  const message = await page.waitForFunction(() => {
    const w = window.butlerTest.widget('sync_enroll_message');
    return w && !/正在绑定/.test(w.label) ? w.label : null;
  }, null, { timeout: 15000 }).then((h) => h.jsonValue());
  assert.match(message, /工号或密码不正确/);
  assert.equal((await state(page)).sync.enrolled, false);
  await context.close();
});

// Scale 1, like the other long by-touch walks (CI time; sizes are in CSS px).
test('offline edits sync by themselves when the network is back; the office and another butler see them', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await boot(page, server.url);
  await enrol(page, 'GJ001');
  const pulled = (await state(page)).session;
  assert.ok(pulled.units >= 1400, 'the community came down from the server');
  await screenshot(page, 'sync-enrolled-portrait');

  // The network goes; the butler keeps working.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await setOffline(page, true);
  await page.waitForFunction(() => window.butlerTest.state().online === false);
  await tap(page, 'nav_registers');
  let row = 0, record = null;
  for (; row < 10; row++) {
    await tap(page, `unit:${row}`);
    record = (await state(page)).unit_record;
    if (record.people > 0) break;
    await tap(page, 'unit_close');
  }
  const label = record.label;
  await tap(page, 'unit_status_vacant');
  await tap(page, 'unit_phone_edit:0');
  await type(page, 'unit_phone_field', '13900001111');
  await tap(page, 'unit_phone_save');
  await tap(page, 'unit_add_member');
  await type(page, 'unit_member_name', '王小明');
  await type(page, 'unit_member_phone', '13700002222');
  await tap(page, 'unit_member_save');
  await page.waitForFunction(() => window.butlerTest.state().session.save === 'saved');
  assert.equal((await state(page)).unit_record.people, record.people + 1);
  // A photo from the camera (a file chooser here), stored before its op.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'unit_add_photo')]);
  await chooser.setFiles({ name: 'crack.png', mimeType: 'image/png', buffer: testPhotoPng() });
  await page.waitForFunction(() => window.butlerTest.state().unit_record.photos === 1 && window.butlerTest.state().session.save === 'saved',
    null, { timeout: 30000 });
  await page.waitForFunction(() => (window.butlerTest.widget('unit_photo:0') || {}).label === 'ready', null, { timeout: 15000 });
  await screenshot(page, 'unit-record-photo-portrait');
  await tap(page, 'unit_close');

  // Closed and opened again, still offline: the edits wait in the outbox.
  await page.reload();
  await ready(page);
  await unlockTablet(page);
  let s = await state(page);
  assert.equal(s.online, false);
  await page.waitForFunction(() => window.butlerTest.state().sync.ready, null, { timeout: 30000 });
  s = await state(page);
  assert.equal(s.sync.pending, 4, 'three edits and a photo\'s record wait to be sent');
  assert.equal(s.sync.photos_pending, 1, 'the photo waits to be uploaded');
  assert.ok(s.sync.last_synced_ms > 0, 'the last sync time survives the reload');
  await tap(page, 'nav_sync');
  await screenshot(page, 'sync-offline-pending-portrait');

  // The network is back: nobody taps anything.
  await setOffline(page, false);
  await synced(page);
  await page.waitForFunction(() => window.butlerTest.state().sync.photos_pending === 0, null, { timeout: 30000 });
  await screenshot(page, 'sync-done-portrait');

  const [building, stairwell, room] = label.split(' ');
  const units = await officeCsv('units');
  const unitLine = units.split('\n').find((l) => l.startsWith(`${building},${stairwell.replace('单元', '')},${room},`));
  assert.ok(unitLine, `unit ${label} in units.csv`);
  assert.match(unitLine, /空置/);  // set on the tablet (装修中 now follows a renovation application, never a tap)
  const residents = await officeCsv('residents');
  assert.ok(residents.includes('13900001111'), 'the new phone is in residents.csv');
  assert.ok(/王小明.*13700002222|13700002222.*王小明/.test(residents), 'the new family member is in residents.csv');
  // The photo: listed for the office, its blob on the server, a JPEG no larger than 1600 px.
  const photos = (await officeCsv('photos')).split('\r\n');
  const photoLine = photos.find((l) => l.startsWith(`${building},${stairwell.replace('单元', '')},${room},`));
  assert.ok(photoLine, 'the photo is in photos.csv');
  const sha = photoLine.split(',').pop();
  const blob = await fetch(server.url + 'api/v1/blobs/' + sha, { headers: { Authorization: 'Bearer ' + await officeToken() } });
  assert.equal(blob.status, 200, 'the photo blob is on the server');
  const size = jpegSize(new Uint8Array(await blob.arrayBuffer()));
  assert.deepEqual(size, { width: 1600, height: 1200 }, 'a 2400×1800 photo is kept as a 1600×1200 JPEG');

  // Another butler of the same community pulls them.
  const other = await newTablet(browser, undefined, 1);
  const second = await other.newPage();
  await boot(second, server.url);
  await enrol(second, 'GJ002');
  await tap(second, 'nav_registers');
  await tap(second, `unit:${row}`);
  const seen = (await state(second)).unit_record;
  assert.equal(seen.label, label);
  assert.equal(seen.status, 'vacant');
  assert.equal(seen.people, record.people + 1);
  assert.equal(seen.photos, 1, 'the photo\'s record came down too');
  // Shown, the photo itself comes from the server.
  await second.waitForFunction(() => (window.butlerTest.widget('unit_photo:0') || {}).label === 'ready', null, { timeout: 30000 });
  await other.close();
  await context.close();
});
