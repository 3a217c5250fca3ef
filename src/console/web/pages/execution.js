// One execution, live: the graph coloured state by state from the server-sent history, a state's
// visits (input, output, error, cause, attempts) and a Map's iterations, the result views, the
// whole event history; stop a running execution, redrive a failed one.
import { config, machineArnOf, nameOfArn, sfn } from '../aws.js';
import { duration, errorBox, formatTime, h, pretty, statusBadge } from '../dom.js';
import { ExecutionModel, eventDetails } from '../execution-model.js';
import { drawGraph } from '../graph.js';
import { historyTable } from './history-table.js';
import { statePanel } from './state-panel.js';
import { packageApi } from '../package-api.js';

const ENDED = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut', 'ExecutionRedriven']);

export async function executionPage(executionArn, initialState) {
  let execution = await sfn('DescribeExecution', { executionArn });
  const machineName = nameOfArn(machineArnOf(executionArn));
  const { definition } = await sfn('DescribeStateMachineForExecution', { executionArn });
  const model = new ExecutionModel();
  const views = (await config()).resultViews.filter((view) => view.workflow === machineName);

  const header = h('div', { class: 'page-head' });
  const summary = h('div', { class: 'summary' });
  const graphHost = h('div', { class: 'graph-host' });
  const panelHost = h('div', { class: 'panel side state-panel' }, h('p', { class: 'muted' }, 'Select a state in the graph to see its input, output and errors.'));
  const results = h('div');
  const io = h('div', { class: 'io' });
  const history = historyTable(model);
  let selected = initialState;

  const graph = await drawGraph(graphHost, JSON.parse(definition), { onSelect: select });
  function select(name) {
    selected = name;
    graph.select(name);
    history.highlight(name);
    const hash = `#/executions/${encodeURIComponent(executionArn)}/state/${encodeURIComponent(name)}`;
    window.history.replaceState(null, '', hash);
    renderPanel();
  }
  function renderPanel() {
    if (selected) panelHost.replaceChildren(statePanel(model, selected, () => (selected = undefined)));
  }

  function renderHeader() {
    const actions = [];
    if (execution.status === 'RUNNING') actions.push(h('button', { class: 'danger', onclick: () => act('StopExecution', 'Stop this execution?') }, 'Stop'));
    if (['FAILED', 'TIMED_OUT', 'ABORTED'].includes(execution.status)) actions.push(h('button', { class: 'primary', onclick: () => act('RedriveExecution') }, 'Redrive'));
    actions.push(h('a', { class: 'button ghost', href: `#/workflows/${encodeURIComponent(machineName)}/start` }, 'New execution'));
    header.replaceChildren(
      h('div', {}, h('div', { class: 'crumbs' }, h('a', { href: '#/' }, 'Workflows'), ' / ', h('a', { href: `#/workflows/${encodeURIComponent(machineName)}` }, machineName), ' / '), h('h1', {}, execution.name, ' ', statusBadge(execution.status))),
      h('div', { class: 'actions' }, actions),
    );
    summary.replaceChildren(
      fact('Started', formatTime(execution.startDate)),
      fact('Stopped', execution.stopDate ? formatTime(execution.stopDate) : '—'),
      fact('Duration', duration(execution.startDate * 1000, execution.stopDate ? execution.stopDate * 1000 : undefined)),
      execution.redriveCount ? fact('Redriven', `${execution.redriveCount}×`) : '',
      fact('ARN', h('code', {}, executionArn)),
    );
    const error = execution.error || execution.cause ? h('div', { class: 'error-box' }, h('strong', {}, execution.error ?? 'Error'), execution.cause ? h('pre', { class: 'cause' }, pretty(execution.cause)) : '') : '';
    io.replaceChildren(error, h('div', { class: 'split' }, h('div', { class: 'panel grow' }, h('h3', {}, 'Input'), h('pre', { class: 'code' }, pretty(execution.input))), h('div', { class: 'panel grow' }, h('h3', {}, 'Output'), h('pre', { class: 'code' }, execution.output ? pretty(execution.output) : '—'))));
  }

  async function act(operation, question) {
    if (question && !confirm(question)) return;
    try {
      await sfn(operation, { executionArn });
      execution = await sfn('DescribeExecution', { executionArn });
      renderHeader();
    } catch (err) {
      header.append(errorBox(err));
    }
  }

  async function renderResults() {
    if (views.length === 0 || execution.status !== 'SUCCEEDED' || results.dataset.done) return;
    results.dataset.done = 'yes';
    const output = JSON.parse(execution.output ?? 'null');
    for (const view of views) {
      const container = h('div', { class: 'result-view' });
      results.append(h('section', { class: 'panel' }, h('h2', {}, view.title), container));
      try {
        const module = await import(view.url);
        await module.render(container, { execution, output, history: model.events }, packageApi());
      } catch (err) {
        container.replaceChildren(errorBox(err));
      }
    }
  }

  let frame;
  const dirty = new Set();
  function paint() {
    frame = undefined;
    for (const name of dirty) {
      const summaryOf = model.stateSummary(name);
      graph.setStatus(name, summaryOf?.status, summaryOf?.note);
    }
    dirty.clear();
    history.flush();
    if (selected) renderPanel();
  }

  const stream = new EventSource(`/_console/api/execution-stream?arn=${encodeURIComponent(executionArn)}`);
  stream.addEventListener('history', async (e) => {
    const event = JSON.parse(e.data);
    if (!model.add(event)) return;
    const name = model.stateOf(event) || eventDetails(event)?.name;
    if (name) dirty.add(name);
    // An end or a redrive changes states other than the event's own.
    if (ENDED.has(event.type)) for (const state of model.stateNames()) dirty.add(state);
    frame ??= requestAnimationFrame(paint);
    if (ENDED.has(event.type)) {
      execution = await sfn('DescribeExecution', { executionArn });
      renderHeader();
      renderResults();
    }
  });

  renderHeader();
  renderResults();
  if (selected) setTimeout(() => select(selected));
  const element = h(
    'section',
    { class: 'execution' },
    header,
    summary,
    h('div', { class: 'split' }, h('div', { class: 'panel grow' }, h('h2', {}, 'Graph'), graphHost, legend()), panelHost),
    results,
    io,
    h('section', { class: 'panel' }, h('h2', {}, 'Event history'), history.element),
  );
  return { element, leave: () => stream.close() };
}

function fact(label, value) {
  return h('div', { class: 'fact' }, h('span', { class: 'label' }, label), h('span', {}, value));
}

function legend() {
  return h('div', { class: 'legend' }, ['running', 'succeeded', 'failed', 'caught', 'aborted'].map((s) => h('span', { class: `key status-${s}` }, s === 'caught' ? 'caught error' : s)));
}
