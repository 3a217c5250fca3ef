import type { Json } from '../../../asl/json';

/**
 * A JSON value as AWS's Java runtime prints it with toString(): States.Format interpolates maps as
 * `{Arg1=1, Arg2=[]}` and lists as `[1, 2]`, with strings unquoted.
 */
export function javaToString(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${key}=${javaToString(item)}`)
    .join(', ')}}`;
}
