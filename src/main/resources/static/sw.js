/*
 * The service worker of the staff web app (scope /). It keeps the app's own files for offline use, the pages last
 * seen (so a customer's page opens in a cellar without network, and its "log an exchange" still works), and empties
 * the offline queue of exchanges on a background sync. It never answers a change (POST): those go to the network,
 * and the page's script keeps what could not be sent.
 */
importScripts('/app/queue.js');

var SHELL = 'relais-shell-v1';
var PAGES = 'relais-pages';
var SHELL_FILES = ['/app/app.css', '/app/app.js', '/app/queue.js', '/webjars/htmx.org/2.0.4/dist/htmx.min.js',
  '/offline', '/app/icon-192.png', '/manifest.webmanifest'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== SHELL && n !== PAGES; })
      .map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  // the public pages are not the app's: a reception page opened on a courier's phone holds a single-use link, which
  // must not stay in this phone's copies
  if (request.method !== 'GET' || url.origin !== self.location.origin
      || url.pathname.indexOf('/api/') === 0 || url.pathname.indexOf('/camunda/') === 0
      || url.pathname.indexOf('/engine-rest/') === 0 || url.pathname.indexOf('/public/') === 0) {
    return;
  }
  if (url.pathname.indexOf('/app/') === 0 || url.pathname.indexOf('/webjars/') === 0) {
    event.respondWith(caches.match(request).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  if (request.mode === 'navigate') {
    // the network first (staff must see today's data), the last copy when there is none
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok && !response.redirected && url.pathname !== '/login') {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    }).catch(function () {
      return caches.match(request).then(function (hit) { return hit || caches.match('/offline'); });
    }));
  }
});

self.addEventListener('sync', function (event) {
  if (event.tag === 'relais-exchanges') {
    event.waitUntil(self.RelaisQueue.flush(null).then(tellPages));
  }
});

self.addEventListener('message', function (event) {
  if (event.data && event.data.type === 'forget-pages') {
    // logged out: the pages kept for offline use hold customers' data and leave with the session
    event.waitUntil(caches.delete(PAGES));
  }
});

function tellPages(result) {
  return self.clients.matchAll().then(function (pages) {
    pages.forEach(function (page) { page.postMessage({ type: 'queue-flushed', sent: result.sent }); });
  });
}
