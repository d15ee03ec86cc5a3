// scripts/bench sync: the server's ingest rate through the whole sync path
// against a raw SQLite insert of the same rows (butler-server bench-ingest),
// then a tablet end to end: enrolment pulling the demo community, and the
// time to push 10,000 ops saved offline once the network is back.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, newTablet, boot, tap, frames, root, DEMO_PINS, setOffline } from '../harness.mjs';

const N = Number(process.env.BENCH_SYNC_OPS || 10000);
const met = (ok) => (ok ? 'met' : 'NOT met');

const dir = mkdtempSync(path.join(tmpdir(), 'butler-bench-sync-'));
try {
  const ingest = execFileSync(path.join(root, 'build/native/butler-server'), ['bench-ingest', String(N), '--data', dir]).toString();
  process.stdout.write(ingest);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const server = await startServer({ demo: true });
const browser = await launchBrowser();
try {
  const context = await newTablet(browser);
  const page = await context.newPage();
  await boot(page, server.url);
  await tap(page, 'welcome_enroll');
  for (const [field, text] of [['sync_code', 'GJ001'], ['sync_pin', DEMO_PINS.GJ001]]) {
    await tap(page, field);
    await page.keyboard.insertText(text);
    await frames(page, 3);
  }
  const synced = () => page.waitForFunction(() => {
    const s = window.butlerTest.state();
    return s.sync.ready && !s.sync.running && s.sync.pending === 0 && s.session.pending === 0 && s.sync.last_synced_ms > 0;
  }, null, { timeout: 600000, polling: 20 });
  let t = Date.now();
  await tap(page, 'sync_enroll');
  await synced();
  const pullMs = Date.now() - t;
  const pulledOps = (await page.evaluate(() => window.butlerTest.state())).session.ops;

  // N saves with the network off (a unit's status, over and over).
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await setOffline(page, true);
  await page.waitForFunction(() => window.butlerTest.state().online === false);
  await page.evaluate(() => Module.ccall('butler_bench_pause_rendering', null, ['number'], [1]));
  await page.evaluate((k) => Module.ccall('butler_bench_commits', null, ['number'], [k]), N);
  await page.waitForFunction((k) => JSON.parse(Module.ccall('butler_bench_results', 'string', [], [])).length >= k, N, { timeout: 600000, polling: 200 });
  await page.evaluate(() => Module.ccall('butler_bench_pause_rendering', null, ['number'], [0]));
  await page.waitForFunction((k) => window.butlerTest.state().sync.pending >= k, N, { timeout: 60000 });

  t = Date.now();
  await setOffline(page, false);
  await synced();
  const pushMs = Date.now() - t;
  console.log(`sync: enrolment pulled ${pulledOps} ops in ${pullMs} ms; ${N} offline saves pushed in ${pushMs} ms after the network came back`);
  console.log(`figure: sync.enrol_pull_ms = ${pullMs} ms  (${pulledOps} ops of the demo community)`);
  console.log(`figure: sync.push_${N}_ms = ${pushMs} ms  (${Math.round((N * 1000) / pushMs)} ops/s end to end, from 'online' to all acknowledged)`);
  console.log(`figure: sync.push_ok = ${pushMs < 60000 ? 'yes' : 'slow'}  (target: ${N} ops within a minute of the network returning: ${met(pushMs < 60000)})`);
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
