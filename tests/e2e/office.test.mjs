// The office page (issue: a real community, set up in an afternoon): a
// manager at an office PC opens /office on an empty community, signs in,
// downloads the .xlsx template and uploads it back filled in, is refused a
// bad sheet with its line and column, checks then imports a CSV whose
// resident names are hostile HTML, downloads an export; a head butler is
// offered every sheet but staff; a butler nothing. Desktop and phone widths,
// both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, screenshotDir, serverBin, DEMO_PINS } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

// The whole page, not only what the window shows: the office page scrolls.
const screenshot = (page, name) => page.screenshot({ path: path.join(screenshotDir, name + '.png'), fullPage: true });
const admin = (...args) => execFileSync(serverBin, ['admin', '--data', server.data, ...args], { encoding: 'utf8' });

async function officePage(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Refusals (401, 422) are answers the page shows, not errors: only a script's own.
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() === 404) errors.push('404 ' + r.url()); });
  await page.goto(server.url + 'office');
  await page.waitForSelector('#signin_form');
  return { page, errors };
}

async function signIn(page, code, pin) {
  await page.fill('#code', code);
  await page.fill('#pin', pin);
  await page.click('#signin_button');
}

async function uploadFile(page, kind, file, { apply = true } = {}) {
  await page.selectOption('#kind', kind);
  await page.setInputFiles('#file', file);
  await page.click('#check');
  await page.waitForFunction(() => {
    const m = document.getElementById('import_message');
    return !m.hidden && /good|bad/.test(m.className);
  });
  const checked = await page.textContent('#import_message');
  if (!apply || (await page.getAttribute('#import_message', 'class')).includes('bad')) return checked;
  assert.equal(await page.isEnabled('#apply'), true, 'a checked file can be imported');
  await page.click('#apply');
  await page.waitForFunction(() => /已导入|Imported/.test(document.getElementById('import_message').textContent));
  return page.textContent('#import_message');
}

test('the office page: sign in, templates out and back in, a refused sheet, hostile names stay text, exports', async () => {
  admin('create-community', '幸福里', '杭州市');
  const dir = mkdtempSync(path.join(tmpdir(), 'butler-office-'));
  const staff = path.join(dir, 'staff.csv');
  writeFileSync(staff, '\ufeff工号,姓名,岗位,初始PIN\nZR001,赵主任,管理处主任,246802\nZG001,李主管,客服主管,135791\nGJ001,王管家,客服管家,135790\n');
  admin('import', '幸福里', 'staff', staff);

  const { page, errors } = await officePage();
  // A wrong PIN: said, not signed in.
  await signIn(page, 'ZR001', '000000');
  await page.waitForSelector('#signin_message:not([hidden])');
  assert.match(await page.textContent('#signin_message'), /工号或密码不正确/);
  assert.equal(await page.isVisible('#exports'), false);

  await signIn(page, 'ZR001', '246802');
  await page.waitForSelector('#imports:not([hidden])');
  assert.match(await page.textContent('#who'), /幸福里 · 管理处主任 · ZR001/);
  const exportNames = await page.$$eval('[data-export]', (bs) => bs.map((b) => b.getAttribute('data-export')));
  assert.ok(exportNames.includes('tickets.xlsx') && exportNames.includes('tickets.csv') && exportNames.includes('units.xlsx') &&
            exportNames.length >= 24, exportNames.join());
  const kinds = await page.$$eval('#kind option', (os) => os.map((o) => o.value));
  assert.deepEqual(kinds.sort(), ['checkpoints', 'keys', 'prices', 'residents', 'staff', 'units', 'zones']);
  await screenshot(page, 'office-signed-in-desktop');

  // The units template as .xlsx, downloaded through its link, goes back in as it is: its example row.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-template="units.xlsx"]')]);
  assert.equal(download.suggestedFilename(), 'units-template.xlsx');
  const template = path.join(dir, 'units-template.xlsx');
  await download.saveAs(template);
  assert.equal(readFileSync(template).subarray(0, 2).toString(), 'PK');
  assert.match(await uploadFile(page, 'units', template), /已导入：.*新增 1/s);

  // A bad sheet: every bad line and column named, nothing imported, nothing to confirm.
  const bad = path.join(dir, 'units-bad.csv');
  writeFileSync(bad, '楼栋,单元,房号,楼层,状态\n1栋,1,101,1,已入住\n1栋,1,102,x,空置\n2栋,1,201,2,火星\n');
  const refused = await uploadFile(page, 'units', bad);
  assert.match(refused, /没有导入/);
  assert.match(refused, /line 3/);
  assert.match(refused, /line 4/);
  assert.equal(await page.isEnabled('#apply'), false);
  await screenshot(page, 'office-refused-desktop');

  const units = path.join(dir, 'units.csv');
  writeFileSync(units, '\ufeff楼栋,单元,房号,楼层,状态\n1栋,1,101,1,已入住\n1栋,1,102,1,空置\n2栋,1,0201,2,已入住\n');
  const unitsDone = await uploadFile(page, 'units', units);
  assert.match(unitsDone, /新增 3/);

  // Residents whose names are HTML: checked, imported, shown as the text they are.
  const residents = path.join(dir, 'residents.csv');
  const hostile = '<img src=x onerror="window.pwned=1">';
  writeFileSync(residents, `楼栋,房号,姓名,身份,手机\n1栋,101,"${hostile.replace(/"/g, '""')}",业主,13900139000\n2栋,0201,李四,租户,13700137000\n`);
  const checked = await uploadFile(page, 'residents', residents, { apply: false });
  assert.match(checked, /检查通过，尚未导入/);
  const done = await uploadFile(page, 'residents', residents);
  assert.match(done, /新增 2/);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$$eval('#import_message img', (imgs) => imgs.length), 0);
  await screenshot(page, 'office-imported-desktop');

  // An export through its button: the residents as the office downloads them, the HTML as text, the 0 kept.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="residents.csv"]')]);
  assert.equal(csvDownload.suggestedFilename(), 'residents.csv');
  const csvFile = path.join(dir, 'residents.csv.out');
  await csvDownload.saveAs(csvFile);
  const csv = readFileSync(csvFile, 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'the BOM Excel needs');
  assert.ok(csv.includes('onerror'), 'the hostile name is in the file as data');
  assert.ok(csv.includes('"0201"'), 'the room keeps its leading 0, quoted as text');
  // The same as Excel, and the month's workbook: real .xlsx files (a zip), named for what they hold.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="residents.xlsx"]')]);
  assert.equal(xlsxDownload.suggestedFilename(), 'residents.xlsx');
  const xlsxFile = path.join(dir, 'residents.xlsx');
  await xlsxDownload.saveAs(xlsxFile);
  assert.equal(readFileSync(xlsxFile).subarray(0, 4).toString('latin1'), 'PK\x03\x04');
  await page.fill('#month', '2026-11');
  const [monthDownload] = await Promise.all([page.waitForEvent('download'), page.click('#month_book')]);
  assert.equal(monthDownload.suggestedFilename(), '2026-11.xlsx');

  // English, and the page as a phone shows it.
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#imports h2').textContent === 'Import office sheets');
  assert.match(await page.textContent('#who'), /Manager|manager/);
  await screenshot(page, 'office-english-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  const tooSmall = await page.$$eval('button, a.button, select, input', (els) => els
    .filter((e) => e.offsetParent !== null)
    .filter((e) => e.getBoundingClientRect().height < 48)
    .map((e) => e.id || e.textContent));
  assert.deepEqual(tooSmall, [], 'every control is a 48 px touch target');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `nothing runs off a 390 px phone sideways (${wide} px)`);
  await screenshot(page, 'office-english-phone');
  assert.deepEqual(errors, []);

  // A head butler: every sheet but staff. A butler: nothing here, said so.
  const head = (await officePage()).page;
  await signIn(head, 'ZG001', '135791');
  await head.waitForSelector('#imports:not([hidden])');
  const headKinds = await head.$$eval('#kind option', (os) => os.map((o) => o.value));
  assert.equal(headKinds.includes('staff'), false);
  assert.equal(headKinds.length, 6);
  const butler = (await officePage({ width: 390, height: 844 })).page;
  await signIn(butler, 'GJ001', '135790');
  await butler.waitForSelector('#export_message:not([hidden])');
  assert.match(await butler.textContent('#export_message'), /没有可导出或导入/);
  assert.equal(await butler.isVisible('#imports'), false);
  await screenshot(butler, 'office-butler-phone');
  // Signing out forgets the token: a reload asks for the PIN again.
  await head.click('#signout');
  await head.reload();
  await head.waitForSelector('#signin:not([hidden])');
  assert.equal(await head.isVisible('#exports'), false);
  // A real server's page has no demo banner (the page asked /health long ago).
  assert.equal(await head.isVisible('#demo_banner'), false);
});

test('a --demo server says so on the office page, before sign-in and after, in both languages', async () => {
  const demo = await startServer({ demo: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(demo.url + 'office');
    await page.waitForSelector('#demo_banner:not([hidden])');
    assert.match(await page.textContent('#demo_banner'), /演示服务器/);
    await signIn(page, 'ZR001', DEMO_PINS.ZR001);
    await page.waitForSelector('#exports:not([hidden])');
    assert.equal(await page.isVisible('#demo_banner'), true);
    await page.click('#lang');
    assert.match(await page.textContent('#demo_banner'), /Demo server/);
    await screenshot(page, 'office-demo-desktop');
  } finally {
    await context.close();
    demo.stop();
  }
});
