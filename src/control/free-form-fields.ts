/**
 * The fields whose value Step Functions takes as free-form JSON: JSONata's `Output` (any JSON value),
 * `Assign`, `Arguments`, `ItemSelector` and `Items`, and JSONPath's payload templates (`Parameters`,
 * `ResultSelector`, `ItemSelector`, `Assign`). asl-validator's schemas restrict them further than AWS
 * does (no `null` or `""` inside a list, no list inside a list, `Output` only as an object, no literal
 * boolean `Condition`), so they are
 * checked here, and asl-validator sees a stand-in that keeps what it does check well: the `.$` paths.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html
 */
import type { Json, JsonObject } from '../asl/json';
import { isJsonObject } from '../asl/json';
import { jsonataSyntaxError } from '../interpreter/jsonata/syntax-check';
import { isJsonataTemplate } from '../interpreter/jsonata/template-syntax';
import type { Diagnostic } from './definition-validation';

type Language = 'JSONata' | 'JSONPath';

const JSONATA_FIELDS = ['Output', 'Assign', 'Arguments', 'ItemSelector', 'Items'] as const;
const JSONPATH_TEMPLATES = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign'] as const;

export interface FreeFormCheck {
  /** The definition as asl-validator should see it. */
  view: JsonObject;
  /** Problems in the free-form fields (a JSONata template that does not parse). */
  diagnostics: Diagnostic[];
}

export function checkFreeFormFields(definition: JsonObject): FreeFormCheck {
  const view = structuredClone(definition);
  const diagnostics: Diagnostic[] = [];
  visitMachine(view, languageOf(view.QueryLanguage, 'JSONPath'), '', diagnostics);
  return { view, diagnostics };
}

function languageOf(value: Json | undefined, inherited: Language): Language {
  return value === 'JSONata' || value === 'JSONPath' ? value : inherited;
}

function visitMachine(machine: JsonObject, language: Language, at: string, diagnostics: Diagnostic[]): void {
  if (!isJsonObject(machine.States)) return;
  for (const [name, state] of Object.entries(machine.States)) {
    if (isJsonObject(state)) visitState(state, languageOf(state.QueryLanguage, language), `${at}/States/${name}`, diagnostics);
  }
}

function visitState(state: JsonObject, language: Language, at: string, diagnostics: Diagnostic[]): void {
  standIn(state, language, at, diagnostics);
  for (const list of ['Choices', 'Catch'] as const) {
    const rules = state[list];
    if (Array.isArray(rules)) rules.forEach((rule, i) => isJsonObject(rule) && standIn(rule, language, `${at}/${list}/${i}`, diagnostics));
  }
  const branches = Array.isArray(state.Branches) ? state.Branches : [];
  branches.forEach((branch, i) => isJsonObject(branch) && visitMachine(branch, language, `${at}/Branches/${i}`, diagnostics));
  for (const key of ['ItemProcessor', 'Iterator'] as const) {
    const processor = state[key];
    if (isJsonObject(processor)) visitMachine(processor, language, `${at}/${key}`, diagnostics);
  }
}

/** Replaces the free-form fields of one state, Choice rule or catcher by what asl-validator accepts. */
function standIn(holder: JsonObject, language: Language, at: string, diagnostics: Diagnostic[]): void {
  if (language === 'JSONata') {
    for (const field of JSONATA_FIELDS) {
      if (!(field in holder)) continue;
      const value = holder[field];
      checkTemplates(value, `${at}/${field}`, diagnostics);
      if (field === 'Output') delete holder.Output;
      else if (isJsonObject(value)) holder[field] = {};
      else if (Array.isArray(value)) holder[field] = [];
    }
    // A Choice rule's Condition may be a literal boolean as well as a template.
    if (typeof holder.Condition === 'boolean') holder.Condition = `{% ${holder.Condition} %}`;
    return;
  }
  for (const field of JSONPATH_TEMPLATES) {
    const value = holder[field];
    if (isJsonObject(value)) holder[field] = payloadStandIn(value) as JsonObject;
  }
}

/** Every `{% %}` string inside `value` must parse as JSONata. */
function checkTemplates(value: Json | undefined, at: string, diagnostics: Diagnostic[]): void {
  if (isJsonataTemplate(value)) {
    const error = jsonataSyntaxError(value);
    if (error !== undefined) {
      diagnostics.push({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: `${at} is invalid. The JSONata expression does not parse: ${error}`, location: at });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkTemplates(item, `${at}/${i}`, diagnostics));
  } else if (isJsonObject(value)) {
    for (const [k, v] of Object.entries(value)) checkTemplates(v, `${at}/${k}`, diagnostics);
  }
}

/** A payload template with its `.$` entries kept (asl-validator checks their paths) and every literal as 0. */
function payloadStandIn(value: Json): Json {
  if (Array.isArray(value)) return value.map(payloadStandIn);
  if (!isJsonObject(value)) return 0;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = k.endsWith('.$') ? v : payloadStandIn(v);
  return out;
}
