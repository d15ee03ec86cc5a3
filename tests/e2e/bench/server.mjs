// scripts/bench server: the native release butler-server on 127.0.0.1 under
// wrk, 64 connections from 2 threads for ~10 s each: GET /api/v1/health and
// an empty sync poll (POST /api/v1/sync with a demo butler's token, at the
// current cursor, no ops). The same server started as before issue 20's
// transport (8 workers, 5 requests per connection, Nagle on) is measured in
// the same run, as the baseline of the ratios.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, siteDir, DEMO_PINS, freePort } from '../harness.mjs';

const SECONDS = Number(process.env.BENCH_SERVER_SECONDS || 10);
const CONNECTIONS = 64;
const THREADS = 2;
const bin = path.join(root, 'build/native/butler-server');
const script = path.join(root, 'tests/e2e/bench/wrk_request.lua');
const met = (ok) => (ok ? 'met' : 'NOT met');

async function start(flags) {
  const port = await freePort();
  const data = mkdtempSync(path.join(tmpdir(), 'butler-bench-server-'));
  const proc = spawn(bin, ['--port', String(port), '--site', siteDir, '--data', data, '--quiet', '--demo', ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { out += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    try {
      if ((await fetch(url + '/api/v1/health')).ok) {
        return { url, out: () => out, stop: () => { proc.kill('SIGTERM'); rmSync(data, { recursive: true, force: true }); } };
      }
    } catch { /* not up yet */ }
    if (proc.exitCode !== null) throw new Error('butler-server exited: ' + out);
    await new Promise((r) => setTimeout(r, 50));
  }
  proc.kill('SIGKILL');
  throw new Error('butler-server did not start: ' + out);
}

// A demo butler's token, and the cursor after the whole community: a poll from
// there is empty, as a tablet's every few minutes is.
async function emptyPoll(url) {
  const device = 'b0'.repeat(16);
  const enrol = await fetch(url + '/api/v1/enroll', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: 'GJ001', pin: DEMO_PINS.GJ001, device_id: device }),
  });
  if (!enrol.ok) throw new Error('enrolment failed: ' + enrol.status + ' ' + await enrol.text());
  const { token } = await enrol.json();
  let cursor = 0;
  for (let page = 0; page < 1000; page++) {
    const r = await fetch(url + '/api/v1/sync', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify({ device_id: device, cursor, ops: [] }),
    });
    if (!r.ok) throw new Error('sync failed: ' + r.status + ' ' + await r.text());
    const answer = await r.json();
    cursor = answer.cursor;
    if (!answer.more) break;
  }
  return { token, body: JSON.stringify({ device_id: device, cursor, ops: [] }) };
}

function wrk(url, env = {}) {
  const out = execFileSync('wrk', ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${SECONDS}s`, '--timeout', '5s',
    '-s', script, url], { env: { ...process.env, ...env }, maxBuffer: 1 << 20 }).toString();
  const line = out.split('\n').find((l) => l.startsWith('wrk-json: '));
  if (!line) throw new Error('wrk printed no summary:\n' + out);
  const r = JSON.parse(line.slice('wrk-json: '.length));
  return { rps: r.rps, p99: r.p99_us / 1000, errors: r.errors, non2xx: r.non2xx, requests: r.requests };
}

async function measure(flags) {
  const server = await start(flags);
  try {
    const poll = await emptyPoll(server.url);
    const health = wrk(server.url + '/api/v1/health');
    const sync = wrk(server.url + '/api/v1/sync', { BENCH_BODY: poll.body, BENCH_TOKEN: poll.token });
    return { health, sync };
  } finally {
    server.stop();
  }
}

const fmt = (r) => `${r.rps.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms${r.errors || r.non2xx ? `, ${r.errors} errors, ${r.non2xx} not 2xx` : ''}`;
const BASELINE_FLAGS = ['--threads', '8', '--keep-alive-max', '5', '--no-nodelay'];
const now = await measure([]);
const before = await measure(BASELINE_FLAGS);
console.log(`server: ${CONNECTIONS} connections, ${THREADS} wrk threads, ${SECONDS} s each, on this machine's ${(await import('node:os')).cpus().length} cores with wrk`);
console.log(`server: health ${fmt(now.health)}; baseline (${BASELINE_FLAGS.join(' ')}) ${fmt(before.health)}`);
console.log(`server: empty sync poll ${fmt(now.sync)}; baseline ${fmt(before.sync)}`);
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(1) : 'inf');
console.log(`figure: server.health_rps = ${now.health.rps.toFixed(0)} req/s  (baseline ${before.health.rps.toFixed(0)} req/s: ${ratio(now.health.rps, before.health.rps)} x)`);
console.log(`figure: server.health_p99_ms = ${now.health.p99.toFixed(1)} ms  (baseline ${before.health.p99.toFixed(1)} ms)`);
console.log(`figure: server.sync_poll_rps = ${now.sync.rps.toFixed(0)} req/s  (baseline ${before.sync.rps.toFixed(0)} req/s: ${ratio(now.sync.rps, before.sync.rps)} x)`);
console.log(`figure: server.sync_poll_p99_ms = ${now.sync.p99.toFixed(1)} ms  (baseline ${before.sync.p99.toFixed(1)} ms)`);
const clean = (r) => r.errors === 0 && r.non2xx === 0;
console.log(`target: health ≥ 20000 req/s at 64 connections: ${met(now.health.rps >= 20000 && clean(now.health))} (${fmt(now.health)})`);
console.log(`target: empty sync poll ≥ 5000 req/s: ${met(now.sync.rps >= 5000 && clean(now.sync))} (${fmt(now.sync)})`);
const p99 = Math.max(now.health.p99, now.sync.p99);
console.log(`target: p99 ≤ 50 ms: ${met(p99 <= 50)} (health ${now.health.p99.toFixed(1)} ms, sync poll ${now.sync.p99.toFixed(1)} ms)`);
