import type { Json, JsonObject } from '../../asl/json';
import { StatesError, StatesErrors } from '../../asl/errors';
import { compilePath, type PathSegment } from './compile-path';
import { compactJson, setJsonKey } from './json-text';

/**
 * ResultPath: absent (or `$`) makes the result the output, null keeps the input, a reference path such as
 * `$.a.b` places the result inside a copy of the input, creating missing objects on the way.
 * The input is never mutated.
 * @throws States.ResultPathMatchFailure when the path crosses a value that is not an object.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html
 */
export function applyResultPath(input: Json, result: Json, path: string | null | undefined): Json {
  if (path === undefined || path === '$') return result;
  if (path === null) return input;
  const { segments, root } = compilePath(path);
  if (!segments || root.kind !== 'input') throw cannotApply(path, input);
  if (segments.length === 0) return result;
  return placeAt(input, segments, 0, result, path, input);
}

function placeAt(container: Json, segments: readonly PathSegment[], depth: number, result: Json, path: string, input: Json): Json {
  const segment = segments[depth];
  const isLast = depth === segments.length - 1;
  if (typeof segment === 'number') {
    if (!Array.isArray(container) || segment < 0 || segment >= container.length) throw cannotApply(path, input);
    const copy = container.slice();
    copy[segment] = isLast ? result : placeAt(copy[segment], segments, depth + 1, result, path, input);
    return copy;
  }
  if (typeof container !== 'object' || container === null || Array.isArray(container)) throw cannotApply(path, input);
  const copy: JsonObject = { ...container };
  const existing = Object.prototype.hasOwnProperty.call(container, segment) ? container[segment] : {};
  setJsonKey(copy, segment, isLast ? result : placeAt(existing, segments, depth + 1, result, path, input));
  return copy;
}

function cannotApply(path: string, input: Json): StatesError {
  return new StatesError(
    StatesErrors.ResultPathMatchFailure,
    `Unable to apply ReferencePath ${path} to input ${JSON.stringify(compactJson(input))}`,
  );
}
