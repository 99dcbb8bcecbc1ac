/* The web map's service worker (served at /sw.js, scope /): the page and its bundles are kept on every load
 * (network first, the copy when the network is gone), and API answers come from the network or, offline, from the
 * field packages the surveyor downloaded (caches "civgeo-field-<lineId>", written by offline.js) or the page cache.
 * Writes (POST/PUT) are never cached or replayed here: the page queues observations itself (IndexedDB outbox). */
var SHELL = 'civgeo-shell-v1';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (e) { e.waitUntil(self.clients.claim()); });

function isShell(url, req) {
  return req.mode === 'navigate' || url.pathname === '/' || url.pathname.indexOf('/map-assets/') === 0 ||
    url.pathname.indexOf('/dist/') === 0 || url.pathname === '/manifest.webmanifest';
}

function offlineProblem() {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Offline', status: 503,
    detail: 'offline: not in a downloaded field package' }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } });
}

self.addEventListener('fetch', function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (isShell(url, req)) {
    e.respondWith(fetch(req).then(function (res) {
      if (res.ok) { var copy = res.clone(); caches.open(SHELL).then(function (c) { c.put(url.pathname === '/index.html' ? '/' : req, copy); }); }
      return res;
    }).catch(function () {
      return caches.match(req, { ignoreVary: true }).then(function (hit) {
        return hit || (req.mode === 'navigate' ? caches.match('/', { ignoreVary: true }) : null) || offlineProblem();
      });
    }));
    return;
  }
  if (url.pathname.indexOf('/api/') === 0) {
    e.respondWith(fetch(req).catch(function () {
      return caches.match(req, { ignoreVary: true }).then(function (hit) { return hit || offlineProblem(); });
    }));
  }
});
