/*
 * The staff web app's own script, small on purpose: the pages work without it (forms post, links link), and it adds
 * what a person on a phone expects: htmx's CSRF header, dates in the browser's zone, the live unread count, the
 * exchange form that keeps what it could not send, drag-and-drop uploads with progress, the service worker.
 */
(function () {
  'use strict';
  var body = document.body;
  var csrf = (function () {
    var token = document.querySelector('meta[name=_csrf]');
    var header = document.querySelector('meta[name=_csrf_header]');
    return token && header ? { header: header.content, token: token.content } : null;
  })();
  function text(name) { return body.getAttribute('data-messages-' + name) || ''; }

  // dates in the reader's zone: the server formats with this cookie from the next page on
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (e) { /* an old browser: the company's zone */ }

  // every htmx change carries the CSRF token, like the forms
  body.addEventListener('htmx:configRequest', function (event) {
    if (csrf) { event.detail.headers[csrf.header] = csrf.token; }
  });

  // the unread count: again when the page comes back to the foreground, and at once when the live stream says so
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible') { refreshUnread(); }
  });
  function refreshUnread() { if (window.htmx) { htmx.trigger(body, 'relais:refresh'); } }
  if (window.EventSource && csrf && document.getElementById('unread')) {
    var stream = new EventSource('/api/notifications/stream');
    stream.onmessage = refreshUnread;
    stream.addEventListener('notification', refreshUnread);
    window.addEventListener('pagehide', function () { stream.close(); });
  }

  // the thumb bar's "Log" is for a customer's page; elsewhere it goes to the customers
  var thumbLog = document.querySelector('.thumb-log');
  if (thumbLog && !document.getElementById('log')) { thumbLog.setAttribute('href', '/customers'); }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* private mode: no offline copy */ });
    navigator.serviceWorker.addEventListener('message', function (event) {
      if (event.data && event.data.type === 'queue-flushed') { afterFlush(event.data); }
    });
    if (document.querySelector('.login-page') && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: 'forget-pages' });
    }
  }

  var status = document.getElementById('queue-status');
  var shownKeys = [];
  exchangeForm(document.getElementById('log-form'));
  dropzone(document.querySelector('.dropzone'));

  // ---- log an exchange: two taps (a type, then Save); without a network it waits on the device ----

  function say(message) {
    if (!status) { return; }
    status.textContent = message;
    status.hidden = !message;
  }

  function exchangeForm(form) {
    if (!form || !window.RelaisQueue) { return; }
    var subject = form.querySelector('[name=subject]');
    var other = form.querySelector('select.other-type');
    var toggle = form.querySelector('.other-type-toggle');
    var result = form.querySelector('.log-result');
    var lastDefault = '';

    form.querySelectorAll('input[type=radio][name=type]').forEach(function (radio) {
      radio.addEventListener('change', function () {
        if (other) { other.disabled = true; other.classList.remove('shown'); }
        fillSubject(radio.getAttribute('data-default-subject'));
      });
    });
    var checked = form.querySelector('input[type=radio][name=type]:checked');
    if (checked) { fillSubject(checked.getAttribute('data-default-subject')); }
    if (toggle && other) {
      toggle.addEventListener('click', function () {
        form.querySelectorAll('input[type=radio][name=type]').forEach(function (r) { r.checked = false; });
        other.disabled = false;
        other.classList.add('shown');
        other.focus();
      });
    }

    function fillSubject(value) {
      if (value && (subject.value === '' || subject.value === lastDefault)) { subject.value = value; }
      lastDefault = value || '';
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors(form);
      var fields = {};
      new FormData(form).forEach(function (value, name) { fields[name] = value; });
      fields.clientKey = RelaisQueue.newKey();
      var item = { clientKey: fields.clientKey, url: form.action, fields: fields, csrf: csrf,
        customer: location.pathname, queuedAt: new Date().toISOString() };
      if (!navigator.onLine) { keep(item, text('offline')); return; }
      RelaisQueue.post(item, csrf).then(function (answer) {
        if (answer.outcome === 'sent') {
          form.reset();
          var first = form.querySelector('input[type=radio][name=type]:checked');
          lastDefault = '';
          if (first) { fillSubject(first.getAttribute('data-default-subject')); }
          result.textContent = text('saved');
          refreshTimeline();
        } else if (answer.outcome === 'refused') {
          showErrors(form, answer.errors);
        } else if (answer.outcome === 'login') {
          keep(item, text('login'));
        } else {
          keep(item, text('offline'));
        }
      });
    });

    function keep(item, message) {
      RelaisQueue.add(item).then(function () {
        form.reset();
        lastDefault = '';
        say(message);
        showPending();
        if ('serviceWorker' in navigator && 'SyncManager' in window) {
          navigator.serviceWorker.ready.then(function (reg) { return reg.sync.register('relais-exchanges'); })
            .catch(function () { /* no background sync: the page sends it when the network returns */ });
        }
      });
    }

    window.addEventListener('online', flushNow);
    showPending();
    if (navigator.onLine) { flushNow(); }
    // the 'online' event is not sent on every network change (a captive portal, a tunnel): look again now and then
    setInterval(function () {
      showPending();
      if (navigator.onLine) {
        RelaisQueue.all().then(function (items) { if (items.some(function (i) { return !i.errors; })) { flushNow(); } });
      }
    }, 5000);
  }

  function flushNow() {
    RelaisQueue.flush(csrf).then(afterFlush);
  }

  function afterFlush(result) {
    if (result.login) { say(text('login')); }
    else if (result.sent > 0) { say(text('sent')); refreshTimeline(); }
    else if (navigator.onLine) { say(''); }
    showPending();
  }

  /** The exchanges of this customer still on the device, and those the server refused with its reasons. */
  function showPending() {
    var list = document.querySelector('.pending');
    if (!list || !window.RelaisQueue) { return; }
    RelaisQueue.all().then(function (items) {
      var mine = items.filter(function (item) { return item.customer === location.pathname; });
      var keys = mine.map(function (item) { return item.clientKey; });
      // one of ours left the queue: sent, by this page or by the worker (whose message may not reach us)
      if (shownKeys.some(function (key) { return keys.indexOf(key) < 0; })) { refreshTimeline(); }
      shownKeys = keys;
      list.textContent = '';
      mine.forEach(function (item) {
        var li = document.createElement('li');
        li.className = 'pending-item';
        li.textContent = (item.errors ? text('refused') + ' ' + Object.keys(item.errors).map(function (f) {
          return f + ': ' + item.errors[f]; }).join('; ') : text('pending')) + ' — ' + item.fields.subject;
        if (item.errors) {
          var back = document.createElement('button');
          back.type = 'button';
          back.className = 'link';
          back.textContent = '↺';
          back.setAttribute('aria-label', item.fields.subject);
          back.addEventListener('click', function () { putBack(item); });
          li.appendChild(back);
        }
        list.appendChild(li);
      });
    });
  }

  /** A refused exchange goes back into the form, as typed, to be corrected: nothing typed is lost. */
  function putBack(item) {
    var form = document.getElementById('log-form');
    ['subject', 'details', 'start'].forEach(function (name) {
      var field = form.querySelector('[name=' + name + ']');
      if (field && item.fields[name] !== undefined) { field.value = item.fields[name]; }
    });
    RelaisQueue.remove(item.clientKey).then(function () { showErrors(form, item.errors); showPending(); });
  }

  function showErrors(form, errors) {
    Object.keys(errors || {}).forEach(function (field) {
      var place = form.querySelector('#err-' + field);
      var input = form.querySelector('[name=' + field + ']');
      if (place) { place.textContent = errors[field]; place.hidden = false; }
      if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
    });
  }

  function clearErrors(form) {
    form.querySelectorAll('.error').forEach(function (p) { p.hidden = true; p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (i) { i.removeAttribute('aria-invalid'); });
    var result = form.querySelector('.log-result');
    if (result) { result.textContent = ''; }
  }

  function refreshTimeline() {
    var list = document.getElementById('timeline-list');
    if (list && window.htmx) {
      htmx.ajax('GET', list.getAttribute('data-source'), { target: '#timeline-list', swap: 'innerHTML' });
    }
  }

  // ---- files: drop, pick or photograph; each sent as it is, with its progress and, if refused, the reason ----
  function dropzone(zone) {
    if (!zone) { return; }
    var input = zone.querySelector('input[type=file]');
    var uploads = zone.parentNode.querySelector('.uploads');
    ['dragenter', 'dragover'].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove('over'); });
    });
    zone.addEventListener('drop', function (event) {
      event.preventDefault();
      Array.prototype.forEach.call(event.dataTransfer.files, send);
    });
    input.addEventListener('change', function () {
      Array.prototype.forEach.call(input.files, send);
      input.value = '';
    });

    function send(file) {
      var line = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = file.name;
      var progress = document.createElement('progress');
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute('aria-label', file.name);
      line.appendChild(name);
      line.appendChild(progress);
      uploads.appendChild(line);
      var request = new XMLHttpRequest();
      request.open('POST', zone.getAttribute('data-upload') + '?name=' + encodeURIComponent(file.name));
      if (csrf) { request.setRequestHeader(csrf.header, csrf.token); }
      request.setRequestHeader('X-Requested-With', 'fetch');
      // the server judges the type from the bytes; a form type here would have the body read as form fields
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) { progress.value = Math.round(100 * event.loaded / event.total); }
      };
      request.onload = function () {
        if (request.status === 201) {
          line.remove();
          if (window.htmx) {
            htmx.ajax('GET', zone.getAttribute('data-upload'), { target: '#files', swap: 'outerHTML' });
          }
          refreshTimeline();
          return;
        }
        var reason = request.statusText;
        try { reason = JSON.parse(request.responseText).message || reason; } catch (e) { /* not JSON */ }
        progress.remove();
        line.className = 'error upload-refused';
        line.setAttribute('role', 'alert');
        name.textContent = file.name + ' — ' + reason;
      };
      request.onerror = function () {
        progress.remove();
        line.className = 'error upload-refused';
        line.setAttribute('role', 'alert');
        name.textContent = file.name + ' — ' + text('offline');
      };
      request.send(file);
    }
  }
})();
