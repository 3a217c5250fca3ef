/**
 * The value matchers a compiled pattern is made of, and how each one tests one value of the event.
 * Matchers are type-aware the way AWS's are: string operators never match numbers, numeric ones never match
 * strings, and every anything-but matches any present value that it does not exclude, whatever its type.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
import { inAddressRange, ipToHex, type AddressRange } from './cidr';
import { comparableKey, inRange, type NumericRange } from './numbers';
import { matchesWildcard, type Wildcard } from './wildcard';

export type ValueMatcher =
  | { kind: 'exact-string'; value: string }
  | { kind: 'exact-ip'; hex: string }
  | { kind: 'exact-number'; value: number; key: number | undefined }
  | { kind: 'exact-literal'; value: boolean | null }
  | { kind: 'prefix'; value: string; ignoreCase: boolean }
  | { kind: 'suffix'; value: string; ignoreCase: boolean }
  | { kind: 'equals-ignore-case'; value: string }
  | { kind: 'wildcard'; wildcard: Wildcard }
  | { kind: 'numeric'; range: NumericRange }
  | { kind: 'cidr'; range: AddressRange }
  | { kind: 'exists'; present: boolean }
  | { kind: 'anything-but'; strings: ReadonlySet<string>; numberKeys: ReadonlySet<number> }
  | { kind: 'anything-but-ignore-case'; lowerCased: ReadonlySet<string> }
  | { kind: 'anything-but-prefix'; values: readonly string[] }
  | { kind: 'anything-but-suffix'; values: readonly string[] }
  | { kind: 'anything-but-wildcard'; wildcards: readonly Wildcard[] };

/** A leaf value of the event (objects and arrays are flattened away before matching). */
export type EventValue = string | number | boolean | null;

/** Whether one event value satisfies one matcher. */
export function matchesValue(matcher: ValueMatcher, value: EventValue): boolean {
  switch (matcher.kind) {
    case 'exact-string': return value === matcher.value;
    case 'exact-ip': return typeof value === 'string' && ipToHex(value) === matcher.hex;
    case 'exact-number': return typeof value === 'number' && numberEquals(value, matcher);
    case 'exact-literal': return value === matcher.value;
    case 'prefix': return typeof value === 'string' && startsWith(value, matcher.value, matcher.ignoreCase);
    case 'suffix': return typeof value === 'string' && endsWith(value, matcher.value, matcher.ignoreCase);
    case 'equals-ignore-case': return typeof value === 'string' && value.toLowerCase() === matcher.value;
    case 'wildcard': return typeof value === 'string' && matchesWildcard(value, matcher.wildcard);
    case 'numeric': return typeof value === 'number' && inNumericRange(value, matcher.range);
    case 'cidr': return typeof value === 'string' && inCidr(value, matcher.range);
    // A present value satisfies `exists: true`; `exists: false` is decided by the field having no value at all.
    case 'exists': return matcher.present;
    default: return matchesAnythingBut(matcher, value);
  }
}

function matchesAnythingBut(matcher: ValueMatcher, value: EventValue): boolean {
  switch (matcher.kind) {
    case 'anything-but':
      if (typeof value === 'string') return !matcher.strings.has(value);
      if (typeof value === 'number') return !matcher.numberKeys.has(comparableKey(value) ?? Number.NaN);
      return true;
    case 'anything-but-ignore-case':
      return typeof value !== 'string' || !matcher.lowerCased.has(value.toLowerCase());
    case 'anything-but-prefix':
      return typeof value !== 'string' || !matcher.values.some((p) => value.startsWith(p));
    case 'anything-but-suffix':
      return typeof value !== 'string' || !matcher.values.some((s) => value.endsWith(s));
    case 'anything-but-wildcard':
      return typeof value !== 'string' || !matcher.wildcards.some((w) => matchesWildcard(value, w));
    default:
      return false;
  }
}

/** Numbers AWS can compare numerically are equal to six decimals; others only when literally equal. */
function numberEquals(value: number, matcher: { value: number; key: number | undefined }): boolean {
  if (matcher.key === undefined) return value === matcher.value;
  return comparableKey(value) === matcher.key;
}

function inNumericRange(value: number, range: NumericRange): boolean {
  const key = comparableKey(value);
  return key !== undefined && inRange(key, range);
}

function inCidr(value: string, range: AddressRange): boolean {
  const hex = ipToHex(value);
  return hex !== undefined && inAddressRange(hex, range);
}

function startsWith(value: string, prefix: string, ignoreCase: boolean): boolean {
  if (!ignoreCase) return value.startsWith(prefix);
  return value.length >= prefix.length && value.slice(0, prefix.length).toLowerCase() === prefix;
}

function endsWith(value: string, suffix: string, ignoreCase: boolean): boolean {
  if (!ignoreCase) return value.endsWith(suffix);
  return value.length >= suffix.length && value.slice(value.length - suffix.length).toLowerCase() === suffix;
}
