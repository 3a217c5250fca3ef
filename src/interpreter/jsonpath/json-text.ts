import type { Json } from '../../asl/json';

/** Compact JSON as AWS (Jackson) prints values inside error causes. */
export function compactJson(value: Json): string {
  return JSON.stringify(value);
}

/** Structural equality of two JSON values (key order ignored), as Java's equals on parsed JSON. */
export function jsonEquals(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEquals(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEquals(a[key], b[key]));
}

/** Sets a key as an own data property: plain assignment of `__proto__` would replace the prototype instead. */
export function setJsonKey(target: { [key: string]: Json }, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
