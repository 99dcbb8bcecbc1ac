/* The web map's service worker (served at /sw.js, scope /): the page and its bundles are kept on every load
 * (network first, the copy when the network is gone), and API answers come from the network or, offline, from the
 * field packages the surveyor downloaded (caches "civgeo-field-<lineId>", written by offline.js) or the page cache.
 * Writes (POST/PUT) are never cached or replayed here: the page queues observations itself (IndexedDB outbox).
 * When a page says the device is offline (navigator.onLine false, posted by offline.js), answers come from the caches
 * only, without trying the network first: a device on a dead link answers at once, and the state survives the worker
 * being stopped (kept in the cache "civgeo-state"). Chromium's DevTools network emulation reaches the page, not this
 * worker, so this is also how a browser test's "offline" reaches it. Calls made through the page's API client say the
 * page's state themselves (header X-CivGeo-Network): such a call is answered by it, not by the posted flag, so a
 * message that arrives late (a busy device, a worker being restarted) never sends a call the wrong way. */
import { shellName, staleCaches } from './sw-caches.js';
// the build (a hash of the page and its bundles) is written in front of this script by the server (MapAssets), so a
// deploy changes the worker's bytes and the browser installs it on the next visit
var SHELL = shellName(self.CIVGEO_BUILD || 'dev'), STATE = 'civgeo-state', STATE_KEY = '/__civgeo/offline';
var offline = null; // null: not read yet from the state cache

function offlineNow() {
  if (offline !== null) return Promise.resolve(offline);
  return caches.open(STATE).then(function (c) { return c.match(STATE_KEY); }).then(function (r) {
    offline = !!r; return offline;
  });
}
function remember(off) {
  offline = off;
  return caches.open(STATE).then(function (c) { return off ? c.put(STATE_KEY, new Response('1')) : c.delete(STATE_KEY); });
}
self.addEventListener('message', function (e) {
  if (!e.data || e.data.type !== 'civgeo-network') return;
  var off = !!e.data.offline, port = e.ports && e.ports[0];
  // the answer goes back as soon as the flag holds in memory (requests are decided by it from now on); keeping it
  // across a restart of the worker (the state cache) does not delay the page
  var kept = remember(off);
  if (port) port.postMessage({ offline: off });
  e.waitUntil(kept);
});

/** The page and the bundles it names (its script's chunks too), kept when the worker installs (the first load ran
 *  before the worker did). */
function precache() {
  return caches.open(SHELL).then(function (c) {
    return fetch('/').then(function (res) {
      if (!res.ok) return null;
      return res.clone().text().then(function (html) {
        var urls = [], re = /(?:src|href)="(\/(?:map-assets|dist)\/[^"]+|\/manifest\.webmanifest)"/g, m;
        while ((m = re.exec(html)) !== null) urls.push(m[1]);
        // the script's chunks (loaded on first use, so perhaps first offline): data-chunks="/map-assets/a.js …"
        var chunks = /data-chunks="([^"]*)"/.exec(html);
        if (chunks) chunks[1].split(/\s+/).forEach(function (u) { if (/^\/(?:map-assets|dist)\//.test(u) && urls.indexOf(u) < 0) urls.push(u); });
        return c.put('/', res).then(function () { return c.addAll(urls); });
      });
    });
  }).catch(function () { /* offline at install: kept on the next load */ });
}
self.addEventListener('install', function (e) { self.skipWaiting(); e.waitUntil(precache()); });
// the previous builds' page caches go (field packages, the state and IndexedDB are kept), then the pages are claimed;
// only once this build's cache holds the page (an install cut off by the network keeps the old page for offline use)
self.addEventListener('activate', function (e) {
  e.waitUntil(caches.open(SHELL).then(function (c) { return c.match('/'); }).then(function (page) {
    if (!page) return null;
    return caches.keys().then(function (names) {
      return Promise.all(staleCaches(names, SHELL).map(function (n) { return caches.delete(n); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

function isShell(url, req) {
  return req.mode === 'navigate' || url.pathname === '/' || url.pathname.indexOf('/map-assets/') === 0 ||
    url.pathname.indexOf('/dist/') === 0 || url.pathname === '/manifest.webmanifest';
}

function offlineProblem() {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Offline', status: 503,
    detail: 'offline: not in a downloaded field package' }), { status: 503, headers: { 'Content-Type': 'application/problem+json' } });
}

function fromCache(req) {
  return caches.match(req, { ignoreVary: true }).then(function (hit) {
    return hit || (req.mode === 'navigate' ? caches.match('/', { ignoreVary: true }) : null);
  }).then(function (hit) { return hit || offlineProblem(); });
}

self.addEventListener('fetch', function (e) {
  var req = e.request, url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!isShell(url, req) && url.pathname.indexOf('/api/') !== 0) return;
  var said = req.headers.get('X-CivGeo-Network');
  if (said === 'offline' || said === 'online') {
    var off = said === 'offline';
    if (off !== offline) e.waitUntil(remember(off));
    e.respondWith(off ? fromCache(req) : online(req, url));
    return;
  }
  e.respondWith(offlineNow().then(function (off) { return off ? fromCache(req) : online(req, url); }));
});

function online(req, url) {
  if (isShell(url, req)) {
    return fetch(req).then(function (res) {
      if (res.ok) { var copy = res.clone(); caches.open(SHELL).then(function (c) { c.put(url.pathname === '/index.html' ? '/' : req, copy); }); }
      return res;
    }).catch(function () { return fromCache(req); });
  }
  return fetch(req).catch(function () { return fromCache(req); });
}
