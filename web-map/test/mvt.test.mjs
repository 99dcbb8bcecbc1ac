// Vector-tile decoding in the page (web-map/src/js/mvt-decode.js, @mapbox/vector-tile + pbf) on a tile made by
// PostGIS ST_AsMVT, as the map's tile endpoints make them:
//   SELECT encode(ST_AsMVT(t, 'divisions', 4096, 'geom', 'id'), 'base64') FROM (
//     SELECT 350203 AS id, '思明区' AS name, 3 AS level, 12.5::float8 AS share, ST_AsMVTGeom(
//       'POLYGON((10 10,100 10,100 100,10 100,10 10),(40 40,40 60,60 60,60 40,40 40))', ST_MakeEnvelope(0,0,4096,4096), 4096, 0, false) geom
//     UNION ALL SELECT 7, 'x', 5, NULL, ST_AsMVTGeom('POINT(2000 3000)', ST_MakeEnvelope(0,0,4096,4096), 4096, 0, false)) t
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../src/js/mvt-decode.js';

const TILE = 'GogBCglkaXZpc2lvbnMSKgj7rxUSBgAAAQECAhgDIhoJFOw/GgCzAbQBAAC0AQ8JT2MaJwAAKCgADxIRCAcSBAADAQQYASIFCaAfkBEaBG5hbWUaBWxldmVsGgVzaGFyZSILCgnmgJ3mmI7ljLoiAigDIgkZAAAAAAAAKUAiAwoBeCICKAUogCB4Ag==';
const bytes = Uint8Array.from(Buffer.from(TILE, 'base64'));

test('layers, extent, feature ids and properties as PostGIS wrote them', () => {
  const layers = decode(bytes.buffer);
  assert.deepEqual(Object.keys(layers), ['divisions']);
  const l = layers.divisions;
  assert.equal(l.extent, 4096);
  assert.deepEqual(l.features.map((f) => f.id), [350203, 7]);
  assert.deepEqual({ ...l.features[0].properties }, { name: '思明区', level: 3, share: 12.5 });
  assert.deepEqual({ ...l.features[1].properties }, { name: 'x', level: 5 }); // NULL is left out
  assert.deepEqual(l.features.map((f) => f.type), [3, 1]);
});

test('polygon rings (outer and hole) and the point in tile units, y down', () => {
  const [poly, point] = decode(bytes.buffer).divisions.features;
  assert.equal(poly.rings.length, 2);
  const xs = poly.rings[0].map((p) => p[0]), ys = poly.rings[0].map((p) => p[1]);
  assert.deepEqual([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)], [10, 100, 3996, 4086]);
  const hx = poly.rings[1].map((p) => p[0]), hy = poly.rings[1].map((p) => p[1]);
  assert.deepEqual([Math.min(...hx), Math.max(...hx), Math.min(...hy), Math.max(...hy)], [40, 60, 4036, 4056]);
  assert.deepEqual(point.rings, [[[2000, 1096]]]);
});
