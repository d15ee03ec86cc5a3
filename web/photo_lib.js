// Emscripten --js-library: photos. The camera or gallery gives an image; it is
// downscaled here to at most 1600 px on its long side and re-encoded as JPEG
// (a tablet photo is 3–8 MB, a round takes dozens), then handed to C++, which
// names it by its SHA-256 and asks to store it. Blobs live in IndexedDB's
// 'blobs' store; 'uploads' holds the names the server has not confirmed yet.
// A blob and its upload marker are written in one strict transaction, and
// C++ records the photo's op only after that transaction completes.
mergeInto(LibraryManager.library, {
  $ButlerPhotos__deps: ['$ButlerStore', '$ButlerKeys'],
  $ButlerPhotos: {
    MAX_SIDE: 1600,
    QUALITY: 0.85,
    toC: function (name, id, bytes) {
      var ptr = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, ptr);
      Module.ccall(name, null, ['number', 'number', 'number'], [id, ptr, bytes.length]);
      _free(ptr);
    },
    // Decodes any image the browser can read and draws it at most `side` px
    // on its long side. Resolves to a canvas.
    drawScaled: function (blob, side) {
      return createImageBitmap(blob).then(function (bitmap) {
        var scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
        var w = Math.max(1, Math.round(bitmap.width * scale)), h = Math.max(1, Math.round(bitmap.height * scale));
        var canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        var g = canvas.getContext('2d');
        g.imageSmoothingQuality = 'high';
        g.drawImage(bitmap, 0, 0, w, h);
        bitmap.close();
        return canvas;
      });
    },
    db: function () { return ButlerStore.db; },
  },

  // Opens the camera (or the gallery) within the tap's user activation. The
  // JPEG goes to butler_on_photo(id, ptr, len); len -1: the image could not be read.
  butler_pick_photo__deps: ['$ButlerPhotos'],
  butler_pick_photo: function (id) {
    var input = document.getElementById('butler-photo-input');
    input.value = '';
    input.onchange = function () {
      var file = input.files && input.files[0];
      if (!file) return;
      ButlerPhotos.drawScaled(file, ButlerPhotos.MAX_SIDE).then(function (canvas) {
        return new Promise(function (resolve, reject) {
          canvas.toBlob(function (jpeg) { jpeg ? resolve(jpeg) : reject(new Error('encode')); }, 'image/jpeg', ButlerPhotos.QUALITY);
        });
      }).then(function (jpeg) { return jpeg.arrayBuffer(); }).then(function (buffer) {
        ButlerPhotos.toC('butler_on_photo', id, new Uint8Array(buffer));
      }, function () {
        Module.ccall('butler_on_photo', null, ['number', 'number', 'number'], [id, 0, -1]);
      });
    };
    input.click();
  },

  // Stores a blob, with its upload marker when it is owed to the server (a
  // photo taken here; not one fetched from it), in one strict transaction;
  // butler_on_blob_saved(id, ok, message) only from oncomplete / onabort.
  butler_blob_put__deps: ['$ButlerPhotos'],
  butler_blob_put: function (id, shaPtr, ptr, len, owed) {
    var sha = UTF8ToString(shaPtr);
    function done(ok, message) { Module.ccall('butler_on_blob_saved', null, ['number', 'number', 'string'], [id, ok ? 1 : 0, message]); }
    var db = ButlerPhotos.db();
    if (!db) { setTimeout(function () { done(false, 'database not open'); }, 0); return; }
    var bytes = HEAPU8.slice(ptr, ptr + len);
    // Encrypted like the op log when the database is sealed (web/lock_lib.js).
    function write(value) {
      var tx;
      try {
        tx = db.transaction(['blobs', 'uploads'], 'readwrite', { durability: 'strict' });
      } catch (e) {
        done(false, String(e));
        return;
      }
      tx.objectStore('blobs').put(value, sha);
      if (owed) tx.objectStore('uploads').put(Date.now(), sha);
      tx.oncomplete = function () { done(true, ''); };
      tx.onabort = function () { done(false, tx.error ? tx.error.name + ': ' + tx.error.message : 'aborted'); };
      tx.onerror = function (e) { e.preventDefault(); };
    }
    ButlerStore.afterSealing(function () {
      ButlerKeys.seal(bytes.buffer).then(write, function (e) { done(false, String(e)); });
    });
  },

  // The names still owed to the server, comma-separated, to butler_on_uploads_listed.
  butler_blob_list_uploads__deps: ['$ButlerPhotos'],
  butler_blob_list_uploads: function () {
    var db = ButlerPhotos.db();
    function tell(names) { Module.ccall('butler_on_uploads_listed', null, ['string'], [names]); }
    if (!db) { setTimeout(function () { tell(''); }, 0); return; }
    var keys = db.transaction('uploads', 'readonly').objectStore('uploads').getAllKeys();
    keys.onsuccess = function () { tell(keys.result.join(',')); };
    keys.onerror = function () { tell(''); };
  },

  // A blob's bytes to butler_on_blob_read(id, ptr, len); len -1: not stored here.
  butler_blob_read__deps: ['$ButlerPhotos'],
  butler_blob_read: function (id, shaPtr) {
    var sha = UTF8ToString(shaPtr);
    var db = ButlerPhotos.db();
    function missing() { Module.ccall('butler_on_blob_read', null, ['number', 'number', 'number'], [id, 0, -1]); }
    if (!db) { setTimeout(missing, 0); return; }
    var get = db.transaction('blobs', 'readonly').objectStore('blobs').get(sha);
    get.onsuccess = function () {
      if (!get.result) { missing(); return; }
      ButlerKeys.open(get.result).then(function (plain) { ButlerPhotos.toC('butler_on_blob_read', id, new Uint8Array(plain)); }, missing);
    };
    get.onerror = missing;
  },

  // The server has the blob: it is no longer owed (the blob itself stays).
  butler_blob_uploaded__deps: ['$ButlerPhotos'],
  butler_blob_uploaded: function (shaPtr) {
    var db = ButlerPhotos.db();
    if (!db) return;
    db.transaction('uploads', 'readwrite').objectStore('uploads').delete(UTF8ToString(shaPtr));
  },

  // A thumbnail as a WebGL texture: decoded and scaled by the browser, then
  // uploaded to a texture C++ created. butler_on_thumbnail(id, w, h) with
  // w = 0 when the photo is not stored on this tablet.
  butler_blob_thumbnail__deps: ['$ButlerPhotos', '$GL'],
  butler_blob_thumbnail: function (id, shaPtr, side, texture) {
    var sha = UTF8ToString(shaPtr);
    var db = ButlerPhotos.db();
    function tell(w, h) { Module.ccall('butler_on_thumbnail', null, ['number', 'number', 'number'], [id, w, h]); }
    if (!db) { setTimeout(function () { tell(0, 0); }, 0); return; }
    var get = db.transaction('blobs', 'readonly').objectStore('blobs').get(sha);
    get.onsuccess = function () {
      if (!get.result) { tell(0, 0); return; }
      ButlerKeys.open(get.result).then(function (plain) { return ButlerPhotos.drawScaled(new Blob([plain]), side); }).then(function (canvas) {
        var gl = GLctx;
        gl.bindTexture(gl.TEXTURE_2D, GL.textures[texture]);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
        gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, canvas);
        tell(canvas.width, canvas.height);
      }, function () { tell(0, 0); });
    };
    get.onerror = function () { tell(0, 0); };
  },
});
