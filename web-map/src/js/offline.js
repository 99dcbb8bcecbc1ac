/* Offline field work (PWA): registers the service worker (sw.js), downloads a surveyor's assigned lines into field
 * packages (their data, the division base tiles of their extent at zooms 10–16, the thumbnails of their markers' photos) kept in
 * the Cache API ("civgeo-field-<lineId>") and described in IndexedDB, queues observations made without a network in an
 * IndexedDB outbox (photo included), and syncs them when the network is back: each one is sent with the version of
 * the marker's record it was based on, so a record changed meanwhile is shown as a conflict (never overwritten, never
 * dropped unless the surveyor says so). Storage used is shown; a package can be dropped. Loaded with the field-work
 * chunk; the service worker's registration and the page's network state are the start page's (network.js). */
import { openDB } from 'idb';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoMarkerForm } from './marker-form.js';
import { CivGeoNetwork } from './network.js';
import { rebaseLater } from './outbox-chain.js';

var t = CivGeoI18n.t, api = CivGeoApi;
var CACHE_PREFIX = 'civgeo-field-';
var db = null;
var listeners = [];

function idb() {
  if (!db) {
    db = openDB('civgeo-field', 1, {
      upgrade: function (d) {
        d.createObjectStore('packages', { keyPath: 'lineId' });
        d.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      }
    });
  }
  return db;
}
function changed() { listeners.forEach(function (fn) { try { fn(); } catch (e) { /* a closed panel */ } }); }

var online = CivGeoNetwork.online;

// ---- packages

/** The division tiles the map asks for over the box at zooms 10–16 (1024-pixel tiles of vector zoom z - 2). */
function tileUrls(bbox) {
  var L = window.L, layers = window.civgeo.layers, urls = [];
  var sw = L.latLng(bbox[1], bbox[0]), ne = L.latLng(bbox[3], bbox[2]);
  for (var z = 10; z <= 16; z++) {
    var a = L.CRS.EPSG3857.latLngToPoint(sw, z).divideBy(1024).floor(), b = L.CRS.EPSG3857.latLngToPoint(ne, z).divideBy(1024).floor();
    for (var x = Math.min(a.x, b.x); x <= Math.max(a.x, b.x); x++) {
      for (var y = Math.min(a.y, b.y); y <= Math.max(a.y, b.y); y++) {
        urls.push('/api/map/tiles/divisions/' + (z - 2) + '/' + x + '/' + y + '.mvt?level=' + layers.levelForZoom(z));
      }
    }
  }
  return urls;
}

/** Downloads one assigned line (a my-lines entry) for offline work; resolves to the package description. */
function download(line, progress) {
  var urls = ['/api/boundary/my-lines', '/api/boundary/lines/' + line.lineId, '/api/boundary/lines/' + line.lineId + '/markers',
    '/api/boundary/lines/' + line.lineId + '/cycle', '/api/boundary/lines/' + line.lineId + '/package.geojson',
    '/api/map/collections/line-inspections/items?limit=100&q=' + line.lineId,
    // Leaflet's marker images (the draggable re-survey pin) and the Gauss–Krüger script, for a page reloaded offline
    '/dist/images/marker-icon.png', '/dist/images/marker-icon-2x.png', '/dist/images/marker-shadow.png', '/dist/gk.js'];
  line.markers.forEach(function (m) { urls.push('/api/boundary/markers/' + m.id, '/api/boundary/markers/' + m.id + '/photos'); });
  // the page itself and its bundles, so that it also opens when reloaded offline
  urls.push('/');
  // (with every chunk of the page's script, data-chunks on its tag: a panel opened offline loads from the package)
  var page = [];
  Array.prototype.forEach.call(document.querySelectorAll('script[src], link[rel=stylesheet][href], link[rel=manifest][href], link[rel=modulepreload][href]'), function (el) {
    page.push(el.src || el.href);
    if (el.getAttribute('data-chunks')) page = page.concat(el.getAttribute('data-chunks').split(/\s+/).filter(Boolean));
  });
  page.forEach(function (p) {
    var u = new URL(p, location.href);
    if (u.origin === location.origin && urls.indexOf(u.pathname) < 0) urls.push(u.pathname);
  });
  urls = urls.concat(tileUrls(line.bbox));
  var name = CACHE_PREFIX + line.lineId, bytes = 0, done = 0;
  return Promise.all([caches.open(name), window.civgeo.gk.load().catch(function () { return null; })]).then(function (r) {
    var cache = r[0];
    function one(url) {
      return fetch(url, { headers: api.headers() }).then(function (res) {
        if (!res.ok && res.status !== 204) return null;
        return res.clone().arrayBuffer().then(function (buf) {
          bytes += buf.byteLength;
          return cache.put(url, res).then(function () {
            done++; if (progress) progress(done, urls.length);
            // photos of the markers: their thumbnails (made by the server, ≤ 320 px), not the full photos
            if (/\/markers\/\d+\/photos$/.test(url)) {
              return new Response(buf).json().then(function (list) {
                return Promise.all((list || []).map(function (p) { var th = '/api/boundary/attachments/' + p.id + '/thumbnail'; urls.push(th); return one(th); }));
              }).catch(function () { return null; });
            }
            return null;
          });
        });
      });
    }
    // six at a time, as the browser would
    var queue = urls.slice(), running = [];
    function next() {
      if (!queue.length) return Promise.resolve();
      var u = queue.shift();
      return one(u).then(next);
    }
    for (var i = 0; i < 6; i++) running.push(next());
    return Promise.all(running);
  }).then(function () {
    var pkg = { lineId: line.lineId, code: line.code, name: line.name, roundId: line.roundId, bytes: bytes, files: urls.length,
      at: new Date().toISOString(), bbox: line.bbox,
      // what the records were when downloaded: the base of each observation's version check
      markers: line.markers.map(function (m) { return { id: m.id, number: m.number, recordVersion: m.recordVersion == null ? -1 : m.recordVersion }; }) };
    return idb().then(function (d) { return d.put('packages', pkg); }).then(function () { changed(); return pkg; });
  });
}

function packages() { return idb().then(function (d) { return d.getAll('packages'); }); }

/** Drops a package (its cache and description); refused while observations of its line wait in the outbox. */
function drop(lineId) {
  return outbox().then(function (items) {
    if (items.some(function (i) { return i.lineId === lineId; })) throw new Error(t('dropHasQueued'));
    return caches.delete(CACHE_PREFIX + lineId);
  }).then(function () { return idb(); }).then(function (d) { return d.delete('packages', lineId); }).then(changed);
}

/** Storage used by this site (all caches and IndexedDB), as the browser estimates it. */
function storage() {
  if (!navigator.storage || !navigator.storage.estimate) return Promise.resolve(null);
  return navigator.storage.estimate();
}

// ---- outbox

function outbox() { return idb().then(function (d) { return d.getAll('outbox'); }); }

function baseVersion(lineId, markerId) {
  return idb().then(function (d) { return d.get('packages', lineId); }).then(function (p) {
    var m = p && p.markers.filter(function (x) { return x.id === markerId; })[0];
    return m ? m.recordVersion : null;
  });
}

/** Queues one observation (the marker form's submit while offline). */
function queue(m, rec, cycle, file) {
  return baseVersion(m.lineId, m.id).then(function (base) {
    var item = { lineId: m.lineId, markerId: m.id, number: m.number, rec: rec, roundId: cycle.openRoundId, baseVersion: base,
      photo: file || null, photoName: file ? file.name : null, queuedAt: new Date().toISOString(), state: 'queued' };
    return idb().then(function (d) { return d.add('outbox', item); });
  }).then(function (id) { changed(); return { queued: id }; });
}

function isNetworkError(e) { return e && e.status == null && (e instanceof TypeError || /fetch|network/i.test(e.message || '')); }

/** The form's submit: online as usual; offline (or when the network fails on the way) into the outbox. */
CivGeoMarkerForm.hooks.submit = function (m, rec, cycle, file) {
  if (!online()) return queue(m, rec, cycle, file);
  return CivGeoMarkerForm.send(m, rec, cycle, file).catch(function (e) {
    if (isNetworkError(e)) return queue(m, rec, cycle, file);
    throw e;
  });
};

function save(item) { return idb().then(function (d) { return d.put('outbox', item); }); }
function remove(id) { return idb().then(function (d) { return d.delete('outbox', id); }); }

/** The server's record of the marker in the line's open round now ({ cycle, record or null }). */
function serverState(item) {
  return api.get('/api/boundary/lines/' + item.lineId + '/cycle').then(function (cycle) {
    if (cycle.inspectionId == null) return { cycle: cycle, record: null };
    return api.get('/api/boundary/inspections/' + cycle.inspectionId).then(function (insp) {
      return { cycle: cycle, record: insp.markers.filter(function (r) { return r.markerId === item.markerId; })[0] || null };
    });
  });
}

/** Sends one queued observation: conflict when the marker's record is not the one it was based on. */
function sendOne(item, force) {
  return serverState(item).then(function (s) {
    var now = s.record ? s.record.version : -1;
    var base = force ? now : (item.baseVersion == null ? -1 : item.baseVersion);
    if (s.cycle.openRoundId == null) throw Object.assign(new Error(t('noOpenRound')), { status: 409 });
    if (now !== base) return { conflict: s.record };
    var body = Object.assign({}, item.rec); delete body.number;
    var write = s.cycle.inspectionId != null
      ? api.post('/api/boundary/inspections/' + s.cycle.inspectionId + '/markers?version=' + base, body)
      : api.get('/api/boundary/lines/' + item.lineId).then(function (line) {
        return api.post('/api/boundary/rounds/' + s.cycle.openRoundId + '/inspections', { lineId: item.lineId,
          inspectedOn: item.queuedAt.slice(0, 10), partyLeft: line.leftName || line.leftCode, partyRight: line.rightName || line.rightCode,
          team: [s.cycle.team || (api.session() && api.session().username)], markers: [body] });
      });
    return write.then(function () { return serverState(item); }).then(function (after) {
      if (!item.photo || !after.record) return { sent: after.record };
      var fd = new FormData(); fd.append('file', item.photo, item.photoName || 'photo');
      return api.post('/api/boundary/marker-records/' + after.record.id + '/photos', fd).then(function () { return { sent: after.record }; });
    });
  });
}

/** The package's copy of the marker's record version follows what was sent: the next offline edit (after this sync,
 *  before a new download) builds on the record now on the server, not on the one downloaded. */
function rebasePackage(item, sent) {
  if (!sent) return null;
  return idb().then(function (d) {
    return d.get('packages', item.lineId).then(function (p) {
      var m = p && p.markers.filter(function (x) { return x.id === item.markerId; })[0];
      if (!m) return null;
      m.recordVersion = sent.version;
      return d.put('packages', p);
    });
  });
}

/** Syncs the outbox in order; resolves to { sent, conflicts, failed }. Conflicts stay until the surveyor decides. */
function sync() {
  var result = { sent: 0, conflicts: 0, failed: 0 };
  return CivGeoNetwork.tellWorker().then(outbox).then(function (items) {
    return items.reduce(function (p, item, index) {
      return p.then(function () {
        if (item.state === 'conflict') { result.conflicts++; return null; }
        return sendOne(item, false).then(function (r) {
          if (r.conflict !== undefined) {
            item.state = 'conflict'; item.server = r.conflict; result.conflicts++;
            return save(item);
          }
          result.sent++;
          // the surveyor's later edits of this marker build on the record just sent (kept if their send fails)
          var later = items.slice(index + 1), before = later.map(function (x) { return x.baseVersion; });
          rebaseLater(items, index, r.sent);
          var moved = later.filter(function (x, i) { return x.baseVersion !== before[i]; });
          return Promise.all(moved.map(save)).then(function () { return remove(item.id); }).then(function () { return rebasePackage(item, r.sent); });
        }).catch(function (e) {
          if (e && e.status === 409) { item.state = 'conflict'; item.server = null; item.error = e.message; result.conflicts++; return save(item); }
          item.error = e.message; result.failed++; return save(item);
        });
      });
    }, Promise.resolve());
  }).then(function () { changed(); return result; });
}

/** The surveyor's decision on a conflict: 'mine' sends it over the record now there, 'theirs' discards it. */
function resolve(id, choice) {
  return idb().then(function (d) { return d.get('outbox', id); }).then(function (item) {
    if (!item) return null;
    if (choice === 'theirs') return remove(id);
    return sendOne(item, true).then(function (r) { return remove(id).then(function () { return rebasePackage(item, r.sent); }); });
  }).then(changed);
}

// the page's network state (class "offline", the service worker told) is kept by network.js; the panels follow it here
window.addEventListener('online', changed);
window.addEventListener('offline', changed);

export const CivGeoOffline = { download: download, packages: packages, drop: drop, storage: storage, outbox: outbox,
  queue: queue, sync: sync, resolve: resolve, online: online, tileUrls: tileUrls, onChange: function (fn) { listeners.push(fn); } };
