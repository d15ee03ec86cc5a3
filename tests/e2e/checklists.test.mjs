// The head butler edits a checklist by touch: removes an item, adds one typed
// in Chinese, makes it a choice, marks one photo-required, saves version 2.
// A round started before the edit keeps version 1; the butler's round walks
// the new item with its choice buttons. A butler's tablet cannot save.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, drag, reveal, state, widget, frames, screenshot, DEMO_PINS } from './harness.mjs';
import { setTabletPin } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

const type = async (page, field, text) => {
  await tap(page, field);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};
const saved = (page) => page.waitForFunction(() => window.butlerTest.state().session.save !== 'saving' && window.butlerTest.state().session.pending === 0);
const synced = (page) => page.waitForFunction(() => {
  const s = window.butlerTest.state();
  return s.sync.ready && !s.sync.running && s.sync.pending === 0 && s.session.pending === 0 && s.sync.last_synced_ms > 0;
}, null, { timeout: 60000, polling: 100 });

async function enrol(page, code) {
  await boot(page, server.url);
  await tap(page, 'welcome_enroll');
  await type(page, 'sync_code', code);
  await type(page, 'sync_pin', DEMO_PINS[code]);
  await tap(page, 'sync_enroll');
  await setTabletPin(page);
  await synced(page);
}

// A finger scrolls until the widget is in the upper part of the screen. Off
// screen a widget is not drawn, so first scroll (down the page, or `up`)
// until it is. The finger moves in the margin, never on a text field.
const present = (page, id) => page.evaluate((k) => !!window.butlerTest.widget(k), id);
async function bringIntoView(page, id, up = false) {
  for (let i = 0; i < 12 && !(await present(page, id)); i++) {
    await drag(page, { x: 8, y: up ? 300 : 800 }, { x: 8, y: up ? 800 : 300 });
  }
  for (let i = 0; i < 8; i++) {
    const w = await widget(page, id);
    const height = page.viewportSize().height;
    if (w.css.y > 120 && w.css.y + w.css.h < height * 0.7) return;
    const dy = Math.max(-500, Math.min(500, height * 0.35 - w.css.y));
    await drag(page, { x: 8, y: 600 }, { x: 8, y: 600 + dy });
  }
}

const t0 = Date.now();
const mark = (what) => console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s ${what}`);

test('a head butler edits the lobby checklist; a started round keeps its version; the new item is walked', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await enrol(page, 'DGJ001');

  // A round started before the edit.
  await tap(page, 'nav_rounds');
  await tap(page, 'zone:0');
  await tap(page, 'zone_start:0');
  await saved(page);
  await tap(page, 'round_cp:0');
  const before = (await state(page)).rounds.checkpoint;
  assert.match((await widget(page, 'item:4')).label, /^5\. 无私自占用公共场地/);
  await tap(page, 'cp_back');
  await tap(page, 'round_back');

  mark('round started');
  // The editor: the lobby list is the first.
  await bringIntoView(page, 'checklist:0');
  assert.match((await widget(page, 'checklist:0')).label, /大堂入口/);
  await tap(page, 'checklist:0');
  assert.match((await widget(page, 'cl_item:5')).label, /^6\. /);
  await tap(page, 'cl_remove:5');
  assert.equal(await page.evaluate(() => !!window.butlerTest.widget('cl_item:5')), false, 'the sixth item is gone');
  await tap(page, 'cl_photo:0');
  await type(page, 'cl_new_item', '地面湿滑情况');
  await tap(page, 'cl_add');
  assert.match((await widget(page, 'cl_item:5')).label, /地面湿滑情况 · 合格项/);
  await tap(page, 'cl_type:5');  // 合格项 → 读数
  await tap(page, 'cl_type:5');  // → 选项, with 正常、异常 offered
  assert.match((await widget(page, 'cl_item:5')).label, /· 选项/);
  await tap(page, 'cl_up:5');    // moved above the fifth
  assert.match((await widget(page, 'cl_item:4')).label, /地面湿滑情况/);
  await screenshot(page, 'checklist-editor-portrait');
  mark('edited');
  assert.equal((await widget(page, 'cl_save')).label, '保存为第 2 版');
  await tap(page, 'cl_save');
  await saved(page);
  // Saved, the editor closes onto the list, which says so.
  await bringIntoView(page, 'checklist:0');
  assert.match((await widget(page, 'cl_message')).label, /已保存为第 2 版/);
  assert.equal((await widget(page, 'checklist:0:sub')).label, '第 2 版 · 6 项');

  mark('saved');
  // The round started before the edit still shows version 1.
  await bringIntoView(page, 'zone_start:0', true);
  await tap(page, 'zone_start:0');
  await tap(page, 'round_cp:0');
  assert.equal((await state(page)).rounds.checkpoint, before);
  assert.match((await widget(page, 'item:4')).label, /^5\. 无私自占用公共场地/, 'version 1, as when it started');
  assert.equal(await page.evaluate(() => !!window.butlerTest.widget('item:6')), false);
  await tap(page, 'cp_back');
  await reveal(page, 'round_finish');
  await tap(page, 'round_finish');
  await reveal(page, 'round_finish_incomplete');
  await type(page, 'round_finish_reason', '只查了大堂');  // the rest unchecked: said why
  await tap(page, 'round_finish_incomplete');
  await saved(page);
  await context.close();

  // The butler's tablet: tomorrow's round (here: after the first one was
  // finished, "walk again") walks version 2 with the choice buttons.
  const butler = await newTablet(browser, undefined, 1);
  const p2 = await butler.newPage();
  await enrol(p2, 'GJ001');
  await tap(p2, 'nav_rounds');
  await tap(p2, 'zone:0');
  await tap(p2, 'zone_start:0');
  await saved(p2);
  await tap(p2, 'round_cp:0');
  assert.match((await widget(p2, 'item:4')).label, /地面湿滑情况/);
  assert.match((await widget(p2, 'item:0')).label, /不合格须拍照/);
  await tap(p2, 'item_choice:4:1');  // 异常
  await saved(p2);
  assert.equal((await widget(p2, 'item_choice:4:1')).label, '异常');
  await tap(p2, 'cp_all_pass');
  await saved(p2);
  await tap(p2, 'cp_back');
  assert.match((await widget(p2, 'round_cp:0:status')).label, /^6\/6/);
  await screenshot(p2, 'checklist-walked-portrait');
  // And a butler cannot change checklists.
  await tap(p2, 'round_back');
  await bringIntoView(p2, 'checklist:0');
  await tap(p2, 'checklist:0');
  assert.equal((await widget(p2, 'cl_readonly')).label, '只有客服主管可以修改检查表');
  assert.equal(await p2.evaluate(() => !!window.butlerTest.widget('cl_save')), false, 'no save button for a butler');
  await butler.close();
});
