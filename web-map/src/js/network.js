/* The page's network state, with the start page: registers the service worker (sw.js), keeps the body's class
 * "offline" and tells the worker whether the device is offline (offline.js, the field work, builds on it). */
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('/sw.js').catch(function () { /* no offline mode, the map still works */ });
}

function online() { return navigator.onLine !== false; }

/** Tells the service worker whether the device is offline (it then answers from the caches only); resolves once it
 *  has taken note (at most 3 s: no worker, no wait). */
function tellWorker() {
  if (!('serviceWorker' in navigator)) return Promise.resolve();
  var told = navigator.serviceWorker.ready.then(function (reg) {
    var w = navigator.serviceWorker.controller || reg.active;
    if (!w) return null;
    return new Promise(function (resolve) {
      var ch = new MessageChannel();
      ch.port1.onmessage = function (m) {
        // shown on the page (data-worker-network), so that a test waits for the worker's answer, not for a time
        document.body.setAttribute('data-worker-network', m.data && m.data.offline ? 'offline' : 'online');
        resolve(true);
      };
      w.postMessage({ type: 'civgeo-network', offline: !online() }, [ch.port2]);
    });
  });
  return Promise.race([told, new Promise(function (r) { setTimeout(r, 3000); })]);
}
window.addEventListener('online', function () { document.body.classList.remove('offline'); tellWorker(); });
window.addEventListener('offline', function () { document.body.classList.add('offline'); tellWorker(); });
if (!online()) document.body.classList.add('offline');
tellWorker();

export const CivGeoNetwork = { online: online, tellWorker: tellWorker };
