// Emscripten --js-library: the tablet lock's keys (issue 20, README "Tablet
// lock"). The device's own database is encrypted at rest with one random
// AES-256-GCM data key. That key is stored only wrapped:
//  - once per person, by a key derived from their 6-digit tablet PIN
//    (PBKDF2-SHA256, a salt of their own, ITERATIONS rounds);
//  - once by the tablet's recovery key, which the server hands over at every
//    enrolment of this device and the tablet never stores.
// So the PINs unlock offline, and whoever signs in again online (code +
// server PIN) can choose a new tablet PIN after too many wrong ones. Nothing
// here is derived from the server PIN. The demo's database has no keys and
// is never encrypted (its data is fake).
//
// The 'keys' store holds 'meta' {encrypted, fails}, 'person:<staff hex>'
// {staff, code, name, salt, iterations, iv, wrapped}, 'recovery' {iv, wrapped}
// and 'token': the sync token sealed with the data key (IV, then AES-GCM), so
// the preferences (localStorage) hold no credential a finder could use.
mergeInto(LibraryManager.library, {
  $ButlerKeys: {
    ITERATIONS: 600000,  // OWASP's 2023 figure for PBKDF2-HMAC-SHA256; ~0.3 s on a tablet
    MAX_FAILS: 5,
    key: null,           // the data key, non-extractable, once unlocked
    encrypted: false,    // the open database's values are sealed
    fails: 0,            // wrong tablet PINs in a row (kept in 'meta')
    persons: [],         // who has a tablet PIN here: {staff, code, name}
    sealing: null,       // a Promise while an unencrypted database is being encrypted
    waiting: [],         // resolves once the data key is in hand
    IV_BYTES: 12,

    utf8: function (s) { return new TextEncoder().encode(s); },
    hexBytes: function (hex) {
      var out = new Uint8Array(hex.length / 2);
      for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
      return out;
    },
    // What the loader read from the 'keys' store (web/loader.js).
    adopt: function (entries) {
      var meta = entries.meta || {};
      ButlerKeys.encrypted = !!meta.encrypted;
      ButlerKeys.fails = meta.fails || 0;
      ButlerKeys.persons = (entries.persons || []).map(function (p) { return { staff: p.staff, code: p.code, name: p.name }; });
      ButlerKeys.key = null;
    },
    // Resolves when the data key is in hand (or at once if nothing is sealed).
    whenOpen: function () {
      if (!ButlerKeys.encrypted || ButlerKeys.key) return Promise.resolve();
      return new Promise(function (resolve) { ButlerKeys.waiting.push(resolve); });
    },
    opened: function (key) {
      ButlerKeys.key = key;
      var w = ButlerKeys.waiting;
      ButlerKeys.waiting = [];
      w.forEach(function (resolve) { resolve(); });
    },
    // A stored value: a fresh 96-bit IV, then the AES-GCM ciphertext and tag.
    seal: function (buffer) {
      if (!ButlerKeys.encrypted) return Promise.resolve(buffer);
      return ButlerKeys.sealWith(ButlerKeys.key, buffer);
    },
    sealWith: function (key, buffer) {
      var iv = crypto.getRandomValues(new Uint8Array(ButlerKeys.IV_BYTES));
      return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, key, buffer).then(function (sealed) {
        var out = new Uint8Array(ButlerKeys.IV_BYTES + sealed.byteLength);
        out.set(iv, 0);
        out.set(new Uint8Array(sealed), ButlerKeys.IV_BYTES);
        return out.buffer;
      });
    },
    open: function (buffer) {
      if (!ButlerKeys.encrypted) return Promise.resolve(buffer);
      var bytes = new Uint8Array(buffer);
      return crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, ButlerKeys.IV_BYTES) }, ButlerKeys.key,
        bytes.subarray(ButlerKeys.IV_BYTES));
    },
    openAll: function (buffers) { return Promise.all(buffers.map(ButlerKeys.open)); },
    pinKey: function (pin, salt, iterations) {
      return crypto.subtle.importKey('raw', ButlerKeys.utf8(pin), 'PBKDF2', false, ['deriveKey']).then(function (base) {
        return crypto.subtle.deriveKey({ name: 'PBKDF2', salt: salt, iterations: iterations, hash: 'SHA-256' }, base,
          { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
      });
    },
    recoveryKey: function (hex) {
      return crypto.subtle.importKey('raw', ButlerKeys.hexBytes(hex), 'AES-GCM', false, ['wrapKey', 'unwrapKey']);
    },
    wrap: function (dataKey, kek) {
      var iv = crypto.getRandomValues(new Uint8Array(ButlerKeys.IV_BYTES));
      return crypto.subtle.wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv: iv }).then(function (wrapped) {
        return { iv: iv, wrapped: wrapped };
      });
    },
    unwrap: function (entry, kek, extractable) {
      return crypto.subtle.unwrapKey('raw', entry.wrapped, kek, { name: 'AES-GCM', iv: entry.iv },
        { name: 'AES-GCM', length: 256 }, extractable, ['encrypt', 'decrypt']);
    },
    db: function () { return ButlerStore.db; },
    request: function (r) { return new Promise(function (resolve, reject) { r.onsuccess = function () { resolve(r.result); }; r.onerror = function () { reject(r.error); }; }); },
    done: function (tx) {
      return new Promise(function (resolve, reject) {
        tx.oncomplete = function () { resolve(); };
        tx.onabort = function () { reject(tx.error || new Error('aborted')); };
      });
    },
    saveMeta: function (store) { store.put({ v: 1, encrypted: ButlerKeys.encrypted, fails: ButlerKeys.fails }, 'meta'); },

    // Checks a person's tablet PIN. On success the data key is in hand (at
    // start-up, the loader's read is decrypted and handed to C++). A wrong PIN
    // is counted; at MAX_FAILS every PIN-wrapped copy is deleted, so only the
    // server's recovery key opens the data: a reset counter gives no more tries.
    unlock: function (staff, pin) {
      var db = ButlerKeys.db();
      if (!db) return Promise.resolve({ ok: false, fails: 0, message: 'database not open' });
      var tx = db.transaction('keys', 'readonly');
      return ButlerKeys.request(tx.objectStore('keys').get('person:' + staff)).then(function (entry) {
        if (!entry) return { ok: false, fails: ButlerKeys.fails, message: 'unknown person' };
        return ButlerKeys.pinKey(pin, entry.salt, entry.iterations).then(function (kek) {
          return ButlerKeys.unwrap(entry, kek, false);
        }).then(function (dataKey) {
          ButlerKeys.fails = 0;
          var w = db.transaction('keys', 'readwrite', { durability: 'strict' });
          ButlerKeys.saveMeta(w.objectStore('keys'));
          return ButlerKeys.done(w).then(function () {
            ButlerKeys.opened(dataKey);
            return ButlerKeys.openToken(db);
          }).then(function (token) {
            return { ok: true, fails: 0, message: '', token: token };
          });
        }, function () {
          ButlerKeys.fails++;
          var w = db.transaction('keys', 'readwrite', { durability: 'strict' });
          var store = w.objectStore('keys');
          ButlerKeys.saveMeta(store);
          if (ButlerKeys.fails >= ButlerKeys.MAX_FAILS) {
            store.delete(IDBKeyRange.bound('person:', 'person:\uffff'));
            ButlerKeys.persons = [];
          }
          return ButlerKeys.done(w).then(function () { return { ok: false, fails: ButlerKeys.fails, message: 'wrong' }; });
        });
      });
    },

    // A person who just signed in online chooses a tablet PIN. The data key
    // comes from the recovery copy (the server's key opens it); on a database
    // not encrypted yet, a new data key is made and every stored value is
    // encrypted in place in ONE readwrite transaction with the key entries, so
    // a crash leaves either the old plaintext database with no keys or the
    // encrypted one with its keys, never a mix (README: tablet lock).
    setPin: function (person, pin, recoveryHex) {
      var db = ButlerKeys.db();
      if (!db) return Promise.reject(new Error('database not open'));
      var salt = crypto.getRandomValues(new Uint8Array(16));
      var kekPin = ButlerKeys.pinKey(pin, salt, ButlerKeys.ITERATIONS);
      var kekRecovery = ButlerKeys.recoveryKey(recoveryHex);
      function personEntry(wrapped) {
        return { staff: person.staff, code: person.code, name: person.name, salt: salt, iterations: ButlerKeys.ITERATIONS,
          iv: wrapped.iv, wrapped: wrapped.wrapped };
      }
      function remember(dataKeyPlain, kek) {
        // The working copy is non-extractable: unwrapped again from the PIN copy.
        return ButlerKeys.wrap(dataKeyPlain, kek).then(function (w) {
          return ButlerKeys.unwrap(w, kek, false);
        });
      }
      function addPerson() {
        ButlerKeys.persons = ButlerKeys.persons.filter(function (p) { return p.staff !== person.staff; });
        ButlerKeys.persons.push({ staff: person.staff, code: person.code, name: person.name });
      }
      if (ButlerKeys.encrypted) {
        var tx = db.transaction('keys', 'readonly');
        return ButlerKeys.request(tx.objectStore('keys').get('recovery')).then(function (entry) {
          if (!entry) throw new Error('recovery');
          return kekRecovery.then(function (k) { return ButlerKeys.unwrap(entry, k, true); })
            .catch(function () { throw new Error('recovery'); });
        }).then(function (dataKey) {
          return Promise.all([kekPin, dataKey]).then(function (r) {
            return ButlerKeys.wrap(r[1], r[0]).then(function (wrapped) {
              ButlerKeys.fails = 0;
              var w = db.transaction('keys', 'readwrite', { durability: 'strict' });
              w.objectStore('keys').put(personEntry(wrapped), 'person:' + person.staff);
              ButlerKeys.saveMeta(w.objectStore('keys'));
              return ButlerKeys.done(w).then(function () { return remember(r[1], r[0]); });
            });
          });
        }).then(function (working) { addPerson(); ButlerKeys.opened(working); });
      }
      ButlerKeys.sealing = ButlerKeys.sealDatabase(db, person, kekPin, kekRecovery, personEntry)
        .then(function (working) { addPerson(); ButlerKeys.opened(working); })
        .finally(function () { ButlerKeys.sealing = null; });
      return ButlerKeys.sealing;
    },

    // Encrypts an unencrypted database in place (see setPin). Writers wait on
    // ButlerKeys.sealing meanwhile; merging is not running (it is waited out).
    sealDatabase: function (db, person, kekPin, kekRecovery, personEntry) {
      var STORES = ['records', 'snapshot', 'blobs'];
      function idle() {
        return new Promise(function (resolve) {
          (function wait() { if (ButlerStore.compacting) setTimeout(wait, 20); else resolve(); })();
        });
      }
      var dataKey, working, wrappedPin, wrappedRecovery;
      return idle().then(function () {
        return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
      }).then(function (k) {
        dataKey = k;
        return Promise.all([kekPin, kekRecovery]);
      }).then(function (keks) {
        return Promise.all([ButlerKeys.wrap(dataKey, keks[0]), ButlerKeys.wrap(dataKey, keks[1])]).then(function (w) {
          wrappedPin = w[0];
          wrappedRecovery = w[1];
          return ButlerKeys.unwrap(wrappedPin, keks[0], false);
        });
      }).then(function (k) {
        working = k;
        var tx = db.transaction(STORES, 'readonly');
        return Promise.all(STORES.map(function (name) {
          var s = tx.objectStore(name);
          return Promise.all([ButlerKeys.request(s.getAllKeys()), ButlerKeys.request(s.getAll())]);
        }));
      }).then(function (read) {
        // Sealed with the working key (the same key as dataKey); the
        // snapshot's 'current' entry (an object, no data) stays as it is.
        return Promise.all(read.map(function (kv) {
          return Promise.all(kv[1].map(function (v) { return v instanceof ArrayBuffer ? ButlerKeys.sealWith(working, v) : Promise.resolve(v); }));
        })).then(function (sealed) {
          var tx = db.transaction(STORES.concat(['keys']), 'readwrite', { durability: 'strict' });
          STORES.forEach(function (name, i) {
            var s = tx.objectStore(name);
            read[i][0].forEach(function (key, j) { s.put(sealed[i][j], key); });
          });
          var keys = tx.objectStore('keys');
          keys.put(personEntry(wrappedPin), 'person:' + person.staff);
          keys.put({ iv: wrappedRecovery.iv, wrapped: wrappedRecovery.wrapped }, 'recovery');
          keys.put({ v: 1, encrypted: true, fails: 0 }, 'meta');
          return ButlerKeys.done(tx);
        });
      }).then(function () {
        ButlerKeys.encrypted = true;
        ButlerKeys.fails = 0;
        return working;
      });
    },
    personsJson: function () { return JSON.stringify(ButlerKeys.persons); },

    // The sync token, sealed with the data key in one strict write (it
    // replaces the one before: the last person to sign in online holds it).
    sealToken: function (token) {
      var db = ButlerKeys.db();
      if (!db || !ButlerKeys.encrypted || !ButlerKeys.key) return Promise.reject(new Error('locked'));
      return ButlerKeys.sealWith(ButlerKeys.key, ButlerKeys.utf8(token).buffer).then(function (sealed) {
        var w = db.transaction('keys', 'readwrite', { durability: 'strict' });
        w.objectStore('keys').put(sealed, 'token');
        return ButlerKeys.done(w);
      });
    },
    // The sealed token once the data key is in hand; '' if none is sealed
    // (or it does not open: the next sign-in seals a new one).
    openToken: function (db) {
      var tx = db.transaction('keys', 'readonly');
      return ButlerKeys.request(tx.objectStore('keys').get('token')).then(function (sealed) {
        if (!(sealed instanceof ArrayBuffer)) return '';
        return ButlerKeys.open(sealed).then(function (plain) { return new TextDecoder().decode(plain); });
      }).catch(function () { return ''; });
    },
  },

  // Checks a tablet PIN: butler_keys_on_unlock(ok, fails, message, persons, token).
  butler_keys_unlock__deps: ['$ButlerKeys'],
  butler_keys_unlock: function (staffPtr, pinPtr) {
    var staff = UTF8ToString(staffPtr), pin = UTF8ToString(pinPtr);
    function tell(ok, fails, message, token) {
      Module.ccall('butler_keys_on_unlock', null, ['number', 'number', 'string', 'string', 'string'],
        [ok ? 1 : 0, fails, message, ButlerKeys.personsJson(), token || '']);
    }
    ButlerKeys.unlock(staff, pin).then(function (r) { tell(r.ok, r.fails, r.message, r.token); },
      function (e) { tell(false, ButlerKeys.fails, String(e), ''); });
  },

  // Seals the sync token with the data key: butler_keys_on_token_sealed(ok).
  butler_keys_seal_token__deps: ['$ButlerKeys'],
  butler_keys_seal_token: function (tokenPtr) {
    var token = UTF8ToString(tokenPtr);
    function tell(ok) { Module.ccall('butler_keys_on_token_sealed', null, ['number'], [ok ? 1 : 0]); }
    ButlerKeys.sealToken(token).then(function () { tell(true); }, function () { tell(false); });
  },

  // Sets a person's tablet PIN (after their online sign-in):
  // butler_keys_on_pin_set(ok, message, persons).
  butler_keys_set_pin__deps: ['$ButlerKeys'],
  butler_keys_set_pin: function (staffPtr, codePtr, namePtr, pinPtr, recoveryPtr) {
    var person = { staff: UTF8ToString(staffPtr), code: UTF8ToString(codePtr), name: UTF8ToString(namePtr) };
    function tell(ok, message) {
      Module.ccall('butler_keys_on_pin_set', null, ['number', 'string', 'string'], [ok ? 1 : 0, message, ButlerKeys.personsJson()]);
    }
    ButlerKeys.setPin(person, UTF8ToString(pinPtr), UTF8ToString(recoveryPtr)).then(function () { tell(true, ''); },
      function (e) { tell(false, e && e.message === 'recovery' ? 'recovery' : String(e)); });
  },
});
