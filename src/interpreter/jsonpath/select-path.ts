import type { Json } from '../../asl/json';
import { runtimeError, type StatesError } from '../../asl/errors';
import { compactJson } from './json-text';
import { queryPath, type PathQuery } from './query-path';
import type { PathScope } from './scope';

/**
 * The value a path selects for a named field (a `.$` key of a payload template, ErrorPath, …).
 * @throws States.Runtime with AWS's "could not be found in the input" cause when nothing matches.
 */
export function selectPath(path: string, scope: PathScope, field: string): Json {
  const result = queryPath(path, scope);
  if (!result.found) throw fieldPathNotFound(path, field, result);
  return result.value;
}

/**
 * The value a path selects for InputPath/OutputPath/ItemsPath-style fields, whose failure AWS words
 * as Jayway's exception: "Invalid path '$.x' : No results for path: $['x']".
 */
export function selectPathOrInvalid(path: string, scope: PathScope, document: Json = scope.input): Json {
  const result = queryPath(path, scope, document);
  if (!result.found) throw invalidPath(path, result);
  return result.value;
}

export function fieldPathNotFound(path: string, field: string, miss: PathQuery & { found: false }): StatesError {
  return runtimeError(
    `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${compactJson(miss.document)}'`,
  );
}

export function invalidPath(path: string, miss: PathQuery & { found: false }): StatesError {
  return runtimeError(`Invalid path '${path}' : ${miss.reason}`);
}
