import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shellName, staleCaches } from '../src/js/sw-caches.js';

test('a new build deletes the previous page caches only, never field packages or the state', () => {
  const current = shellName('abc123');
  const names = ['civgeo-shell-v1', 'civgeo-shell-old999', current, 'civgeo-field-17', 'civgeo-field-42', 'civgeo-state', 'other'];
  assert.deepEqual(staleCaches(names, current), ['civgeo-shell-v1', 'civgeo-shell-old999']);
  assert.deepEqual(staleCaches(['civgeo-field-1', current], current), []);
});
