// Tickets by touch with the network off: a major complaint opened from
// Today's top bar (Chinese description), classified, dispatched, accepted,
// on site, finished with the owner's signature drawn by a finger, its
// callback due, called back and closed; a repair opened from another screen
// with a priced slip left waiting, and when the tablet's clock passes its
// 10-minute dispatch deadline the overdue badge and Today's alert appear.
// Back online, the office's tickets.csv and callbacks.csv show it all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newTablet, boot, tap, state, widget, frames, screenshot, reveal, DEMO_PINS, TABLET_LANDSCAPE, setOffline, tryDemo } from './harness.mjs';
import { mark, saved, synced, sign, tabletClockAhead, withShiftableClock, officeCsv as officeExport, setTabletPin, unlockTablet } from './helpers.mjs';

let server, browser;
before(async () => { server = await startServer({ demo: true }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); server?.stop(); });

// Taps what may lie below the fold of the sheet or page, after scrolling to it.
const tapIn = async (page, id, up = false) => { await reveal(page, id, { within: 'ticket_', up }); return tap(page, id); };
const type = async (page, field, text) => {
  await tapIn(page, field);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};
const ticket = async (page) => (await state(page)).tickets;

const officeCsv = (name) => officeExport(server, name, 'ffffffffffffffffffffffffffffff06');

test('a major complaint from Today to its callback, a late repair badged, all of it in the office CSVs', async () => {
  // Scale 1: a long flow, where SwiftShader's cost per pixel dominates; the
  // landscape test below takes the 2× screenshots.
  const context = await newTablet(browser, undefined, 1);
  await withShiftableClock(context);
  const page = await context.newPage();
  await boot(page, server.url);
  await tap(page, 'welcome_enroll');
  await type(page, 'sync_code', 'GJ001');
  await type(page, 'sync_pin', DEMO_PINS.GJ001);
  await tap(page, 'sync_enroll');
  await setTabletPin(page);
  await synced(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await setOffline(page, true);
  await page.waitForFunction(() => window.butlerTest.state().online === false);

  // From Today's top bar: the unit by its room, who, channel, class.
  await tap(page, 'nav_today');
  await tap(page, 'ticket_new');
  assert.equal((await ticket(page)).form_open, true);
  await type(page, 'ticket_unit_search', '1502');
  const row = await widget(page, 'ticket_unit:0');
  assert.match(row.label, /1502$/);
  await tap(page, 'ticket_unit:0');
  assert.match((await widget(page, 'ticket_unit_picked')).label, /1502/);
  await tapIn(page, 'ticket_channel:1');  // 来访
  await tapIn(page, 'ticket_kind:0');     // 有效投诉
  await tapIn(page, 'ticket_severity:0'); // 重大
  assert.match((await reveal(page, 'ticket_rules', { within: 'ticket_' })).label, /当日上报管理处主任.*2 天内答复.*10 天内解决/);
  await type(page, 'ticket_what', '楼上装修噪音，晚上十点后仍在施工');
  await type(page, 'ticket_wants', '立即制止并给出书面答复');
  await screenshot(page, 'ticket-form-portrait');
  mark('complaint saved');
  await tap(page, 'ticket_save');
  await saved(page);
  let t = await ticket(page);
  assert.equal((await state(page)).screen, 'tickets');
  assert.equal(t.form_open, false);
  // Classified as it was received (记录投诉内容——分类): not asked again.
  assert.equal(t.status, 1);
  assert.match((await widget(page, 'ticket_deadline')).label, /下一时限.*剩/);
  assert.match((await widget(page, 'ticket_responsible')).label, /负责人：/);
  assert.match((await reveal(page, 'ticket_class', { within: 'ticket_' })).label, /定性：有效投诉 · 重大/);
  assert.equal(await page.evaluate(() => window.butlerTest.widget('ticket_classify')), null, 'no 确认定性 to tap');

  // 000:321 ④ on site with the responsible department's head (秩序维护部):
  // a complaint is not dispatched or accepted like a repair.
  assert.equal(await page.evaluate(() => window.butlerTest.widget('ticket_dispatch')), null);
  await tapIn(page, 'dispatch_to:3');
  await type(page, 'ticket_note', '与秩序维护部主管当晚到场制止');
  await tapIn(page, 'ticket_on_site');
  await saved(page);
  assert.equal((await ticket(page)).status, 4);

  mark('on site');
  // Done: the owner signs with a finger; the screen does not scroll under it.
  const before = await reveal(page, 'ticket_signature', { within: 'ticket_' });
  await sign(page, 'ticket_signature');
  const after = await widget(page, 'ticket_signature');
  assert.equal(after.label, 'signed');
  assert.equal(Math.round(after.css.y), Math.round(before.css.y), 'signing does not scroll the page');
  await screenshot(page, 'ticket-signature-portrait');
  await tapIn(page, 'ticket_finish');
  await saved(page);
  t = await ticket(page);
  assert.equal(t.status, 5);
  assert.equal(t.signed, true);
  assert.equal(t.callbacks_owed, 1);

  mark('signed');
  // The owner's answer before the callback (000:265 "给住户明确答复").
  assert.match((await reveal(page, 'ticket_answer_first', { within: 'ticket_' })).label, /先在上方答复业主/);
  await type(page, 'answer_said', '已制止夜间施工，装修方承诺晚十点后停工');
  await tapIn(page, 'ticket_answer_owner', true);
  await saved(page);
  assert.match((await reveal(page, 'callback_due', { within: 'ticket_' })).label, /应回访：/);
  // The callback by phone, satisfied: closed in the same save.
  await tapIn(page, 'callback_method:1');
  await type(page, 'ticket_note', '业主表示满意，噪音已停止');
  await tapIn(page, 'callback_ok');
  await saved(page);
  t = await ticket(page);
  assert.equal(t.status, 7);
  assert.equal(t.callbacks_owed, 0);
  const steps = await page.evaluate(() => window.butlerTest.widgets().filter((w) => w.id.startsWith('ticket_step:')).map((w) => w.label));
  assert.ok(steps.some((l) => /已回访.*电话 满意/.test(l)), 'the callback is in the history: ' + steps.join(' | '));
  assert.ok(steps.some((l) => /已结案/.test(l)));
  await screenshot(page, 'ticket-closed-portrait');
  await tapIn(page, 'ticket_back', true);

  mark('closed');
  // A repair, from the Registers screen's top bar: a slip priced from the list.
  await tap(page, 'nav_registers');
  await tap(page, 'ticket_new');
  await type(page, 'ticket_unit_search', '1502');
  await tap(page, 'ticket_unit:0');
  await tapIn(page, 'ticket_kind:4');     // 报修
  await tapIn(page, 'ticket_severity:1'); // 重要
  assert.match((await reveal(page, 'ticket_rules', { within: 'ticket_' })).label, /10 分钟内送达工程部/);
  await type(page, 'ticket_what', '厨房水龙头漏水');
  await tap(page, 'ticket_save');
  await saved(page);
  await tapIn(page, 'slip_more:0');
  await tapIn(page, 'slip_more:0');
  assert.match((await reveal(page, 'slip_total', { within: 'slip_' })).label, /应收合计 ¥/);
  await tapIn(page, 'slip_save');
  await saved(page);
  assert.match((await reveal(page, 'slip_summary', { within: 'ticket_', up: true })).label, /维修单：其他维修 · ¥/);
  assert.equal((await ticket(page)).overdue, 0);
  // From the margin: the receiver's signature pad fills the middle and would take the drag as ink.
  await reveal(page, 'ticket_back', { up: true });
  await tap(page, 'ticket_back');

  mark('repair slip saved');
  // The tablet's clock passes the slip's 10 minutes: late, badged, on Today.
  await tabletClockAhead(page, 15 * 60000);
  await page.waitForFunction(() => window.butlerTest.state().tickets.overdue === 1, null, { timeout: 30000 });
  await tap(page, 'nav_tickets');
  assert.equal((await widget(page, 'nav_tickets_badge')).label, '1');
  await tap(page, 'tickets_tab:1');
  assert.match((await widget(page, 'ticket:0:pill')).label, /逾期/);
  await screenshot(page, 'tickets-overdue-portrait');
  await tap(page, 'nav_today');
  assert.match((await widget(page, 'today_overdue')).label, /1 张工单已逾期/);
  await screenshot(page, 'today-tickets-portrait');

  mark('overdue shown');
  // Back online: nobody taps anything; the office sees the whole history.
  await setOffline(page, false);
  await synced(page);
  const tickets = await officeCsv('tickets');
  const complaint = tickets.split('\r\n').find((l) => l.includes('楼上装修噪音'));
  assert.ok(complaint, 'the complaint is in tickets.csv');
  assert.match(complaint, /来访,有效投诉,重大/);
  assert.match(complaint, /已结案/);
  for (const step of ['已定性', '秩序维护部', '已到场', '已完成', '答复业主', '已回访', '电话 满意', '已结案']) {
    assert.ok(complaint.includes(step), `history shows ${step}`);
  }
  const repair = tickets.split('\r\n').find((l) => l.includes('厨房水龙头漏水'));
  assert.match(repair, /报修,重要/);
  assert.match(repair, /维修单/);
  const callbacks = await officeCsv('callbacks');
  assert.match(callbacks, /有效投诉,,[^\r\n]*,电话,满意,/);
  await context.close();
});

test('the new-ticket sheet and a ticket page in landscape', async () => {
  const context = await newTablet(browser, TABLET_LANDSCAPE);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 60000 });
  await tap(page, 'nav_rounds');
  await tap(page, 'ticket_new');
  await tapIn(page, 'ticket_public_area');
  await tapIn(page, 'ticket_kind:4');
  await type(page, 'ticket_what', '3栋电梯按钮失灵');
  await screenshot(page, 'ticket-form-landscape');
  await tap(page, 'ticket_save');
  await saved(page);
  // The class given at receipt, corrected before it is sent on: 报修 · 轻微 → 重要.
  assert.equal((await ticket(page)).severity, 2);
  await tapIn(page, 'ticket_reclassify');
  await tapIn(page, 'classify_severity:1');
  await tapIn(page, 'ticket_classify');
  await saved(page);
  assert.equal((await ticket(page)).severity, 1);
  assert.equal((await ticket(page)).status, 1);
  assert.match((await widget(page, 'ticket_class')).label, /报修 · 重要/);
  await tapIn(page, 'slip_more:1');
  await frames(page, 3);
  await screenshot(page, 'ticket-slip-landscape');
  assert.match((await widget(page, 'slip_qty:1')).label, /^1$/);
  await context.close();
});

test('a head butler changes the deadlines in Settings: kept after a reload, and the next ticket runs on them', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await boot(page, server.url);
  await tap(page, 'welcome_enroll');
  await type(page, 'sync_code', 'DGJ001');
  await type(page, 'sync_pin', DEMO_PINS.DGJ001);
  await tap(page, 'sync_enroll');
  await setTabletPin(page);
  await synced(page);
  await setOffline(page, true);
  await tap(page, 'nav_settings');
  const inSettings = async (id) => { await reveal(page, id, { within: 'settings_' }); return tap(page, id); };
  assert.equal((await reveal(page, 'dl_minor_resolve:value')).label, '2 天');
  await inSettings('deadlines_edit');
  await inSettings('dl_minor_resolve:more');
  await inSettings('dl_minor_resolve:more');
  await inSettings('dl_onsite:more');
  assert.equal((await widget(page, 'dl_minor_resolve:value')).label, '4 天');
  await screenshot(page, 'settings-deadlines-portrait');
  await inSettings('deadlines_save');
  await saved(page);
  assert.match((await widget(page, 'deadlines_message')).label, /时限已保存/);
  assert.equal((await widget(page, 'dl_onsite:value')).label, '6 分钟');

  // What "saved" said survives the tab closing; the form quotes the new numbers.
  await page.reload();
  await page.waitForFunction(() => window.butlerTest && window.butlerTest.ready(), null, { timeout: 60000 });
  await unlockTablet(page);
  await tap(page, 'nav_settings');
  assert.equal((await reveal(page, 'dl_minor_resolve:value')).label, '4 天');
  await tap(page, 'ticket_new');
  // The unit by walking the estate: building, floor, the door.
  const building = (await tapIn(page, 'unit_building:2')).label;
  await tapIn(page, 'unit_floor:4');
  const door = (await tapIn(page, 'unit_on_floor:0')).label;
  assert.ok(door.startsWith(building), `${door} is in ${building}`);
  assert.match(door, /单元 5\d\d$/, 'the fifth floor chip (floors low to high) gives a door on 5层');
  assert.match((await widget(page, 'ticket_unit_picked')).label, new RegExp('^' + door));
  await tapIn(page, 'ticket_channel:1');  // 来访: the owner is there
  await tapIn(page, 'ticket_kind:0');
  await tapIn(page, 'ticket_severity:2');
  assert.match((await reveal(page, 'ticket_rules', { within: 'ticket_' })).label, /4 天内解决.*处理人 6 分钟内到场/);
  await context.close();
});

// Issue 15: a repair from registration to closed in at most 15 taps plus the
// owner's signature, counted as a butler's finger makes them (a field tapped
// to type in counts; scrolling and typing do not). The class chosen in the
// sheet is not asked again, the required 发生了什么 stays in view once the unit
// is picked, and the owner's phone is masked in the sheet as in the lists.
test('a repair from registration to closed in 15 taps or fewer plus the signatures', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 60000 });
  let taps = 0;
  const count = async (id, within = 'ticket_') => { taps++; await reveal(page, id, { within }); return tap(page, id); };
  const typeIn = async (id, text) => { await count(id); await page.keyboard.insertText(text); await frames(page, 3); };

  await count('ticket_new');
  await typeIn('ticket_unit_search', '1502');
  await count('ticket_unit:0');
  const what = await widget(page, 'ticket_what');
  assert.ok(!what.clipped && what.css.y + what.css.h <= page.viewportSize().height, '发生了什么 is in view once the unit is picked');
  const masked = await widget(page, 'ticket_phone_masked');
  assert.match(masked.label, /^\d{3}\*{4}\d{4}$/, 'the phone on record is masked: ' + masked.label);
  await typeIn('ticket_what', '卫生间灯不亮');
  await count('ticket_kind:4');  // 报修
  await count('ticket_save');
  await saved(page);
  assert.equal((await ticket(page)).status, 1, 'classified with the receipt');
  await count('slip_save', 'slip_');  // 维修单: as soon as possible, no paid items
  await saved(page);
  // 000:627 the receiver at engineering signs for the slip (工程部, the first choice).
  await typeIn('slip_receiver', '李工');
  await reveal(page, 'slip_receiver_signature', { within: 'slip_' });
  await sign(page, 'slip_receiver_signature');
  await count('ticket_dispatch');
  await saved(page);
  await count('ticket_accept');
  await saved(page);
  await count('ticket_on_site');
  await saved(page);
  assert.match((await reveal(page, 'ticket_sign_prompt', { within: 'ticket_' })).label, /请业主/);
  await sign(page, 'ticket_signature');
  assert.match((await widget(page, 'ticket_sign_prompt')).label, /业主已签名/, 'the prompt clears once signed');
  await count('ticket_finish');
  await saved(page);
  assert.equal((await ticket(page)).status, 5);
  await count('callback_ok');     // by phone, satisfied: closed in the same save
  await saved(page);
  assert.equal((await ticket(page)).status, 7);
  console.log(`# repair registration to closed: ${taps} taps plus the signature (target ≤ 15)`);
  assert.ok(taps <= 15, `${taps} taps`);
  await context.close();
});

// A leak repair's test that still leaks: back to the repairer in one tap,
// redone, signed and tested again; only the passed test starts the 3 days to
// the callback (试漏后3天内回访; 回访中发现问题及时通知维修人员整改).
test('a leak test that still leaks sends the repair back to the repairer', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await page.waitForFunction(() => window.butlerTest.state().screen === 'today', null, { timeout: 60000 });
  await tap(page, 'ticket_new');
  await type(page, 'ticket_unit_search', '1502');
  await tap(page, 'ticket_unit:0');
  await type(page, 'ticket_what', '主卧天花板渗水');
  await tapIn(page, 'ticket_kind:4');
  await tap(page, 'ticket_save');
  await saved(page);
  // The owner's number masked on the ticket page as in the form, with no way to show it whole
  // here: only the unit's record shows a whole number, and records who looked.
  assert.match((await widget(page, 'ticket_phone_line')).label, /\d{3}\*{4}\d{4}/);
  assert.equal(await page.evaluate(() => window.butlerTest.widget('ticket_phone_show')), null);
  await reveal(page, 'slip_category:2', { within: 'slip_' });
  await tap(page, 'slip_category:2');  // 渗漏水维修
  await reveal(page, 'slip_save', { within: 'slip_' });
  await tap(page, 'slip_save');
  await saved(page);
  const redo = async () => {
    await tapIn(page, 'ticket_accept');
    await tapIn(page, 'ticket_on_site');
    await reveal(page, 'ticket_signature', { within: 'ticket_' });
    await sign(page, 'ticket_signature');
    await tapIn(page, 'ticket_finish');
    await saved(page);
    assert.equal((await ticket(page)).status, 5);
  };
  await tapIn(page, 'ticket_dispatch_unsigned');
  await redo();
  assert.match((await widget(page, 'ticket_deadline')).label, /待试漏/);
  await type(page, 'ticket_note', '闭水试验后楼下仍有水渍');
  await tapIn(page, 'ticket_leak_failed');
  await saved(page);
  let t = await ticket(page);
  assert.equal(t.status, 2, 'back with the repairer');
  assert.equal(t.signed, false, 'the old signature no longer stands');
  const steps = async () => page.evaluate(() => window.butlerTest.widgets().filter((w) => w.id.startsWith('ticket_step:')).map((w) => w.label));
  assert.ok((await steps()).some((l) => /试漏仍有渗漏.*闭水试验后楼下仍有水渍/.test(l)), (await steps()).join(' | '));
  assert.ok((await steps()).some((l) => /重新派单/.test(l)));
  await redo();
  await tapIn(page, 'ticket_leak_test');
  await saved(page);
  assert.match((await reveal(page, 'callback_due', { within: 'ticket_' })).label, /应回访：/);
  await screenshot(page, 'ticket-leak-retested-portrait');
  await context.close();
});

// Issue 16 items 6 and 7: an enquiry the control room logged at night (001
// "在夜間由監控中心登記…次日早上9:00前轉交給客戶服務部處理") is received when
// they logged it, its registering here is the hand-over judged against 09:00,
// and, answered, it is closed only after its callback (003 "對所有與客戶發生服務
// 關係之事件需要回訪").
test('a night log: received when the control room logged it, handed over by 09:00, closed only after its callback', async () => {
  const context = await newTablet(browser, undefined, 1);
  const page = await context.newPage();
  await boot(page, server.url);
  await tryDemo(page);
  await tap(page, 'ticket_new');
  await type(page, 'ticket_unit_search', '1502');
  await tap(page, 'ticket_unit:0');
  await type(page, 'ticket_what', '业主夜间来电询问明早停水时间');
  await tapIn(page, 'ticket_kind:5');     // 咨询
  await tapIn(page, 'ticket_channel:4');  // 监控中心夜间登记: the time it was logged is asked
  await tapIn(page, 'ticket_save');
  assert.match((await widget(page, 'ticket_form_message')).label, /监控中心夜间登记的时间/);
  await type(page, 'ticket_night_time', '23.40');
  await tapIn(page, 'ticket_save');
  await saved(page);
  assert.equal((await ticket(page)).form_open, false);
  // Received at 23:40 (the tablet's clock decides whether last night's was on time).
  assert.match((await reveal(page, 'ticket_received', { within: 'ticket_' })).label, /23:40/);
  // On the tablet's own calendar (its time zone: the browser's).
  const minute = await page.evaluate(() => { const d = new Date(); return d.getHours() * 60 + d.getMinutes(); });
  const onTime = minute < 9 * 60 || minute >= 23 * 60 + 40;
  const handover = await reveal(page, 'ticket_night_handover', { within: 'ticket_' });
  assert.match(handover.label, onTime ? /次日 09:00 前转交客服：.*按时/ : /次日 09:00 前转交客服：.*超时/);

  // Answered: done, and the callback is owed — no closing without it.
  await type(page, 'ticket_note', '已告知业主明早 8 点至 12 点停水');
  await tapIn(page, 'ticket_answered');
  await saved(page);
  assert.equal((await ticket(page)).status, 5);
  assert.match((await reveal(page, 'callback_due', { within: 'ticket_' })).label, /应回访：/);
  assert.equal(await page.evaluate(() => window.butlerTest.widget('ticket_close')), null, 'no closing before the callback');
  await tapIn(page, 'callback_method:1');
  await tapIn(page, 'callback_ok');
  await saved(page);
  assert.equal((await ticket(page)).status, 7);
  await context.close();
});
