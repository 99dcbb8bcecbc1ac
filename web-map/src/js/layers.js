/* The map's layers and the legend control that toggles them. Divisions come as vector tiles (level follows the
 * zoom unless fixed), labels and other layers as GeoJSON for the visible box, simplified for the zoom. */
import L from 'leaflet';
import { CivGeoApi } from './api.js';
import { CivGeoI18n } from './i18n.js';
import { CivGeoMvt } from './mvt.js';
import { lazy } from './lazy.js';

var t = CivGeoI18n.t, api = CivGeoApi;
var PALETTE = ['#f6d7a7', '#cfe8c3', '#c9dcf2', '#f3c6c6', '#e2d4f0', '#fbe8a6', '#c4ebe6', '#f5d0e6'];
var LEVEL_STROKE = { 1: ['#7a3b69', 3], 2: ['#8d4a6e', 2.5], 3: ['#5a4e7c', 2], 4: ['#66788a', 1.3], 5: ['#8795a3', 0.8] };
var CONDITION_COLORS = { intact: '#2e9e5b', damaged: '#e69a1c', missing: '#d0433a', displaced: '#8e44ad', unknown: '#6b7280' };

function hash(s) { var h = 0; for (var i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0; return Math.abs(h); }
function bboxParam(map) { var b = map.getBounds(); return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(','); }
function clampBbox(s) { return s.split(',').map(Number).map(function (v, i) { return Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)); }).join(','); }

function Layers(map, config) {
  this.map = map; this.config = config; this.fixedLevel = 0; this.entries = [];
  this.available = {};
  var self = this;
  (config.layers || []).forEach(function (l) { self.available[l.id] = l.available; });
  this.metrics = { tiles: [] };
  // On a tablet or small laptop (≤ 1024 px wide) the legend starts collapsed to its heading, so it does not cover the
  // map; one tap on its toggle opens it (#14). Wider screens start with it open.
  this.collapsed = Layers.narrow();
}

/** Whether the screen is 1024 px wide or less (tablet / small laptop): the legend starts collapsed there. */
Layers.NARROW_QUERY = '(max-width: 1024px)';
Layers.narrow = function () { return typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(Layers.NARROW_QUERY).matches; };

Layers.prototype.levelForZoom = function (z) {
  if (this.fixedLevel) return this.fixedLevel;
  var mins = this.config.levelMinZooms || [0, 6, 9, 11, 14], level = 1;
  for (var i = 0; i < mins.length; i++) if (z >= mins[i]) level = i + 1;
  return Math.min(level, this.config.maxDivisionLevel || 5);
};

Layers.prototype.divisionStyle = function (p) {
  var s = LEVEL_STROKE[p.level] || LEVEL_STROKE[4];
  return { fill: PALETTE[hash(String(p.code)) % PALETTE.length], fillOpacity: 0.55, color: s[0], weight: s[1] };
};

Layers.prototype.build = function () {
  var self = this, map = this.map;
  // 1024-pixel tiles: the vector tile of zoom z - 2 drawn at four times the size of a 256-pixel tile (its 4096
  // units still give 4 per pixel), so a laptop screen needs 4 to 6 tiles: one wave of requests, as a browser runs
  // at most six at a time per host (MapWarmup.TILE_ZOOM_OFFSET follows this).
  this.divisions = new CivGeoMvt.MvtLayer('/api/map/tiles/divisions/{tz}/{x}/{y}.mvt?level={level}', {
    tileSize: 1024, keepBuffer: 1,
    params: function (c) { return { tz: c.z - 2, level: self.levelForZoom(c.z) }; },
    style: function (p) { return self.divisionStyle(p); },
    headers: function () { return api.headers(); },
    onTile: function (ms, url) { self.metrics.tiles.push({ ms: ms, url: url }); },
    zIndex: 2
  });
  this.labels = L.layerGroup();
  var labelSeq = 0, labelBox = new BoxCache(map);
  this.refreshLabels = function (force) {
    if (!map.hasLayer(self.labels)) return Promise.resolve();
    var level = self.levelForZoom(map.getZoom());
    var box = labelBox.need(force, level);
    if (!box) return Promise.resolve(); // the labels around the view are loaded already
    var seq = ++labelSeq;
    return api.get('/api/map/collections/division-labels/items?limit=1000&level=' + level + '&bbox=' + box)
      .then(function (fc) {
        if (seq !== labelSeq) return;
        labelBox.loaded();
        self.labels.clearLayers();
        fc.features.forEach(function (f) {
          var c = f.geometry.coordinates, p = f.properties;
          L.marker([c[1], c[0]], { interactive: false, keyboard: false, icon: L.divIcon({ className: 'div-label l' + p.level,
            html: api.esc(p.name), iconSize: null }) }).addTo(self.labels);
        });
        map.getContainer().setAttribute('data-labels', fc.features.length);
      });
  };
  this.entries.push({ id: 'divisions', key: 'divisions', layer: this.divisions, on: true, swatch: '#cfe8c3' });
  this.entries.push({ id: 'division-labels', key: 'labels', layer: this.labels, on: true });
  // Requests leave in this order (a browser runs six at a time): the labels, the division tiles, then the rest.
  this.labels.addTo(map);
  this.labelsLoaded = this.refreshLabels(true);
  this.divisions.addTo(map);
  map.on('moveend', function () { self.refreshLabels(); self.updateStatus(); });
  map.on('zoomend', function () {
    var lvl = self.levelForZoom(map.getZoom());
    if (lvl !== self.shownLevel) { self.shownLevel = lvl; }
  });
  this.shownLevel = this.levelForZoom(map.getZoom());
  (CivGeoLayers.extra || []).forEach(function (make) { var e = make(self); if (e) self.entries.push(e); });
  // A planner's map starts with divisions and their labels only (#14): every other layer (boundary lines and markers,
  // disputes, facilities, analyses) says on: false and is one tap away in the legend.
  this.entries.forEach(function (e) { if (e.on && e.layer && !map.hasLayer(e.layer) && self.isAvailable(e)) e.layer.addTo(map); });
};

Layers.prototype.isAvailable = function (e) { return this.available[e.id] !== false; };

/** Which box a bbox-filtered layer loads: the view with half a view of margin on each side, reused while the
 *  view stays inside it at the same zoom and key (e.g. the division level) for up to a minute, so panning
 *  does not ask the server again for what it already sent. need(force, key) -> bbox string or null. */
function BoxCache(map) { this.map = map; this.box = null; }
BoxCache.MAX_AGE_MS = 60000;
BoxCache.prototype.need = function (force, key) {
  var view = this.map.getBounds(), z = this.map.getZoom(), p = this.pending;
  if (!force && this.box && this.z === z && this.key === key && this.box.contains(view) &&
      Date.now() - this.at < BoxCache.MAX_AGE_MS) return null;
  // a request on its way covers this view already (moves while it loads ask for nothing more)
  if (!force && p && p.z === z && p.key === key && p.box.contains(view) && Date.now() - p.at < 10000) return null;
  this.pending = { box: view.pad(0.5), z: z, key: key, at: Date.now() };
  return clampBbox([view.pad(0.5).getWest(), view.pad(0.5).getSouth(), view.pad(0.5).getEast(), view.pad(0.5).getNorth()]
    .map(function (v) { return v.toFixed(5); }).join(','));
};
/** The box asked for last has arrived. */
BoxCache.prototype.loaded = function () {
  if (!this.pending) return;
  this.box = this.pending.box; this.z = this.pending.z; this.key = this.pending.key; this.at = Date.now(); this.pending = null;
};
BoxCache.prototype.reset = function () { this.box = null; };

Layers.prototype.updateStatus = function () {
  var el = document.getElementById('status'), z = this.map.getZoom(), c = this.map.getCenter();
  el.textContent = t('zoom') + ' ' + z + ' · ' + t('level') + ' ' + t('level' + this.levelForZoom(z)) + ' · ' +
    c.lng.toFixed(4) + ', ' + c.lat.toFixed(4);
};

Layers.prototype.bbox = function () { return clampBbox(bboxParam(this.map)); };

/** Point layers with cluster: true (facilities) are grouped by leaflet.markercluster (MIT): a numbered bubble per
 *  group at city and district zooms, the single markers from zoom 15 (street level) on. */
Layers.CLUSTER_OPTIONS = { chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 50, disableClusteringAtZoom: 15 };

/** A GeoJSON layer reloaded on every move from url(): a URL, a FeatureCollection, or a promise of either (null = nothing).
 *  options: Leaflet GeoJSON options plus cluster (MarkerCluster group), minZoom (nothing below it), name
 *  (the feature count is written to the map element's data-<name> attribute), byBox (url(box) gets the padded box of a
 *  BoxCache and moves inside it load nothing) and key() (a change forces a load, e.g. the division level). */
Layers.prototype.geoJsonLayerUrl = function (url, options) {
  var self = this, map = this.map, layer = L.layerGroup();
  var seq = 0, cache = options.byBox ? new BoxCache(map) : null;
  // A cluster layer starts as an empty group in its legend entry: the first time it is shown, the plug-in's chunk
  // loads and its MarkerClusterGroup takes the group's place (entry, map), with this layer's load and reload.
  var placeholder = options.cluster ? layer : null;
  function load(force) {
    if (placeholder) {
      if (map.hasLayer(placeholder)) Layers.cluster().then(swap); // shown again in its place, it loads
      return;
    }
    if (!map.hasLayer(layer)) return;
    var below = options.minZoom && map.getZoom() < options.minZoom, box = null;
    if (cache) {
      if (below) cache.reset();
      else if (!(box = cache.need(force === true, options.key ? options.key() : ''))) return; // view still inside the loaded box
    }
    var s = ++seq;
    Promise.resolve(below ? null : url(box)).then(function (u) { return !u ? { type: 'FeatureCollection', features: [] } : typeof u === 'string' ? api.get(u) : u; })
      .then(function (fc) {
        if (s !== seq) return;
        if (cache && box) cache.loaded();
        layer.clearLayers();
        var g = L.geoJSON(fc, options);
        if (options.cluster) layer.addLayers(g.getLayers()); else layer.addLayer(g);
        map.getContainer().setAttribute('data-' + options.name, (fc.features || []).length);
      }).catch(function (e) { console.warn(options.name, e); });
  }
  function wire(l) { l.on('add', function () { load(true); }); l.reload = function () { load(true); }; }
  function swap() {
    if (!placeholder) return;
    var old = placeholder, shown = map.hasLayer(old);
    placeholder = null;
    layer = L.markerClusterGroup(Layers.CLUSTER_OPTIONS);
    wire(layer);
    self.entries.forEach(function (e) { if (e.layer === old) e.layer = layer; });
    if (shown) { map.removeLayer(old); map.addLayer(layer); }
  }
  wire(layer);
  map.on('moveend', function () { load(false); });
  return layer;
};

/** leaflet.markercluster (it extends window.L), loaded on first use: a promise. */
Layers.cluster = lazy(function () { return import('leaflet.markercluster'); });

/** A map collection (/api/map/collections/{id}/items) around the visible box (BoxCache), simplified for the zoom. */
Layers.prototype.geoJsonLayer = function (collection, options, extraQuery) {
  var self = this;
  options.name = options.name || collection;
  options.byBox = true;
  options.key = extraQuery;
  return this.geoJsonLayerUrl(function (box) {
    return '/api/map/collections/' + collection + '/items?limit=1000&zoom=' + self.map.getZoom() + '&bbox=' + (box || self.bbox()) + (extraQuery ? extraQuery() : '');
  }, options);
};

/** The legend: one labelled checkbox per layer; the level picker for divisions. */
Layers.prototype.legend = function () {
  var self = this;
  var Legend = L.Control.extend({
    options: { position: 'topright' },
    onAdd: function () {
      var div = L.DomUtil.create('section', 'legend');
      div.setAttribute('aria-label', t('layersLabel'));
      div.id = 'legend';
      L.DomEvent.disableClickPropagation(div); L.DomEvent.disableScrollPropagation(div);
      self.legendEl = div; self.renderLegend();
      return div;
    }
  });
  new Legend().addTo(this.map);
  // crossing 1024 px (a tablet turned, a window resized) collapses or opens it again
  if (typeof window !== 'undefined' && window.matchMedia) {
    var mq = window.matchMedia(Layers.NARROW_QUERY), follow = function (e) { self.collapsed = e.matches; self.renderLegend(); };
    if (mq.addEventListener) mq.addEventListener('change', follow); else if (mq.addListener) mq.addListener(follow);
  }
};

Layers.prototype.renderLegend = function () {
  var self = this, div = this.legendEl; if (!div) return;
  div.innerHTML = '<div class="legend-head"><h2>' + t('layers') + '</h2><button type="button" id="legend-toggle" class="legend-toggle" aria-expanded="' + !self.collapsed +
    '" aria-controls="legend" aria-label="' + t(self.collapsed ? 'legendShow' : 'legendHide') + '">' + (self.collapsed ? '▸' : '▾') + '</button></div>';
  div.classList.toggle('collapsed', !!self.collapsed);
  div.setAttribute('data-collapsed', String(!!self.collapsed));
  div.querySelector('#legend-toggle').addEventListener('click', function () { self.collapsed = !self.collapsed; self.renderLegend(); });
  // printing (print.js sets printOnly): only the layers on the map, with their symbols; no pickers or filters
  var printOnly = !!self.printOnly;
  div.classList.toggle('print-legend', printOnly);
  this.entries.forEach(function (e) {
    var avail = self.isAvailable(e);
    if (printOnly && !(avail && self.map.hasLayer(e.layer))) return;
    var label = L.DomUtil.create('label', avail ? '' : 'off', div);
    var cb = L.DomUtil.create('input', '', label);
    cb.type = 'checkbox'; cb.id = 'layer-' + e.id; cb.checked = avail && self.map.hasLayer(e.layer); cb.disabled = !avail;
    label.appendChild(document.createTextNode(' '));
    if (e.swatch) { var sw = L.DomUtil.create('span', 'swatch', label); sw.style.background = e.swatch; }
    label.appendChild(document.createTextNode(t(e.key) + (avail ? '' : ' (' + t('notAvailable') + ')')));
    cb.addEventListener('change', function () {
      if (cb.checked) { self.map.addLayer(e.layer); if (e.layer.reload) e.layer.reload(); if (e.id === 'division-labels') self.refreshLabels(true); }
      else self.map.removeLayer(e.layer);
      if (e.onToggle) e.onToggle(cb.checked);
    });
    if (e.id === 'divisions' && !printOnly) {
      var sub = L.DomUtil.create('div', 'sub', div);
      var lab = L.DomUtil.create('label', '', sub);
      lab.setAttribute('for', 'division-level'); lab.textContent = t('divisionLevel');
      var sel = L.DomUtil.create('select', '', sub); sel.id = 'division-level';
      [0, 1, 2, 3, 4, 5].forEach(function (l) {
        var o = L.DomUtil.create('option', '', sel); o.value = l; o.textContent = l ? t('level' + l) : t('levelAuto');
        if (l === self.fixedLevel) o.selected = true;
      });
      sel.addEventListener('change', function () { self.fixedLevel = +sel.value; self.divisions.redraw(); self.refreshLabels(true); self.updateStatus(); });
    }
    if (e.legend) { var lg = L.DomUtil.create('div', 'sub', div); lg.innerHTML = e.legend(); }
    if (e.controls && !printOnly) e.controls(div);
  });
};

export const CivGeoLayers = { Layers: Layers, extra: [], CONDITION_COLORS: CONDITION_COLORS, PALETTE: PALETTE, bboxParam: bboxParam };
