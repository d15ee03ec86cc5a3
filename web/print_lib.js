// Emscripten --js-library: printing. C++ builds a whole HTML page (every
// data text escaped there) and hands it here; it is printed through a hidden
// iframe, so the app's canvas stays as it is and the tablet's print dialog
// (or "save as PDF") shows only the page. The last page handed over is kept
// as window.butlerTest.lastPrint for the tests to read; nothing else.
mergeInto(LibraryManager.library, {
  butler_print_html: function (htmlPtr) {
    var html = UTF8ToString(htmlPtr);
    if (window.butlerTest) window.butlerTest.lastPrint = html;
    var old = document.getElementById('butler-print-frame');
    if (old) old.remove();
    var frame = document.createElement('iframe');
    frame.id = 'butler-print-frame';
    frame.setAttribute('aria-hidden', 'true');
    frame.style.position = 'fixed';
    frame.style.right = '0';
    frame.style.bottom = '0';
    frame.style.width = '0';
    frame.style.height = '0';
    frame.style.border = '0';
    frame.style.visibility = 'hidden';
    frame.onload = function () {
      // After this tap's frame: print() blocks the page while its dialog is up.
      setTimeout(function () {
        try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (e) { console.warn('print failed', e); }
      }, 0);
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  },
});
