// A real community from an empty server (issue: a real community, set up in
// an afternoon): nothing of the demo. The office creates the community and
// imports its sheets — staff through the admin command, the rest uploaded by
// the manager's token, files made here — a head butler's tablet sees what is
// still missing, adds two zones, reorders a route by drag and adds a key; a butler's
// tablet then gets that route in its new order, walks it and lends that key.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, screenshot, drag, reveal, root, serverBin, tryDemo, replaceText } from './harness.mjs';
import { synced, setTabletPin } from './helpers.mjs';
import { addPublicKey, lendKey } from './key_steps.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const bin = serverBin;
const admin = (...args) => execFileSync(bin, ['admin', '--data', server.data, ...args], { encoding: 'utf8' });
const type = async (page, field, text) => {
  await tap(page, field);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};

async function token(code, pin, device) {
  const r = await fetch(server.url + 'api/v1/enroll', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code, pin, device_id: device }),
  });
  assert.equal(r.status, 200);
  return (await r.json()).token;
}

async function upload(tok, kind, csv) {
  const r = await fetch(server.url + `api/v1/import/${kind}?file=${kind}.csv`, {
    method: 'POST', headers: { Authorization: 'Bearer ' + tok }, body: csv,
  });
  const body = await r.json();
  assert.equal(r.status, 200, JSON.stringify(body));
  return body;
}

async function enrol(page, code, pin) {
  await tap(page, 'welcome_enroll');
  await type(page, 'sync_code', code);
  await type(page, 'sync_pin', pin);
  await tap(page, 'sync_enroll');
  await setTabletPin(page);
  await synced(page);
}

test('from an empty server: imports, a head butler sets zones and a route by drag, a butler walks it', async () => {
  admin('create-community', '幸福里', '杭州市');
  const dir = mkdtempSync(path.join(tmpdir(), 'butler-setup-'));
  const staff = path.join(dir, 'staff.csv');
  writeFileSync(staff, '\ufeff工号,姓名,岗位,初始PIN\nZR001,赵主任,管理处主任,246802\nZG001,李主管,客服主管,135791\nGJ001,王管家,客服管家,135790\n');
  assert.match(admin('import', '幸福里', 'staff', staff), /新增 3/);

  const manager = await token('ZR001', '246802', 'ffffffffffffffffffffffffffff0a01');
  await upload(manager, 'units', '楼号,单元,房号,楼层,状态\n1栋,1,101,1,已入住\n1栋,1,102,1,空置\n2栋,1,201,2,已入住\n3栋,1,301,3,已入住\n4栋,1,401,4,空置\n1栋,1,103,1,样板间\n');
  await upload(manager, 'residents', '楼栋,房号,姓名,身份,手机\n1栋,101,张三,业主,13900139000\n2栋,201,李四,租户,13700137000\n');
  await upload(manager, 'keys', '标签,类别,所属\n1栋1单元101,分户钥匙,\n');
  await upload(manager, 'zones', '名称,楼栋,管家工号\n一区,1栋、2栋,GJ001\n');
  const route = await upload(manager, 'checkpoints', '名称,楼栋,种类,责任区\n1栋大堂,1栋,大堂,一区\n1栋电梯,1栋,电梯,一区\n南大门,,大门,一区\n');
  assert.equal(route.added, 3);
  // The same file again changes nothing.
  assert.equal((await upload(manager, 'checkpoints', '名称,楼栋,种类,责任区\n1栋大堂,1栋,大堂,一区\n1栋电梯,1栋,电梯,一区\n南大门,,大门,一区\n')).unchanged, 3);

  // The head butler's tablet: what is missing, a second zone, the route reordered.
  const head = await (await newTablet(browser, undefined, 1)).newPage();
  await boot(head, server.url);
  await enrol(head, 'ZG001', '135791');
  await tap(head, 'nav_registers');
  await tap(head, 'reg_section:8');
  let s = await state(head);
  assert.ok(s.setup.gaps.includes(5), 'a building in no zone (3栋) is listed');   // GapKind::building_in_no_zone
  assert.ok(s.setup.gaps.includes(7), 'no price list is listed');                // GapKind::no_prices
  await screenshot(head, 'setup-gaps-portrait');
  // Two zones made on the tablet, one for each building no zone holds.
  for (const [name, building] of [['二区', 2], ['三区', 3]]) {   // 3栋, 4栋
    await tap(head, 'setup_zone_add');
    await type(head, 'zone_form_name', name);
    await tap(head, 'zone_form_butler:1');
    await tap(head, `zone_form_building:${building}`);
    await tap(head, 'zone_form_save');
  }
  s = await state(head);
  assert.equal(s.setup.zones, 3);
  assert.ok(!s.setup.gaps.includes(5), '3栋 and 4栋 are in zones now');

  await tap(head, 'setup_zone:0');
  assert.equal((await widget(head, 'setup_cp:0')).label.replace(/^1\. /, ''), '1栋大堂');
  const from = await widget(head, 'setup_cp_drag:2');
  const to = await widget(head, 'setup_cp_drag:0');
  await drag(head, { x: from.css.x + from.css.w / 2, y: from.css.y + from.css.h / 2 }, { x: to.css.x + to.css.w / 2, y: to.css.y + 2 }, 8);
  await frames(head, 4);
  assert.match((await widget(head, 'setup_cp:0')).label, /南大门/, 'the gate was dragged to the front');
  await screenshot(head, 'setup-route-portrait');
  await head.setViewportSize({ width: 390, height: 844 });
  await frames(head, 6);
  await screenshot(head, 'setup-route-phone');
  // The sales office keeps its own hours: model units 09:00–18:00, the
  // greeting at 南大门.
  await head.setViewportSize({ width: 768, height: 1024 });
  await frames(head, 6);
  await reveal(head, 'setup_route_back', { up: true });
  await tap(head, 'setup_route_back');
  assert.equal((await state(head)).setup.route, '', 'back on the set-up overview');
  await reveal(head, 'setup_hours_edit');
  await tap(head, 'setup_hours_edit');
  for (const [field, time] of [['hours_model_opens', '09:00'], ['hours_model_closes', '18:00']]) {
    await replaceText(head, field, time);
  }
  await tap(head, 'hours_gate:1');
  await screenshot(head, 'setup-hours-portrait');
  await tap(head, 'hours_save');
  assert.deepEqual((await state(head)).setup.hours, [540, 1080, 450, 510]);
  // A key the office's sheet did not have, added to the cabinet on the tablet.
  await reveal(head, 'reg_section:1', { up: true });
  await tap(head, 'reg_section:1');
  await addPublicKey(head, { label: '水泵房门', category: '设备房' });
  await synced(head);

  // The butler's tablet: the route in the head butler's order, walked.
  const butler = await (await newTablet(browser, undefined, 1)).newPage();
  await boot(butler, server.url);
  await enrol(butler, 'GJ001', '135790');
  assert.deepEqual((await state(butler)).setup.hours, [540, 1080, 450, 510], 'the hours reached the butler');
  await tap(butler, 'nav_today');
  await screenshot(butler, 'setup-butler-today-portrait');
  assert.match((await widget(butler, 'today_duty:0:0')).label, /南大门/, 'Today names the gate the greeting stands at');
  await tap(butler, 'nav_rounds');
  await tap(butler, 'zone:0');
  await tap(butler, 'zone_start:0');
  const first = await widget(butler, 'round_cp:0');
  assert.match(first.label, /南大门/, 'the butler walks the route in the order the head butler set');
  await screenshot(butler, 'setup-butler-round-portrait');
  // …and lends the key the head butler added.
  await tap(butler, 'nav_registers');
  await tap(butler, 'reg_section:1');
  await lendKey(butler, '水泵房门');
});

// Issue 15: the demo never leaves the tablet. A butler tries the demo, starts
// a round in it, leaves it, and enrols with a real community: the server's
// exports of that community hold its own records and nothing of the demo.
test('the demo stays on the tablet: tried, left, then enrolled, the community holds nothing of it', async () => {
  admin('create-community', '翠苑', '宁波市');
  const dir = mkdtempSync(path.join(tmpdir(), 'butler-demo-'));
  const staff = path.join(dir, 'staff.csv');
  writeFileSync(staff, '\ufeff工号,姓名,岗位,初始PIN\nCY001,钱主管,客服主管,246810\nCY002,孙管家,客服管家,135799\n');
  assert.match(admin('import', '翠苑', 'staff', staff), /新增 2/);

  const page = await (await newTablet(browser, undefined, 1)).newPage();
  await boot(page, server.url);
  assert.match((await widget(page, 'welcome_demo_hint')).label, /永不上传/);
  await tryDemo(page);
  await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 20000 });
  assert.ok(await widget(page, 'today_demo'), 'Today says this is the demo');
  await tap(page, 'nav_rounds');
  await tap(page, 'zone:0');
  await tap(page, 'zone_start:0');
  await tap(page, 'nav_sync');
  assert.ok(await widget(page, 'sync_demo_explain'));
  assert.equal(await page.evaluate(() => window.butlerTest.widget('sync_enroll')), null, 'the demo offers no enrolment');
  await screenshot(page, 'demo-sync-portrait');
  const reloaded = page.waitForEvent('load');
  await tap(page, 'sync_leave_demo').catch(() => { /* the page reloads under the tap */ });
  await reloaded;
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  await frames(page, 3);
  assert.equal((await state(page)).screen, 'welcome', 'out of the demo: the device\'s own, empty database');
  assert.equal((await state(page)).session.ops, 0);

  await enrol(page, 'CY002', '135799');
  const s = await state(page);
  assert.equal(s.sync.rejected, 0, 'nothing refused: nothing of the demo was sent');
  assert.ok(s.session.ops < 20, `the tablet holds 翠苑's few records, not the demo's thousands (${s.session.ops})`);
  const office = await token('CY001', '246810', 'ffffffffffffffffffffffffffff0b01');
  for (const name of ['units', 'residents', 'rounds', 'keys']) {
    const r = await fetch(server.url + `api/v1/export/${name}.csv`, { headers: { Authorization: 'Bearer ' + office } });
    assert.equal(r.status, 200);
    const rows = (await r.text()).replace(/^\uFEFF/, '').trim().split('\n');
    assert.equal(rows.length, 1, `${name}.csv of 翠苑 holds no record (the demo's stayed on the tablet): ${rows.slice(1, 3)}`);
  }
});
