/*
 * The device's queue of exchanges logged without a network, kept in IndexedDB so that a closed tab or a restarted
 * phone loses nothing. Loaded by the pages (app.js) and by the service worker (sw.js), which both empty it: the page
 * when the network returns, the worker on a background sync. Each exchange carries a key made on the device and the
 * server logs one exchange per key, so the two sending the same one is harmless.
 */
(function (scope) {
  'use strict';
  var DB = 'relais', STORE = 'exchanges';

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'clientKey' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function run(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        transaction.onerror = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  /** A key for one exchange; crypto.randomUUID needs https, getRandomValues does not (a phone on the office Wi-Fi). */
  function newKey() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  var sending = null;

  var queue = {
    newKey: newKey,
    add: function (item) { return run('readwrite', function (store) { return store.put(item); }); },
    remove: function (key) { return run('readwrite', function (store) { return store.delete(key); }); },
    all: function () { return run('readonly', function (store) { return store.getAll(); }); },

    /** One sending at a time per page or worker; a second call waits for the first. */
    flush: function (csrf) {
      if (!sending) {
        sending = send(csrf).finally(function () { sending = null; });
      }
      return sending;
    },

    /** Sends one exchange: 'sent' (201 new, 200 already received), 'refused' (400, reasons kept), 'login', 'offline'. */
    post: function (item, csrf) {
      var token = csrf || item.csrf;
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Relais-Queue': '1', 'X-Requested-With': 'fetch' };
      if (token) { headers[token.header] = token.token; }
      // the key always travels with the exchange: it is what makes a second sending harmless
      var fields = Object.assign({}, item.fields, { clientKey: item.clientKey });
      return fetch(item.url, { method: 'POST', credentials: 'same-origin', headers: headers,
        body: new URLSearchParams(fields) })
        .then(function (response) {
          if (response.status === 201 || response.status === 200) {
            return response.json().then(function (body) { return { outcome: 'sent', id: body.id }; });
          }
          if (response.status === 400) {
            return response.json().then(function (body) { return { outcome: 'refused', errors: body.errors || {} }; });
          }
          // 401: the session ended; 403: the token belongs to an older session. Kept for after the next login.
          if (response.status === 401 || response.status === 403) { return { outcome: 'login' }; }
          // 409 (sent twice at the same moment) or a server error: kept, tried again later
          return { outcome: 'offline' };
        }, function () { return { outcome: 'offline' }; });
    }
  };

  function send(csrf) {
    return queue.all().then(function (items) {
      var result = { sent: 0, login: false, refused: 0 };
      var chain = Promise.resolve();
      items.filter(function (item) { return !item.errors; }).forEach(function (item) {
        chain = chain.then(function () {
          if (result.login) { return; }
          return queue.post(item, csrf).then(function (answer) {
            if (answer.outcome === 'sent') { result.sent++; return queue.remove(item.clientKey); }
            if (answer.outcome === 'refused') { item.errors = answer.errors; result.refused++; return queue.add(item); }
            if (answer.outcome === 'login') { result.login = true; }
          });
        });
      });
      return chain.then(function () { return result; });
    });
  }

  scope.RelaisQueue = queue;
})(self);
