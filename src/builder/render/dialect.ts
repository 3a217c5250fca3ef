/**
 * The two query languages, behind one interface: the state renderers say what a field means and the
 * dialect says how it is written (`Arguments` with `{% %}` vs `Parameters` with `.$` keys, …).
 */
import type { ChoiceRule, QueryLanguage } from '../../asl/definition';
import type { JsonObject } from '../../asl/json';
import { BuilderError } from '../builder-error';
import type { ConditionNode } from '../conditions';
import type { Template } from '../expression';
import type { Assignments } from '../state-config';
import { jsonataCondition, jsonataValue } from './jsonata';
import { jsonPath, jsonPathCondition, jsonPathPayload, type Subject } from './jsonpath';

/** How a state's output relates to what it computed: Pass/Choice from input, Task/Map/Parallel from a result. */
export type OutputKind = 'input' | 'result' | 'pathOnly';

export interface Dialect {
  readonly language: QueryLanguage;
  /** A payload field; `Arguments` is written `Parameters` in JSONPath. */
  payload(key: 'Arguments' | 'ItemSelector' | 'BatchInput' | 'WriterConfig', template: Template | undefined, where: string): JsonObject;
  output(template: Template | undefined, kind: OutputKind, where: string): JsonObject;
  assign(assignments: Assignments | undefined, subject: Subject, where: string): JsonObject;
  /** A field with a `…Path` variant in JSONPath (Seconds, Error, Items, …). */
  field(name: string, template: Template | undefined, where: string): JsonObject;
  condition(node: ConditionNode, where: string): ChoiceRule;
}

const NONE: JsonObject = {};

export const jsonataDialect: Dialect = {
  language: 'JSONata',
  payload: (key, template) => (template ? { [key]: jsonataValue(template) } : NONE),
  output: (template) => (template ? { Output: jsonataValue(template) } : NONE),
  assign: (assignments) => (assignments ? { Assign: Object.fromEntries(Object.entries(assignments).map(([k, v]) => [k, jsonataValue(v)])) } : NONE),
  field: (name, template) => (template ? { [name]: jsonataValue(template) } : NONE),
  condition: (node) => ({ Condition: `{% ${jsonataCondition(node)} %}` }),
};

export const jsonPathDialect: Dialect = {
  language: 'JSONPath',
  payload: (key, template, where) => (template ? { [key === 'Arguments' ? 'Parameters' : key]: jsonPathPayload(template, 'input', where) } : NONE),
  output: jsonPathOutput,
  assign: (assignments, subject, where) => (assignments ? { Assign: jsonPathPayload({ kind: 'object', fields: assignments }, subject, where) } : NONE),
  field(name, template, where) {
    if (!template) return NONE;
    if (template.kind === 'literal') return { [name]: template.value };
    if (template.kind === 'path') return { [`${name}Path`]: jsonPath(template, 'input', where) };
    throw new BuilderError(`${where}: ${name} needs a literal or a path in JSONPath`);
  },
  condition: (node, where) => jsonPathCondition(node, where),
};

/** JSONPath has no Output: express it as OutputPath, Parameters, Result, ResultSelector or ResultPath. */
function jsonPathOutput(template: Template | undefined, kind: OutputKind, where: string): JsonObject {
  if (!template) return NONE;
  const subject: Subject = kind === 'result' ? 'result' : 'input';
  if (template.kind === 'path' && template.root === subject) {
    return template.segments.length > 0 ? { OutputPath: jsonPath(template, subject, where) } : {};
  }
  if (kind === 'result' && template.kind === 'path' && template.root === 'input' && template.segments.length === 0) {
    return { ResultPath: null };
  }
  if (kind === 'result' && template.kind === 'object') return { ResultSelector: jsonPathPayload(template, 'result', where) };
  if (kind === 'input' && template.kind === 'object') return { Parameters: jsonPathPayload(template, 'input', where) };
  throw new BuilderError(`${where}: this output cannot be written in JSONPath; use JSONata`);
}

export function dialectFor(language: QueryLanguage): Dialect {
  return language === 'JSONata' ? jsonataDialect : jsonPathDialect;
}
