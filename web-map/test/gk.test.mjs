// Gauss–Krüger in the page (web-map/src/js/gk-proj4.js, proj4): checked against PostGIS's EPSG:4513–4533 zones.
// Expected values: SELECT ST_X(p), ST_Y(p) FROM ST_Transform(ST_SetSRID(ST_Point(lon, lat), 4490), 4527) p
// (PostGIS 3.3 / PROJ on this project's database, 2026-12-01).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forward, inverse, zoneOf, zoneDefinition } from '../src/js/gk-proj4.js';

test('forward matches PostGIS to the millimetre in the point\'s own zone and in a neighbour zone', () => {
  const xm = forward(118.089, 24.479);            // Xiamen, zone 39 (EPSG:4527)
  assert.equal(xm.zone, 39);
  assert.ok(Math.abs(xm.y - 39610398.0811662) < 0.001, `easting ${xm.y}`);
  assert.ok(Math.abs(xm.x - 2708778.2656875537) < 0.001, `northing ${xm.x}`);
  const bj = forward(116.2, 39.9, 38);            // Beijing in zone 38 (EPSG:4526), as a line recorded in zone 38 would be
  assert.equal(bj.zone, 38);
  assert.ok(Math.abs(bj.y - 38688148.531565405) < 0.001, `easting ${bj.y}`);
  assert.ok(Math.abs(bj.x - 4420743.327197164) < 0.001, `northing ${bj.x}`);
});

test('the zone is the nearest 3-degree central meridian and is carried in the easting', () => {
  assert.equal(zoneOf(118.089), 39);
  assert.equal(zoneOf(116.4), 39);
  assert.equal(zoneOf(73.6), 25);
  assert.equal(zoneOf(134.7), 45);
  assert.match(zoneDefinition(39), /\+lon_0=117 .*\+x_0=39500000 /);
  assert.equal(Math.floor(forward(120.3, 30.2).y / 1e6), 40);
});

test('inverse returns the point within 1e-9 degrees', () => {
  for (const [lon, lat] of [[118.089, 24.479], [102.7, 25.04], [126.6, 45.75]]) {
    const g = forward(lon, lat);
    const [lon2, lat2] = inverse(g.x, g.y);
    assert.ok(Math.abs(lon2 - lon) < 1e-9 && Math.abs(lat2 - lat) < 1e-9, `${lon},${lat} -> ${lon2},${lat2}`);
  }
});
