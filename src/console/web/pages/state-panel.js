// A state of the execution: every visit (input, output, error, cause, attempts), newest first; for a
// Map, its iterations by status, each of which opens to the steps it ran.
import { duration, h, pretty, statusBadge } from '../dom.js';

const VISITS_SHOWN = 15;

export function statePanel(model, name, onClose) {
  const visits = model.visits.filter((v) => v.name === name);
  const iterations = model.iterationsOf(name);
  const element = h('div', { class: 'state-detail' });
  const close = h('button', { class: 'small ghost', title: 'Close', onclick: () => { onClose(); element.replaceWith(h('p', { class: 'muted' }, 'Select a state in the graph to see its input, output and errors.')); } }, '✕');
  const summaryOf = model.stateSummary(name);
  element.append(h('div', { class: 'panel-head' }, h('h2', {}, name), summaryOf ? statusBadge(summaryOf.status) : h('span', { class: 'muted' }, 'not run'), close));
  if (iterations.length > 0) element.append(iterationsView(model, name, iterations));
  if (visits.length === 0) element.append(h('p', { class: 'muted' }, 'This state has not run in this execution.'));
  const latest = visits.slice(-VISITS_SHOWN).reverse();
  if (visits.length > 1) element.append(h('p', { class: 'muted' }, `${visits.length} visits${visits.length > VISITS_SHOWN ? `, the latest ${VISITS_SHOWN} shown` : ''}.`));
  element.append(...latest.map((visit, i) => visitView(model, visit, i === 0)));
  return element;
}

function visitView(model, visit, open) {
  const where = visit.scope ? model.iterationPath(visit.scope) : '';
  const title = h('summary', {}, statusBadge(visit.superseded ? 'superseded' : visit.status), ' ', where ? `${where} · ` : '', visit.attempts > 1 ? `${visit.attempts} attempts · ` : '', duration(visit.entered, visit.exited ?? undefined));
  return h(
    'details',
    { class: 'visit', open },
    title,
    visit.attempts > 1 ? h('p', { class: 'retries' }, `Retried ${visit.attempts - 1}×`) : '',
    visit.error || visit.cause ? h('div', { class: 'error-box' }, h('strong', {}, visit.error ?? 'Error'), visit.cause ? h('pre', { class: 'cause' }, pretty(visit.cause)) : '') : '',
    h('h4', {}, 'Input'),
    h('pre', { class: 'code small' }, pretty(visit.input)),
    h('h4', {}, 'Output'),
    h('pre', { class: 'code small' }, visit.output === undefined ? '—' : pretty(visit.output)),
  );
}

function iterationsView(model, mapName, iterations) {
  const counts = model.iterationCounts(mapName);
  const detail = h('div', { class: 'iteration-detail' });
  const chip = (it) => h('button', { type: 'button', class: `chip status-${it.status}`, title: `${model.iterationPath(it.id)}: ${it.status}`, onclick: () => openIteration(it) }, String(it.index));
  // A nested Map's iterations, one row per iteration of the Map around it.
  const groups = new Map();
  for (const it of iterations) groups.set(it.parentScope, [...(groups.get(it.parentScope) ?? []), it]);
  const chips = [...groups].map(([parent, list]) => h('div', { class: 'chip-row' }, parent ? h('span', { class: 'chip-parent' }, model.iterationPath(parent)) : '', list.map(chip)));
  function openIteration(it) {
    const visits = model.visits.filter((v) => v.scope && model.inIteration({ id: v.enteredId }, it.id));
    detail.replaceChildren(
      h('h3', {}, model.iterationPath(it.id), ' ', statusBadge(it.status)),
      visits.length === 0 ? h('p', { class: 'muted' }, 'No steps yet.') : '',
      ...visits.map((visit) => h('div', { class: 'iteration-step' }, h('h4', {}, visit.name), visitView(model, visit, false))),
    );
  }
  return h(
    'div',
    { class: 'iterations' },
    h('div', { class: 'counts' }, ['succeeded', 'running', 'failed', 'aborted'].map((s) => (counts[s] > 0 ? h('span', { class: `count status-${s}` }, h('b', {}, counts[s]), ` ${s}`) : '')), h('span', { class: 'muted' }, ` of ${counts.total} iterations`)),
    h('div', { class: 'chips' }, chips),
    detail,
  );
}
