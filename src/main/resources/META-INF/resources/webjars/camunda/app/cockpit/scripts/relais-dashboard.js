// Relais CRM: the manager's dashboard in Cockpit, on its start page (plugin point cockpit.dashboard). It reads
// GET /api/dashboard with the Cockpit login (the CRM API accepts a webapp session for reads), so a manager sees the
// pipeline, the deals stuck in their stage and the team's overdue tasks where they already work; a stalled deal links
// to its instance. Plain DOM and fetch: nothing to build, nothing loaded from outside.

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.filter(child => child !== null && child !== undefined).forEach(child =>
    node.appendChild(typeof child === 'string' || typeof child === 'number'
      ? document.createTextNode(String(child)) : child));
  return node;
}

function money(amount) {
  return Number(amount || 0).toLocaleString(undefined, { maximumFractionDigits: 0 });
}

function table(caption, headers, rows) {
  return element('table', { class: 'table table-condensed cam-table' },
    element('caption', {}, caption),
    element('thead', {}, element('tr', {}, ...headers.map(header => element('th', { scope: 'col' }, header)))),
    element('tbody', {}, ...rows.map(cells => element('tr', {}, ...cells.map(cell => element('td', {}, cell))))));
}

function pipelineBars(pipeline) {
  const most = Math.max(1, ...pipeline.map(stage => Number(stage.amount)));
  return element('div', { class: 'relais-bars', role: 'img', 'aria-label': 'Open pipeline by stage' },
    ...pipeline.map(stage => element('div', { class: 'relais-bar-row' },
      element('span', { class: 'relais-bar-label' }, stage.stage),
      element('span', { class: 'relais-bar', style: 'width:' + Math.round(100 * Number(stage.amount) / most) + '%' }),
      element('span', { class: 'relais-bar-value' }, stage.deals + ' deals, ' + money(stage.amount)))));
}

function render(node, view) {
  const rate = view.winRate == null ? 'no deal closed' : Math.round(view.winRate * 100) + ' %';
  node.replaceChildren(element('section', { class: 'relais-dashboard', id: 'relais-dashboard' },
    element('h3', {}, 'Pipeline and deals at risk'),
    element('p', { class: 'relais-summary' }, 'From ' + view.from + ' to ' + view.to + ': ' + view.won + ' won, '
      + view.lost + ' lost, win rate ' + rate + '.'),
    pipelineBars(view.pipeline),
    table('Open pipeline by stage', ['Stage', 'Deals', 'Amount'],
      view.pipeline.map(stage => [stage.stage, stage.deals, money(stage.amount)])),
    table('Deals at risk (longer in their stage than 9 in 10 deals)', ['Deal', 'Owner', 'Stage', 'Waiting at',
      'Days in stage', 'Usually (90th percentile)', ''],
    view.atRisk.map(deal => [deal.title, deal.owner, deal.stage, deal.task, deal.daysInStage, deal.p90Days,
      element('a', { href: '#/process-instance/' + deal.processInstanceId + '/runtime', class: 'relais-open-deal' },
        'Open the instance')])),
    table('Overdue tasks per team', ['Team', 'Overdue tasks'],
      view.overdueTasks.map(team => [team.team, team.overdueTasks])),
    table('Usual time per stage (days)', ['Stage', 'Task', 'Completed', 'Median', '90th percentile'],
      view.stageTimes.map(time => [time.stage || '', time.task, time.completed, time.medianDays, time.p90Days]))));
}

export default [
  {
    id: 'relais.managerDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 30,
    render: node => {
      node.textContent = 'Loading the dashboard...';
      fetch('/api/dashboard', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(response => {
          if (response.status === 403) {
            throw new Error('the dashboard is for managers');
          }
          if (!response.ok) {
            throw new Error(response.status + ' ' + response.statusText);
          }
          return response.json();
        })
        .then(view => render(node, view))
        .catch(error => { node.textContent = 'The dashboard could not be read: ' + error.message; });
    }
  }
];
