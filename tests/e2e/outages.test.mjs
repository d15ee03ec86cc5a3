// Outage notices by touch (停水、停电通知; issue 17): a butler announces the
// water off for the first building for the whole day, puts the notice up and
// photographs it; Today shows it while it is on, the unit's record says its
// water is off (so whoever answers the owner's call knows), and the office's
// outages.csv lists it. The manuals ask that those affected are told — 000:599
// 5.1.4.5 "有必要时,通知受影响单元或相关人士". Screenshots at a tablet's and a phone's width.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, tap, state, widget, frames, screenshot, reveal, replaceText } from './harness.mjs';
import { saved, synced, officeCsv as officeExport } from './helpers.mjs';
import { enrol as enrolOn, tapIn, typeIn as type, widgetsWith } from './key_steps.mjs';
import { testPhotoPng } from './test_image.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const outages = async (page) => (await state(page)).outages;
const PHONE = { width: 390, height: 844 };

test('the water off for a building: announced, posted with a photo, on Today and on the unit record while on; in the office outages.csv', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await enrolOn(page, server.url, 'GJ001');

  await tap(page, 'nav_registers');
  const tab = (await widgetsWith(page, 'reg_section:')).find((w) => w.label === '停水停电');
  assert.ok(tab, 'a 停水停电 tab under 台账');
  await tap(page, tab.id);
  await tap(page, 'outage_new');
  assert.equal((await outages(page)).form_open, true);
  // Refused in words until it says why and where.
  await tapIn(page, 'outage_form_save', 'outage_form');
  assert.match((await reveal(page, 'outage_form_message', { within: 'outage_form' })).label, /原因/);
  await type(page, 'outage_form_reason', '二次供水水箱清洗', 'outage_form');
  await tapIn(page, 'outage_form_building:0', 'outage_form');
  // The whole of today: from midnight to the next (an end at its start runs through the night).
  await reveal(page, 'outage_form_from', { within: 'outage_form' });
  await replaceText(page, 'outage_form_from', '0000');
  await replaceText(page, 'outage_form_until', '0000');
  await screenshot(page, 'outage-form-portrait');
  await tapIn(page, 'outage_form_save', 'outage_form');
  await saved(page);
  let o = await outages(page);
  assert.equal(o.form_open, false);
  assert.notEqual(o.open, '');
  assert.equal(o.on_today, 1);
  assert.equal((await widget(page, 'outage_phase')).label, '进行中');
  assert.match((await reveal(page, 'outage_units')).label, /受影响单元 \d+ 户/);

  // Put up on the board and photographed there.
  await reveal(page, 'outage_post', { up: true });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, 'outage_post')]);
  await chooser.setFiles({ name: 'notice.png', mimeType: 'image/png', buffer: testPhotoPng(1200, 900) });
  await page.waitForFunction(() => window.butlerTest.state().outages.posted === true, null, { timeout: 30000 });
  assert.match((await reveal(page, 'outage_posted', { up: true })).label, /已张贴/);
  await screenshot(page, 'outage-notice-portrait');

  // Today, while it is on.
  await tap(page, 'nav_today');
  const today = await reveal(page, 'today_outage:0');
  assert.match(today.label, /停水 · /);
  await screenshot(page, 'today-outage-portrait');
  // The unit's record, for whoever answers the owner's call.
  await tap(page, 'nav_registers');
  await tap(page, 'reg_section:0');
  await tap(page, 'unit:0');
  assert.match((await widget(page, 'unit_outage:0')).label, /停水：.*二次供水水箱清洗/);
  await page.setViewportSize(PHONE);
  await frames(page, 6);
  await screenshot(page, 'unit-outage-phone');
  await tap(page, 'unit_close');
  await page.setViewportSize({ width: 768, height: 1024 });
  await frames(page, 6);

  // In the office's file once synced; then withdrawn: off Today at once.
  await synced(page);
  const csv = await officeExport(server, 'outages', 'ffffffffffffffffffffffffffffff0b');
  assert.match(csv, /停水,[^\n]*二次供水水箱清洗/);
  await tap(page, 'nav_today');
  await tap(page, 'today_outage:0');
  assert.notEqual((await outages(page)).open, '');
  await type(page, 'outage_withdraw_reason', '水箱清洗改期', 'outage_');
  await tapIn(page, 'outage_withdraw', 'outage_');
  await saved(page);
  o = await outages(page);
  assert.equal(o.cancelled, true);
  assert.equal(o.on_today, 0);
  await context.close();
});
