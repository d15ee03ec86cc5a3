// Key-cabinet steps by touch shared by the browser tests: a lead adds a key
// in 钥匙柜管理, a butler finds a key on the board and lends it.
import assert from 'node:assert/strict';
import { tap, state, widget, frames, reveal, boot, DEMO_PINS } from './harness.mjs';
import { saved, sign, synced, setTabletPin } from './helpers.mjs';

export const tapIn = async (page, id, within, up = false) => { await reveal(page, id, { within, up }); return tap(page, id); };
export const typeIn = async (page, field, text, within) => {
  await tapIn(page, field, within);
  await page.keyboard.insertText(text);
  await frames(page, 3);
};
export const keys = async (page) => (await state(page)).keys;
// A tablet enrolled on the server at `url` as demo staff `code`: its tablet PIN set, synced, the service worker ready.
export async function enrol(page, url, code) {
  await boot(page, url);
  await tap(page, 'welcome_enroll');
  await typeIn(page, 'sync_code', code, 'sync_');
  await typeIn(page, 'sync_pin', DEMO_PINS[code], 'sync_');
  await tap(page, 'sync_enroll');
  await setTabletPin(page);
  await synced(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
}
export const widgetsWith = (page, prefix) => page.evaluate((p) => window.butlerTest.widgets().filter((w) => w.id.startsWith(p)), prefix);

// The board's search, emptied by its clear button (shown while it holds words).
export async function clearSearch(page) {
  if (await page.evaluate(() => !!window.butlerTest.widget('key_search_clear'))) await tap(page, 'key_search_clear');
  assert.equal(await page.evaluate(() => !!window.butlerTest.widget('key_search_clear')), false);
}

// Finds a key on the board by its label and opens its sheet.
export async function openKey(page, label) {
  await clearSearch(page);
  await typeIn(page, 'key_search', label, 'key_');
  const tile = (await widgetsWith(page, 'key:')).find((w) => w.label === label);
  assert.ok(tile, `${label} is on the board`);
  await tap(page, tile.id);
  assert.equal((await widget(page, 'key_title')).label, label);
}

// On the 钥匙 register of a lead's tablet: 钥匙柜管理 → 新增, a public key
// (kind 1) of `category` kept by the custody choice `custody`; saved, the
// cabinet counts one more key in use and says it was registered.
export async function addPublicKey(page, { label, category, custody = 1 }) {
  await tap(page, 'key_view:2');
  assert.equal((await keys(page)).view, 2);
  const inUse = (await keys(page)).in_use;
  await tap(page, 'cabinet_add');
  await tap(page, 'key_add_kind:1');
  await typeIn(page, 'key_add_category', category, 'key_add');
  await typeIn(page, 'key_add_system', label, 'key_add');
  await tapIn(page, 'key_add_custody:' + custody, 'key_add');
  await tap(page, 'key_add_save');
  await saved(page);
  assert.equal((await keys(page)).add_open, false);
  assert.equal((await keys(page)).in_use, inUse + 1);
  assert.match((await widget(page, 'cabinet_done')).label, new RegExp(`已登记 ${label.replace(/[<>]/g, '.')}`));
}

// The borrower signs the loan sheet (000:425 使用人须签收).
export async function signLoan(page) {
  await reveal(page, 'loan_signature', { within: 'loan_' });
  await sign(page, 'loan_signature');
}

// On the 钥匙 register of a butler's tablet: the key lent for the reason chip
// `reason` (5: 设备巡检); one more key is out.
export async function lendKey(page, label, reason = 5) {
  const out = (await keys(page)).out;
  await openKey(page, label);
  await tap(page, 'key_lend_one');
  await tapIn(page, `loan_reason_chip:${reason}`, 'loan_');
  await signLoan(page);
  await tap(page, 'loan_save');
  await saved(page);
  assert.equal((await keys(page)).out, out + 1);
}
