// The model registry: every version with its metrics and the execution that made it; a pending
// version can be approved or rejected, with a reason.
import { config, consoleApi, nameOfArn } from '../aws.js';
import { errorBox, formatTime, h, statusBadge } from '../dom.js';

/** With a model and version (`#/models/iris/1`), that version's row is brought into view and marked. */
export async function modelsPage(model, version) {
  const element = h('section', {}, h('div', { class: 'page-head' }, h('h1', {}, 'Models')));
  const body = h('div');
  element.append(body);
  if (!(await config()).models) {
    body.append(h('div', { class: 'empty' }, h('p', {}, 'This endpoint has no model registry.')));
    return { element };
  }
  await fill(body);
  if (model) {
    const row = body.querySelector(`tr[data-model="${CSS.escape(model)}"][data-version="${CSS.escape(version)}"]`);
    row?.classList.add('highlight');
    setTimeout(() => row?.scrollIntoView({ block: 'center' }));
  }
  return { element };
}

async function fill(body) {
  const { versions } = await consoleApi('models');
  if (versions.length === 0) {
    body.replaceChildren(h('div', { class: 'empty' }, h('h2', {}, 'No models registered yet'), h('p', {}, 'A workflow that registers a model (kfold-cv does, when its best candidate meets the baseline) adds a version here, pending approval.')));
    return;
  }
  const metricNames = [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))];
  const factNames = [...new Set(versions.flatMap((v) => Object.keys(v.facts)))];
  const sorted = [...versions].sort((a, b) => a.modelName.localeCompare(b.modelName) || b.version - a.version);
  body.replaceChildren(
    h(
      'div',
      { class: 'panel scroll-x' },
      h(
        'table',
        { class: 'table models' },
        h('thead', {}, h('tr', {}, ['Model', 'Version', 'Status', ...metricNames, ...factNames, 'Created', 'Lineage', ''].map((t) => h('th', {}, t)))),
        h('tbody', {}, sorted.map((v) => row(v, metricNames, factNames, body))),
      ),
    ),
  );
}

function row(v, metricNames, factNames, body) {
  const reason = h('input', { class: 'reason', placeholder: 'reason (optional)', 'aria-label': `Reason for ${v.modelName} v${v.version}` });
  const problem = h('div', { class: 'problem' });
  const decide = async (decision) => {
    try {
      await consoleApi('models/decide', { modelName: v.modelName, version: v.version, decision, ...(reason.value ? { reason: reason.value } : {}) });
      await fill(body);
    } catch (err) {
      problem.replaceChildren(errorBox(err));
    }
  };
  const pending = v.status === 'PendingManualApproval';
  return h(
    'tr',
    { id: `model-${v.modelName}-v${v.version}`, dataset: { model: v.modelName, version: String(v.version) } },
    h('td', {}, h('b', {}, v.modelName)),
    h('td', { class: 'num' }, h('a', { href: `#/models/${encodeURIComponent(v.modelName)}/${v.version}`, title: 'Link to this version' }, `v${v.version}`)),
    h('td', {}, statusBadge(pending ? 'PENDING' : v.status), v.statusReason ? h('div', { class: 'hint' }, v.statusReason) : ''),
    metricNames.map((m) => h('td', { class: 'num' }, v.metrics[m] === undefined ? '' : v.metrics[m].toFixed(4))),
    factNames.map((f) => h('td', { class: f === 'dataset' ? 'muted small-text' : '' }, v.facts[f] ?? '')),
    h('td', { class: 'muted when' }, formatTime(v.createdAt)),
    h('td', { class: 'lineage' }, v.executionArn ? h('a', { href: `#/executions/${encodeURIComponent(v.executionArn)}` }, nameOfArn(v.executionArn)) : ''),
    h('td', { class: 'decide' }, pending ? [reason, h('button', { class: 'small primary', onclick: () => decide('approve') }, 'Approve'), h('button', { class: 'small danger', onclick: () => decide('reject') }, 'Reject')] : '', problem),
  );
}
