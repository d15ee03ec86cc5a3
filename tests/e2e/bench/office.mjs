// scripts/bench office: the office's files as LibreOffice Calc (Debian's
// libreoffice-calc-nogui, headless) opens them. The demo server, with a unit
// 0502 and residents whose phone starts with 0 and whose occupations hold
// "; tab =1+1" and each formula start, imported by the office, gives every export as CSV and as
// .xlsx; each CSV is converted the way the desktop imports a double-clicked
// file (UTF-8 as its BOM says, separators tab, comma and semicolon, formulas
// evaluated), and again with "Format quoted field as text", which the README
// tells the office to tick; tests/e2e/bench/office_compare.py then compares
// each cell with the server's .xlsx.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, root, DEMO_PINS } from '../harness.mjs';

// LibreOffice's CSV filter tokens: separators (9 tab, 44 comma, 59 semicolon),
// text delimiter ", charset 76 (UTF-8), first line 1, column formats, language,
// 7 quoted field as text, 8 detect special numbers, …, 13 evaluate formulas.
const VARIANTS = {
  desktop_default: '9/44/59,34,76,1,,,false,false,false,false,false,-1,true',
  quoted_as_text: '9/44/59,34,76,1,,,true,false,false,false,false,-1,true',
};

const dir = mkdtempSync(path.join(tmpdir(), 'butler-bench-office-'));
const server = await startServer({ demo: true });
try {
  const enrol = await fetch(server.url + 'api/v1/enroll', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: 'ZR001', pin: DEMO_PINS.ZR001, device_id: 'ffffffffffffffffffffffffffff0f01' }),
  });
  const { token } = await enrol.json();
  const auth = { Authorization: 'Bearer ' + token };
  const upload = async (kind, csv) => {
    const r = await fetch(server.url + `api/v1/import/${kind}?file=${kind}.csv`, { method: 'POST', headers: auth, body: csv });
    if (r.status !== 200) throw new Error(`import ${kind}: ${r.status} ${await r.text()}`);
  };
  await upload('units', '楼栋,单元,房号,楼层,状态\n9栋,1,0502,5,已入住\n');
  // Occupations a careless or hostile hand could type: each formula start OWASP lists.
  await upload('residents', '楼栋,单元,房号,姓名,电话,职业\n9栋,1,0502,吴先生,057188001234,"会计; 兼职\t=1+1"\n' +
    '9栋,1,0502,吴太太,13900001111,=1+1\n9栋,1,0502,吴小明,,@SUM(A1)\n9栋,1,0502,吴小红,,-2+3\n9栋,1,0502,吴老先生,,"+86 138"\n');
  const catalog = await (await fetch(server.url + 'api/v1/office/catalog', { headers: auth })).json();
  for (const sub of ['csv', 'xlsx', ...Object.keys(VARIANTS)]) mkdirSync(path.join(dir, sub));
  for (const { name } of catalog.exports) {
    for (const format of ['csv', 'xlsx']) {
      const r = await fetch(server.url + `api/v1/export/${name}.${format}`, { headers: auth });
      if (r.status !== 200) throw new Error(`${name}.${format}: ${r.status}`);
      writeFileSync(path.join(dir, format, `${name}.${format}`), new Uint8Array(await r.arrayBuffer()));
    }
  }
  const csvs = catalog.exports.map(({ name }) => path.join(dir, 'csv', `${name}.csv`));
  for (const [variant, options] of Object.entries(VARIANTS)) {
    const t = Date.now();
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', `--infilter=CSV:${options}`,
      '--convert-to', 'xlsx', '--outdir', path.join(dir, variant), ...csvs], { stdio: 'ignore', timeout: 300000 });
    console.log(`office: ${variant}: ${csvs.length} CSVs converted by LibreOffice in ${Date.now() - t} ms (options ${options})`);
  }
  process.stdout.write(execFileSync('/usr/bin/python3', [path.join(root, 'tests/e2e/bench/office_compare.py'), dir, ...Object.keys(VARIANTS)]).toString());
} finally {
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
