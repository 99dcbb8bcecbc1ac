/* Minimal Mapbox Vector Tile (v2) decoder and a Leaflet canvas GridLayer that draws it.
 * No dependency: protobuf wire format and the MVT geometry commands are decoded here.
 * Spec: https://github.com/mapbox/vector-tile-spec/tree/master/2.1 */
(function (global) {
  'use strict';

  function Pbf(buf) { this.buf = buf; this.pos = 0; this.len = buf.length; }
  Pbf.prototype.varint = function () {
    var b, val = 0, shift = 0;
    do {
      b = this.buf[this.pos++];
      val += (b & 0x7f) * Math.pow(2, shift);
      shift += 7;
    } while (b >= 0x80);
    return val;
  };
  Pbf.prototype.svarint = function () { var n = this.varint(); return n % 2 === 1 ? (n + 1) / -2 : n / 2; };
  Pbf.prototype.bytes = function () { var n = this.varint(); var s = this.buf.subarray(this.pos, this.pos + n); this.pos += n; return s; };
  Pbf.prototype.string = function () { return new TextDecoder('utf-8').decode(this.bytes()); };
  Pbf.prototype.skip = function (wire) {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos += this.varint();
    else if (wire === 5) this.pos += 4;
    else throw new Error('unsupported wire type ' + wire);
  };
  Pbf.prototype.each = function (fn) {
    var end = this.len;
    while (this.pos < end) {
      var tag = this.varint(); var field = tag >> 3; var wire = tag & 7;
      var start = this.pos;
      if (fn(field, wire, this) === false) { this.pos = start; this.skip(wire); }
    }
  };
  function sub(pbf) { return new Pbf(pbf.bytes()); }
  function packed(pbf) { var p = sub(pbf); var out = []; while (p.pos < p.len) out.push(p.varint()); return out; }

  function readValue(p) {
    var v = null;
    p.each(function (f, w, q) {
      if (f === 1) v = q.string();
      else if (f === 2) { v = new DataView(q.buf.buffer, q.buf.byteOffset + q.pos, 4).getFloat32(0, true); q.pos += 4; }
      else if (f === 3) { v = new DataView(q.buf.buffer, q.buf.byteOffset + q.pos, 8).getFloat64(0, true); q.pos += 8; }
      else if (f === 4 || f === 5) v = q.varint();
      else if (f === 6) v = q.svarint();
      else if (f === 7) v = !!q.varint();
      else return false;
    });
    return v;
  }

  function readLayer(p) {
    var layer = { name: '', extent: 4096, keys: [], values: [], raw: [] };
    p.each(function (f, w, q) {
      if (f === 1) layer.name = q.string();
      else if (f === 5) layer.extent = q.varint();
      else if (f === 3) layer.keys.push(q.string());
      else if (f === 4) layer.values.push(readValue(sub(q)));
      else if (f === 2) layer.raw.push(sub(q));
      else return false;
    });
    layer.features = layer.raw.map(function (fp) {
      var feat = { id: null, type: 0, tags: [], geom: [] };
      fp.each(function (f, w, q) {
        if (f === 1) feat.id = q.varint();
        else if (f === 2) feat.tags = packed(q);
        else if (f === 3) feat.type = q.varint();
        else if (f === 4) feat.geom = packed(q);
        else return false;
      });
      var props = {};
      for (var i = 0; i + 1 < feat.tags.length; i += 2) props[layer.keys[feat.tags[i]]] = layer.values[feat.tags[i + 1]];
      return { id: feat.id, type: feat.type, properties: props, rings: decodeGeometry(feat.geom) };
    });
    delete layer.raw;
    return layer;
  }

  /** Geometry commands to an array of rings/lines/points, each an array of [x, y] in tile extent units. */
  function decodeGeometry(g) {
    var rings = [], ring = null, x = 0, y = 0, i = 0;
    while (i < g.length) {
      var cmd = g[i] & 7, count = g[i] >> 3; i++;
      if (cmd === 7) { if (ring && ring.length) ring.push(ring[0]); continue; }
      for (var k = 0; k < count; k++) {
        var dx = g[i++], dy = g[i++];
        x += (dx >> 1) ^ (-(dx & 1)); y += (dy >> 1) ^ (-(dy & 1));
        if (cmd === 1) { ring = [[x, y]]; rings.push(ring); } else ring.push([x, y]);
      }
    }
    return rings;
  }

  function decode(arrayBuffer) {
    var p = new Pbf(new Uint8Array(arrayBuffer)); var layers = {};
    p.each(function (f, w, q) { if (f === 3) { var l = readLayer(sub(q)); layers[l.name] = l; } else return false; });
    return layers;
  }

  /** L.GridLayer drawing MVT tiles on canvas. options: url (template with {z}{x}{y}), style(props, layerName)
   *  -> {fill, fillOpacity, color, weight, dash, radius}, headers() -> extra request headers, onTile(ms, url). */
  var MvtLayer = L.GridLayer.extend({
    options: { tileSize: 256, updateWhenZooming: false, keepBuffer: 2 },
    initialize: function (url, options) { this._url = url; L.setOptions(this, options); },
    setUrl: function (url) { this._url = url; this.redraw(); return this; },
    createTile: function (coords, done) {
      var tile = L.DomUtil.create('canvas', 'civgeo-mvt-tile');
      var size = this.getTileSize(); var ratio = global.devicePixelRatio || 1;
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
            f.rings.forEach(function (r) { r.forEach(function (p, i) { if (i === 0) ctx.moveTo(p[0] * s, p[1] * s); else ctx.lineTo(p[0] * s, p[1] * s); }); });
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

  global.CivGeoMvt = { decode: decode, decodeGeometry: decodeGeometry, MvtLayer: MvtLayer };
})(window);
