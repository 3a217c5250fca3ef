import type { Json } from '../../asl/json';

/** A jsonata result that is not JSON (a function or lambda): AWS calls it "unsupported". */
export class UnsupportedResultError extends Error {}

/**
 * jsonata's result as plain JSON. jsonata marks arrays it built with extra properties
 * (`sequence`, `keepSingleton`) and can return functions; output must be clean JSON so it
 * serialises and compares as AWS's does. Copies only where something changes, so a result that
 * is part of the input costs a walk, not a copy.
 */
export function toJson(value: unknown): Json {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return jsonNumber(value);
    case 'object':
      if (value === null) return null;
      return Array.isArray(value) ? jsonArray(value) : jsonObject(value as Record<string, unknown>);
    default:
      throw new UnsupportedResultError(typeof value);
  }
}

/**
 * JSON has no -0 or non-finite numbers. AWS writes a non-finite result as the string JavaScript
 * names it by (observed by third parties, e.g. `1/0` → "Infinity"); -0 serialises as 0.
 */
function jsonNumber(value: number): Json {
  if (Object.is(value, -0)) return 0;
  return Number.isFinite(value) ? value : String(value);
}

function jsonArray(array: unknown[]): Json {
  let copy: Json[] | undefined = isMarked(array) ? [] : undefined;
  for (let index = 0; index < array.length; index += 1) {
    const element = array[index];
    const converted = toJson(element);
    if (copy === undefined && converted !== element) copy = array.slice(0, index) as Json[];
    copy?.push(converted);
  }
  return copy ?? (array as Json[]);
}

function jsonObject(object: Record<string, unknown>): Json {
  if (isJsonataFunction(object)) throw new UnsupportedResultError('function');
  let copy: Record<string, Json> | undefined =
    Object.getPrototypeOf(object) === Object.prototype ? undefined : {};
  const keys = Object.keys(object);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    const element = object[key];
    const converted = toJson(element);
    if (copy === undefined && converted !== element) copy = copyKeys(object, keys, index);
    if (copy !== undefined) copy[key] = converted;
  }
  return copy ?? (object as Record<string, Json>);
}

function copyKeys(object: Record<string, unknown>, keys: string[], count: number): Record<string, Json> {
  const copy: Record<string, Json> = {};
  for (let index = 0; index < count; index += 1) copy[keys[index]] = object[keys[index]] as Json;
  return copy;
}

const SEQUENCE_MARKERS = ['sequence', 'keepSingleton', 'outerWrapper', 'tupleStream'];

/** An array jsonata built as a sequence carries these own properties besides its elements. */
function isMarked(array: unknown[]): boolean {
  return SEQUENCE_MARKERS.some((marker) => Object.prototype.hasOwnProperty.call(array, marker));
}

function isJsonataFunction(object: Record<string, unknown>): boolean {
  return object._jsonata_lambda === true || object._jsonata_function === true;
}
