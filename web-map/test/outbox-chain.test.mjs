// The outbox chains one surveyor's edits of one marker (web-map/src/js/outbox-chain.js): node --test web-map/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rebaseLater } from '../src/js/outbox-chain.js';

test('a second edit of the same marker is based on the version the first one produced', () => {
  const items = [{ id: 1, markerId: 7, baseVersion: 2 }, { id: 2, markerId: 8, baseVersion: 2 },
    { id: 3, markerId: 7, baseVersion: 2 }, { id: 4, markerId: 7, baseVersion: 2 }];
  assert.equal(rebaseLater(items, 0, { version: 3 }), 2);
  assert.deepEqual(items.map(i => i.baseVersion), [2, 2, 3, 3]);
  // the third edit follows the second one's send
  assert.equal(rebaseLater(items, 2, { version: 4 }), 1);
  assert.deepEqual(items.map(i => i.baseVersion), [2, 2, 3, 4]);
});

test('a marker without a record before (base null) is chained too; other bases and conflicts are left alone', () => {
  const items = [{ markerId: 7, baseVersion: null }, { markerId: 7 }, { markerId: 7, baseVersion: 5 },
    { markerId: 7, baseVersion: null, state: 'conflict' }];
  assert.equal(rebaseLater(items, 0, { version: 0 }), 1);
  assert.deepEqual(items.map(i => i.baseVersion), [null, 0, 5, null]);
  assert.equal(rebaseLater(items, 0, null), 0);
});
