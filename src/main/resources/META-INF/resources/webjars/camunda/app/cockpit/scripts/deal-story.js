// Relais CRM: a deal's whole story in Cockpit. Every process of one deal (sale, delivery, after-sale, support) runs
// under the deal's business key; the free Cockpit lists only running instances, one definition at a time. These
// plugins list every instance of a business key, running and finished, with its steps from the engine's history.
// Plain DOM and fetch: nothing to build, nothing loaded from outside.

const STEP_TYPES = ['userTask', 'serviceTask', 'businessRuleTask', 'receiveTask', 'startEvent', 'endEvent',
  'boundaryTimer', 'intermediateTimer', 'messageStartEvent', 'noneEndEvent'];

function get(api, path) {
  return fetch(api.engineApi + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => {
      if (!response.ok) {
        throw new Error(response.status + ' ' + response.statusText);
      }
      return response.json();
    });
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter(child => child !== null && child !== undefined).forEach(child =>
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function stepsOf(api, instance) {
  return get(api, '/history/activity-instance?processInstanceId=' + encodeURIComponent(instance.id)
    + '&sortBy=startTime&sortOrder=asc')
    .then(steps => steps.filter(step => step.activityName && STEP_TYPES.some(type => step.activityType.startsWith(type)
      || step.activityType === type)));
}

function instanceBlock(api, instance, steps) {
  const state = instance.state === 'ACTIVE' ? 'running' : instance.state.toLowerCase();
  const title = element('h4', {}, (instance.processDefinitionName || instance.processDefinitionKey) + ' (' + state + ')');
  const link = instance.state === 'ACTIVE'
    ? element('a', { href: '#/process-instance/' + instance.id + '/runtime', class: 'relais-open' }, 'Open this instance')
    : element('span', { class: 'text-muted' }, 'Finished ' + when(instance.endTime));
  const rows = steps.map(step => element('tr', {},
    element('td', {}, step.activityName),
    element('td', {}, step.assignee || ''),
    element('td', {}, when(step.startTime)),
    element('td', {}, step.endTime ? when(step.endTime) : (step.canceled ? 'cancelled' : 'waiting'))));
  const table = element('table', { class: 'table table-condensed cam-table relais-steps' },
    element('thead', {}, element('tr', {}, element('th', {}, 'Step'), element('th', {}, 'Assignee'),
      element('th', {}, 'Started'), element('th', {}, 'Ended'))),
    element('tbody', {}, ...rows));
  return element('section', { class: 'relais-instance', 'data-state': state },
    title, element('p', {}, 'Started ' + when(instance.startTime) + ' ', link), table);
}

function renderStory(api, node, businessKey) {
  node.textContent = 'Loading the story of deal ' + businessKey + '...';
  return get(api, '/history/process-instance?processInstanceBusinessKey=' + encodeURIComponent(businessKey)
    + '&sortBy=startTime&sortOrder=asc')
    .then(instances => Promise.all(instances.map(instance => stepsOf(api, instance)
      .then(steps => instanceBlock(api, instance, steps)))))
    .then(blocks => {
      node.textContent = '';
      node.appendChild(element('p', { class: 'relais-story-summary' }, blocks.length === 0
        ? 'No process of deal ' + businessKey + ' is known here, or you may not read its history.'
        : blocks.length + ' process(es) of deal ' + businessKey + ', oldest first.'));
      blocks.forEach(block => node.appendChild(block));
    })
    .catch(error => {
      node.textContent = 'The story of deal ' + businessKey + ' could not be read: ' + error.message;
    });
}

export default [
  {
    id: 'relais.dealStory.tab',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: 20,
    properties: { label: 'Deal story' },
    render: (node, { api, processInstanceId }) => {
      get(api, '/process-instance/' + encodeURIComponent(processInstanceId))
        .then(instance => instance.businessKey
          ? renderStory(api, node, instance.businessKey)
          : (node.textContent = 'This instance has no business key: it belongs to no deal.'))
        .catch(error => { node.textContent = 'The instance could not be read: ' + error.message; });
    }
  },
  {
    id: 'relais.dealStory.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node, { api }) => {
      const input = element('input', { type: 'search', id: 'relais-deal-key', class: 'form-control',
        placeholder: 'Deal number (the business key)', inputmode: 'numeric', 'aria-label': 'Deal number' });
      const button = element('button', { type: 'submit', class: 'btn btn-primary' }, 'Show the deal\'s story');
      const result = element('div', { class: 'relais-story', 'aria-live': 'polite' });
      const form = element('form', { class: 'form-inline relais-find-deal' },
        element('label', { for: 'relais-deal-key' }, 'A deal\'s whole story '), input, ' ', button);
      form.addEventListener('submit', event => {
        event.preventDefault();
        if (input.value.trim()) {
          renderStory(api, result, input.value.trim());
        }
      });
      node.appendChild(element('section', { class: 'relais-deal-story' }, form, result));
    }
  }
];
