import type { Json } from '../../asl/json';
import { evaluationBindings, type JsonataBindings } from './bindings';
import { compileExpression } from './compiled-expression';
import { evaluateSimplePath } from './fast-path';
import { isJsonataRuntimeError } from './jsonata-error';
import { returnedNothing, threwError, unsupportedResultType } from './query-errors';
import { toJson, UnsupportedResultError } from './to-json';

/**
 * Evaluates one JSONata expression (the text inside `{% %}`) for `field`, failing with AWS's
 * States.QueryEvaluationError when it throws, returns nothing, or returns a function.
 */
export async function evaluateExpression(expression: string, bindings: JsonataBindings, field: string): Promise<Json> {
  const simple = evaluateSimplePath(expression, bindings);
  if (simple !== undefined) return simple;
  const result = await evaluateWithJsonata(expression, bindings, field);
  if (result === undefined) throw returnedNothing(expression, field);
  try {
    return toJson(result);
  } catch (error) {
    if (error instanceof UnsupportedResultError) throw unsupportedResultType(expression, field);
    throw error;
  }
}

async function evaluateWithJsonata(expression: string, bindings: JsonataBindings, field: string): Promise<unknown> {
  const compiled = compileExpression(expression);
  try {
    if (compiled.expression === undefined) throw compiled.syntaxError;
    return await compiled.expression.evaluate(undefined, evaluationBindings(compiled.variableNames, bindings));
  } catch (error) {
    if (isJsonataRuntimeError(error)) throw threwError(expression, field, error.code, error.message);
    throw threwError(expression, field, undefined, error instanceof Error ? error.message : String(error));
  }
}
