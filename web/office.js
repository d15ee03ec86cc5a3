// The office page: sign in with a staff code and PIN, download the
// community's records, fill in and upload the office's sheets. Everything it
// lists comes from the server (GET /api/v1/office/catalog): the exports and
// import kinds this person's role may use. It changes nothing by itself: an
// upload is checked by the server (dry run) before the person confirms it.
// Whatever the server or a file says is shown with textContent, never as HTML.
'use strict';
(function () {
  var WORDS = {
    'zh-CN': {
      title: '管家巡查 · 管理处', signout: '退出登录', signin_title: '登录', signin: '登录',
      signin_hint: '用员工工号和 PIN 登录。关闭此页即退出。', code: '工号', pin: 'PIN',
      exports_title: '导出记录', exports_hint: '本社区的全部记录。Excel 文件里日期、金额、次数可直接排序筛选，房号、电话、编号保持原样；CSV 为 UTF-8。',
      month_label: '月份', month_book: '下载该月 Excel（每类记录一页）', download_xlsx: '下载 Excel',
      imports_title: '从表格导入', templates_title: '模板', kind: '表格种类', file: '文件', check: '检查', apply: '确认导入',
      imports_hint: '先下载模板，按模板填好（.xlsx 或 CSV），选择文件先检查，确认后导入。整个文件要么全部导入，要么一行也不导入。',
      template_csv: 'CSV 模板', template_xlsx: 'Excel 模板', download: '下载 CSV', required: '必填列：',
      checking: '正在检查…', importing: '正在导入…', checked: '检查通过，尚未导入：', imported: '已导入：',
      refused: '没有导入：', ignored: '未使用的列：', pins: '新员工的 PIN（只显示这一次，请交给本人）：',
      nothing_to_do: '你的岗位在这里没有可导出或导入的内容。', offline: '连不上服务器，请稍后再试。',
      expired: '登录已失效，请重新登录。', choose_file: '请先选择文件', too_large: '文件太大（上限 12 MB）',
      other_lang: 'English',
      demo_banner: '演示服务器：登录 PIN 是公开的，不要录入真实数据。',
    },
    en: {
      title: 'Butler Rounds · Office', signout: 'Sign out', signin_title: 'Sign in', signin: 'Sign in',
      signin_hint: 'Sign in with your staff code and PIN. Closing this page signs you out.', code: 'Staff code', pin: 'PIN',
      exports_title: 'Download records', exports_hint: 'All of this community\'s records. In the Excel files dates, amounts and counts sort and filter as such, rooms, phones and numbers stay as written; CSV is UTF-8.',
      month_label: 'Month', month_book: 'Download the month as Excel (a sheet per record)', download_xlsx: 'Download Excel',
      imports_title: 'Import office sheets', templates_title: 'Templates', kind: 'Sheet', file: 'File', check: 'Check', apply: 'Import it',
      imports_hint: 'Download a template, fill it in (.xlsx or CSV), choose the file and check it, then import. A file is imported whole or not at all.',
      template_csv: 'CSV template', template_xlsx: 'Excel template', download: 'Download CSV', required: 'Required columns: ',
      checking: 'Checking…', importing: 'Importing…', checked: 'Checked, not yet imported: ', imported: 'Imported: ',
      refused: 'Nothing imported: ', ignored: 'Columns not used: ', pins: 'New staff\'s PINs (shown only now: hand each to its owner):',
      nothing_to_do: 'Your role has nothing to download or import here.', offline: 'The server cannot be reached; try again shortly.',
      expired: 'You were signed out; sign in again.', choose_file: 'Choose a file first', too_large: 'The file is too large (12 MB at most)',
      other_lang: '中文',
      demo_banner: 'Demo server: its PINs are public. Do not enter real data.',
    },
  };
  var MAX_FILE = 12 * 1024 * 1024;  // the server's import bound (Limits::import_body)
  var lang = localStorage.getItem('office.lang') === 'en' ? 'en' : 'zh-CN';
  var catalog = null;
  var checkedFile = null;  // the file and kind the last successful check was for

  function $(id) { return document.getElementById(id); }
  function t(key) { return WORDS[lang][key]; }
  function token() { return sessionStorage.getItem('office.token') || ''; }
  function named(item) { return lang === 'en' ? item.en : item.zh; }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function show(box, kind, lines) {
    box.hidden = false;
    box.className = 'message ' + kind;
    box.replaceChildren();
    lines.forEach(function (line) {
      if (Array.isArray(line)) {
        var list = el('ul');
        line.forEach(function (item) { list.appendChild(el('li', item)); });
        box.appendChild(list);
      } else {
        box.appendChild(el('div', line));
      }
    });
  }
  function randomHex(bytes) {
    var a = new Uint8Array(bytes);
    crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function api(path, options) {
    options = options || {};
    options.headers = Object.assign({ Authorization: 'Bearer ' + token() }, options.headers || {});
    return fetch('api/v1/' + path, options);
  }
  function errorText(response) {
    return response.json().then(function (j) { return j.message || ('HTTP ' + response.status); },
                                function () { return 'HTTP ' + response.status; });
  }
  function save(blob, name) {
    var a = el('a', null, { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function applyWords() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-t]').forEach(function (e) { e.textContent = t(e.getAttribute('data-t')); });
    document.title = t('title');
    $('lang').textContent = t('other_lang');
    if (catalog) render();
  }

  function signedOut(message) {
    sessionStorage.removeItem('office.token');
    catalog = null;
    $('signin').hidden = false;
    $('exports').hidden = $('imports').hidden = $('signout').hidden = true;
    $('who').textContent = '';
    if (message) show($('signin_message'), 'bad', [message]);
  }

  function load() {
    if (!token()) return signedOut();
    api('office/catalog').then(function (r) {
      if (r.status === 401) return signedOut(t('expired'));
      if (!r.ok) return errorText(r).then(function (m) { signedOut(m); });
      return r.json().then(function (j) { catalog = j; render(); });
    }, function () { signedOut(t('offline')); });
  }

  function render() {
    var me = catalog.me;
    $('who').textContent = me.community + ' · ' + (lang === 'en' ? me.role_en : me.role_zh) + ' · ' + me.code;
    $('signin').hidden = true;
    $('signin_message').hidden = true;
    $('signout').hidden = false;
    renderExports();
    renderImports();
    if (!catalog.exports.length && !catalog.imports.length) {
      $('exports').hidden = false;
      show($('export_message'), 'bad', [t('nothing_to_do')]);
    }
  }

  function renderExports() {
    var rows = $('export_rows');
    rows.replaceChildren();
    $('exports').hidden = !catalog.exports.length;
    catalog.exports.forEach(function (x) {
      var tr = el('tr');
      tr.appendChild(el('td', named(x)));
      tr.appendChild(el('td', x.name, { class: 'quiet' }));
      var cell = el('td', null, { class: 'actions' });
      [['xlsx', t('download_xlsx')], ['csv', t('download')]].forEach(function (f) {
        var b = el('button', f[1], { type: 'button', 'data-export': x.name + '.' + f[0] });
        b.addEventListener('click', function () { download('export/' + encodeURIComponent(x.name) + '.' + f[0], x.name + '.' + f[0]); });
        cell.appendChild(b);
      });
      tr.appendChild(cell);
      rows.appendChild(tr);
    });
  }

  function download(path, name) {
    $('export_message').hidden = true;
    api(path).then(function (r) {
      if (r.status === 401) return signedOut(t('expired'));
      if (!r.ok) return errorText(r).then(function (m) { show($('export_message'), 'bad', [m]); });
      return r.blob().then(function (b) { save(b, name); });
    }, function () { show($('export_message'), 'bad', [t('offline')]); });
  }

  // Last month by default: the month the office closes (the 投诉月统计表 is due by the 5th).
  function lastMonth() {
    var d = new Date();
    d.setDate(1);
    d.setMonth(d.getMonth() - 1);
    return d.getFullYear() + '-' + ('0' + (d.getMonth() + 1)).slice(-2);
  }
  $('month').value = lastMonth();
  $('month_book').addEventListener('click', function () {
    var month = $('month').value;
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    download('export/month/' + month + '.xlsx', month + '.xlsx');
  });

  function renderImports() {
    $('imports').hidden = !catalog.imports.length;
    var rows = $('template_rows'), select = $('kind'), chosen = select.value;
    rows.replaceChildren();
    select.replaceChildren();
    catalog.imports.forEach(function (k) {
      var tr = el('tr'), first = el('td');
      first.appendChild(el('div', named(k)));
      var required = k.columns.filter(function (c) { return c.required; }).map(function (c) { return c.title; });
      first.appendChild(el('div', t('required') + required.join('、'), { class: 'quiet' }));
      tr.appendChild(first);
      var cell = el('td', null, { class: 'actions' });
      ['xlsx', 'csv'].forEach(function (format) {
        cell.appendChild(el('a', t('template_' + format), {
          class: 'button', href: 'api/v1/import/templates/' + k.kind + '.' + format,
          download: k.kind + '-template.' + format, 'data-template': k.kind + '.' + format,
        }));
        cell.appendChild(document.createTextNode(' '));
      });
      tr.appendChild(cell);
      rows.appendChild(tr);
      select.appendChild(el('option', named(k), { value: k.kind }));
    });
    if (chosen) select.value = chosen;
    updateButtons();
  }

  function updateButtons() {
    var file = $('file').files[0];
    $('check').disabled = !file;
    $('apply').disabled = !(file && checkedFile && checkedFile.file === file && checkedFile.kind === $('kind').value);
  }

  function upload(dryRun) {
    var file = $('file').files[0], kind = $('kind').value, box = $('import_message');
    if (!file) return show(box, 'bad', [t('choose_file')]);
    if (file.size > MAX_FILE) return show(box, 'bad', [t('too_large')]);
    show(box, '', [t(dryRun ? 'checking' : 'importing')]);
    $('check').disabled = $('apply').disabled = true;
    var query = '?file=' + encodeURIComponent(file.name) + (dryRun ? '&dry_run=1' : '');
    file.arrayBuffer().then(function (bytes) {
      return api('import/' + encodeURIComponent(kind) + query, { method: 'POST', body: bytes });
    }).then(function (r) {
      if (r.status === 401) return signedOut(t('expired'));
      if (!r.ok) {
        checkedFile = null;
        return errorText(r).then(function (m) { show(box, 'bad', [t('refused'), m]); updateButtons(); });
      }
      return r.json().then(function (j) {
        checkedFile = dryRun ? { file: file, kind: kind } : null;
        var lines = [t(dryRun ? 'checked' : 'imported') + j.summary];
        if (j.changes && j.changes.length) lines.push(j.changes);
        if (j.ignored_columns && j.ignored_columns.length) lines.push(t('ignored') + j.ignored_columns.join('、'));
        var pins = (j.logins || []).filter(function (l) { return l.pin; });
        if (pins.length) {
          lines.push(t('pins'));
          lines.push(pins.map(function (l) { return l.code + '  ' + l.name + '  ' + l.pin; }));
        }
        show(box, 'good', lines);
        if (pins.length) box.lastChild.className = 'pins';
        updateButtons();
      });
    }).catch(function () {
      checkedFile = null;
      show(box, 'bad', [t('offline')]);
      updateButtons();
    });
  }

  $('signin_form').addEventListener('submit', function (e) {
    e.preventDefault();
    var device = sessionStorage.getItem('office.device') || randomHex(16);
    sessionStorage.setItem('office.device', device);
    $('signin_button').disabled = true;
    fetch('api/v1/enroll', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      // The office page is no tablet: it takes no tablet number (the T3 of T3-0042).
      body: JSON.stringify({ code: $('code').value.trim(), pin: $('pin').value, device_id: device, purpose: 'office' }),
    }).then(function (r) {
      if (!r.ok) return errorText(r).then(function (m) { signedOut(m); });
      return r.json().then(function (j) {
        sessionStorage.setItem('office.token', j.token);
        showDemo(j);
        $('pin').value = '';
        load();
      });
    }, function () { signedOut(t('offline')); }).then(function () { $('signin_button').disabled = false; });
  });
  $('signout').addEventListener('click', function () { signedOut(); });
  $('lang').addEventListener('click', function () {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    localStorage.setItem('office.lang', lang);
    applyWords();
  });
  $('file').addEventListener('change', function () { checkedFile = null; $('import_message').hidden = true; updateButtons(); });
  $('kind').addEventListener('change', function () { checkedFile = null; updateButtons(); });
  $('check').addEventListener('click', function () { upload(true); });
  $('apply').addEventListener('click', function () { upload(false); });

  // A --demo server says so on this page too, signed in or not.
  function showDemo(answer) { if (answer && answer.demo === true) $('demo_banner').hidden = false; }
  fetch('api/v1/health', { cache: 'no-store' }).then(function (r) { return r.ok ? r.json() : null; })
    .then(showDemo, function () {});

  applyWords();
  load();
})();
