// The execution's events as GetExecutionHistory gives them: id, type, the state, previous id,
// time since start; a row opens to its details. Rows are appended as events arrive.
import { eventDetails } from '../execution-model.js';
import { h, pretty } from '../dom.js';

export function historyTable(model) {
  const body = h('tbody');
  const count = h('span', { class: 'muted' });
  const filter = h('input', { type: 'search', placeholder: 'Filter by type or state', 'aria-label': 'Filter events', oninput: () => applyFilter() });
  let shown = 0;
  let start;
  let highlighted;

  function row(event) {
    start ??= new Date(event.timestamp).getTime();
    const state = model.stateOf(event);
    const details = eventDetails(event);
    const tr = h(
      'tr',
      { class: `event ${/Failed|TimedOut|Aborted/.test(event.type) ? 'bad' : ''} ${state && state === highlighted ? 'highlight' : ''}`, dataset: { state, type: event.type, id: String(event.id) } },
      h('td', { class: 'num' }, event.id),
      h('td', {}, event.type),
      h('td', {}, state),
      h('td', { class: 'num muted' }, event.previousEventId || ''),
      h('td', { class: 'num muted' }, `${new Date(event.timestamp).getTime() - start} ms`),
    );
    if (details) {
      tr.classList.add('openable');
      tr.addEventListener('click', () => {
        const next = tr.nextElementSibling;
        if (next?.classList.contains('details')) return next.remove();
        tr.after(h('tr', { class: 'details' }, h('td', { colspan: 5 }, h('pre', { class: 'code' }, pretty(expand(details))))));
      });
    }
    return tr;
  }

  function applyFilter() {
    const text = filter.value.trim().toLowerCase();
    for (const tr of body.querySelectorAll('tr.event')) tr.hidden = text !== '' && !`${tr.dataset.type} ${tr.dataset.state}`.toLowerCase().includes(text);
  }

  return {
    element: h('div', {}, h('div', { class: 'panel-head' }, filter, count), h('div', { class: 'table-scroll' }, h('table', { class: 'table history' }, h('thead', {}, h('tr', {}, ['ID', 'Type', 'Step', 'Previous', 'Elapsed'].map((t) => h('th', {}, t)))), body))),
    /** Appends the events that arrived since the last call. */
    flush() {
      const rows = model.events.slice(shown).map(row);
      shown = model.events.length;
      body.append(...rows);
      count.textContent = `${shown} events`;
      if (filter.value) applyFilter();
    },
    highlight(state) {
      highlighted = state;
      for (const tr of body.querySelectorAll('tr.event')) tr.classList.toggle('highlight', tr.dataset.state === state);
    },
  };
}

/** input/output/parameters are JSON text in AWS's events: shown parsed. */
function expand(details) {
  const out = { ...details };
  for (const key of ['input', 'output', 'parameters']) {
    if (typeof out[key] === 'string') {
      try {
        out[key] = JSON.parse(out[key]);
      } catch {
        // shown as the text it is
      }
    }
  }
  return out;
}
