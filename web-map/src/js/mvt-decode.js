/* Mapbox Vector Tile decoding by @mapbox/vector-tile on pbf (the reference implementation of the MVT 2.1 spec),
 * into the plain shape the canvas layer draws (mvt.js). */
import { PbfReader as Pbf } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';

/** A tile's bytes to { layerName: { extent, features: [{ id, type, properties, rings }] } }, rings as arrays of
 *  [x, y] in tile extent units (type 1 point, 2 line, 3 polygon, as in the spec). */
export function decode(arrayBuffer) {
  var tile = new VectorTile(new Pbf(new Uint8Array(arrayBuffer))), layers = {};
  Object.keys(tile.layers).forEach(function (name) {
    var l = tile.layers[name], features = [];
    for (var i = 0; i < l.length; i++) {
      var f = l.feature(i);
      features.push({ id: f.id === undefined ? null : f.id, type: f.type, properties: f.properties,
        rings: f.loadGeometry().map(function (r) { return r.map(function (p) { return [p.x, p.y]; }); }) });
    }
    layers[name] = { name: name, extent: l.extent, features: features };
  });
  return layers;
}

