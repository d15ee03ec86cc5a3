// Emscripten --js-library: the browser side of the shell's platform glue.
// JS never changes domain state: it only reports browser events to C++ through
// the exported butler_queue_* functions, which C++ drains at the start of a frame.
mergeInto(LibraryManager.library, {
  $Butler: {
    input: null,        // the hidden <input> that brings up the on-screen keyboard and IME
    composing: false,
    queueText: function (text) { if (text) Module.ccall('butler_queue_text', null, ['string'], [text]); },
    queueKey: function (key) { Module.ccall('butler_queue_key', null, ['number'], [key]); },
    queueComposition: function (text) { Module.ccall('butler_queue_composition', null, ['string'], [text || '']); },
    queueEvent: function (kind) { Module.ccall('butler_queue_event', null, ['number'], [kind]); },
    // Keys as C++ knows them (shell/platform/browser_events.hpp: BrowserKey).
    KEY: { Enter: 1, Backspace: 2, Tab: 3, ArrowLeft: 4, ArrowRight: 5, Home: 6, End: 7, Delete: 8, Escape: 9 },
    // Events as C++ knows them (shell/platform/browser_events.hpp: BrowserEvent).
    EVENT: { online: 1, offline: 2, update_ready: 3, hidden: 4, visible: 5 },

    setupHiddenInput: function () {
      var input = document.getElementById('butler-text-input');
      Butler.input = input;
      // (web/loader.js keeps GLFW's window key listeners away from this input.)
      input.addEventListener('compositionstart', function () { Butler.composing = true; Butler.queueComposition(''); });
      input.addEventListener('compositionupdate', function (e) { Butler.queueComposition(e.data); });
      input.addEventListener('compositionend', function (e) {
        Butler.composing = false;
        Butler.queueComposition('');
        Butler.queueText(e.data);
        input.value = '';
      });
      // Mobile keyboards report most keys as keyCode 229; beforeinput's inputType
      // says what they meant. Text itself arrives through 'input'.
      input.addEventListener('beforeinput', function (e) {
        if (e.inputType === 'deleteContentBackward') { e.preventDefault(); Butler.queueKey(Butler.KEY.Backspace); }
        else if (e.inputType === 'deleteContentForward') { e.preventDefault(); Butler.queueKey(Butler.KEY.Delete); }
        else if (e.inputType === 'insertLineBreak' || e.inputType === 'insertParagraph') { e.preventDefault(); Butler.queueKey(Butler.KEY.Enter); }
      });
      input.addEventListener('input', function (e) {
        if (Butler.composing || e.isComposing) return;
        if (e.inputType === 'insertText' || e.inputType === 'insertReplacementText' || e.inputType === 'insertFromPaste') {
          Butler.queueText(e.data || input.value);
        }
        input.value = '';
      });
      input.addEventListener('keydown', function (e) {
        if (e.isComposing || e.keyCode === 229) return;
        var key = Butler.KEY[e.key];
        if (key) { e.preventDefault(); Butler.queueKey(key); }
      });
    },

    setupBrowserEvents: function () {
      window.addEventListener('online', function () { Butler.queueEvent(Butler.EVENT.online); });
      window.addEventListener('offline', function () { Butler.queueEvent(Butler.EVENT.offline); });
      document.addEventListener('visibilitychange', function () {
        Butler.queueEvent(document.visibilityState === 'hidden' ? Butler.EVENT.hidden : Butler.EVENT.visible);
      });
      // The loader (web/loader.js) watches the service worker; it tells us when a
      // new version has installed and waits.
      window.butlerOnUpdateReady = function () { Butler.queueEvent(Butler.EVENT.update_ready); };
      if (window.butlerUpdateWaiting) window.butlerOnUpdateReady();
    },
  },

  butler_platform_init__deps: ['$Butler', '$GLFW'],
  butler_platform_init: function () {
    // Emscripten 3.1.6's GLFW turns touchstart into a button press before any
    // position, so ImGui would act on the previous spot. C++ takes touch from
    // html5.h callbacks instead; GLFW must not see touches at all.
    var canvas = Module['canvas'];
    canvas.removeEventListener('touchmove', GLFW.onMousemove, true);
    canvas.removeEventListener('touchstart', GLFW.onMouseButtonDown, true);
    canvas.removeEventListener('touchcancel', GLFW.onMouseButtonUp, true);
    canvas.removeEventListener('touchend', GLFW.onMouseButtonUp, true);
    Butler.setupHiddenInput();
    Butler.setupBrowserEvents();
    return navigator.onLine ? 1 : 0;
  },

  // Called synchronously from the touchend/mouseup handler when the finger
  // lifts on a text field, so focus() happens inside the user gesture and
  // mobile browsers agree to show the keyboard.
  butler_text_input_focus__deps: ['$Butler'],
  butler_text_input_focus: function (x, y, w, h, numeric) {
    var input = Butler.input;
    if (!input) return;
    // A number field (an amount, a floor) brings up the numeric keyboard.
    var mode = numeric ? 'decimal' : 'text';
    if (input.inputMode !== mode) input.inputMode = mode;
    var dpr = window.devicePixelRatio || 1;
    // Place the input over the field so the IME candidate window appears there.
    input.style.left = (x / dpr) + 'px';
    input.style.top = (y / dpr) + 'px';
    input.style.width = Math.max(1, w / dpr) + 'px';
    input.style.height = Math.max(1, h / dpr) + 'px';
    if (document.activeElement !== input) input.focus({ preventScroll: true });
  },

  butler_text_input_blur__deps: ['$Butler'],
  butler_text_input_blur: function () {
    var input = Butler.input;
    if (input && document.activeElement === input) { input.blur(); input.value = ''; }
    // Back to its corner, 1 px: nothing of it lingers over the screen.
    if (input) { input.style.left = '0px'; input.style.top = '0px'; input.style.width = '1px'; input.style.height = '1px'; }
  },

  butler_text_input_focused__deps: ['$Butler'],
  butler_text_input_focused: function () {
    return Butler.input && document.activeElement === Butler.input ? 1 : 0;
  },

  // The font arrives with the loader (fetched with progress, cached by the
  // service worker); C++ takes ownership of a malloc'd copy.
  butler_take_font: function (lenPtr) {
    var bytes = Module['butlerFont'];
    if (!bytes) { HEAP32[lenPtr >> 2] = 0; return 0; }
    var ptr = _malloc(bytes.length);
    HEAPU8.set(bytes, ptr);
    HEAP32[lenPtr >> 2] = bytes.length;
    Module['butlerFont'] = null;
    return ptr;
  },

  // The font's second file (shell/fonts/font_atlas.hpp), fetched the first
  // time a character needs it; the service worker keeps it for offline use.
  butler_fetch_more_font: function () {
    fetch('NotoSansSC-more.otf?v=' + window.BUTLER_BUILD).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var ptr = _malloc(bytes.length);
      HEAPU8.set(bytes, ptr);
      Module.ccall('butler_font_more', null, ['number', 'number'], [ptr, bytes.length]);
    }).catch(function (e) {
      console.warn('font: second file not fetched: ' + e);
      Module.ccall('butler_font_more', null, ['number', 'number'], [0, 0]);
    });
  },

  butler_loading_status: function (textPtr) {
    if (window.butlerLoader) window.butlerLoader.status(UTF8ToString(textPtr));
  },

  butler_first_frame_done: function () {
    if (window.butlerLoader) window.butlerLoader.done();
  },

  // The first frame a butler can use (data loaded): what start-up is measured to.
  butler_interactive: function () {
    if (window.butlerInteractiveMs !== undefined) return;
    window.butlerInteractiveMs = performance.now();
    if (window.butlerLoader && window.butlerLoader.onInteractive) window.butlerLoader.onInteractive();
  },

  butler_apply_update: function () {
    if (window.butlerLoader) window.butlerLoader.applyUpdate();
  },

  // Saves bytes as a file on the device (a backup): the browser's download.
  butler_download: function (namePtr, ptr, len) {
    var blob = new Blob([HEAPU8.slice(ptr, ptr + len)], { type: 'application/octet-stream' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(namePtr);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 10000);
  },

  // Lets the butler choose a file (a backup to import); its bytes go to C++
  // through butler_on_file. Runs within the tap's user activation.
  butler_pick_file: function () {
    var input = document.getElementById('butler-file-input');
    input.value = '';
    input.onchange = function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.arrayBuffer().then(function (buffer) {
        var bytes = new Uint8Array(buffer);
        var ptr = _malloc(bytes.length || 1);
        HEAPU8.set(bytes, ptr);
        Module.ccall('butler_on_file', null, ['number', 'number'], [ptr, bytes.length]);
        _free(ptr);
      }, function (e) {
        Module.ccall('butler_on_file', null, ['number', 'number'], [0, -1]);
      });
    };
    input.click();
  },

  butler_pref_get: function (keyPtr, outPtr, outLen) {
    var v = null;
    try { v = window.localStorage.getItem('butler.' + UTF8ToString(keyPtr)); } catch (e) {}
    if (v === null) return 0;
    stringToUTF8(v, outPtr, outLen);
    return 1;
  },

  butler_pref_set: function (keyPtr, valuePtr) {
    try { window.localStorage.setItem('butler.' + UTF8ToString(keyPtr), UTF8ToString(valuePtr)); } catch (e) {}
  },

});
