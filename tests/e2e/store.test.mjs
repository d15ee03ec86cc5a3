// The durable op log in IndexedDB: what the app says is saved survives closing
// the tab at once; damaged records are quarantined, not fatal; a failed write
// (quota, full disk) is shown, kept, and retried until it lands.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, screenshot, tryDemo } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const saved = (page) => page.waitForFunction(() => window.butlerTest.state().session.save === 'saved', null, { timeout: 30000 });

test('records are there after the tab is closed the moment "saved" shows', async () => {
  const context = await newTablet(browser);
  let page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await saved(page);
  const before = (await state(page)).session;
  assert.ok(before.ops > 5000);
  assert.equal((await widget(page, 'save_status')).label, '已保存');
  await page.close();  // no goodbye: the tab is gone

  page = await context.newPage();
  await boot(page, server.url);
  const after = (await state(page)).session;
  assert.equal(after.ops, before.ops);
  assert.equal(after.units, before.units);
  assert.equal(after.quarantined, 0);
  assert.equal((await state(page)).screen, 'today');
  await context.close();
});

test('a corrupted record is quarantined and reported; the app still starts', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  // Start-up reads the snapshot and the records after it: damage one of
  // those, as a failing disk would (a byte in the middle of the record).
  await page.waitForFunction(() => { const s = window.butlerTest.state().session; return s.save === 'saved' && s.snapshot_covered === s.ops; }, null, { timeout: 60000 });
  await page.evaluate(() => Module.ccall('butler_bench_commits', null, ['number'], [3]));
  await page.waitForFunction(() => JSON.parse(Module.ccall('butler_bench_results', 'string', [], [])).length >= 3, null, { timeout: 30000 });
  await saved(page);
  const ops = (await state(page)).session.ops;
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open(window.butlerLoader.dbName);
    open.onsuccess = () => {
      const tx = open.result.transaction('records', 'readwrite');
      const store = tx.objectStore('records');
      const cursor = store.openCursor(null, 'prev');  // the last segment: one save's record
      cursor.onsuccess = () => {
        const c = cursor.result;
        const bytes = new Uint8Array(c.value.slice(0));
        const n = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
        bytes[4 + Math.floor(n / 2)] ^= 0xff;
        c.update(bytes.buffer);
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  const s = (await state(page)).session;
  assert.equal(s.quarantined, 1);
  assert.equal(s.ops, ops - 1);
  await tap(page, 'nav_settings');
  const report = await widget(page, 'storage_quarantined');
  assert.match(report.label, /1 条记录已损坏/);
  await screenshot(page, 'settings-quarantine-portrait');
  await context.close();
});

test('a write that aborts (quota) shows a banner, keeps the records and saves them on retry', async () => {
  const context = await newTablet(browser);
  // Every readwrite transaction aborts while window.failWrites is set, as with
  // QuotaExceededError on a full tablet.
  await context.addInitScript(() => {
    window.failWrites = false;
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (names, mode, options) {
      const tx = original.call(this, names, mode, options);
      if (mode === 'readwrite' && window.failWrites) queueMicrotask(() => { try { tx.abort(); } catch (e) { /* already done */ } });
      return tx;
    };
  });
  const page = await context.newPage();
  await boot(page, server.url);
  await page.evaluate(() => { window.failWrites = true; });
  await tryDemo(page);
  await page.waitForFunction(() => window.butlerTest.state().session.save === 'failed', null, { timeout: 15000 });
  const banner = await widget(page, 'storage_banner');
  assert.match(banner.label, /保存失败/);
  assert.ok((await state(page)).session.units >= 1400, 'nothing is lost from view');
  await screenshot(page, 'today-save-failed-portrait');

  await page.evaluate(() => { window.failWrites = false; });
  await saved(page);  // retried by itself
  assert.equal((await state(page)).session.storage_error, '');
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  assert.ok((await state(page)).session.units >= 1400, 'the retried write is durable');
  await context.close();
});

test('backup: export, wipe, import gives the same state; a bad file is refused and changes nothing', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'butler-backup-'));
  try {
    const first = await newTablet(browser);
    let page = await first.newPage();
    await boot(page, server.url);
    await tryDemo(page);
    await saved(page);
    const before = (await state(page)).session;
    await tap(page, 'nav_settings');
    const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'backup_export')]);
    assert.match(download.suggestedFilename(), /^butler-backup-\d{8}-\d{4}\.brbk$/);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await first.close();

    // A wiped tablet: a new profile with nothing stored.
    const second = await newTablet(browser);
    page = await second.newPage();
    await boot(page, server.url);
    assert.equal((await state(page)).session.ops, 0);

    // A bad file first: refused with a clear message, nothing changes.
    const bad = path.join(dir, 'not-a-backup.brbk');
    writeFileSync(bad, 'this is a photo, not a backup');
    let [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'welcome_restore')]);
    await chooser.setFiles(bad);
    const refusal = await page.waitForFunction(() => window.butlerTest.widget('backup_result')).then((h) => h.jsonValue());
    assert.match(refusal.label, /不是管家巡查的备份文件/);
    assert.equal((await state(page)).session.ops, 0);

    [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'welcome_restore')]);
    await chooser.setFiles(file);
    await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 30000 });
    await saved(page);
    const after = (await state(page)).session;
    for (const key of ['community', 'buildings', 'units', 'residents', 'staff', 'zones', 'checkpoints', 'ops']) {
      assert.equal(after[key], before[key], key);
    }
    // And it is durable on the new tablet.
    await page.reload();
    await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
    assert.equal((await state(page)).session.ops, before.ops);
    await second.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('many small saves are merged into few stored values in the background, losing nothing', async () => {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await saved(page);
  // 100 single-op saves, one after another (the benchmark's commit driver).
  await page.evaluate(() => Module.ccall('butler_bench_commits', null, ['number'], [100]));
  await page.waitForFunction(() => JSON.parse(Module.ccall('butler_bench_results', 'string', [], [])).length >= 100, null, { timeout: 60000 });
  const ops = (await state(page)).session.ops;
  const countValues = () => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open(window.butlerLoader.dbName);
    open.onsuccess = () => {
      const req = open.result.transaction('records').objectStore('records').count();
      req.onsuccess = () => { open.result.close(); resolve(req.result); };
    };
  }));
  const deadline = Date.now() + 20000;
  let values = await countValues();
  while (values > 40 && Date.now() < deadline) { await new Promise((r) => setTimeout(r, 200)); values = await countValues(); }
  assert.ok(values <= 40, `stored values after merging: ${values} (101 segments were written)`);
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  const after = (await state(page)).session;
  assert.equal(after.ops, ops);
  assert.equal(after.quarantined, 0);
  await context.close();
});
