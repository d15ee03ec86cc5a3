// Boot sequence: check WebGL2, register the service worker, download the wasm
// and the font with a progress bar, then start the C++ shell. Everything here
// is presentation and plumbing; no domain state lives in JS.
(function () {
  'use strict';
  // The page names its build (and, for the bench's bare ImGui page, 'hello'
  // and no service worker) in meta tags: no inline script, which the page's
  // Content-Security-Policy does not run (app/server/http_headers.cpp).
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  var build = window.BUTLER_BUILD = meta('butler-build');
  var entry = meta('butler-entry') || 'butler';
  var noServiceWorker = meta('butler-no-sw') === '1';
  var bar = document.getElementById('loading-bar');
  var text = document.getElementById('loading-text');

  function fatal(title, message) {
    document.getElementById('loading').style.display = 'none';
    document.getElementById('fatal').style.display = 'flex';
    if (title) document.getElementById('fatal-title').textContent = title;
    document.getElementById('fatal-text').textContent = message;
    window.butlerFatal = message;
  }

  // The demo is its own database on this device (shell/host/host.hpp,
  // ShellStore::demo): nothing recorded in it can reach the device's own log,
  // which is the one that syncs. The profile is a device preference.
  var DEMO_DB = 'butler-rounds-demo', OWN_DB = 'butler-rounds';
  function demoProfile() {
    try { return window.localStorage.getItem('butler.profile') === 'demo'; } catch (e) { return false; }
  }

  var loader = window.butlerLoader = {
    dbName: demoProfile() ? DEMO_DB : OWN_DB,
    demoDb: DEMO_DB,
    ownDb: OWN_DB,
    // Opens the op log's database and reads the latest snapshot with the
    // segments stored after it (web/store_lib.js takes it from there). Plain
    // IndexedDB, no domain. Version 2 added the 'snapshot' store, version 3
    // the photo 'blobs' (by SHA-256) and the 'uploads' still owed to the
    // server, version 4 the tablet lock's wrapped 'keys' (web/lock_lib.js);
    // an older database is upgraded in place, its records untouched. The
    // values are read as stored: sealed ones are decrypted after the PIN.
    openStore: function () {
      return new Promise(function (resolve, reject) {
        var request = indexedDB.open(loader.dbName, 4);
        var created = false;  // a database made just now holds nothing to read
        request.onupgradeneeded = function (event) {
          created = event.oldVersion === 0;
          var db = request.result;
          if (!db.objectStoreNames.contains('records')) db.createObjectStore('records', { autoIncrement: true });
          if (!db.objectStoreNames.contains('snapshot')) db.createObjectStore('snapshot');
          if (!db.objectStoreNames.contains('blobs')) db.createObjectStore('blobs');
          if (!db.objectStoreNames.contains('uploads')) db.createObjectStore('uploads');
          if (!db.objectStoreNames.contains('keys')) db.createObjectStore('keys');
        };
        request.onerror = function () { reject(request.error); };
        request.onblocked = function () { reject(new Error('database blocked by another tab')); };
        request.onsuccess = function () {
          var db = request.result;
          // A first visit: the read of an empty database was measured at ~1.3 s on a
          // fresh profile while the program downloads and compiles (scripts/bench
          // startup); there is nothing in it, so start-up does not wait for it.
          if (created) {
            resolve({ db: db, snapshot: null, keys: [], segments: [], read_ms: 0, keyEntries: {} });
            return;
          }
          var started = performance.now();
          var tx = db.transaction(['records', 'snapshot', 'keys'], 'readonly');
          var keyStore = tx.objectStore('keys');
          var meta = keyStore.get('meta');
          var persons = keyStore.getAll(IDBKeyRange.bound('person:', 'person:\uffff'));
          var snapshots = tx.objectStore('snapshot');
          var snap = snapshots.get('current');
          snap.onsuccess = function () {
            // The snapshot is stored in chunks 0..n-1 beside its 'current'
            // entry; it covers every segment up to s.covers: read the rest.
            var s = snap.result || null;
            var chunks = s && s.chunks > 0 ? snapshots.getAll(IDBKeyRange.bound(0, s.chunks - 1)) : null;
            var range = s ? IDBKeyRange.lowerBound(s.covers, true) : null;
            var store = tx.objectStore('records');
            var keys = store.getAllKeys(range);
            var all = store.getAll(range);
            all.onsuccess = function () {
              var snapshot = s ? { covers: s.covers, ops: s.ops, chunks: chunks ? chunks.result : [] } : null;
              resolve({ db: db, snapshot: snapshot, keys: keys.result, segments: all.result, read_ms: performance.now() - started,
                keyEntries: { meta: meta.result, persons: persons.result } });
            };
            all.onerror = function () { reject(all.error); };
          };
          snap.onerror = function () { reject(snap.error); };
        };
      });
    },
    status: function (message) { text.textContent = message; },
    done: function () {
      document.getElementById('loading').style.display = 'none';
      window.butlerFirstFrameMs = performance.now();  // since navigation start
    },
    updateRequested: false,
    applyUpdate: function () {
      // The waiting worker takes over; controllerchange reloads the page.
      loader.updateRequested = true;
      navigator.serviceWorker.getRegistration().then(function (reg) {
        if (reg && reg.waiting) reg.waiting.postMessage({ type: 'skip-waiting' });
        else location.reload();
      });
    },
  };

  // GLFW listens for keys on window in the capture phase; keys typed into the
  // hidden text input must not reach it too, or every letter would arrive twice
  // and GLFW's preventDefault would swallow Backspace. Registered here, before
  // the program starts, so this listener runs first.
  ['keydown', 'keypress', 'keyup'].forEach(function (type) {
    window.addEventListener(type, function (e) {
      if (e.target && e.target.id === 'butler-text-input') e.stopImmediatePropagation();
    }, true);
  });

  // 1. WebGL2 is the floor: without it there is nothing to draw with.
  var probe = document.createElement('canvas');
  var gl = null;
  try { gl = probe.getContext('webgl2'); } catch (e) { gl = null; }
  if (!gl) {
    fatal('无法启动 · Cannot start',
      '这台设备的浏览器不支持 WebGL2，管家巡查无法显示。请更新浏览器（Chrome、Edge 或 Safari 15 以上）或打开硬件加速。' +
      ' · This browser has no WebGL2, which Butler Rounds needs. Please update the browser (Chrome, Edge or Safari 15+) or turn on hardware acceleration.');
    return;
  }

  // 2. Service worker: offline start after one visit, one cache per build.
  // Registered once the app is usable: its install downloads every asset
  // again into its cache, which would otherwise compete with start-up.
  function registerServiceWorker() {
  if ('serviceWorker' in navigator && !noServiceWorker) {
    var hadController = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('sw.js').then(function (reg) {
      function announce() {
        window.butlerUpdateWaiting = true;
        if (window.butlerOnUpdateReady) window.butlerOnUpdateReady();
      }
      if (reg.waiting && hadController) announce();
      reg.addEventListener('updatefound', function () {
        var worker = reg.installing;
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
        });
      });
    }).catch(function (e) { console.warn('service worker not registered: ' + e); });
    var reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', function () {
      // Only the butler's "update" switches builds under a running page; the
      // first visit's worker claiming the page changes nothing that runs.
      if (loader.updateRequested && !reloading) { reloading = true; location.reload(); }
    });
  }
  }
  loader.onInteractive = function () { setTimeout(registerServiceWorker, 500); };

  // The op log is read while the program downloads: start-up waits for the
  // slower of the two, not for both one after the other.
  if (entry === 'butler' && window.indexedDB) {
    window.butlerStorePreload = loader.openStore();
    window.butlerStorePreload.catch(function () { /* reported when C++ asks */ });
  }

  // 3. Download wasm and font together, with one progress bar.
  var parts = { wasm: { got: 0, total: 0 }, font: { got: 0, total: 0 } };
  function showProgress() {
    var got = parts.wasm.got + parts.font.got;
    var total = (parts.wasm.total || 1) + (parts.font.total || 1);
    bar.style.width = Math.min(100, Math.round(100 * got / total)) + '%';
    text.textContent = '正在下载 ' + (got / 1048576).toFixed(1) + ' MB · Downloading';
  }
  function download(url, part) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      part.total = Number(response.headers.get('Content-Length')) || 0;
      if (!response.body || !response.body.getReader) return response.arrayBuffer();
      var reader = response.body.getReader();
      var chunks = [];
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var out = new Uint8Array(part.got), at = 0;
            chunks.forEach(function (c) { out.set(c, at); at += c.length; });
            return out.buffer;
          }
          chunks.push(r.value);
          part.got += r.value.length;
          showProgress();
          return pump();
        });
      }
      return pump();
    });
  }

  Promise.all([download(entry + '.wasm?v=' + build, parts.wasm), download('NotoSansSC-subset.otf?v=' + build, parts.font)])
    .then(function (files) {
      bar.style.width = '100%';
      loader.status('正在准备字体… · Preparing fonts…');
      window.Module = {
        canvas: document.getElementById('canvas'),
        wasmBinary: files[0],
        butlerFont: new Uint8Array(files[1]),
        print: function (t) { console.log(t); },
        printErr: function (t) { console.warn(t); },
        onAbort: function (what) { fatal(null, '程序出错，请刷新页面。 · The app stopped; please reload. (' + what + ')'); },
      };
      var script = document.createElement('script');
      script.src = entry + '.js?v=' + build;
      script.onerror = function () { fatal(null, '无法加载程序文件。 · Could not load the program file.'); };
      document.body.appendChild(script);
    })
    .catch(function (e) {
      fatal(null, '下载失败，请检查网络后刷新。首次打开需要联网。 · Download failed; check the network and reload. The first visit needs a connection. (' + e.message + ')');
    });

  // 4. The automation hook for tests and benchmarks: where each labelled
  // widget was drawn in the last frame (device pixels and CSS pixels), and a
  // JSON summary of state. Read-only: it never changes anything.
  window.butlerTest = {
    ready: function () { return !!(window.Module && Module.calledRun && window.butlerInteractiveMs !== undefined); },
    widgets: function () {
      var list = JSON.parse(Module.ccall('butler_test_widgets', 'string', [], []));
      var dpr = window.devicePixelRatio || 1;
      list.forEach(function (w) { w.css = { x: w.x / dpr, y: w.y / dpr, w: w.w / dpr, h: w.h / dpr }; });
      return list;
    },
    widget: function (id) { return window.butlerTest.widgets().filter(function (w) { return w.id === id; })[0] || null; },
    state: function () { return JSON.parse(Module.ccall('butler_test_state', 'string', [], [])); },
    frames: function () { return Module.ccall('butler_test_frame_count', 'number', [], []); },
    // Draws the next n frames without waiting for the idle once-a-second
    // redraw; domain state is untouched.
    drawFrames: function (n) { Module.ccall('butler_test_draw_frames', null, ['number'], [n]); },
  };
})();
