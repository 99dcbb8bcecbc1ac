// Vertex editing of a drawn proposal polygon (web-map/src/js/ring-edit.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { midpoints, insertAfter, removeAt, toPolygon, fromGeometry } from '../src/js/ring-edit.js';

const square = [{ lat: 0, lng: 0 }, { lat: 0, lng: 2 }, { lat: 2, lng: 2 }, { lat: 2, lng: 0 }];

test('a midpoint per edge, the last one closing the ring', () => {
  assert.deepEqual(midpoints(square), [{ lat: 0, lng: 1 }, { lat: 1, lng: 2 }, { lat: 2, lng: 1 }, { lat: 1, lng: 0 }]);
});

test('inserting on an edge puts the point between its two corners and leaves the input alone', () => {
  const r = insertAfter(square, 3, { lat: 1, lng: 0 });
  assert.equal(r.length, 5);
  assert.deepEqual(r[4], { lat: 1, lng: 0 });
  assert.equal(square.length, 4);
});

test('deleting a corner keeps at least a triangle', () => {
  const tri = removeAt(square, 1);
  assert.deepEqual(tri, [{ lat: 0, lng: 0 }, { lat: 2, lng: 2 }, { lat: 2, lng: 0 }]);
  assert.equal(removeAt(tri, 0), null);
  assert.equal(removeAt(square, 7), null);
});

test('GeoJSON round trip: closed ring in lon/lat order out, open ring back', () => {
  const g = toPolygon(square);
  assert.deepEqual(g.coordinates[0][0], [0, 0]);
  assert.deepEqual(g.coordinates[0][1], [2, 0]);
  assert.deepEqual(g.coordinates[0][4], [0, 0]);
  assert.deepEqual(fromGeometry(g), square);
  assert.deepEqual(fromGeometry({ type: 'MultiPolygon', coordinates: [g.coordinates] }), square);
  assert.equal(toPolygon(square.slice(0, 2)), null);
});
