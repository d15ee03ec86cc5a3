// The visitors register by touch on the demo tablet (000:335 "五、接待来访",
// 000:337 "①、问明来意;②、确认对方的身份;③、通报相关部门;④、引领来访人员到接待区坐定;⑤、送上茶水"):
// 台账 → 来访, a visitor received with their purpose and name typed as an IME
// commits them (page.keyboard.insertText, no pinyin), the ID card seen, the unit
// they visit and the department to tell; refused in words without a purpose.
// 已通报 records the time; Today says "1 位来访者在访" until 离开. A second
// visit, a complaint, becomes a ticket received by 来访 in one tap (the ticket
// sheet opens prefilled) and the visit shows the ticket's number. Screenshots
// at the tablet's 768×1024 and at a phone's 390×844 (English words whole).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, screenshot, reveal, tryDemo } from './harness.mjs';
import { saved } from './helpers.mjs';
import { tapIn, typeIn as type, widgetsWith } from './key_steps.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const visitors = async (page) => (await state(page)).visitors;
const shown = (page, id) => page.evaluate((k) => !!window.butlerTest.widget(k), id);
const PHONE = { width: 390, height: 844 };

async function openVisitorsTab(page, label = '来访') {
  await tap(page, 'nav_registers');
  const tab = (await widgetsWith(page, 'reg_section:')).find((w) => w.label === label);
  assert.ok(tab, `a ${label} tab under 台账`);
  await tap(page, tab.id);
}

async function receive(page, { purpose, name, unit = '1502', dept = 4 }) {
  await tap(page, 'visitor_receive');
  assert.equal((await visitors(page)).form_open, true);
  if (purpose) await type(page, 'visitor_form_purpose', purpose, 'visitor_form');
  await type(page, 'visitor_form_name', name, 'visitor_form');
  await tapIn(page, 'visitor_form_id:0', 'visitor_form');  // 身份证
  await type(page, 'visitor_form_unit_search', unit, 'visitor_form');
  await tapIn(page, 'visitor_form_unit:0', 'visitor_form');
  await tapIn(page, `visitor_form_dept:${dept}`, 'visitor_form');
  await tapIn(page, 'visitor_form_place:0', 'visitor_form');  // 接待区
}

test('a visitor received, told, shown on Today while in, and gone from it after 离开; a second visit becomes a ticket by 来访', async () => {
  const page = await (await newTablet(browser)).newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await openVisitorsTab(page);
  const before = await visitors(page);
  assert.equal(before.in, 0);

  // ① the purpose is asked first: refused in words without it.
  await receive(page, { name: '张先生' });
  await tapIn(page, 'visitor_form_save', 'visitor_form');
  assert.match((await reveal(page, 'visitor_form_message', { within: 'visitor_form' })).label, /来意/);
  await type(page, 'visitor_form_purpose', '与物业商谈车位租赁', 'visitor_form');
  await screenshot(page, 'visitors-form-portrait-1x');
  await tapIn(page, 'visitor_form_save', 'visitor_form');
  await saved(page);
  let v = await visitors(page);
  assert.equal(v.form_open, false);
  assert.equal(v.in, 1);
  const row = await widget(page, 'visitor_in:0');
  assert.match(row.label, /张先生 · .*1502/);
  assert.equal((await widget(page, 'visitor_in:0:pill')).label, '未通报');
  await screenshot(page, 'visitors-register-portrait-1x');

  // ③ 已通报: one tap, the time recorded.
  await tap(page, 'visitor_in:0');
  assert.match((await widget(page, 'visitor_purpose')).label, /车位租赁/);
  assert.match((await widget(page, 'visitor_to_tell')).label, /客服中心/);
  await tap(page, 'visitor_told');
  await saved(page);
  assert.equal((await visitors(page)).told, true);
  assert.match((await widget(page, 'visitor_told_at')).label, /已通报 客服中心/);
  await screenshot(page, 'visitors-visit-portrait-1x');

  // Today: the visitor is in.
  await tap(page, 'nav_today');
  assert.match((await reveal(page, 'today_visitors_in')).label, /1 位来访者在访/);
  await screenshot(page, 'visitors-today-portrait-1x');
  await tap(page, 'today_visitors_in');
  assert.equal((await state(page)).screen, 'registers');
  await tap(page, 'visitor_in:0');

  // 离开: the visit closes, Today no longer shows it.
  await tap(page, 'visitor_leave');
  await saved(page);
  v = await visitors(page);
  assert.equal(v.in, 0);
  assert.notEqual(v.left_ms, 0);
  assert.match((await widget(page, 'visitor_left_at')).label, /离开/);
  assert.equal(await shown(page, 'visitor_leave'), false);
  await tap(page, 'nav_today');
  assert.equal(await shown(page, 'today_visitors_in'), false);

  // A second visit, a complaint: one tap opens the ticket sheet prefilled, channel 来访.
  await openVisitorsTab(page);
  if (await shown(page, 'visitor_back')) await tap(page, 'visitor_back');  // the page of the visit that left was still open
  await receive(page, { purpose: '投诉楼上装修噪音', name: '王先生', dept: 0 });
  await tapIn(page, 'visitor_form_save', 'visitor_form');
  await saved(page);
  await tap(page, 'visitor_in:0');
  await tap(page, 'visitor_ticket');
  const t = (await state(page)).tickets;
  assert.equal(t.form_open, true);
  assert.match((await widget(page, 'ticket_unit_picked')).label, /1502/);
  await screenshot(page, 'visitors-ticket-form-portrait-1x');
  await tapIn(page, 'ticket_save', 'ticket_');
  await saved(page);
  v = await visitors(page);
  assert.equal((await state(page)).screen, 'registers');
  assert.equal(v.ticket_channel, 1, 'received by 来访');
  assert.match(v.ticket_number, /\S/);
  assert.match((await widget(page, 'visitor_ticket_number')).label, new RegExp(`已转工单 ${v.ticket_number}`));
  await screenshot(page, 'visitors-ticketed-portrait-1x');
});

test('the visitors register at a phone\'s width (390×844), in English: labels whole, targets 48 px', async () => {
  const context = await newTablet(browser, PHONE, 2);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await tap(page, 'lang_switch');
  assert.equal((await state(page)).lang, 'en');
  await openVisitorsTab(page, 'Visitors');
  await receive(page, { purpose: 'Delivering plans', name: 'Li Lei', dept: 3 });
  await screenshot(page, 'visitors-form-phone-en-2x');
  await wholeAndTappable(page, 'visitor_form', 'phone');
  await tapIn(page, 'visitor_form_save', 'visitor_form');
  await saved(page);
  await wholeAndTappable(page, 'visitor_', 'phone');
  await screenshot(page, 'visitors-register-phone-en-2x');
  await tap(page, 'visitor_in:0');
  await wholeAndTappable(page, 'visitor_', 'phone');
  await screenshot(page, 'visitors-visit-phone-en-2x');
  await tap(page, 'nav_today');
  assert.match((await reveal(page, 'today_visitors_in')).label, /1 visitor in/);
  await screenshot(page, 'visitors-today-phone-en-2x');
  await context.close();
});

// Every button of the visitors screens shown now: its English words whole, at least 48 CSS px tall.
async function wholeAndTappable(page, prefix, where) {
  const all = (await widgetsWith(page, prefix)).filter((w) => (w.kind === 'button' || w.kind === 'row') && !w.clipped);
  assert.ok(all.length > 0);
  for (const w of all) {
    assert.ok(w.css.h >= 47.5, `${w.id} is ${w.css.h} px tall at the ${where}'s width`);
    if (w.kind === 'button') assert.ok(!w.truncated, `${w.id} "${w.label}" is whole at the ${where}'s width`);
  }
}
