/**
 * The causes of States.QueryEvaluationError, worded as AWS words them. Each is the detail only:
 * the interpreter prefixes "An error occurred while executing the state ...".
 */
import type { Json } from '../../asl/json';
import { queryEvaluationError, type StatesError } from '../../asl/errors';

function expressionInField(expression: string, field: string): string {
  return `The JSONata expression '${expression}' specified for the field '${field}'`;
}

export function returnedNothing(expression: string, field: string): StatesError {
  return queryEvaluationError(`${expressionInField(expression, field)} returned nothing (undefined).`);
}

/** A function or lambda as the result: nothing JSON can hold. */
export function unsupportedResultType(expression: string, field: string): StatesError {
  return queryEvaluationError(`${expressionInField(expression, field)} returned an unsupported result type.`);
}

export function unexpectedResultType(expression: string, field: string, expected: string, value: Json): StatesError {
  return queryEvaluationError(
    `${expressionInField(expression, field)} returned an unexpected result type. ` +
      `Expected '${expected}', but was '${jsonTypeOf(value)}' for value: ${JSON.stringify(value)}`,
  );
}

/**
 * An error jsonata raised (a type error, a bad argument, a syntax error). AWS follows the sentence
 * with ". CODE: message" for coded errors and ": message" otherwise.
 */
export function threwError(expression: string, field: string, code: string | undefined, message: string): StatesError {
  const detail = code === undefined ? `: ${message}` : `. ${code}: ${message}`;
  return queryEvaluationError(`${expressionInField(expression, field)} threw an error during evaluation${detail}`);
}

/** JSONata's own type names, which AWS uses in these causes. */
export function jsonTypeOf(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
