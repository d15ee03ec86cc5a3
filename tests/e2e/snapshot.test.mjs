// Projection snapshots: start-up reads one snapshot plus the records after it;
// a damaged snapshot is never used (the whole log is, and Settings says so);
// a database from before snapshots upgrades in place; a backup exported by a
// tablet that started from a snapshot still holds every record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, screenshot, tryDemo } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const saved = (page) => page.waitForFunction(() => window.butlerTest.state().session.save === 'saved', null, { timeout: 30000 });
const snapshotCoversAll = (page) => page.waitForFunction(() => {
  const s = window.butlerTest.state().session;
  return s.save === 'saved' && s.snapshot_covered === s.ops;
}, null, { timeout: 60000, polling: 100 });
const reload = async (page) => {
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
};
const commits = async (page, n) => {
  await page.evaluate((k) => Module.ccall('butler_bench_commits', null, ['number'], [k]), n);
  await page.waitForFunction((k) => JSON.parse(Module.ccall('butler_bench_results', 'string', [], [])).length >= k, n, { timeout: 30000 });
  await saved(page);
};
// Reads or changes the stored snapshot by hand, as a test (or a failing disk)
// would: its 'current' entry and, to damage it, a byte of its first chunk.
const withSnapshot = (page, change) => page.evaluate((how) => new Promise((resolve, reject) => {
  const open = indexedDB.open(window.butlerLoader.dbName);
  open.onsuccess = () => {
    const tx = open.result.transaction('snapshot', 'readwrite');
    const store = tx.objectStore('snapshot');
    const get = store.get('current');
    let seen = null;
    get.onsuccess = () => {
      const s = get.result;
      if (!s) return;
      seen = { covers: s.covers, ops: s.ops, bytes: s.bytes, chunks: s.chunks };
      if (how !== 'damage') return;
      const chunk = store.get(0);
      chunk.onsuccess = () => {
        const bytes = new Uint8Array(chunk.result.slice(0));
        bytes[Math.floor(bytes.length / 2)] ^= 0xff;
        store.put(bytes.buffer, 0);
      };
    };
    tx.oncomplete = () => { open.result.close(); resolve(seen); };
    tx.onerror = () => reject(tx.error);
  };
}), change);

test('start-up reads the snapshot and only the records saved after it', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await snapshotCoversAll(page);
  const stored = await withSnapshot(page, 'read');
  assert.ok(stored && stored.ops > 5000, 'a snapshot of the demo is stored');
  // Stored as the writer's chunks (~256 KB each): the start-up below joins them.
  assert.ok(stored.chunks >= 2 && stored.bytes > 300000, JSON.stringify(stored));
  await commits(page, 3);  // three saves after the snapshot
  const before = (await state(page)).session;

  await reload(page);
  const after = (await state(page)).session;
  assert.equal(after.from_snapshot, true);
  assert.equal(after.ops, before.ops);
  assert.equal(after.units, before.units);
  assert.equal(after.residents, before.residents);
  assert.equal(after.quarantined, 0);
  const timings = await page.evaluate(() => window.butlerStoreTimings);
  assert.equal(timings.segments, 3, 'only the three later saves were read as records');
  await tap(page, 'nav_settings');
  await screenshot(page, 'settings-snapshot-portrait');
  await context.close();
});

test('a damaged snapshot is not used: the whole log is read, nothing is lost, Settings says so, a new one is written', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await snapshotCoversAll(page);
  await commits(page, 2);
  const before = (await state(page)).session;
  await withSnapshot(page, 'damage');

  await reload(page);
  let s = (await state(page)).session;
  assert.equal(s.from_snapshot, false);
  assert.equal(s.ops, before.ops);
  assert.equal(s.units, before.units);
  assert.equal(s.quarantined, 0, 'the records themselves are fine');
  assert.match(s.snapshot_problem, /快照已损坏/);
  await tap(page, 'nav_settings');
  const note = await widget(page, 'storage_snapshot_problem');
  assert.ok(note.label.length > 0);
  await screenshot(page, 'settings-snapshot-damaged-portrait');

  await snapshotCoversAll(page);  // rebuilt in the background
  await reload(page);
  s = (await state(page)).session;
  assert.equal(s.from_snapshot, true);
  assert.equal(s.ops, before.ops);
  await context.close();
});

test('a database from before snapshots and photos (version 1) opens, upgrades and keeps every record', async () => {
  // Records as an older build stored them: segments in a version-1 database.
  const source = await newTablet(browser);
  let page = await source.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await saved(page);
  const ops = (await state(page)).session.ops;
  const segments = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open(window.butlerLoader.dbName);
    open.onsuccess = () => {
      const req = open.result.transaction('records').objectStore('records').getAll();
      req.onsuccess = () => { open.result.close(); resolve(req.result.map((b) => Array.from(new Uint8Array(b)))); };
    };
  }));
  await source.close();

  const old = await newTablet(browser);
  page = await old.newPage();
  await page.goto(server.url + 'api/v1/health');  // same origin, no app running
  await page.evaluate((segs) => new Promise((resolve, reject) => {
    const open = indexedDB.open('butler-rounds', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records', { autoIncrement: true });
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      for (const s of segs) tx.objectStore('records').add(new Uint8Array(s).buffer);
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), segments);
  await boot(page, server.url);
  const s = (await state(page)).session;
  assert.equal(s.ops, ops);
  assert.equal(s.quarantined, 0);
  assert.equal((await state(page)).screen, 'today');
  const upgraded = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open(window.butlerLoader.dbName);
    open.onsuccess = () => { const db = open.result; resolve({ version: db.version, stores: [...db.objectStoreNames] }); db.close(); };
  }));
  assert.equal(upgraded.version, 4);
  assert.deepEqual(upgraded.stores.sort(), ['blobs', 'keys', 'records', 'snapshot', 'uploads']);
  await old.close();
});

test('a tablet that started from a snapshot exports a backup holding every record', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'butler-snap-backup-'));
  try {
    const first = await newTablet(browser);
    let page = await first.newPage();
    await boot(page, server.url);
    await tryDemo(page);
    await snapshotCoversAll(page);
    await commits(page, 2);
    await reload(page);
    const before = (await state(page)).session;
    assert.equal(before.from_snapshot, true);
    await tap(page, 'nav_settings');
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'backup_export')]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await first.close();

    const second = await newTablet(browser);
    page = await second.newPage();
    await boot(page, server.url);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'welcome_restore')]);
    await chooser.setFiles(file);
    await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 30000 });
    await saved(page);
    const after = (await state(page)).session;
    for (const key of ['units', 'residents', 'staff', 'zones', 'checkpoints', 'ops']) assert.equal(after[key], before[key], key);
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
