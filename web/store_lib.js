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
  $ButlerStore__deps: ['$ButlerKeys'],
  $ButlerStore: {
    db: null,
    smallSegments: 0,
    compacting: false,
    // Segments from this key on are small and get merged; those before it are
    // big (>= BIG bytes) and are never read or rewritten again by merging, so
    // merging costs what the small tail holds, not what the whole log holds.
    compactFrom: 0,
    BIG: 256 * 1024,
    lastKey: -1,  // the key of the last segment known committed
    compactTimer: 0,
    // Merging holds the records store for ~10 ms, and a save made meanwhile
    // waits it out (scripts/bench store saw every 64th save take 8-16 ms
    // instead of 0.5). So it waits for a pause in saving -- a butler's taps
    // come in bursts -- unless the small segments pile up past this many.
    PILE: 1024,
    compactSoon: function () {
      clearTimeout(ButlerStore.compactTimer);
      if (ButlerStore.smallSegments > ButlerStore.PILE) ButlerStore.compact();
      else ButlerStore.compactTimer = setTimeout(ButlerStore.compact, 1000);
    },
    // Hands a list of stored values to C++ as one malloc'd buffer (C++ frees it).
    toHeap: function (values) {
      var size = 0;
      for (var i = 0; i < values.length; i++) size += values[i].byteLength;
      var ptr = _malloc(size || 1);
      var at = ptr;
      for (var j = 0; j < values.length; j++) {
        HEAPU8.set(new Uint8Array(values[j]), at);
        at += values[j].byteLength;
      }
      return { ptr: ptr, size: size };
    },
    // Merges the small segments into one, atomically (one readwrite
    // transaction: the merged value replaces the first, the rest are deleted).
    compact: function () {
      var db = ButlerStore.db;
      if (!db || ButlerStore.compacting || ButlerKeys.sealing) return;
      if (ButlerKeys.encrypted) { ButlerStore.compactSealed(db); return; }
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
    // The same merge on an encrypted database: WebCrypto answers in promises,
    // and a transaction with nothing to do meanwhile commits, so the values are
    // read in one transaction, opened, merged and sealed, then written in a
    // second one. Only merging writes these keys (appends add new ones, and a
    // snapshot does not begin while merging), so nothing changes between.
    compactSealed: function (db) {
      ButlerStore.compacting = true;
      var range = IDBKeyRange.lowerBound(ButlerStore.compactFrom);
      var read = db.transaction('records', 'readonly').objectStore('records');
      var keysReq = read.getAllKeys(range), valuesReq = read.getAll(range);
      var stop = function () { ButlerStore.compacting = false; };
      valuesReq.onerror = stop;
      valuesReq.onsuccess = function () {
        var keys = keysReq.result;
        if (keys.length < 2) { stop(); return; }
        ButlerKeys.openAll(valuesReq.result).then(function (plain) {
          var size = 0, at = 0;
          plain.forEach(function (v) { size += v.byteLength; });
          var merged = new Uint8Array(size);
          plain.forEach(function (v) { merged.set(new Uint8Array(v), at); at += v.byteLength; });
          return ButlerKeys.seal(merged.buffer).then(function (sealed) {
            var tx = db.transaction('records', 'readwrite', { durability: 'strict' });
            var store = tx.objectStore('records');
            store.put(sealed, keys[0]);
            for (var k = 1; k < keys.length; k++) store.delete(keys[k]);
            tx.oncomplete = function () {
              stop();
              ButlerStore.smallSegments = 0;
              if (size >= ButlerStore.BIG) ButlerStore.compactFrom = keys[0] + 1;
            };
            tx.onabort = stop;
          });
        }).catch(stop);
      };
    },
    // Writes wait while an unencrypted database is being encrypted (lock_lib.js).
    afterSealing: function (go) {
      if (ButlerKeys.sealing) ButlerKeys.sealing.then(go, go);
      else go();
    },
    // The loader's read, handed to C++ (after decryption when sealed).
    deliver: function (read) {
      var covers = read.snapshot ? read.snapshot.covers : -1;
      var snapshotBytes = 0;
      if (read.snapshot) read.snapshot.chunks.forEach(function (c) { snapshotBytes += c.byteLength; });
      if (read.snapshot) {
        var snap = ButlerStore.toHeap(read.snapshot.chunks);
        Module.ccall('butler_store_on_snapshot', null, ['number', 'number'], [snap.ptr, snap.size]);
      }
      var tail = ButlerStore.toHeap(read.segments);
      // Where the small tail starts: after the snapshot and the last big segment.
      ButlerStore.compactFrom = covers + 1;
      ButlerStore.smallSegments = 0;
      ButlerStore.lastKey = covers;
      for (var m = 0; m < read.segments.length; m++) {
        if (read.segments[m].byteLength >= ButlerStore.BIG) { ButlerStore.compactFrom = read.keys[m] + 1; ButlerStore.smallSegments = 0; }
        else ButlerStore.smallSegments++;
        ButlerStore.lastKey = Math.max(ButlerStore.lastKey, read.keys[m]);
      }
      window.butlerStoreTimings = { read_ms: read.read_ms, segments: read.segments.length, snapshot_bytes: snapshotBytes, decrypt_ms: read.decrypt_ms || 0 };
      read.segments = null;
      read.snapshot = null;
      Module.ccall('butler_store_on_records', null, ['number', 'number', 'number'], [tail.ptr, tail.size, 0]);
      Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [1, '']);
    },
    // One segment added in one strict transaction; C++ hears of it on completion.
    add: function (batch, value) {
      var db = ButlerStore.db;
      var tx;
      try {
        tx = db.transaction('records', 'readwrite', { durability: 'strict' });
      } catch (e) {
        ButlerStore.report(batch, false, String(e));
        return;
      }
      var added = tx.objectStore('records').add(value);
      tx.oncomplete = function () {
        ButlerStore.lastKey = Math.max(ButlerStore.lastKey, added.result);
        ButlerStore.report(batch, true, '');
        if (++ButlerStore.smallSegments > 64) ButlerStore.compactSoon();
      };
      tx.onabort = function () { ButlerStore.report(batch, false, tx.error ? tx.error.name + ': ' + tx.error.message : 'aborted'); };
      tx.onerror = function (e) { e.preventDefault(); };  // onabort reports it once
    },
    report: function (batch, ok, message) {
      Module.ccall('butler_store_on_commit', null, ['number', 'number', 'string'], [batch, ok ? 1 : 0, message || '']);
    },
  },

  // Opens the database and reads every record (in key order) into C++ with
  // butler_store_on_record, then calls butler_store_on_loaded. Asynchronous.
  butler_store_open__deps: ['$ButlerStore', '$ButlerKeys'],
  butler_store_open: function () {
    // The loader began opening and reading the database while the wasm was
    // still downloading (web/loader.js: openStore); this picks up its result.
    var pending = window.butlerStorePreload || window.butlerLoader.openStore();
    window.butlerStorePreload = null;
    pending.then(function (read) {
      ButlerStore.db = read.db;
      read.db.onversionchange = function () { read.db.close(); };
      ButlerKeys.adopt(read.keyEntries || {});
      if (!ButlerKeys.encrypted) { ButlerStore.deliver(read); return; }
      // Sealed: C++ shows the lock screen; the records follow the right PIN.
      Module.ccall('butler_store_on_locked', null, ['string', 'number'], [ButlerKeys.personsJson(), ButlerKeys.fails]);
      ButlerKeys.whenOpen().then(function () {
        var started = performance.now();
        return Promise.all([ButlerKeys.openAll(read.segments), ButlerKeys.openAll(read.snapshot ? read.snapshot.chunks : [])]).then(function (plain) {
          read.segments = plain[0];
          if (read.snapshot) read.snapshot.chunks = plain[1];
          read.decrypt_ms = performance.now() - started;
          ButlerStore.deliver(read);
        });
      }).catch(function (error) {
        console.warn('store: the sealed log could not be opened: ' + error);
        Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [0, String(error)]);
      });
    }, function (error) {
      Module.ccall('butler_store_on_loaded', null, ['number', 'string'], [0, String(error)]);
    });
  },


  // The demo is its own database (web/loader.js): switches this page to a
  // fresh, empty one -- the previous demo's records are deleted, the device's
  // own database is closed untouched -- and remembers the profile. Only from
  // the welcome screen, when nothing is stored in the one open now.
  butler_store_enter_demo__deps: ['$ButlerStore', '$ButlerKeys'],
  butler_store_enter_demo: function () {
    var loader = window.butlerLoader;
    function tell(ok, message) { Module.ccall('butler_store_on_demo', null, ['number', 'string'], [ok ? 1 : 0, message]); }
    function use(read) {
      ButlerStore.db = read.db;
      ButlerKeys.adopt(read.keyEntries || {});
      read.db.onversionchange = function () { read.db.close(); };
      ButlerStore.compactFrom = 0;
      ButlerStore.smallSegments = 0;
      ButlerStore.lastKey = -1;
    }
    if (ButlerStore.db) ButlerStore.db.close();
    ButlerStore.db = null;
    var wipe = indexedDB.deleteDatabase(loader.demoDb);
    wipe.onerror = function () {
      loader.dbName = loader.ownDb;
      loader.openStore().then(use, function () {});
      tell(false, String(wipe.error));
    };
    wipe.onsuccess = function () {
      loader.dbName = loader.demoDb;
      loader.openStore().then(function (read) {
        use(read);
        try { window.localStorage.setItem('butler.profile', 'demo'); } catch (e) {}
        tell(true, '');
      }, function (error) {
        loader.dbName = loader.ownDb;
        loader.openStore().then(use, function () {});
        tell(false, String(error));
      });
    };
  },

  // Leaves the demo: the device's own database again, by a reload (the demo
  // stays stored until the next 体验演示 replaces it). `wipeOwn` also deletes
  // the device's own database first: the way out for a tablet whose own log
  // holds the demo from a version before the demo had its own database.
  butler_leave_demo__deps: ['$ButlerStore'],
  butler_leave_demo: function (wipeOwn) {
    try { window.localStorage.removeItem('butler.profile'); } catch (e) {}
    if (!wipeOwn) { location.reload(); return; }
    if (ButlerStore.db) ButlerStore.db.close();
    ButlerStore.db = null;
    var wipe = indexedDB.deleteDatabase(window.butlerLoader.ownDb);
    wipe.onsuccess = wipe.onerror = wipe.onblocked = function () { location.reload(); };
  },

  // A lost tablet (revoke-devices): C++ decided (shell/sync/sync_driver.cpp);
  // this only deletes. Both databases first (the own op log with its
  // snapshot, photos and owed uploads; the demo's), then every 'butler.*'
  // preference (enrolment and token, device id, sync state), keeping one
  // note for the welcome screen, then a reload into an empty app. In that
  // order: a tab closed half-way still holds its token, so its next sync is
  // told again and the wipe is finished then.
  butler_wipe_device__deps: ['$ButlerStore'],
  butler_wipe_device: function () {
    var loader = window.butlerLoader;
    if (ButlerStore.db) ButlerStore.db.close();
    ButlerStore.db = null;
    var names = [loader.ownDb, loader.demoDb];
    var left = names.length;
    function forgetPreferences() {
      try {
        var keys = [];
        for (var i = 0; i < window.localStorage.length; i++) {
          var key = window.localStorage.key(i);
          if (key && key.indexOf('butler.') === 0) keys.push(key);
        }
        keys.forEach(function (key) { window.localStorage.removeItem(key); });
        window.localStorage.setItem('butler.device_wiped', String(Date.now()));
      } catch (e) {}
      location.reload();
    }
    names.forEach(function (name) {
      // onblocked: another tab of the app holds it; its onversionchange
      // closes it (web/store_lib.js) and onsuccess follows.
      var wipe = indexedDB.deleteDatabase(name);
      wipe.onsuccess = wipe.onerror = function () { if (--left === 0) forgetPreferences(); };
    });
  },

  // Appends a batch of records (concatenated, each prefixed with its u32
  // length) as one segment in one transaction. The batch id comes back in
  // butler_store_on_commit.
  butler_store_append__deps: ['$ButlerStore', '$ButlerKeys'],
  butler_store_append: function (batch, ptr, len) {
    var db = ButlerStore.db;
    if (!db) { ButlerStore.report(batch, false, 'database not open'); return; }
    var view = HEAPU8.slice(ptr, ptr + len);  // a copy: the heap may move before the write
    // Plain, the write starts at once, as before; sealed, after the encryption.
    function go() {
      if (!ButlerKeys.encrypted) { ButlerStore.add(batch, view.buffer); return; }
      ButlerKeys.seal(view.buffer).then(function (sealed) { ButlerStore.add(batch, sealed); },
        function (e) { ButlerStore.report(batch, false, String(e)); });
    }
    ButlerStore.afterSealing(go);
  },
});

// Snapshots and whole-log reads (app/store/snapshot.hpp explains why).
mergeInto(LibraryManager.library, {
  // Reads every stored segment (a reload after a late op, a damaged snapshot,
  // a backup export) and hands them to C++ as one buffer.
  butler_store_read_all__deps: ['$ButlerStore', '$ButlerKeys'],
  butler_store_read_all: function () {
    var db = ButlerStore.db;
    function fail(message) { Module.ccall('butler_store_on_whole_log', null, ['number', 'number', 'string'], [0, -1, message]); }
    if (!db) { setTimeout(function () { fail('database not open'); }, 0); return; }
    // A sealed database is read once its key is in hand (an enrolment made
    // from the lock screen asks before the right PIN was given).
    ButlerKeys.whenOpen().then(function () {
      var started = performance.now();
      var all = db.transaction('records', 'readonly').objectStore('records').getAll();
      all.onsuccess = function () {
        ButlerKeys.openAll(all.result).then(function (plain) {
          var whole = ButlerStore.toHeap(plain);
          window.butlerStoreTimings = Object.assign({}, window.butlerStoreTimings, { whole_read_ms: performance.now() - started });
          Module.ccall('butler_store_on_whole_log', null, ['number', 'number', 'string'], [whole.ptr, whole.size, '']);
        }, function (e) { fail(String(e)); });
      };
      all.onerror = function () { fail(String(all.error)); };
    });
  },

  // A snapshot is about to be taken of everything committed so far: returns
  // the last committed segment's key, which it will cover, and keeps merging
  // from then on to segments after it (a merge across that key would move
  // covered and uncovered records into one segment). -1: not now.
  butler_store_snapshot_begin__deps: ['$ButlerStore'],
  butler_store_snapshot_begin: function () {
    if (!ButlerStore.db || ButlerStore.compacting || ButlerStore.lastKey < 0) return -1;
    if (ButlerStore.compactFrom <= ButlerStore.lastKey) {
      ButlerStore.compactFrom = ButlerStore.lastKey + 1;
      ButlerStore.smallSegments = 0;
    }
    return ButlerStore.lastKey;
  },

  // Stores the snapshot in one strict transaction, chunk by chunk as C++
  // wrote them (~256 KB each): each chunk is put from the previous put's
  // success, a task of its own, so frames keep coming while ~15 MB are copied
  // (one 15 MB put blocked a frame for 30 ms). The bytes stay in the wasm
  // heap (C++ keeps them) until C++ hears back.
  butler_store_put_snapshot__deps: ['$ButlerStore', '$ButlerKeys'],
  butler_store_put_snapshot: function (chunkPtrs, chunkSizes, count, covers, ops) {
    function done(ok, message) { Module.ccall('butler_store_on_snapshot_saved', null, ['number', 'number', 'string'], [ok ? 1 : 0, ops, message]); }
    var db = ButlerStore.db;
    if (!db) { done(false, 'database not open'); return; }
    var ptrs = [], sizes = [], len = 0;
    for (var c = 0; c < count; c++) {
      ptrs.push(HEAP32[(chunkPtrs >> 2) + c] >>> 0);
      sizes.push(HEAP32[(chunkSizes >> 2) + c]);
      len += sizes[c];
    }
    // Sealed, every chunk is encrypted first (WebCrypto's promises cannot
    // run inside the transaction); plain, the chunks go from the heap as before.
    var plain = [];
    for (var p = 0; p < count; p++) plain.push(ButlerKeys.encrypted ? HEAPU8.slice(ptrs[p], ptrs[p] + sizes[p]).buffer : null);
    function write(sealed) {
      var tx;
      try {
        tx = db.transaction('snapshot', 'readwrite', { durability: 'strict' });
      } catch (e) {
        done(false, String(e));
        return;
      }
      var store = tx.objectStore('snapshot');
      function put(i) {
        if (i === count) {
          // Chunks of an older, longer snapshot go; then the entry naming these.
          store.delete(IDBKeyRange.bound(count, Number.MAX_SAFE_INTEGER));
          store.put({ covers: covers, ops: ops, chunks: count, bytes: len }, 'current');
          return;
        }
        var request = store.put(sealed ? sealed[i] : HEAPU8.slice(ptrs[i], ptrs[i] + sizes[i]).buffer, i);
        request.onsuccess = function () { put(i + 1); };
      }
      put(0);
      tx.oncomplete = function () { done(true, ''); };
      tx.onabort = function () { done(false, tx.error ? tx.error.name + ': ' + tx.error.message : 'aborted'); };
      tx.onerror = function (e) { e.preventDefault(); };
    }
    ButlerStore.afterSealing(function () {
      if (!ButlerKeys.encrypted) { write(null); return; }
      Promise.all(plain.map(function (c) { return ButlerKeys.seal(c); })).then(write, function (e) { done(false, String(e)); });
    });
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
