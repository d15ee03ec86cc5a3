// The manuals' rules for complaints and repairs by touch (issue 16 items 2, 4
// and 5), on the demo estate with a tablet clock moved ahead:
// - a major complaint escalated to the manager (000:265 "应当天呈送管理处主任")
//   and answered on day 1 ("2天内给住户明确答复,10日内解决") is never shown
//   overdue, though it is resolved on day 8;
// - a repair's slip signed for at engineering (000:627 "在10分钟内送达工程维修部,
//   并请接收人签字接收") meets its 10 minutes; one sent unsigned does not;
// - a communication complaint is handled without dispatch (000:321 "④、通知相关
//   部门去处理或给予解答;⑤、回访") and called back only after the owner's answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, reveal, tryDemo, screenshot } from './harness.mjs';
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

async function demoTablet() {
  const context = await newTablet(browser, undefined, 1);
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
