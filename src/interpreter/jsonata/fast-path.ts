import type { Json } from '../../asl/json';
import type { JsonataBindings } from './bindings';

/**
 * A synchronous shortcut for the commonest expressions, `$states.input.a.b` and `$var.a`,
 * skipping jsonata's async evaluator. It answers only where jsonata provably gives the same
 * value: every step before the last lands on a plain object holding the key as its own property.
 * Anything else (arrays mid-path, missing keys, a name that may be a built-in function) returns
 * `undefined` and the caller evaluates with jsonata.
 */
const SIMPLE_PATH = /^\$[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;

// null marks a source that is not a simple path, so the regex runs once per source.
const pathCache = new Map<string, readonly string[] | null>();

export function evaluateSimplePath(source: string, bindings: JsonataBindings): Json | undefined {
  const path = simplePathOf(source);
  if (path === null) return undefined;
  let current = rootValue(path[0], bindings);
  for (let index = 1; index < path.length && current !== undefined; index += 1) {
    current = isPlainObject(current) && hasOwn(current, path[index]) ? current[path[index]] : undefined;
  }
  return current;
}

function simplePathOf(source: string): readonly string[] | null {
  let path = pathCache.get(source);
  if (path === undefined) {
    path = SIMPLE_PATH.test(source) ? source.slice(1).split('.') : null;
    pathCache.set(source, path);
  }
  return path;
}

function rootValue(name: string, bindings: JsonataBindings): Json | undefined {
  if (name === 'states') return bindings.states as Json;
  return name in bindings.variables ? bindings.variables[name] : undefined;
}

function isPlainObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}
