/* Mapbox Vector Tiles drawn on canvas by a Leaflet GridLayer (decoding in mvt-decode.js). */
import L from 'leaflet';
import { decode } from './mvt-decode.js';

/** L.GridLayer drawing MVT tiles on canvas. options: url (template with {z}{x}{y}), style(props, layerName)
 *  -> {fill, fillOpacity, color, weight, dash, radius}, headers() -> extra request headers, onTile(ms, url). */
var MvtLayer = L.GridLayer.extend({
  options: { tileSize: 256, updateWhenZooming: false, keepBuffer: 2 },
  initialize: function (url, options) { this._url = url; L.setOptions(this, options); },
  setUrl: function (url) { this._url = url; this.redraw(); return this; },
  createTile: function (coords, done) {
    var tile = L.DomUtil.create('canvas', 'civgeo-mvt-tile');
    var size = this.getTileSize(); var ratio = window.devicePixelRatio || 1;
    tile.width = size.x * ratio; tile.height = size.y * ratio;
    tile.style.width = size.x + 'px'; tile.style.height = size.y + 'px';
    var url = L.Util.template(this._url, L.extend({ z: coords.z, x: coords.x, y: coords.y }, this.options.params ? this.options.params(coords) : {}));
    var self = this, t0 = performance.now();
    fetch(url, { headers: this.options.headers ? this.options.headers() : {} })
      .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.arrayBuffer(); })
      .then(function (buf) {
        var layers = decode(buf);
        self._draw(tile.getContext('2d'), layers, size.x * ratio, ratio);
        tile.setAttribute('data-features', Object.keys(layers).reduce(function (n, k) { return n + layers[k].features.length; }, 0));
        if (self.options.onTile) self.options.onTile(performance.now() - t0, url);
        done(null, tile);
      })
      .catch(function (e) { done(e, tile); });
    return tile;
  },
  _draw: function (ctx, layers, px, ratio) {
    var style = this.options.style;
    Object.keys(layers).forEach(function (name) {
      var layer = layers[name]; var s = px / layer.extent;
      layer.features.forEach(function (f) {
        var st = style(f.properties, name, f.type); if (!st) return;
        ctx.beginPath();
        if (f.type === 1) {
          f.rings.forEach(function (r) { r.forEach(function (p) { ctx.moveTo(p[0] * s + (st.radius || 3) * ratio, p[1] * s); ctx.arc(p[0] * s, p[1] * s, (st.radius || 3) * ratio, 0, 2 * Math.PI); }); });
        } else {
          f.rings.forEach(function (r) {
            r.forEach(function (p, i) { if (i === 0) ctx.moveTo(p[0] * s, p[1] * s); else ctx.lineTo(p[0] * s, p[1] * s); });
            if (f.type === 3) ctx.closePath();
          });
        }
        if ((f.type === 3 || f.type === 1) && st.fill) { ctx.globalAlpha = st.fillOpacity == null ? 0.3 : st.fillOpacity; ctx.fillStyle = st.fill; ctx.fill('evenodd'); }
        if (st.color && st.weight !== 0) {
          ctx.globalAlpha = st.opacity == null ? 1 : st.opacity;
          ctx.strokeStyle = st.color; ctx.lineWidth = (st.weight || 1) * ratio; ctx.setLineDash(st.dash ? st.dash.map(function (d) { return d * ratio; }) : []);
          ctx.stroke();
        }
        ctx.globalAlpha = 1;
      });
    });
  }
});

export const CivGeoMvt = { decode: decode, MvtLayer: MvtLayer };
