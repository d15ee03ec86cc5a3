// Service worker: one cache per build, so the JS glue and the wasm of one build
// never mix. A new build installs beside the old one and waits until the app
// says "update" (after flushing its outbox); sync calls are never cached.
'use strict';
var BUILD = '@BUILD_ID@';
var CACHE = 'butler-rounds-' + BUILD;
var SHELL = [
  './',
  'index.html',
  'loader.js?v=' + BUILD,
  'butler.js?v=' + BUILD,
  'butler.wasm?v=' + BUILD,
  'NotoSansSC-subset.otf?v=' + BUILD,
  'manifest.webmanifest',
  'icon.svg',
  'icon-maskable.svg',
];

self.addEventListener('install', function (event) {
  // The build's files are named by it (?v=) and kept by the browser for good
  // (immutable): what the page downloaded a moment ago comes from the HTTP
  // cache, not the network again. The page itself is no-cache: asked again.
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL);
  }));
  // No skipWaiting here: the page decides when to switch versions.
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('butler-rounds-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.indexOf('/api/') !== -1) return;  // sync: network only
  // The office page is its own page, not the app: always from the network.
  if (/\/office(\.html|\.js)?\/?$/.test(url.pathname)) return;
  if (request.mode === 'navigate') {
    // The page of this build, from this build's cache; the network only if absent.
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match('index.html').then(function (hit) { return hit || fetch(request); });
    }));
    return;
  }
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        // A file of this build fetched only when first needed (the font's
        // second file): kept, so it is there offline next time.
        if (response.ok && url.searchParams.get('v') === BUILD) cache.put(request, response.clone());
        return response;
      });
    });
  }));
});
