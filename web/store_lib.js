// Emscripten --js-library: the durable op log in IndexedDB.
// Why not IDBFS or emscripten_idb_async_store (shared/architecture.md): IDBFS
// rewrites whole files and never reports an aborted transaction; the async
// store calls back on the request's success, not the transaction's commit.
// Here every append is one readwrite transaction with durability 'strict',
// and C++ hears "committed" only from oncomplete.
mergeInto(LibraryManager.library, {
  $ButlerStore: {
    db: null,
    dbName: 'butler-rounds',
    report: function (batch, ok, message) {
      Module.ccall('butler_store_on_commit', null, ['number', 'number', 'string'], [batch, ok ? 1 : 0, message || '']);
    },
  },

  // Opens the database and reads every record (in key order) into C++ with
  // butler_store_on_record, then calls butler_store_on_loaded. Asynchronous.
  butler_store_open__deps: ['$ButlerStore'],
  butler_store_open: function () {
    var request;
    try {
      request = indexedDB.open(ButlerStore.dbName, 1);
    } catch (e) {
      Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [0, String(e)]);
      return;
    }
    request.onupgradeneeded = function () {
      var db = request.result;
      if (!db.objectStoreNames.contains('records')) db.createObjectStore('records', { autoIncrement: true });
    };
    request.onerror = function () {
      Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [0, String(request.error)]);
    };
    request.onsuccess = function () {
      var db = ButlerStore.db = request.result;
      db.onversionchange = function () { db.close(); };
      var tx = db.transaction('records', 'readonly');
      var store = tx.objectStore('records');
      var all = store.getAll();
      all.onsuccess = function () {
        // One buffer for the whole log (u32 length + bytes per record), one
        // call: C++ decodes straight from it and frees it.
        var records = all.result;
        var size = 0;
        for (var i = 0; i < records.length; i++) size += 4 + records[i].byteLength;
        var ptr = _malloc(size || 1);
        var at = ptr;
        for (var j = 0; j < records.length; j++) {
          var bytes = new Uint8Array(records[j]);
          var n = bytes.length;
          HEAPU8[at] = n & 255; HEAPU8[at + 1] = (n >> 8) & 255; HEAPU8[at + 2] = (n >> 16) & 255; HEAPU8[at + 3] = (n >>> 24) & 255;
          HEAPU8.set(bytes, at + 4);
          at += 4 + n;
        }
        records = null;
        Module.ccall('butler_store_on_records', null, ['number', 'number', 'number'], [ptr, size, all.result.length]);
        Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [1, '']);
      };
      all.onerror = function () {
        Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [0, String(all.error)]);
      };
    };
  },

  // Appends records (concatenated, each prefixed with its u32 length) in one
  // transaction. The batch id comes back in butler_store_on_commit.
  butler_store_append__deps: ['$ButlerStore'],
  butler_store_append: function (batch, ptr, len) {
    var db = ButlerStore.db;
    if (!db) { ButlerStore.report(batch, false, 'database not open'); return; }
    var view = HEAPU8.slice(ptr, ptr + len);  // a copy: the heap may move before the write
    var tx;
    try {
      tx = db.transaction('records', 'readwrite', { durability: 'strict' });
    } catch (e) {
      ButlerStore.report(batch, false, String(e));
      return;
    }
    var store = tx.objectStore('records');
    var at = 0;
    while (at + 4 <= view.length) {
      var n = view[at] | (view[at + 1] << 8) | (view[at + 2] << 16) | (view[at + 3] << 24);
      at += 4;
      store.add(view.slice(at, at + n).buffer);
      at += n;
    }
    tx.oncomplete = function () { ButlerStore.report(batch, true, ''); };
    tx.onabort = function () { ButlerStore.report(batch, false, tx.error ? tx.error.name + ': ' + tx.error.message : 'aborted'); };
    tx.onerror = function (e) { e.preventDefault(); };  // onabort reports it once
  },
});

// Storage health and the one-writing-tab rule; results go to C++ as events.
mergeInto(LibraryManager.library, {
  // Asks the browser to keep our data under storage pressure, then reports
  // usage and quota (both may be unknown: -1).
  butler_storage_probe: function () {
    var storage = navigator.storage;
    function report(persisted) {
      if (!storage || !storage.estimate) {
        Module.ccall('butler_on_storage', null, ['number', 'number', 'number'], [-1, -1, persisted ? 1 : 0]);
        return;
      }
      storage.estimate().then(function (e) {
        Module.ccall('butler_on_storage', null, ['number', 'number', 'number'], [e.usage || 0, e.quota || 0, persisted ? 1 : 0]);
      }, function () {
        Module.ccall('butler_on_storage', null, ['number', 'number', 'number'], [-1, -1, persisted ? 1 : 0]);
      });
    }
    if (storage && storage.persist) storage.persist().then(report, function () { report(false); });
    else report(false);
  },

  // One writing tab: the first tab holds a Web Lock for as long as it lives;
  // another tab gets no lock and stays read-only (and takes over if the first
  // one closes).
  butler_claim_writer: function () {
    function tell(writer) { Module.ccall('butler_on_writer', null, ['number'], [writer ? 1 : 0]); }
    if (!navigator.locks) { tell(true); return; }
    navigator.locks.request('butler-rounds-writer', { ifAvailable: true }, function (lock) {
      if (!lock) {
        tell(false);
        // Wait in line: when the other tab closes, this one may write. What it
        // holds in memory is older than the log, so it starts afresh.
        navigator.locks.request('butler-rounds-writer', function () {
          location.reload();
          return new Promise(function () {});
        });
        return undefined;
      }
      tell(true);
      return new Promise(function () {});  // held until the tab closes
    });
  },
});
