import type { Json, JsonObject } from '../../asl/json';
import { runtimeError } from '../../asl/errors';
import { evaluateIntrinsic } from './intrinsics/evaluate-intrinsic';
import { isIntrinsicExpression } from './intrinsics/parse-intrinsic';
import type { PathScope } from './scope';
import { selectPath } from './select-path';
import { setJsonKey } from './json-text';

type TemplateEvaluator = (scope: PathScope) => Json;

const PATH_KEY_SUFFIX = '.$';
// Templates are definition objects that live as long as the state machine: compile each once.
const compiled = new WeakMap<object, TemplateEvaluator>();

/**
 * Fills a payload template (Parameters, ResultSelector, ItemSelector, JSONPath Assign): a key ending in
 * `.$` takes the value of its path or intrinsic call, under the key without the suffix; other values are
 * copied, recursing into objects and arrays. Literal parts of the result are shared with the template.
 * @param field the template's own field name, used when the template itself is malformed.
 */
export function evaluatePayloadTemplate(template: Json, scope: PathScope, field = 'Parameters'): Json {
  if (typeof template !== 'object' || template === null) return template;
  let evaluator = compiled.get(template);
  if (!evaluator) {
    evaluator = compileValue(template, field) ?? (() => template);
    compiled.set(template, evaluator);
  }
  return evaluator(scope);
}

/** Returns undefined when the value holds no `.$` key anywhere, so it can be reused as is. */
function compileValue(value: Json, field: string): TemplateEvaluator | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  return Array.isArray(value) ? compileArray(value, field) : compileObject(value, field);
}

function compileArray(items: Json[], field: string): TemplateEvaluator | undefined {
  const evaluators = items.map((item) => compileValue(item, field));
  if (evaluators.every((evaluator) => evaluator === undefined)) return undefined;
  return (scope) => items.map((item, i) => evaluators[i]?.(scope) ?? item);
}

interface CompiledEntry {
  key: string;
  literal: Json;
  evaluate: TemplateEvaluator | undefined;
}

function compileObject(template: JsonObject, field: string): TemplateEvaluator | undefined {
  const entries: CompiledEntry[] = Object.entries(template).map(([key, value]) =>
    key.endsWith(PATH_KEY_SUFFIX)
      ? { key: key.slice(0, -PATH_KEY_SUFFIX.length), literal: null, evaluate: compileExpression(key, value, field) }
      : { key, literal: value, evaluate: compileValue(value, field) },
  );
  if (entries.every((entry) => entry.evaluate === undefined)) return undefined;
  return (scope) => {
    const result: JsonObject = {};
    for (const entry of entries) setJsonKey(result, entry.key, entry.evaluate ? entry.evaluate(scope) : entry.literal);
    return result;
  };
}

function compileExpression(key: string, expression: Json, field: string): TemplateEvaluator {
  if (typeof expression !== 'string') {
    throw runtimeError(`The value for the field '${key}' in '${field}' must be a valid JSONPath or intrinsic function`);
  }
  if (isIntrinsicExpression(expression)) return (scope) => evaluateIntrinsic(expression, scope, key);
  return (scope) => selectPath(expression, scope, key);
}
