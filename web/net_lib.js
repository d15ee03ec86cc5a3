// Emscripten --js-library: HTTP for sync and enrolment. fetch is asynchronous,
// so no frame ever waits on the network; the answer comes back to C++ as
// butler_on_http(id, status, bytes) with status 0 when there was no answer at
// all (offline, refused, timed out), the reason then being the bytes. Sync
// calls are never cached (the service worker leaves /api/ alone too).
mergeInto(LibraryManager.library, {
  butler_http: function (id, methodPtr, urlPtr, bodyPtr, bodyLen, tokenPtr, timeoutMs) {
    var method = UTF8ToString(methodPtr), url = UTF8ToString(urlPtr), token = UTF8ToString(tokenPtr);
    var body = bodyLen > 0 ? HEAPU8.slice(bodyPtr, bodyPtr + bodyLen) : undefined;
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers['Authorization'] = 'Bearer ' + token;
    var controller = typeof AbortController !== 'undefined' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, timeoutMs) : null;
    function answer(status, bytes) {
      if (timer) clearTimeout(timer);
      var ptr = _malloc(bytes.length || 1);
      HEAPU8.set(bytes, ptr);
      Module.ccall('butler_on_http', null, ['number', 'number', 'number', 'number'], [id, status, ptr, bytes.length]);
    }
    fetch(url, { method: method, headers: headers, body: body, cache: 'no-store', signal: controller ? controller.signal : undefined })
      .then(function (response) {
        return response.arrayBuffer().then(function (buffer) { answer(response.status, new Uint8Array(buffer)); });
      })
      .catch(function (e) {
        var reason = e && e.name === 'AbortError' ? 'timeout' : String(e && e.message || e);
        answer(0, new TextEncoder().encode(reason));
      });
  },

  // The page's own origin: the default sync server (one process serves both).
  butler_page_origin: function (outPtr, outLen) {
    stringToUTF8(location.origin, outPtr, outLen);
  },
});
