// One state machine: its graph, its executions (filtered by status), a link to start one.
import { sfn, sfnAll } from '../aws.js';
import { h, formatTime } from '../dom.js';
import { drawGraph } from '../graph.js';
import { statusChanges } from '../main.js';
import { executionRow } from './workflows.js';

export async function workflowPage(name) {
  const { stateMachines = [] } = await sfn('ListStateMachines', {});
  const machine = stateMachines.find((m) => m.name === name);
  if (!machine) throw Object.assign(new Error(`No state machine named '${name}'`), { name: 'StateMachineDoesNotExist' });
  const described = await sfn('DescribeStateMachine', { stateMachineArn: machine.stateMachineArn });
  const definition = JSON.parse(described.definition);
  const graph = h('div', { class: 'graph-host' });
  const executions = h('div');
  const filter = h('select', { 'aria-label': 'Status filter', onchange: () => fill() }, ['ALL', 'RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'].map((s) => h('option', { value: s }, s.replace('_', ' '))));
  const element = h(
    'section',
    {},
    h('div', { class: 'page-head' }, h('div', {}, h('div', { class: 'crumbs' }, h('a', { href: '#/' }, 'Workflows'), ' / '), h('h1', {}, name)), h('a', { class: 'button', href: `#/workflows/${encodeURIComponent(name)}/start` }, 'Start execution')),
    h('p', { class: 'muted' }, `${described.type} · created ${formatTime(described.creationDate)} · `, h('code', {}, described.stateMachineArn)),
    h('div', { class: 'split' }, h('div', { class: 'panel grow' }, h('h2', {}, 'Graph'), graph), h('div', { class: 'panel side' }, h('div', { class: 'panel-head' }, h('h2', {}, 'Executions'), filter), executions)),
    h('details', { class: 'panel' }, h('summary', {}, 'Definition (ASL)'), h('pre', { class: 'code' }, JSON.stringify(definition, null, 2))),
  );
  async function fill() {
    const status = filter.value;
    const list = await sfnAll('ListExecutions', { stateMachineArn: machine.stateMachineArn, maxResults: 1000, ...(status === 'ALL' ? {} : { statusFilter: status }) }, 'executions');
    executions.replaceChildren(list.length === 0 ? h('p', { class: 'muted' }, 'No executions.') : h('table', { class: 'table compact' }, h('tbody', {}, list.slice(0, 200).map(executionRow))));
  }
  await Promise.all([fill(), drawGraph(graph, definition)]);
  const onChange = (e) => e.detail.executionArn.split(':')[6] === name && fill();
  statusChanges.addEventListener('change', onChange);
  return { element, leave: () => statusChanges.removeEventListener('change', onChange) };
}
