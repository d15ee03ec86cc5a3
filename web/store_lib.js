// Emscripten --js-library: the durable op log in IndexedDB.
// Why not IDBFS or emscripten_idb_async_store (shared/architecture.md): IDBFS
// rewrites whole files and never reports an aborted transaction; the async
// store calls back on the request's success, not the transaction's commit.
// Here every append is one readwrite transaction with durability 'strict',
// and C++ hears "committed" only from oncomplete.
//
// Each stored value is a segment: one or more records, each prefixed by its
// u32 length (little endian). A commit writes its batch as one segment; in the
// background, many small segments are merged into one, so start-up reads a few
// large values instead of 200,000 small ones (IndexedDB's cost is per value).
mergeInto(LibraryManager.library, {
  $ButlerStore: {
    db: null,
    smallSegments: 0,
    compacting: false,
    // Segments from this key on are small and get merged; those before it are
    // big (>= BIG bytes) and are never read or rewritten again by merging, so
    // merging costs what the small tail holds, not what the whole log holds.
    compactFrom: 0,
    BIG: 256 * 1024,
    // Merges the small segments into one, atomically (one readwrite
    // transaction: the merged value replaces the first, the rest are deleted).
    compact: function () {
      var db = ButlerStore.db;
      if (!db || ButlerStore.compacting) return;
      ButlerStore.compacting = true;
      var tx = db.transaction('records', 'readwrite', { durability: 'strict' });
      var store = tx.objectStore('records');
      var range = IDBKeyRange.lowerBound(ButlerStore.compactFrom);
      var keysReq = store.getAllKeys(range);
      var valuesReq = store.getAll(range);
      var mergedKey = null, mergedSize = 0;
      valuesReq.onsuccess = function () {
        var keys = keysReq.result, values = valuesReq.result;
        if (keys.length < 2) return;
        for (var i = 0; i < values.length; i++) mergedSize += values[i].byteLength;
        var merged = new Uint8Array(mergedSize), at = 0;
        for (var j = 0; j < values.length; j++) { merged.set(new Uint8Array(values[j]), at); at += values[j].byteLength; }
        mergedKey = keys[0];
        store.put(merged.buffer, mergedKey);
        for (var k = 1; k < keys.length; k++) store.delete(keys[k]);
      };
      tx.oncomplete = function () {
        ButlerStore.compacting = false;
        ButlerStore.smallSegments = 0;
        if (mergedKey !== null && mergedSize >= ButlerStore.BIG) ButlerStore.compactFrom = mergedKey + 1;
      };
      tx.onabort = function () { ButlerStore.compacting = false; };  // nothing changed; try again later
    },
    report: function (batch, ok, message) {
      Module.ccall('butler_store_on_commit', null, ['number', 'number', 'string'], [batch, ok ? 1 : 0, message || '']);
    },
  },

  // Opens the database and reads every record (in key order) into C++ with
  // butler_store_on_record, then calls butler_store_on_loaded. Asynchronous.
  butler_store_open__deps: ['$ButlerStore'],
  butler_store_open: function () {
    // The loader began opening and reading the database while the wasm was
    // still downloading (web/loader.js: openStore); this picks up its result.
    var pending = window.butlerStorePreload || window.butlerLoader.openStore();
    window.butlerStorePreload = null;
    pending.then(function (read) {
      ButlerStore.db = read.db;
      read.db.onversionchange = function () { read.db.close(); };
      // The segments end to end are the whole log as C++ reads it: one
      // buffer, one call; C++ decodes straight from it and frees it.
      var segments = read.segments;
      var size = 0;
      for (var i = 0; i < segments.length; i++) size += segments[i].byteLength;
      var ptr = _malloc(size || 1);
      var at = ptr;
      for (var j = 0; j < segments.length; j++) {
        HEAPU8.set(new Uint8Array(segments[j]), at);
        at += segments[j].byteLength;
      }
      // Where the small tail starts: after the last big segment.
      ButlerStore.compactFrom = 0;
      ButlerStore.smallSegments = 0;
      for (var m = 0; m < segments.length; m++) {
        if (segments[m].byteLength >= ButlerStore.BIG) { ButlerStore.compactFrom = read.keys[m] + 1; ButlerStore.smallSegments = 0; }
        else ButlerStore.smallSegments++;
      }
      window.butlerStoreTimings = { read_ms: read.read_ms, segments: segments.length };
      read.segments = null;
      Module.ccall('butler_store_on_records', null, ['number', 'number', 'number'], [ptr, size, 0]);
      Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [1, '']);
    }, function (error) {
      Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [0, String(error)]);
    });
  },


  // Appends a batch of records (concatenated, each prefixed with its u32
  // length) as one segment in one transaction. The batch id comes back in
  // butler_store_on_commit.
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
    tx.objectStore('records').add(view.buffer);
    tx.oncomplete = function () {
      ButlerStore.report(batch, true, '');
      if (++ButlerStore.smallSegments > 64) setTimeout(ButlerStore.compact, 0);
    };
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
