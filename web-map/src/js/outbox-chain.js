/* The outbox's chain of one surveyor's edits of one marker (offline.js): an observation queued offline carries the
 * version of the marker's record it was based on; when an earlier queued edit of the same marker, based on the same
 * version, has just been sent, the later one is based on the version that send produced (the surveyor's own record),
 * not on the one read before going offline, so it is not shown as a conflict with the surveyor's own first edit. */

/** After items[index] was sent and the server's record is now `record` ({ version }): rebases the later queued items
 *  of the same marker that were based on the same version as the sent one; returns how many were rebased. */
export function rebaseLater(items, index, record) {
  var sent = items[index], n = 0;
  if (!sent || !record || record.version == null) return 0;
  var from = sent.baseVersion == null ? null : sent.baseVersion;
  for (var i = index + 1; i < items.length; i++) {
    var it = items[i];
    if (it.markerId !== sent.markerId || it.state === 'conflict') continue;
    if ((it.baseVersion == null ? null : it.baseVersion) !== from) continue;
    it.baseVersion = record.version; n++;
  }
  return n;
}
