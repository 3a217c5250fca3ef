// Start an execution: a form generated from the workflow's input schema (validated as you type,
// messages next to each field), or the raw JSON; an optional execution name.
import { config, consoleApi, sfn } from '../aws.js';
import { h } from '../dom.js';
import { schemaForm } from '../schema-form.js';

const NAME = /^[A-Za-z0-9_-]{1,80}$/;

export async function startPage(workflow) {
  const { stateMachines = [] } = await sfn('ListStateMachines', {});
  const machine = stateMachines.find((m) => m.name === workflow);
  if (!machine) throw Object.assign(new Error(`No state machine named '${workflow}'`), { name: 'StateMachineDoesNotExist' });
  const schema = (await config()).workflows.find((w) => w.name === workflow)?.inputSchema ?? undefined;

  let mode = schema ? 'form' : 'json';
  let timer;
  const form = schema ? schemaForm(schema, { onInput: () => schedule() }) : undefined;
  const json = h('textarea', { class: 'json big', rows: 18, spellcheck: false, 'aria-label': 'Input (JSON)', oninput: () => schedule() }, '{}');
  const jsonProblem = h('div', { class: 'problem', role: 'alert' });
  const nameInput = h('input', { id: 'execution-name', placeholder: 'generated when empty', oninput: () => (nameProblem.textContent = '') });
  const nameProblem = h('div', { class: 'problem', role: 'alert' });
  const submitProblem = h('div', { class: 'problem', role: 'alert' });
  const formPane = h('div', { class: 'pane' }, form?.element);
  const jsonPane = h('div', { class: 'pane' }, json, jsonProblem);
  const tabs = h('div', { class: 'tabs' }, schema ? tabButton('Form', 'form') : '', tabButton('JSON', 'json'));
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Start execution');

  function tabButton(text, value) {
    return h('button', { type: 'button', class: 'tab', dataset: { mode: value }, onclick: () => switchTo(value) }, text);
  }

  function switchTo(next) {
    if (next === mode) return;
    if (next === 'json') json.value = JSON.stringify(form.read().value ?? {}, null, 2);
    else {
      try {
        form.setValue(JSON.parse(json.value));
      } catch {
        jsonProblem.textContent = 'is not valid JSON: fix it before going back to the form';
        return;
      }
    }
    mode = next;
    show();
    schedule();
  }

  function show() {
    formPane.hidden = mode !== 'form';
    jsonPane.hidden = mode !== 'json';
    for (const tab of tabs.children) tab.classList.toggle('active', tab.dataset.mode === mode);
  }

  /** The input as it stands, and what is wrong with it (schema problems come from the server). */
  async function check() {
    let value;
    let problems = [];
    if (mode === 'form') ({ value, problems } = form.read());
    else {
      try {
        value = JSON.parse(json.value);
      } catch (err) {
        problems = [{ path: '', message: `is not valid JSON (${err.message})` }];
      }
    }
    value ??= {};
    if (problems.length === 0 && schema) problems = (await consoleApi('validate', { workflow, input: value })).problems;
    if (mode === 'form') form.showProblems(problems);
    else jsonProblem.textContent = problems.map((p) => `${p.path || 'input'} ${p.message}`).join('\n');
    return { value, problems };
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  async function start(event) {
    event.preventDefault();
    clearTimeout(timer);
    submitProblem.textContent = '';
    const name = nameInput.value.trim();
    if (name && !NAME.test(name)) {
      nameProblem.textContent = 'use 1 to 80 letters, digits, - or _';
      return;
    }
    const { value, problems } = await check();
    if (problems.length > 0) {
      submitProblem.textContent = `Fix ${problems.length === 1 ? 'the field' : `the ${problems.length} fields`} marked above first.`;
      return;
    }
    submit.disabled = true;
    try {
      const { executionArn } = await sfn('StartExecution', { stateMachineArn: machine.stateMachineArn, input: JSON.stringify(value), ...(name ? { name } : {}) });
      location.hash = `#/executions/${encodeURIComponent(executionArn)}`;
    } catch (err) {
      submitProblem.textContent = `${err.name}: ${err.message}`;
      submit.disabled = false;
    }
  }

  show();
  const element = h(
    'section',
    {},
    h('div', { class: 'page-head' }, h('div', {}, h('div', { class: 'crumbs' }, h('a', { href: '#/' }, 'Workflows'), ' / ', h('a', { href: `#/workflows/${encodeURIComponent(workflow)}` }, workflow), ' / '), h('h1', {}, 'Start an execution'))),
    h(
      'form',
      { class: 'panel start-form', onsubmit: start, novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'execution-name' }, 'Execution name'), nameInput, h('div', { class: 'hint' }, 'Optional; unique within the state machine.'), nameProblem),
      h('h2', {}, 'Input'),
      schema ? '' : h('p', { class: 'muted' }, 'This state machine has no input schema: write its input as JSON.'),
      tabs,
      formPane,
      jsonPane,
      h('div', { class: 'actions' }, submit, h('a', { class: 'button ghost', href: `#/workflows/${encodeURIComponent(workflow)}` }, 'Cancel')),
      submitProblem,
    ),
  );
  return { element };
}
