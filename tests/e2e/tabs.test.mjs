// One writing tab: a second tab of the app says it is open elsewhere and stays
// read-only; when the first tab closes, the second takes over afresh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, state } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a second tab is read-only and says so; it takes over when the first closes', async () => {
  const context = await newTablet(browser);
  const first = await context.newPage();
  await boot(first, server.url);
  await first.waitForFunction(() => window.butlerTest.state().writer === true);

  const second = await context.newPage();
  await boot(second, server.url);
  await second.waitForFunction(() => window.butlerTest.state().writer === false, null, { timeout: 10000 });
  const banner = await second.waitForFunction(() => window.butlerTest.widget('read_only_banner')).then((h) => h.jsonValue());
  assert.match(banner.label, /另一个标签页/);
  assert.equal((await state(first)).writer, true, 'the first tab still writes');

  await first.close();
  // The second tab reloads as the writer.
  await second.waitForFunction(() => window.butlerTest && window.butlerTest.ready() && window.butlerTest.state().writer === true,
    null, { timeout: 30000 });
  await context.close();
});
