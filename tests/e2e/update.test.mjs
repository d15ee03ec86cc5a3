// A new build waits behind the running one; the app offers "update" and
// switches only when the butler taps it. JS glue and wasm never mix builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, newTablet, boot, tap, state, siteDir } from './harness.mjs';

test('a new version installs in the background, waits, and applies on "update"', async () => {
  const site = mkdtempSync(path.join(tmpdir(), 'butler-site-'));
  cpSync(siteDir, site, { recursive: true });
  const server = await startServer({ site });
  const browser = await launchBrowser();
  try {
    const context = await newTablet(browser);
    const page = await context.newPage();
    await boot(page, server.url);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20000 }).catch(() => {});
    if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
      await page.reload();  // first visit: the worker controls the page from the next load
      await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready());
    }
    const oldBuild = await page.evaluate(() => window.BUTLER_BUILD);
    // The worker registers once the app is usable; its cache fills on install.
    await page.waitForFunction(async (b) => (await caches.keys()).includes('butler-rounds-' + b), oldBuild, { timeout: 30000 });
    const cachesBefore = await page.evaluate(() => caches.keys());
    assert.deepEqual(cachesBefore, ['butler-rounds-' + oldBuild]);

    // Publish "a new build": same files, new build id in the worker.
    const sw = readFileSync(path.join(site, 'sw.js'), 'utf8').replace(`var BUILD = '${oldBuild}'`, "var BUILD = 'next-build'");
    writeFileSync(path.join(site, 'sw.js'), sw);
    await page.evaluate(async () => { const r = await navigator.serviceWorker.getRegistration(); await r.update(); });
    await page.waitForFunction(() => window.butlerTest.state().update_ready, null, { timeout: 30000 });

    // Still the old build until the butler says so.
    assert.equal(await page.evaluate(() => window.BUTLER_BUILD), oldBuild);
    await page.evaluate(() => { window.beforeUpdate = true; });
    await tap(page, 'update_now');
    // The page reloads under the new worker: wait for a fresh, running app.
    const deadline = Date.now() + 60000;
    for (;;) {
      const fresh = await page.evaluate(() => !window.beforeUpdate && !!window.butlerTest && window.butlerTest.ready()).catch(() => false);
      if (fresh) break;
      assert.ok(Date.now() < deadline, 'the app reloaded after "update"');
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.waitForFunction(async () => (await caches.keys()).length === 1, null, { timeout: 30000 });
    const cachesAfter = await page.evaluate(() => caches.keys());
    assert.deepEqual(cachesAfter, ['butler-rounds-next-build'], 'the old cache is gone, one build per cache');
    assert.equal((await state(page)).update_ready, false);
    await context.close();
  } finally {
    await browser.close();
    server.stop();
    rmSync(site, { recursive: true, force: true });
  }
});
