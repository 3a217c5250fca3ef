// A form generated from a JSON Schema: objects as nested fieldsets, enums (`enum` or TypeBox's
// `anyOf` of consts) as choices, arrays of choices as checkboxes, other arrays and unions as a small
// JSON editor, defaults filled in. `problems` ({ path, message }, JSON pointers) show next to their field.
import { h } from './dom.js';

export function schemaForm(schema, { onInput } = {}) {
  const local = [];
  const root = field(schema, '', 'input', true, onInput ?? (() => {}), local);
  const formLevel = h('div', { class: 'problem form-problem', role: 'alert' });
  const element = h('div', { class: 'schema-form' }, formLevel, root.element);
  return {
    element,
    /** The value, and what is wrong before any schema check (a JSON editor that does not parse). */
    read() {
      local.length = 0;
      const value = root.get();
      return { value, problems: [...local] };
    },
    setValue: (value) => root.set(value),
    showProblems(problems) {
      for (const el of element.querySelectorAll('.field')) {
        el.classList.remove('invalid');
        el.querySelector(':scope > .problem').textContent = '';
      }
      formLevel.textContent = '';
      for (const problem of problems) {
        const target = fieldFor(element, problem.path);
        const message = target && target.dataset.path !== problem.path ? `${problem.path.slice(target.dataset.path.length + 1)} ${problem.message}` : problem.message;
        const box = target ? target.querySelector(':scope > .problem') : formLevel;
        if (target) target.classList.add('invalid');
        box.textContent = box.textContent ? `${box.textContent}; ${message}` : message;
      }
    },
  };
}

/** The field at `path`, or the nearest one above it (a JSON editor holds what lies below). */
function fieldFor(element, path) {
  let current = path;
  while (current) {
    const found = element.querySelector(`.field[data-path="${CSS.escape(current)}"]`);
    if (found) return found;
    current = current.slice(0, current.lastIndexOf('/'));
  }
  return undefined;
}

export function choicesOf(schema) {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 0 && schema.anyOf.every((option) => 'const' in option)) return schema.anyOf.map((option) => option.const);
  if ('const' in schema) return [schema.const];
  return undefined;
}

function field(schema, path, label, required, onInput, local) {
  const choices = choicesOf(schema);
  if (choices) return choiceField(schema, path, label, required, choices, onInput);
  if (schema.type === 'object' && schema.properties) return objectField(schema, path, label, required, onInput, local);
  if (schema.type === 'array' && schema.items && choicesOf(schema.items)) return multiChoiceField(schema, path, label, choicesOf(schema.items), onInput);
  if (schema.type === 'boolean') return booleanField(schema, path, label, required, onInput);
  if (schema.type === 'integer' || schema.type === 'number') return inputField(schema, path, label, required, 'number', onInput);
  if (schema.type === 'string') return inputField(schema, path, label, required, 'text', onInput);
  return jsonField(schema, path, label, required, onInput, local);
}

function wrap(path, label, required, schema, control, extraClass = '') {
  return h(
    'div',
    { class: `field ${extraClass}`, dataset: { path } },
    h('label', { for: idOf(path) }, label, required ? h('span', { class: 'required', title: 'required' }, ' *') : ''),
    control,
    schema.description ? h('div', { class: 'hint' }, schema.description) : '',
    h('div', { class: 'problem', role: 'alert' }),
  );
}

function idOf(path) {
  return `field${path.replace(/[^A-Za-z0-9]/g, '_') || '_root'}`;
}

function constraintHint(schema) {
  const parts = [];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) parts.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.exclusiveMaximum !== undefined) parts.push(`< ${schema.exclusiveMaximum}`);
  if (schema.minLength) parts.push(`at least ${schema.minLength} characters`);
  if (schema.pattern) parts.push(`matches ${schema.pattern}`);
  return parts.join(', ');
}

function inputField(schema, path, label, required, kind, onInput) {
  const input = h('input', { id: idOf(path), name: path, type: kind, step: schema.type === 'integer' ? '1' : 'any', placeholder: constraintHint(schema), oninput: onInput });
  if (schema.default !== undefined) input.value = String(schema.default);
  return {
    element: wrap(path, label, required, schema, input),
    get() {
      if (input.value === '') return undefined;
      if (kind !== 'number') return input.value;
      const n = Number(input.value);
      return Number.isNaN(n) ? input.value : n;
    },
    set(value) {
      input.value = value === undefined ? '' : String(value);
    },
  };
}

function choiceField(schema, path, label, required, choices, onInput) {
  const select = h('select', { id: idOf(path), name: path, onchange: onInput }, required && schema.default !== undefined ? '' : h('option', { value: '' }, '—'), choices.map((c, i) => h('option', { value: String(i) }, String(c))));
  if (schema.default !== undefined) select.value = String(choices.indexOf(schema.default));
  return {
    element: wrap(path, label, required, schema, select),
    get: () => (select.value === '' ? undefined : choices[Number(select.value)]),
    set(value) {
      const i = choices.indexOf(value);
      select.value = i < 0 ? '' : String(i);
    },
  };
}

function multiChoiceField(schema, path, label, choices, onInput) {
  const boxes = choices.map((c) => h('input', { type: 'checkbox', value: String(c), onchange: onInput }));
  const initial = Array.isArray(schema.default) ? schema.default : [];
  boxes.forEach((box, i) => (box.checked = initial.includes(choices[i])));
  const control = h('div', { class: 'checks', id: idOf(path) }, boxes.map((box, i) => h('label', { class: 'check' }, box, ` ${choices[i]}`)));
  let touched = schema.default !== undefined;
  control.addEventListener('change', () => (touched = true));
  return {
    element: wrap(path, label, false, schema, control),
    get: () => (touched ? choices.filter((_, i) => boxes[i].checked) : undefined),
    set(value) {
      touched = Array.isArray(value);
      boxes.forEach((box, i) => (box.checked = touched && value.includes(choices[i])));
    },
  };
}

function booleanField(schema, path, label, required, onInput) {
  if (!required && schema.default === undefined) return choiceField(schema, path, label, required, [true, false], onInput);
  const box = h('input', { id: idOf(path), name: path, type: 'checkbox', onchange: onInput });
  box.checked = schema.default === true;
  return { element: wrap(path, label, required, schema, box, 'boolean'), get: () => box.checked, set: (value) => (box.checked = value === true) };
}

function jsonField(schema, path, label, required, onInput, local) {
  const area = h('textarea', { id: idOf(path), name: path, rows: 4, class: 'json', spellcheck: false, oninput: onInput, placeholder: 'JSON' });
  if (schema.default !== undefined) area.value = JSON.stringify(schema.default, null, 2);
  return {
    element: wrap(path, label, required, schema, area),
    get() {
      if (area.value.trim() === '') return undefined;
      try {
        return JSON.parse(area.value);
      } catch {
        local.push({ path, message: 'is not valid JSON' });
        return undefined;
      }
    },
    set(value) {
      area.value = value === undefined ? '' : JSON.stringify(value, null, 2);
    },
  };
}

function objectField(schema, path, label, required, onInput, local) {
  const requiredNames = new Set(schema.required ?? []);
  // An object's default fills its fields that have none of their own.
  const defaults = schema.default !== null && typeof schema.default === 'object' ? schema.default : {};
  const withDefault = (name, child) => (child.default === undefined && defaults[name] !== undefined ? { ...child, default: defaults[name] } : child);
  const children = Object.entries(schema.properties).map(([name, child]) => [name, field(withDefault(name, child), `${path}/${name}`, name, requiredNames.has(name), onInput, local)]);
  const body = h('div', { class: 'fields' }, children.map(([, child]) => child.element));
  const element = path === ''
    ? h('div', { class: 'field root', dataset: { path } }, body, h('div', { class: 'problem', role: 'alert' }))
    : h('fieldset', { class: 'field object', dataset: { path } }, h('legend', {}, label, required ? h('span', { class: 'required' }, ' *') : ''), schema.description ? h('div', { class: 'hint' }, schema.description) : '', body, h('div', { class: 'problem', role: 'alert' }));
  return {
    element,
    get() {
      const value = {};
      for (const [name, child] of children) {
        const v = child.get();
        if (v !== undefined) value[name] = v;
      }
      return Object.keys(value).length > 0 || required ? value : undefined;
    },
    set(value) {
      for (const [name, child] of children) child.set(value?.[name]);
    },
  };
}
