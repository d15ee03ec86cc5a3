// scripts/bench exports: the native butler-server on 127.0.0.1 holding the
// demo estate at scale ×10 (butler-server demo-init --scale 10), three
// exports of the same large CSV asked for at once by a manager (each asking
// again after Retry-After when the server answers 503 busy), while a butler's
// tablet polls (an empty sync poll, one after another). Figures: the server
// process's peak resident memory above its idle size (VmHWM - VmRSS before,
// from /proc), the p99 of the polls made while the exports ran, and how long
// the three took. BUTLER_SERVER_BIN serves with another build (an older one,
// for comparison); the data is always set up by build/native's.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, siteDir, DEMO_PINS, freePort } from '../harness.mjs';

const SCALE = Number(process.env.BENCH_EXPORT_SCALE || 10);
const EXPORT = process.env.BENCH_EXPORT_NAME || 'units';
const bin = path.join(root, 'build/native/butler-server');
const serveBin = process.env.BUTLER_SERVER_BIN || bin;
const met = (ok) => (ok ? 'met' : 'NOT met');

const kb = (pid, field) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]);

async function enrol(url, code, device) {
  const r = await fetch(url + '/api/v1/enroll', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, pin: DEMO_PINS[code], device_id: device }),
  });
  if (!r.ok) throw new Error(`enrolment of ${code} failed: ${r.status} ${await r.text()}`);
  return (await r.json()).token;
}

// One export, asked for again after Retry-After while the server is busy.
async function exportOnce(url, token) {
  const t0 = performance.now();
  let busy = 0;
  for (let i = 0; i < 200; i++) {
    const r = await fetch(`${url}/api/v1/export/${EXPORT}.csv`, { headers: { Authorization: 'Bearer ' + token } });
    if (r.status === 503) {
      busy++;
      await r.arrayBuffer();
      await new Promise((res) => setTimeout(res, 1000 * Number(r.headers.get('retry-after') || 1)));
      continue;
    }
    if (!r.ok) throw new Error(`export failed: ${r.status} ${await r.text()}`);
    const bytes = (await r.arrayBuffer()).byteLength;
    return { ms: performance.now() - t0, bytes, busy };
  }
  throw new Error('export still busy after 200 tries');
}

const data = mkdtempSync(path.join(tmpdir(), 'butler-bench-exports-'));
let proc;
try {
  const t0 = performance.now();
  execFileSync(bin, ['demo-init', '--data', data, '--scale', String(SCALE)], { stdio: 'ignore' });
  const setupS = (performance.now() - t0) / 1000;
  const port = await freePort();
  proc = spawn(serveBin, ['--port', String(port), '--site', siteDir, '--data', data, '--quiet'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(url + '/api/v1/health')).ok) break; } catch { /* not up yet */ }
    if (i > 400 || proc.exitCode !== null) throw new Error('butler-server did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  const manager = await enrol(url, 'ZR001', '5a'.repeat(16));
  const device = 'b0'.repeat(16);
  const butler = await enrol(url, 'GJ001', device);
  const pollBody = JSON.stringify({ device_id: device, cursor: 1 << 30, ops: [] });
  const poll = async () => {
    const t = performance.now();
    const r = await fetch(url + '/api/v1/sync', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + butler }, body: pollBody,
    });
    await r.arrayBuffer();
    if (!r.ok) throw new Error('poll failed: ' + r.status);
    return performance.now() - t;
  };
  for (let i = 0; i < 20; i++) await poll();  // warm: the readers and their statements exist
  const idleKb = kb(proc.pid, 'VmRSS');

  let running = true;
  const latencies = [];
  const polling = (async () => {
    while (running) latencies.push(await poll());
  })();
  const t1 = performance.now();
  const results = await Promise.all([0, 1, 2].map(() => exportOnce(url, manager)));
  const allMs = performance.now() - t1;
  running = false;
  await polling;
  const peakKb = kb(proc.pid, 'VmHWM');
  latencies.sort((a, b) => a - b);
  const p99 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] : NaN;
  const aboveMb = (peakKb - idleKb) / 1024;
  console.log(`exports: demo ×${SCALE} set up in ${setupS.toFixed(1)} s; server ${serveBin === bin ? 'build/native' : serveBin}`);
  console.log(`exports: three ${EXPORT}.csv at once (${results[0].bytes} bytes each): ${results.map((r) => `${(r.ms / 1000).toFixed(1)} s${r.busy ? ` after ${r.busy} × 503` : ''}`).join(', ')}`);
  console.log(`exports: ${latencies.length} polls meanwhile; idle RSS ${(idleKb / 1024).toFixed(0)} MB, peak ${(peakKb / 1024).toFixed(0)} MB`);
  console.log(`figure: exports.peak_rss_above_idle_mb = ${aboveMb.toFixed(0)} MB  (three ${EXPORT}.csv of the demo ×${SCALE} at once)`);
  console.log(`figure: exports.poll_p99_ms = ${p99.toFixed(1)} ms  (${latencies.length} empty sync polls during them)`);
  console.log(`figure: exports.three_at_once_s = ${(allMs / 1000).toFixed(1)} s`);
  console.log(`target: peak RSS ≤ 256 MB above idle during three exports: ${met(aboveMb <= 256)} (${aboveMb.toFixed(0)} MB)`);
} finally {
  if (proc && proc.exitCode === null) proc.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}
