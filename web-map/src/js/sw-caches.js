/* Which caches a newly activated service worker deletes: the previous builds' page caches ("civgeo-shell-<build>",
 * and the old fixed "civgeo-shell-v1"), never the field packages ("civgeo-field-<lineId>"), the network state
 * ("civgeo-state") or any cache not the worker's. The queued observations live in IndexedDB, which is not touched. */
export var SHELL_PREFIX = 'civgeo-shell-';
export function shellName(build) { return SHELL_PREFIX + build; }
export function staleCaches(names, current) {
  return names.filter(function (n) { return n.indexOf(SHELL_PREFIX) === 0 && n !== current; });
}
