// Relais CRM: a "Customer" tab on a task in Tasklist (plugin point tasklist.task.detail). Whoever works a task of a
// deal sees whom it is for (name, category, e-mail, phone, consents) and the last exchanges with them, with links to
// the customer's and the deal's pages in the staff web app, without leaving Tasklist.
//
// Tasklist calls render(node, {api, taskId}) each time the tab is shown, and again for another task while the tab is
// selected. The deal is the task's opportunityId variable (DealVariables), read through Tasklist's own engine API;
// the deal, the customer and the exchanges come from /api, which takes the Tasklist login for reads
// (WebappSessionLogin). Text goes in with createTextNode and attributes with setAttribute, never innerHTML: names and
// subjects are typed by people. Plain DOM and fetch: nothing to build, nothing loaded from outside.

const EXCHANGES_SHOWN = 5;

/** A sentence that is shown as it is, unlike an unexpected error (logged, and a general sentence shown). */
class Unreadable extends Error {}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter(child => child !== null && child !== undefined).forEach(child =>
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child));
  return node;
}

/** What a person is told for a refused or failed read: a sentence, never a status dump or a stack. */
function refusal(status, what) {
  switch (status) {
    case 401: return 'Your session has ended: log in again to see ' + what + '.';
    case 403: return 'You may not see ' + what + '.';
    case 404: return 'Not found: ' + what + ' may have been removed.';
    default: return 'Could not read ' + what + ' just now (error ' + status + '); try again in a moment.';
  }
}

/**
 * A GET with the Tasklist session cookie, which both the engine API and /api take for reads. X-Requested-With marks it
 * as a page's script, so a 401 (session ended) comes without the Basic challenge that would open the browser's
 * password dialog: Sec-Fetch-Mode, the other sign of a browser (BasicChallenge), is not sent over plain http.
 */
function read(url, what, headers) {
  return fetch(url, {
    headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...headers },
    credentials: 'same-origin'
  })
    .catch(() => { throw new Unreadable('The service did not answer; try again in a moment.'); })
    .then(response => {
      if (!response.ok) {
        throw new Unreadable(refusal(response.status, what));
      }
      return response.json();
    });
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : '';
}

function consent(label, given) {
  if (!given || !given.granted) {
    return label + ': not given';
  }
  return label + ': given' + (given.changedAt ? ' on ' + new Date(given.changedAt).toLocaleDateString() : '')
    + (given.source ? ' (' + given.source + ')' : '');
}

/** A link into the staff web app, in a new tab so the task stays open here. */
function staffLink(path, className, text) {
  return element('a', { href: path, class: className, target: '_blank', rel: 'noopener' }, text);
}

/** A variable's value, or null when the task has none. */
function present(variable) {
  return variable && variable.value !== null && variable.value !== undefined ? variable.value : null;
}

function summary(customer, deal) {
  // mailto: and tel: are written here, so a stored value can never become a javascript: link
  const email = customer.email ? element('a', { href: 'mailto:' + customer.email }, customer.email) : 'none';
  const phone = customer.phone ? element('a', { href: 'tel:' + customer.phone }, customer.phone) : 'none';
  return element('div', { class: 'relais-customer-summary' },
    element('h3', { class: 'relais-customer-name' }, customer.name),
    element('dl', { class: 'dl-horizontal' },
      element('dt', {}, 'Category'), element('dd', {}, customer.category || ''),
      element('dt', {}, 'E-mail'), element('dd', {}, email),
      element('dt', {}, 'Phone'), element('dd', {}, phone),
      element('dt', {}, 'Consents'), element('dd', {},
        consent('e-mail', customer.emailConsent) + '; ' + consent('SMS', customer.smsConsent)),
      deal ? element('dt', {}, 'Deal') : null, deal ? element('dd', {}, deal.title || '') : null),
    element('p', { class: 'relais-customer-links' },
      staffLink('/customers/' + encodeURIComponent(customer.id), 'relais-customer-page', 'Open the customer\'s page'),
      deal ? ' · ' : null,
      deal ? staffLink('/deals/' + encodeURIComponent(deal.id), 'relais-deal-page', 'Open the deal') : null));
}

function exchanges(page) {
  const rows = (page.content || []).map(exchange => element('tr', {},
    element('td', {}, when(exchange.start)),
    element('td', {}, exchange.type || ''),
    element('td', {}, exchange.subject || '')));
  if (rows.length === 0) {
    return element('p', { class: 'relais-no-exchange' }, 'No exchange logged with this customer yet.');
  }
  return element('table', { class: 'table table-condensed relais-exchanges' },
    element('caption', {}, 'Latest exchanges (up to ' + EXCHANGES_SHOWN + '), newest first'),
    element('thead', {}, element('tr', {},
      element('th', { scope: 'col' }, 'Date'), element('th', { scope: 'col' }, 'Type'),
      element('th', { scope: 'col' }, 'Subject'))),
    element('tbody', {}, ...rows));
}

/** Replaces what the tab shows; data-state (loading, shown, none, error) says which, for styles and tests. */
function show(node, state, ...children) {
  node.replaceChildren(element('section', { class: 'relais-customer', 'data-state': state }, ...children));
}

function render(node, { api, taskId }) {
  show(node, 'loading', 'Loading the customer...');
  // The webapps' CSRF filter checks its token on changes only, so this read would pass without it; it is sent as
  // Tasklist's own calls send it, so the read keeps working should the filter ever check reads too. /api takes no
  // CSRF token (a change there needs Basic credentials), so only the engine API gets it.
  const engineHeaders = api.CSRFToken ? { 'X-XSRF-TOKEN': api.CSRFToken } : {};
  // all of the task's variables rather than /variables/opportunityId, whose 404 would not tell a task without a deal
  // from a task that is gone; serialized values are not deserialized for this
  read(api.engineApi + '/task/' + encodeURIComponent(taskId) + '/variables?deserializeValues=false', 'the task',
    engineHeaders)
    .then(variables => {
      const opportunity = present(variables.opportunityId);
      // a contact of the day's plan names its customer without a deal
      const customerOnly = present(variables.customerId);
      if (opportunity === null && customerOnly === null) {
        show(node, 'none', element('p', { class: 'relais-no-customer' }, 'No customer for this task.'));
        return null;
      }
      const deal = opportunity === null ? Promise.resolve(null)
        : read('/api/opportunities/' + encodeURIComponent(opportunity), 'the deal');
      return deal.then(found => {
        const customerId = found ? found.customerId : customerOnly;
        return Promise.all([
          read('/api/customers/' + encodeURIComponent(customerId), 'the customer'),
          read('/api/communications?customerId=' + encodeURIComponent(customerId) + '&size=' + EXCHANGES_SHOWN,
            'the exchanges with this customer')])
          .then(([customer, page]) => show(node, 'shown', summary(customer, found), exchanges(page)));
      });
    })
    .catch(error => {
      if (!(error instanceof Unreadable)) {
        console.error('Relais customer tab', error); // eslint-disable-line no-console
      }
      show(node, 'error', element('p', { class: 'relais-customer-error' },
        error instanceof Unreadable ? error.message : 'The customer could not be shown.'));
    });
}

export default [
  {
    id: 'relais.customerTab',
    pluginPoint: 'tasklist.task.detail',
    // after Camunda's own tabs (form 1000, history 800, diagram 600, description 100): the form stays the first tab
    priority: 50,
    // Tasklist reads the tab's label from here (and passes it through its translations, which keep an unknown text)
    properties: { label: 'Customer' },
    render
  }
];
