/**
 * Fields whose JSONata value must have one JSON type: Choice `Condition`, Map `Items`,
 * Fail `Error`/`Cause`. A wrong type fails with AWS's "returned an unexpected result type".
 */
import type { Json } from '../../asl/json';
import { runtimeError } from '../../asl/errors';
import type { JsonataBindings } from './bindings';
import { evaluateExpression } from './evaluate-expression';
import { jsonTypeOf, unexpectedResultType } from './query-errors';
import { evaluateJsonataTemplate } from './template';
import { expressionOf, isJsonataTemplate } from './template-syntax';

/** Evaluates `template` (one '{% %}' string) and checks the result's JSONata type. */
export async function evaluateTyped(template: string, bindings: JsonataBindings, field: string, expected: string): Promise<Json> {
  const expression = expressionOf(template);
  const value = await evaluateExpression(expression, bindings, field);
  if (jsonTypeOf(value) !== expected) throw unexpectedResultType(expression, field, expected, value);
  return value;
}

export async function evaluateJsonataCondition(
  condition: string | boolean,
  bindings: JsonataBindings,
  field: string,
): Promise<boolean> {
  if (typeof condition === 'boolean') return condition;
  if (!isJsonataTemplate(condition)) {
    throw runtimeError(`The field '${field}' must be a boolean or a JSONata expression, but was: ${JSON.stringify(condition)}`);
  }
  return (await evaluateTyped(condition, bindings, field, 'boolean')) as boolean;
}

/** Map `Items`: a '{% %}' string that must produce an array, or an array whose elements may be templates. */
export async function evaluateJsonataItems(items: Json, bindings: JsonataBindings, field = 'Items'): Promise<Json[]> {
  if (isJsonataTemplate(items)) return (await evaluateTyped(items, bindings, field, 'array')) as Json[];
  if (!Array.isArray(items)) {
    throw runtimeError(`The field '${field}' must be an array or a JSONata expression, but was: ${JSON.stringify(items)}`);
  }
  return (await evaluateJsonataTemplate(items, bindings, field)) as Json[];
}

/** Fail `Error` and `Cause`: a literal string, or a '{% %}' string that must produce a string. */
export async function evaluateJsonataString(value: string, bindings: JsonataBindings, field: string): Promise<string> {
  if (!isJsonataTemplate(value)) return value;
  return (await evaluateTyped(value, bindings, field, 'string')) as string;
}
