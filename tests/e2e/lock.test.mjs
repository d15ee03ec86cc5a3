// A lost tablet (issue 20, README "Tablet lock"): a butler enrols against the
// test server and chooses a tablet PIN (not the server PIN); what is stored
// in IndexedDB holds no resident's name or phone in plain UTF-8; a reload
// shows the lock screen, a wrong PIN is refused and counted, the right one
// shows the data; the tablet locks itself when left idle (the setting
// shortened); five wrong PINs leave only a new online sign-in, after which a
// new PIN opens the same data; a second person signs in on the same tablet
// and what they record is theirs; and the demo is never locked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, screenshot, DEMO_PINS, tryDemo } from './harness.mjs';
import { setTabletPin, typePin, unlockTablet, TABLET_PIN, mark, lockMode } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const type = async (page, field, text) => {
  await tap(page, field);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};
const ready = (page) => page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
const synced = (page) => page.waitForFunction(() => {
  const s = window.butlerTest.state();
  return s.sync.enrolled && s.sync.ready && !s.sync.running && s.sync.pending === 0 && s.session.pending === 0 && s.sync.last_synced_ms > 0;
}, null, { timeout: 60000, polling: 100 });

async function signIn(page, code) {
  await type(page, 'sync_code', code);
  await type(page, 'sync_pin', DEMO_PINS[code]);
  await tap(page, 'sync_enroll');
}

// Every value of every store of the device's own database, as stored, and
// whether any holds `needle` in UTF-8 (resident names and phones are UTF-8
// inside the records).
const rawHolds = (page, needles) => page.evaluate(async (words) => {
  const db = await new Promise((res, rej) => { const r = indexedDB.open('butler-rounds'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const found = {}, counts = {};
  const stores = ['records', 'snapshot', 'blobs', 'keys'];
  const enc = new TextEncoder();
  const patterns = words.map((w) => enc.encode(w));
  const holds = (hay, pat) => {
    outer: for (let i = 0; i + pat.length <= hay.length; i++) {
      for (let j = 0; j < pat.length; j++) if (hay[i + j] !== pat[j]) continue outer;
      return true;
    }
    return false;
  };
  for (const name of stores) {
    const values = await new Promise((res, rej) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    counts[name] = values.length;
    for (const v of values) {
      const bytes = v instanceof ArrayBuffer ? new Uint8Array(v) : enc.encode(JSON.stringify(v));
      patterns.forEach((p, k) => { if (holds(bytes, p)) found[words[k]] = name; });
    }
  }
  db.close();
  return { found, counts };
}, needles);

test('tablet PIN at sign-in, encrypted at rest, lock on start and when idle, lock-out needs the server, person switching', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await boot(page, server.url);
  await tap(page, 'welcome_enroll');
  await signIn(page, 'GJ001');
  // First sign-in here: choose a tablet PIN. The server PIN is refused as one.
  await lockMode(page, 'set_pin');
  await screenshot(page, 'lock-set-pin-portrait');
  await typePin(page, DEMO_PINS.GJ001);
  assert.match((await widget(page, 'lock_message')).label, /不能与服务器密码相同/);
  await typePin(page, '111111');
  await typePin(page, '222222');
  assert.match((await widget(page, 'lock_message')).label, /两次输入不一致/);
  await typePin(page, TABLET_PIN);
  await typePin(page, TABLET_PIN);
  await lockMode(page, 'none');
  await synced(page);
  mark('enrolled, PIN set');
  assert.equal((await state(page)).lock.state, 'unlocked');
  // The sync token: never in the preferences (localStorage), only sealed with
  // the data key in the keys store — a finder reading the browser's storage
  // gets no way to sync as this butler.
  await page.waitForFunction(() => /"token_sealed":true/.test(localStorage.getItem('butler.sync_enrollment') || ''), null, { timeout: 30000 });
  const prefs = await page.evaluate(() => Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)).join('\n'));
  assert.doesNotMatch(prefs, /"token":/, 'no sync token in the preferences');
  const sealedToken = await page.evaluate(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('butler-rounds'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const v = await new Promise((res, rej) => { const r = db.transaction('keys').objectStore('keys').get('token'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    db.close();
    return v instanceof ArrayBuffer ? v.byteLength : -1;
  });
  assert.ok(sealedToken > 28, `the token is sealed in the keys store (${sealedToken} bytes)`);

  // A new family member in a unit: a name and a phone only this test knows.
  await tap(page, 'nav_registers');
  await tap(page, 'unit:0');
  await tap(page, 'unit_add_member');
  await type(page, 'unit_member_name', '钟离秋实');
  await type(page, 'unit_member_phone', '13766554433');
  await tap(page, 'unit_member_save');
  await page.waitForFunction(() => window.butlerTest.state().session.save === 'saved' && window.butlerTest.state().session.pending === 0);
  const people = (await state(page)).unit_record.people;
  await tap(page, 'unit_close');
  // What the demo server sent (names of residents) and what was typed: none in plain bytes.
  const raw = await rawHolds(page, ['钟离秋实', '13766554433', '管家']);
  assert.ok(raw.counts.records > 0, 'records are stored');
  assert.deepEqual(raw.found, {}, 'no stored value holds a name or phone in plain text');

  // A reload: the lock screen, nothing of the data behind it.
  await page.reload();
  await ready(page);
  await lockMode(page, 'unlock');
  let s = await state(page);
  assert.equal(s.lock.state, 'locked');
  assert.equal(s.session.ops, 0, 'nothing is loaded before the PIN');
  await screenshot(page, 'lock-unlock-portrait');
  await typePin(page, '000000');
  await page.waitForFunction(() => window.butlerTest.state().lock.fails === 1, null, { timeout: 60000 });
  assert.match((await widget(page, 'lock_message')).label, /平板密码不正确，还可再试 4 次/);
  assert.equal((await state(page)).lock.mode, 'unlock');
  await unlockTablet(page);
  s = await state(page);
  assert.equal(s.lock.fails, 0, 'the right PIN clears the count');
  await tap(page, 'nav_registers');
  await tap(page, 'unit:0');
  assert.equal((await state(page)).unit_record.people, people, 'the data shows after the PIN');
  // The unlock opened the sealed token: what is recorded now goes up.
  await tap(page, 'unit_add_member');
  await type(page, 'unit_member_name', '钟离春生');
  await type(page, 'unit_member_phone', '13766554434');
  await tap(page, 'unit_member_save');
  await synced(page);
  assert.equal((await state(page)).sync.failures, 0);
  const peopleNow = (await state(page)).unit_record.people;
  assert.equal(peopleNow, people + 1);
  await tap(page, 'unit_close');
  mark('reload, wrong and right PIN, synced after unlock');

  // Idle: the setting shows 5 minutes; shortened to 2 s, the tablet locks by itself.
  await tap(page, 'nav_settings');
  assert.match((await widget(page, 'settings_lock_after')).label, /闲置 5 分钟后锁定/);
  await screenshot(page, 'lock-settings-portrait');
  await tap(page, 'settings_lock_1');
  assert.equal((await state(page)).lock.idle_s, 60);
  await page.evaluate(() => localStorage.setItem('butler.lock_idle_s', '2'));
  await page.reload();
  await ready(page);
  await unlockTablet(page);
  await lockMode(page, 'unlock');
  assert.equal((await state(page)).lock.state, 'locked', 'locked after 2 s untouched');
  await unlockTablet(page);
  await page.evaluate(() => localStorage.setItem('butler.lock_idle_s', '300'));
  mark('idle lock');

  // Five wrong PINs: no PIN opens the data any more; signing in again online
  // (code + server PIN) and choosing a new tablet PIN opens the same data.
  await page.reload();
  await ready(page);
  for (let i = 0; i < 5; i++) {
    await lockMode(page, 'unlock');
    await typePin(page, '999999');
    await page.waitForFunction((n) => window.butlerTest.state().lock.fails === n, i + 1, { timeout: 60000 });
  }
  await lockMode(page, 'sign_in');
  assert.equal((await widget(page, 'lock_sign_in_reason')).label, 'locked_out');
  await screenshot(page, 'lock-locked-out-portrait');
  // The same tablet PIN typed now opens nothing: no PIN-wrapped key is left.
  assert.equal((await state(page)).lock.persons, 0);
  await signIn(page, 'GJ001');
  await lockMode(page, 'set_pin');
  await typePin(page, '135246');
  await typePin(page, '135246');
  await lockMode(page, 'none');
  await page.waitForFunction(() => window.butlerTest.state().screen !== 'welcome' && window.butlerTest.state().session.ops > 0, null, { timeout: 60000 });
  await tap(page, 'nav_registers');
  await tap(page, 'unit:0');
  assert.equal((await state(page)).unit_record.people, peopleNow, 'the same data after the server let them in');
  await tap(page, 'unit_close');
  mark('lock-out and recovery');

  // Another person on the same tablet: they sign in online from the lock
  // screen, choose their own PIN, and what follows is theirs.
  await page.reload();
  await ready(page);
  await lockMode(page, 'unlock');
  await tap(page, 'lock_add_person');
  await lockMode(page, 'sign_in');
  await signIn(page, 'GJ002');
  await setTabletPin(page, '864213');
  s = await state(page);
  assert.equal(s.lock.persons, 2);
  const second = s.lock.actor;
  await page.reload();
  await ready(page);
  await lockMode(page, 'unlock');
  await tap(page, 'lock_person_GJ001');
  await screenshot(page, 'lock-two-persons-portrait');
  await unlockTablet(page, '135246');
  const first = (await state(page)).lock.actor;
  assert.notEqual(first, second, 'the actor is whoever unlocked');
  mark('person switching');

  // The sealed token gone (the tab closed between a sign-in and its sealing):
  // the PIN still opens the data, and the lock screen asks for a sign-in
  // rather than leaving a tablet that silently never syncs.
  await page.evaluate(async () => {
    const db = await new Promise((res, rej) => { const r = indexedDB.open('butler-rounds'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    await new Promise((res, rej) => { const tx = db.transaction('keys', 'readwrite'); tx.objectStore('keys').delete('token'); tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
    db.close();
  });
  await page.reload();
  await ready(page);
  await lockMode(page, 'unlock');
  await tap(page, 'lock_person_GJ001');
  await typePin(page, '135246');
  await lockMode(page, 'sign_in');
  assert.equal((await widget(page, 'lock_sign_in_reason')).label, 'token_lost');
  await signIn(page, 'GJ001');
  await setTabletPin(page, '135246');
  await synced(page);
  mark('token lost, signed in again');

  // The page at 1280 px: the lock screen laid out on purpose.
  await page.setViewportSize({ width: 1280, height: 800 });
  await frames(page, 4);  // laid out anew before the tap (a tap acts only on what was drawn when it began)
  await tap(page, 'nav_settings');
  await tap(page, 'settings_lock_now');
  await lockMode(page, 'unlock');
  await frames(page, 4);
  await screenshot(page, 'lock-unlock-landscape');
  await page.setViewportSize({ width: 390, height: 844 });
  await frames(page, 4);
  await screenshot(page, 'lock-unlock-phone');
  const key = await widget(page, 'pin_5');
  assert.ok(key.css.h >= 48 && key.css.w >= 48, `PIN keys are touch-sized (${key.css.w}x${key.css.h})`);
  await context.close();
});

test('the demo is never locked and its database has no keys', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  // With its snapshot stored, so the reload reads a snapshot too.
  await page.waitForFunction(() => { const s = window.butlerTest.state().session; return s.ops > 0 && s.snapshot_covered === s.ops; }, null, { timeout: 60000, polling: 100 });
  await page.reload();
  await ready(page);
  const s = await state(page);
  assert.equal(s.lock.mode, 'none');
  assert.equal(s.lock.state, 'open');
  assert.equal(s.screen, 'today');
  await context.close();
});
