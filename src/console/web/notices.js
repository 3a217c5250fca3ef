// Failed, timed-out and aborted executions as notices with a link, as they happen and for the
// last day on load; dismissed ones stay dismissed (kept in this browser).
import { nameOfArn, sfn } from './aws.js';
import { h } from './dom.js';

const FAILED = { ExecutionFailed: 'FAILED', ExecutionTimedOut: 'TIMED_OUT', ExecutionAborted: 'ABORTED' };
const DISMISSED_KEY = 'statecraft.dismissedNotices';
const DAY_MS = 24 * 3600 * 1000;

export async function startNotices(container, statusChanges) {
  const dismissed = new Set(JSON.parse(localStorage.getItem(DISMISSED_KEY) ?? '[]'));
  const shown = new Set();
  const show = (executionArn, status) => {
    if (dismissed.has(executionArn) || shown.has(executionArn)) return;
    shown.add(executionArn);
    const notice = h(
      'div',
      { class: 'notice', role: 'alert' },
      h('span', { class: `badge status-${status.toLowerCase()}` }, status.replace('_', ' ')),
      h('span', {}, ' Execution ', h('a', { href: `#/executions/${encodeURIComponent(executionArn)}` }, nameOfArn(executionArn)), ` of ${executionArn.split(':')[6]}`),
      h('button', {
        class: 'small ghost',
        title: 'Dismiss',
        onclick: () => {
          dismissed.add(executionArn);
          localStorage.setItem(DISMISSED_KEY, JSON.stringify([...dismissed].slice(-500)));
          notice.remove();
        },
      }, '✕'),
    );
    container.prepend(notice);
  };
  statusChanges.addEventListener('change', (e) => {
    const status = FAILED[e.detail.type];
    if (status) show(e.detail.executionArn, status);
    if (e.detail.type === 'ExecutionRedriven') {
      shown.delete(e.detail.executionArn);
      for (const link of container.querySelectorAll(`a[href="#/executions/${CSS.escape(encodeURIComponent(e.detail.executionArn))}"]`)) link.closest('.notice')?.remove();
    }
  });
  const { stateMachines = [] } = await sfn('ListStateMachines', {});
  for (const machine of stateMachines) {
    for (const statusFilter of Object.values(FAILED)) {
      const { executions = [] } = await sfn('ListExecutions', { stateMachineArn: machine.stateMachineArn, statusFilter, maxResults: 20 });
      for (const execution of executions) if (Date.now() - new Date(execution.stopDate * 1000).getTime() < DAY_MS) show(execution.executionArn, statusFilter);
    }
  }
}
