// Mail and parcels by touch, with the network off (002:82 "业主邮件、报纸等事项签收",
// 001's 《郵件收發登記表》): the front desk signs in a parcel for a unit, picked
// with the same unit search as a new ticket; two days later (the tablet's clock
// moved ahead) the call to the owner is due on Today (001: 連續兩天…未來取 →
// 電話), one tap leads to it. Back on the real clock (the server refuses ops
// stamped over a day ahead of its own), the parcel is handed over with the
// collector's signature (refused in words until they sign).
// Back online, the office's mail.csv shows it collected. Screenshots at the
// tablet's width and at a phone's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, screenshot, reveal, replaceText, DEMO_PINS, setOffline, tryDemo } from './harness.mjs';
import { mark, saved, synced, sign, tabletClockAhead, withShiftableClock, officeCsv as officeExport, setTabletPin } from './helpers.mjs';
import { enrol as enrolOn, tapIn, typeIn as type, widgetsWith } from './key_steps.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const officeCsv = (name) => officeExport(server, name, 'ffffffffffffffffffffffffffffff0a');
const mail = async (page) => (await state(page)).mail;
const PHONE = { width: 400, height: 860 };
const DAY = 24 * 3600 * 1000;

const enrol = (page, code) => enrolOn(page, server.url, code);

async function openMailTab(page) {
  await tap(page, 'nav_registers');
  const tab = (await widgetsWith(page, 'reg_section:')).find((w) => w.label === '邮件');
  assert.ok(tab, 'a 邮件 tab under 台账');
  await tap(page, tab.id);
}

test('a parcel signed in, the call due on Today two days later, collected with a signature; in the office mail.csv', async () => {
  const context = await newTablet(browser, undefined, 1);
  await withShiftableClock(context);
  const page = await context.newPage();
  await enrol(page, 'GJ001');
  await setOffline(page, true);
  await page.waitForFunction(() => window.butlerTest.state().online === false);

  await openMailTab(page);
  const before = await mail(page);
  assert.equal(before.calls_due, 0);
  assert.match((await widget(page, 'mail_return_days')).label, /7 天.*团队默认/);
  await tap(page, 'mail_receive');
  assert.equal((await mail(page)).form_open, true);
  await tapIn(page, 'mail_form_kind:2', 'mail_form');  // 包裹
  await type(page, 'mail_form_unit_search', '1502', 'mail_form');
  assert.match((await widget(page, 'mail_form_unit:0')).label, /1502$/);
  await tap(page, 'mail_form_unit:0');
  assert.match((await widget(page, 'mail_form_unit_picked')).label, /1502/);
  await type(page, 'mail_form_carrier', '顺丰速运', 'mail_form');
  // 001: a parcel's number is required; refused in words without it.
  await tapIn(page, 'mail_form_save', 'mail_form');
  assert.match((await reveal(page, 'mail_form_message', { within: 'mail_form' })).label, /邮件号码/);
  await type(page, 'mail_form_tracking', 'SF1029384756', 'mail_form');
  await screenshot(page, 'mail-form-portrait-1x');
  await tapIn(page, 'mail_form_save', 'mail_form');
  await saved(page);
  let m = await mail(page);
  assert.equal(m.form_open, false);
  assert.equal(m.waiting, before.waiting + 1);
  const row = (await widgetsWith(page, 'mail_item:')).find((w) => /SF1029384756/.test(w.label));
  assert.ok(row, 'the parcel is waiting');
  assert.match(row.label, /包裹 · .*1502/);
  // The owner told by SMS on arrival: not the call 001 asks for after two days.
  await tap(page, row.id);
  await tapIn(page, 'mail_notify:1', 'mail_');
  await saved(page);
  assert.match((await widget(page, 'mail_notice:0')).label, /短信/);
  await tapIn(page, 'mail_back', 'mail_', true);
  mark('parcel signed in');

  // Two days later (the tablet's clock moved ahead): the call is due, first on Today.
  // Nothing is recorded meanwhile: the server refuses ops stamped more than a day
  // ahead of its own clock, and the office's CSV is checked below.
  await tabletClockAhead(page, 2 * DAY + 60000);
  await page.waitForFunction(() => window.butlerTest.state().mail.calls_due === 1, null, { timeout: 30000 });
  await tap(page, 'nav_today');
  assert.match((await widget(page, 'today_mail_calls')).label, /1 件邮件应电话通知业主/);
  await screenshot(page, 'mail-today-portrait-1x');
  await tap(page, 'today_mail_calls');
  assert.equal((await state(page)).screen, 'registers');
  assert.match((await widget(page, 'mail_call:0')).label, /SF1029384756/);
  assert.equal((await widget(page, 'mail_call:0:pill')).label, '应电话通知');
  await tap(page, 'mail_call:0');
  assert.match((await widget(page, 'mail_call_due')).label, /应于 .* 前电话通知/);
  await screenshot(page, 'mail-call-due-portrait-1x');
  mark('call due on Today');

  // Back on the real clock, the owner's family comes for it.
  await tabletClockAhead(page, 0);
  await openMailTab(page);
  const waiting = (await widgetsWith(page, 'mail_item:')).find((w) => /SF1029384756/.test(w.label));
  assert.ok(waiting, 'still waiting');
  await tap(page, waiting.id);
  // Handed over: refused until the collector signs.
  await tapIn(page, 'mail_collect', 'mail_');
  assert.equal((await mail(page)).collect_open, true);
  await tapIn(page, 'mail_collector:1', 'mail_collect');  // 家属
  await reveal(page, 'mail_collector_name', { within: 'mail_collect' });
  await replaceText(page, 'mail_collector_name', '王小明');  // the recipient's name was filled in
  await tapIn(page, 'mail_collect_save', 'mail_collect');
  assert.match((await reveal(page, 'mail_collect_message', { within: 'mail_collect' })).label, /签名/);
  await reveal(page, 'mail_signature', { within: 'mail_collect' });
  await sign(page, 'mail_signature');
  await screenshot(page, 'mail-collect-portrait-1x');
  await tapIn(page, 'mail_collect_save', 'mail_collect');
  await saved(page);
  m = await mail(page);
  assert.equal(m.collect_open, false);
  assert.equal(m.state, 1);
  assert.match((await widget(page, 'mail_status')).label, /家属 王小明 领取/);
  mark('collected');

  // Back online: the office's register.
  await setOffline(page, false);
  await synced(page);
  const csv = await officeCsv('mail');
  const line = csv.split('\r\n').find((l) => l.includes('SF1029384756'));
  assert.ok(line, 'the parcel is in mail.csv');
  assert.match(line, /包裹,顺丰速运,SF1029384756,/);
  assert.match(line, /短信 /);
  assert.match(line, /已领取,[^,]+,王小明,家属,/);
  await context.close();
});

test('the mail register at a phone\'s width and a landscape tablet\'s, in English: labels whole, targets 48 px', async () => {
  for (const [name, viewport] of [['phone', PHONE], ['landscape', { width: 1280, height: 800 }]]) {
    const context = await newTablet(browser, viewport, 2);
    const page = await context.newPage();
    await boot(page, server.url);
    await tryDemo(page);
    await tap(page, 'lang_switch');
    assert.equal((await state(page)).lang, 'en');
    await tap(page, 'nav_registers');
    const tab = (await widgetsWith(page, 'reg_section:')).find((w) => w.label === 'Mail');
    assert.ok(tab, 'a Mail tab under Registers');
    await tap(page, tab.id);
    await tap(page, 'mail_receive');
    await tapIn(page, 'mail_form_kind:1', 'mail_form');
    await type(page, 'mail_form_unit_search', '1502', 'mail_form');
    await tap(page, 'mail_form_unit:0');
    await type(page, 'mail_form_tracking', 'EMS0001', 'mail_form');
    await screenshot(page, `mail-form-${name}-en-2x`);
    await wholeAndTappable(page, 'mail_form', name);
    await tapIn(page, 'mail_form_save', 'mail_form');
    await saved(page);
    await wholeAndTappable(page, 'mail_', name);
    await screenshot(page, `mail-register-${name}-en-2x`);
    await tap(page, 'mail_item:0');
    await wholeAndTappable(page, 'mail_', name);
    await screenshot(page, `mail-item-${name}-en-2x`);
    await tapIn(page, 'mail_collect', 'mail_');
    await wholeAndTappable(page, 'mail_collect', name);
    await screenshot(page, `mail-collect-${name}-en-2x`);
    await context.close();
  }
});

// Every button of the mail screens shown now: its English words whole, at least 48 CSS px tall.
async function wholeAndTappable(page, prefix, where) {
  const shown = (await widgetsWith(page, prefix)).filter((w) => (w.kind === 'button' || w.kind === 'row') && !w.clipped);
  assert.ok(shown.length > 0);
  for (const w of shown) {
    assert.ok(w.css.h >= 47.5, `${w.id} is ${w.css.h} px tall at the ${where}'s width`);
    if (w.kind === 'button') assert.ok(!w.truncated, `${w.id} "${w.label}" is whole at the ${where}'s width`);
  }
}
