// Every state machine with its counts by status and its latest executions; refreshed when the
// engine reports a status change.
import { nameOfArn, sfnAll } from '../aws.js';
import { duration, h, shortTime, statusBadge } from '../dom.js';
import { statusChanges } from '../main.js';

const STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

export async function workflowsPage() {
  const element = h('section', {}, h('div', { class: 'page-head' }, h('h1', {}, 'Workflows')));
  const list = h('div', { class: 'cards' });
  element.append(list);
  await fill(list);
  let timer;
  const onChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fill(list), 250);
  };
  statusChanges.addEventListener('change', onChange);
  return { element, leave: () => statusChanges.removeEventListener('change', onChange) };
}

async function fill(list) {
  const machines = await sfnAll('ListStateMachines', {}, 'stateMachines');
  if (machines.length === 0) {
    list.replaceChildren(h('div', { class: 'empty' }, h('h2', {}, 'No state machines yet'), h('p', {}, 'Create one with the Step Functions API (CreateStateMachine) or register a workflow; it shows here.')));
    return;
  }
  const cards = await Promise.all(machines.map(card));
  list.replaceChildren(...cards);
}

async function card(machine) {
  const executions = await sfnAll('ListExecutions', { stateMachineArn: machine.stateMachineArn, maxResults: 1000 }, 'executions');
  const counts = Object.fromEntries(STATUSES.map((s) => [s, executions.filter((e) => e.status === s).length]));
  const recent = executions.slice(0, 5);
  return h(
    'article',
    { class: 'card workflow-card', dataset: { workflow: machine.name } },
    h('header', {}, h('h2', {}, h('a', { href: `#/workflows/${encodeURIComponent(machine.name)}` }, machine.name)), h('span', { class: 'muted' }, machine.type), h('a', { class: 'button', href: `#/workflows/${encodeURIComponent(machine.name)}/start` }, 'Start execution')),
    h('div', { class: 'counts' }, ...STATUSES.filter((s) => counts[s] > 0 || s === 'RUNNING' || s === 'SUCCEEDED' || s === 'FAILED').map((s) => h('span', { class: `count status-${s.toLowerCase()}` }, h('b', {}, counts[s]), ` ${s.replace('_', ' ').toLowerCase()}`))),
    recent.length === 0
      ? h('p', { class: 'muted' }, 'No executions yet.')
      : h('table', { class: 'table compact' }, h('tbody', {}, recent.map((e) => executionRow(e)))),
  );
}

export function executionRow(e) {
  return h(
    'tr',
    {},
    h('td', { class: 'name-cell' }, h('a', { href: `#/executions/${encodeURIComponent(e.executionArn)}`, title: nameOfArn(e.executionArn) }, nameOfArn(e.executionArn))),
    h('td', {}, statusBadge(e.status)),
    h('td', { class: 'muted nowrap', title: new Date(e.startDate * 1000).toLocaleString() }, shortTime(e.startDate)),
    h('td', { class: 'muted num' }, duration(e.startDate * 1000, e.stopDate ? e.stopDate * 1000 : undefined)),
  );
}

