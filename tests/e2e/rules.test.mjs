// The manuals' rules for complaints, repairs and model units by touch (issue
// 16 items 2, 4 and 5, and its model units), on the demo estate with a tablet
// clock moved ahead:
// - a major complaint escalated to the manager (000:265 "应当天呈送管理处主任")
//   and answered on day 1 ("2天内给住户明确答复,10日内解决") is never shown
//   overdue, though it is resolved on day 8;
// - a repair's slip signed for at engineering (000:627 "在10分钟内送达工程维修部,
//   并请接收人签字接收") meets its 10 minutes; one sent unsigned does not;
// - a communication complaint is handled without dispatch (000:321 "④、通知相关
//   部门去处理或给予解答;⑤、回访") and called back only after the owner's answer;
// - a model unit asks the early shift's opening items on the 07:50 duty (000:565
//   "早班人员需在7:50前打开样板间的房门,并对样板间进行开窗通风") and the daytime
//   items on the 14:00 zone round (000:563 "按规定路线巡视公共区域及样板间").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, reveal, drag, tryDemo, screenshot } from './harness.mjs';
import { saved, sign, tabletClockAhead, withShiftableClock } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const kDay = 24 * 3600000;
const tapIn = async (page, id, up = false) => { await reveal(page, id, { within: 'ticket_', up }); return tap(page, id); };
const type = async (page, field, text) => {
  await tapIn(page, field);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};
const tickets = async (page) => (await state(page)).tickets;

async function demoTablet(options = {}) {
  const context = await newTablet(browser, undefined, 1, options);
  await withShiftableClock(context);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 60000 });
  return { context, page };
}

// A new ticket for 1502 of the given kind and class (indexes of the form's choices).
async function openTicket(page, what, kind, severity) {
  await tap(page, 'ticket_new');
  await type(page, 'ticket_unit_search', '1502');
  await tap(page, 'ticket_unit:0');
  await type(page, 'ticket_what', what);
  await tapIn(page, `ticket_kind:${kind}`);
  if (severity !== undefined) await tapIn(page, `ticket_severity:${severity}`);
  await tap(page, 'ticket_save');
  await saved(page);
  assert.equal((await tickets(page)).form_open, false);
}

// After a reload, the ticket again from the list by what it says.
async function reopen(page, what) {
  await tap(page, 'nav_tickets');
  await tap(page, 'tickets_tab:0');
  const rows = await page.evaluate(() => window.butlerTest.widgets().filter((w) => /^ticket:\d+$/.test(w.id)).map((w) => [w.id, w.label]));
  const row = rows.find(([, label]) => label.includes(what));
  assert.ok(row, `${what} is listed: ${rows.map((r) => r[1]).join(' | ')}`);
  await tap(page, row[0]);
}

test('a major complaint escalated and answered on day 1 is never overdue though resolved on day 8', async () => {
  const { context, page } = await demoTablet();
  const what = '地下车库照明大面积损坏，夜间无法通行';
  await openTicket(page, what, 0, 0);  // 有效投诉 · 重大
  await tapIn(page, 'ticket_escalate');
  await saved(page);
  assert.match((await reveal(page, 'ticket_escalated', { within: 'ticket_' })).label, /管理处主任/);
  await type(page, 'answer_said', '已安排工程部本周内全部更换，期间加派秩序维护员引导');
  await tapIn(page, 'ticket_answer_owner');
  await saved(page);
  assert.match((await reveal(page, 'ticket_answered_line', { within: 'ticket_' })).label, /已答复业主/);
  // Day 8: the answer stopped its 2 days; the 10 days to resolve still run.
  await tabletClockAhead(page, 8 * kDay);
  assert.equal((await tickets(page)).overdue, 0, 'not overdue on day 8');
  await reopen(page, what);
  assert.doesNotMatch((await widget(page, 'ticket_deadline')).label, /逾期/);
  // 000:321 ④ on site with the responsible department's head, then handled — no dispatch, no acceptance.
  assert.equal(await page.evaluate(() => window.butlerTest.widget('ticket_dispatch')), null, 'a complaint is not dispatched');
  await tapIn(page, 'dispatch_to:0');  // 工程部
  await tapIn(page, 'ticket_on_site');
  await saved(page);
  assert.equal((await tickets(page)).status, 4);
  await tapIn(page, 'ticket_finish_unsigned');
  await saved(page);
  assert.equal((await tickets(page)).status, 5);
  assert.equal((await tickets(page)).overdue, 0);
  await tapIn(page, 'callback_method:1');
  await tapIn(page, 'callback_ok');
  await saved(page);
  assert.equal((await tickets(page)).status, 7);
  await screenshot(page, 'ticket-major-complaint-day8-portrait');
  await context.close();
});

test('a repair signed for at engineering meets its 10 minutes; one sent unsigned is late', async () => {
  const { context, page } = await demoTablet();
  const signed = '客厅插座无电';
  await openTicket(page, signed, 4);  // 报修
  await reveal(page, 'slip_save', { within: 'slip_' });
  await tap(page, 'slip_save');
  await saved(page);
  await tapIn(page, 'dispatch_to:0');
  // The butler's tap alone is not a receipt: without a signature the pad asks for one.
  await tapIn(page, 'ticket_dispatch');
  assert.match((await widget(page, 'ticket_message')).label, /接收人/);
  await type(page, 'slip_receiver', '李工');
  await reveal(page, 'slip_receiver_signature', { within: 'slip_' });
  await sign(page, 'slip_receiver_signature');
  await tapIn(page, 'ticket_dispatch');
  await saved(page);
  assert.equal((await tickets(page)).status, 2);
  assert.match((await reveal(page, 'ticket_slip_receipt', { within: 'ticket_' })).label, /李工 签收/);
  await screenshot(page, 'ticket-slip-signed-portrait');
  await tapIn(page, 'ticket_back', true);

  const unsigned = '卫生间排风扇不转';
  await openTicket(page, unsigned, 4);
  await reveal(page, 'slip_save', { within: 'slip_' });
  await tap(page, 'slip_save');
  await saved(page);
  await tapIn(page, 'ticket_dispatch_unsigned');
  await saved(page);
  assert.match((await reveal(page, 'ticket_slip_receipt', { within: 'ticket_' })).label, /未签收/);
  // 15 minutes on: the signed slip met its 10 minutes, the unsigned one did not.
  await tabletClockAhead(page, 15 * 60000);
  await page.waitForFunction(() => window.butlerTest.state().tickets.overdue === 1, null, { timeout: 30000 });
  await tap(page, 'nav_tickets');
  await tap(page, 'tickets_tab:1');
  assert.match((await widget(page, 'ticket:0')).label, new RegExp(unsigned));
  await context.close();
});

test('a communication complaint is handled without dispatch and called back only after the owner is answered', async () => {
  const { context, page } = await demoTablet();
  await openTicket(page, '想了解小区儿童游乐设施的开放时间', 1);  // 沟通性投诉 · 求助型
  await type(page, 'ticket_note', '已通知工程部检查并答复');
  await tapIn(page, 'ticket_handled');
  await saved(page);
  assert.equal((await tickets(page)).status, 5);
  assert.match((await reveal(page, 'ticket_answer_first', { within: 'ticket_' })).label, /先在上方答复业主/);
  assert.equal(await page.evaluate(() => window.butlerTest.widget('callback_ok')), null, 'no callback before the answer');
  await type(page, 'answer_said', '游乐设施每日 8:00–20:00 开放');
  await tapIn(page, 'ticket_answer_owner', true);
  await saved(page);
  await tapIn(page, 'callback_method:1');
  await tapIn(page, 'callback_ok');
  await saved(page);
  assert.equal((await tickets(page)).status, 7);
  await context.close();
});

// The first moment, a minute or more from now, when a Beijing clock reads hh:mm.
function nextBeijing(h, m) {
  const beijing = 8 * 3600000, now = Date.now();
  const midnight = Math.floor((now + beijing) / kDay) * kDay - beijing;
  const at = midnight + (h * 60 + m) * 60000;
  return at > now + 60000 ? at : at + kDay;
}
// The tablet's time of day in minutes, in its time zone, by Date.now: the
// clock the app reads and withShiftableClock moves (a bare new Date() is not
// moved). The reload after a move takes seconds: still the minute it was set to.
const tabletMinute = (page) => page.evaluate(() => { const d = new Date(Date.now()); return d.getHours() * 60 + d.getMinutes(); });
const scrollDown = async (page) => {
  const height = page.viewportSize().height;
  await drag(page, { x: 8, y: height * 0.75 }, { x: 8, y: height * 0.3 });
};
// Every item the open checkpoint asks, read as a finger scrolls down its list
// (an item off screen is not drawn); first a screenshot of its top.
async function checkpointItems(page, shot) {
  const file = await screenshot(page, shot);
  const seen = new Map();
  for (let i = 0, still = 0; i < 12 && still < 2; i++) {
    const items = await page.evaluate(() => window.butlerTest.widgets().filter((w) => /^item:\d+$/.test(w.id)).map((w) => [w.id, w.label]));
    const before = seen.size;
    for (const [id, label] of items) seen.set(Number(id.slice(5)), label);
    still = seen.size === before ? still + 1 : 0;
    await scrollDown(page);
  }
  assert.ok(seen.size > 0, `the checkpoint asks its items (see ${file})`);
  return [...seen.keys()].sort((a, b) => a - b).map((k) => seen.get(k));
}
// Scrolls down the round's route to the stop whose row says `name`, and taps it.
async function tapStop(page, name) {
  for (let i = 0; i < 16; i++) {
    const row = await page.evaluate((n) => window.butlerTest.widgets().find((w) => /^round_cp:\d+$/.test(w.id) && w.label.includes(n)), name);
    if (row) {
      await reveal(page, row.id);
      return tap(page, row.id);
    }
    await scrollDown(page);
  }
  throw new Error(`no stop ${name} on the route (see ${await screenshot(page, 'route-without-' + name)})`);
}

// Issue 16: the same model unit asks different things by the duty that walks
// it. The demo's butler (GJ001) walks the first zone, which holds the model
// units (the first building's first floor, demo_community.cpp); the
// estate-wide stop 样板间 is on the third zone's route. Any office role may
// start any zone's round (rounds_ops.cpp kOfficeRoles): the butler covers it
// from Rounds, as a butler covering a colleague would.
test('a 07:50 model-unit duty and a 14:00 zone round at the model unit each ask their own items', async () => {
  // The tablet in Beijing, its clock moved ahead to 07:50 there.
  const { context, page } = await demoTablet({ timezoneId: 'Asia/Shanghai' });
  const morning = nextBeijing(7, 50);
  await tabletClockAhead(page, morning - Date.now());
  assert.equal(await tabletMinute(page), 7 * 60 + 50);
  await tap(page, 'nav_today');
  // 000:565 "早班人员需在7:50前打开样板间的房门,并对样板间进行开窗通风": Today's duty, one tap.
  const duty = await reveal(page, 'today_duty:0:1');
  assert.match(duty.label, /样板间开门通风/);
  await tap(page, 'today_duty:0:1');
  assert.equal((await state(page)).screen, 'rounds');
  assert.notEqual((await state(page)).rounds.active, '');
  await tap(page, 'round_cp:0');  // the first model unit
  const opening = await checkpointItems(page, 'model-unit-opening-0750-portrait');
  for (const item of ['7:50前打开样板间的房门', '对样板间进行开窗通风', '9:00前将通风门窗关闭']) {
    assert.ok(opening.some((l) => l.includes(item)), `the opening duty asks ${item}: ${opening.join(' | ')}`);
  }
  assert.ok(!opening.some((l) => l.includes('开放时间内')), `the opening duty does not ask the daytime items: ${opening.join(' | ')}`);

  // 14:00 the same day: the third zone's round, walked to its 样板间 stop.
  await tabletClockAhead(page, morning + (6 * 60 + 10) * 60000 - Date.now());
  assert.equal(await tabletMinute(page), 14 * 60);
  await tap(page, 'nav_rounds');
  const zones = await page.evaluate(() => window.butlerTest.widgets().filter((w) => /^zone:\d+$/.test(w.id)).map((w) => [w.id, w.label]));
  const zone = zones.find(([, label]) => label.includes('第三责任区'));
  assert.ok(zone, `the third zone is listed: ${zones.map((z) => z[1]).join(' | ')}`);
  await tap(page, zone[0]);
  await tap(page, zone[0].replace('zone:', 'zone_start:'));
  assert.notEqual((await state(page)).rounds.active, '');
  await tapStop(page, '样板间');
  const daytime = await checkpointItems(page, 'model-unit-zone-round-1400-portrait');
  // 000:565 "样板间开放时间:早8:00-晚8:00…9:00前将通风门窗关闭", 000:567 "巡查…样板间的卫生、设施".
  for (const item of ['开放时间内（早8:00-晚8:00）样板间房门开启', '通风门窗已关闭', '样板间卫生清洁']) {
    assert.ok(daytime.some((l) => l.includes(item)), `the zone round asks ${item}: ${daytime.join(' | ')}`);
  }
  assert.ok(!daytime.some((l) => /7:50前打开|开窗通风/.test(l)), `the zone round does not ask the opening items: ${daytime.join(' | ')}`);
  await context.close();
});

// Issue 16 item 11: what no route reached is walked. The units round walks a
// repair under way (000:595 5.1.4.3 "放置“正在维修”警示牌提醒业主") and a red
// meter at a vacant unit is a notice to the owner on Today until told (000:569
// "及时通知业主购电"); the zone round checks the gate's patrol log (000:365
// "(4)、检查保安部巡逻情况表和记事本").
test('the units round walks a repair under way and tells the owner of a red meter; the zone round reads the gate patrol log', async () => {
  const { context, page } = await demoTablet();
  // A repair in the butler's zone, its slip signed for at engineering: under way.
  await openTicket(page, '厨房水管爆裂', 4);
  await reveal(page, 'slip_save', { within: 'slip_' });
  await tap(page, 'slip_save');
  await saved(page);
  await tapIn(page, 'dispatch_to:0');
  await type(page, 'slip_receiver', '李工');
  await reveal(page, 'slip_receiver_signature', { within: 'slip_' });
  await sign(page, 'slip_receiver_signature');
  await tapIn(page, 'ticket_dispatch');
  await saved(page);
  assert.equal((await tickets(page)).status, 2);
  await tapIn(page, 'ticket_back', true);

  // Today's units duty, one tap: the repair site is on its route.
  await tap(page, 'nav_today');
  assert.match((await reveal(page, 'today_duty:0:3')).label, /空置房、装修房巡查/);
  await tap(page, 'today_duty:0:3');
  assert.equal((await state(page)).screen, 'rounds');
  await tapStop(page, '维修现场');
  const site = await checkpointItems(page, 'units-round-repair-site-portrait');
  assert.ok(site.some((l) => l.includes('“正在维修”警示牌')), `the repair site asks for the sign: ${site.join(' | ')}`);
  await reveal(page, 'cp_all_pass', { up: true });
  await tap(page, 'cp_all_pass');
  await saved(page);
  assert.match((await widget(page, 'cp_recorded')).label, /维修现场 T\d+-\d+ 已记录/);
  // The last stop of the route: the runner is back on the route, else back to it.
  if ((await state(page)).rounds.checkpoint !== '') {
    await reveal(page, 'cp_back', { up: true });
    await tap(page, 'cp_back');
  }

  // A vacant unit: its meter shows red digits. The finding goes to the owner by default.
  let red = -1;
  for (let i = 0; i < 6 && red < 0; i++) {
    await reveal(page, `round_cp:${i}`, { up: true });
    await tap(page, `round_cp:${i}`);
    const items = await checkpointItems(page, `units-round-stop-${i}`);
    red = items.findIndex((l) => l.includes('红色数字'));
    if (red < 0) {
      await reveal(page, 'cp_back', { up: true });
      await tap(page, 'cp_back');
    }
  }
  assert.ok(red >= 0, 'a vacant unit is on the units round');
  await reveal(page, `item_fail:${red}`, { up: true });
  await tap(page, `item_fail:${red}`);
  await reveal(page, 'finding_owner');
  await screenshot(page, 'finding-owner-notice-portrait');
  // On a phone the three ways stack rather than cut their words.
  await page.setViewportSize({ width: 390, height: 844 });
  await frames(page, 6);
  const [dispatch, owner] = [await reveal(page, 'finding_dispatch'), await reveal(page, 'finding_owner')];
  assert.ok(owner.css.y > dispatch.css.y, 'stacked at 390 px');
  assert.ok(owner.css.h >= 48, 'a thumb-sized target');
  await screenshot(page, 'finding-owner-notice-phone');
  await page.setViewportSize({ width: 768, height: 1024 });
  await frames(page, 6);
  await reveal(page, 'finding_save');
  await tap(page, 'finding_save');
  await saved(page);
  assert.match((await reveal(page, 'finding_state')).label, /通知业主/);
  assert.equal((await state(page)).rounds.owner_notices, 1);

  // On Today until the owner is told; told from there.
  await tap(page, 'nav_today');
  const row = await reveal(page, 'today_owner:0');
  assert.match(row.label, /栋/);
  await screenshot(page, 'today-owner-notice-portrait');
  // Tapped, the finding with its evidence under Rounds, to be told from there…
  await tap(page, 'today_owner:0');
  assert.equal((await state(page)).screen, 'rounds');
  await reveal(page, 'finding_owner_told');
  await screenshot(page, 'rounds-owner-notice-open-portrait');
  // …or, after the call, from Today in one tap.
  await tap(page, 'nav_today');
  await reveal(page, 'today_owner_told:0');
  await tap(page, 'today_owner_told:0');
  await saved(page);
  assert.equal((await state(page)).rounds.owner_notices, 0);
  await tap(page, 'nav_today');
  await frames(page, 3);
  assert.equal(await page.evaluate(() => window.butlerTest.widget('today_owner:0')), null);

  // The zone round: the gate is followed by its post's patrol log.
  // (Today's zone row opens the zone's route, not the units round walked before.)
  assert.match((await reveal(page, 'today_zone:0', { up: true })).label, /责任区巡查/);
  await tap(page, 'today_zone:0');
  assert.equal((await state(page)).screen, 'rounds');
  assert.equal((await state(page)).rounds.active, '');
  await reveal(page, 'zone_start:0', { up: true });
  await tap(page, 'zone_start:0');
  await tapStop(page, '安全巡逻记录检查');
  const log = await checkpointItems(page, 'zone-round-patrol-log-portrait');
  assert.ok(log.some((l) => l.includes('巡逻情况表按时填写')), `the gate's log is checked: ${log.join(' | ')}`);
  await context.close();
});
