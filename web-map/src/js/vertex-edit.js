/* A polygon on the map whose corners can be dragged, inserted (click the small mid-edge handle) and deleted (select a
 * corner by a click, then deleteSelected), with plain Leaflet draggable markers (no drawing library). */
import L from 'leaflet';
import { midpoints, insertAfter, removeAt } from './ring-edit.js';

/**
 * Shows ring (a list of L.LatLng, at least three) as an editable polygon. onChange(ring) after every edit.
 * Answers { ring(), selected(), deleteSelected(), remove() }.
 */
export function VertexEditor(map, ring, opts) {
  opts = opts || {};
  var layer = L.layerGroup().addTo(map), poly = null, selected = -1;
  ring = ring.map(function (p) { return L.latLng(p.lat, p.lng); });
  function changed() { if (opts.onChange) opts.onChange(ring.slice()); }
  function icon(cls, i) {
    return L.divIcon({ className: cls + (i === selected ? ' selected' : ''), iconSize: cls === 'adj-vertex' ? [14, 14] : [10, 10],
      html: '<span data-i="' + i + '"></span>' });
  }
  function redraw() {
    layer.clearLayers();
    poly = L.polygon(ring, { color: opts.color || '#8e44ad', weight: 2, dashArray: '4 3', interactive: false }).addTo(layer);
    ring.forEach(function (ll, i) {
      var m = L.marker(ll, { draggable: true, keyboard: false, icon: icon('adj-vertex', i), zIndexOffset: 1000 });
      m.on('drag', function (e) { ring[i] = e.target.getLatLng(); poly.setLatLngs(ring); });
      m.on('dragend', function () { selected = i; redraw(); changed(); });
      m.on('click', function () { selected = i; redraw(); changed(); });
      m.addTo(layer);
    });
    midpoints(ring).forEach(function (mp, i) {
      var m = L.marker([mp.lat, mp.lng], { keyboard: false, icon: icon('adj-midpoint', i) });
      m.on('click', function () { ring = insertAfter(ring, i, L.latLng(mp.lat, mp.lng)); selected = i + 1; redraw(); changed(); });
      m.addTo(layer);
    });
  }
  redraw();
  return {
    ring: function () { return ring.slice(); },
    selected: function () { return selected; },
    deleteSelected: function () {
      var r = removeAt(ring, selected);
      if (!r) return false;
      ring = r; selected = -1; redraw(); changed();
      return true;
    },
    remove: function () { layer.remove(); }
  };
}
