/**
 * Turns a field's matcher list into one predicate over event values, built once at compile time because
 * routing evaluates it for every candidate rule of every event. Exact strings become one set lookup.
 */
import { matchesValue, type EventValue, type ValueMatcher } from './matchers';

export type ValueTest = (value: EventValue) => boolean;

export function buildValueTest(matchers: readonly ValueMatcher[]): ValueTest {
  const exactStrings = new Set<string>();
  const others: ValueMatcher[] = [];
  for (const matcher of matchers) {
    if (matcher.kind === 'exact-string') exactStrings.add(matcher.value);
    else others.push(matcher);
  }
  if (others.length === 0) return (value) => typeof value === 'string' && exactStrings.has(value);
  if (exactStrings.size === 0 && others.length === 1) {
    const only = others[0];
    return (value) => matchesValue(only, value);
  }
  return (value) => {
    if (typeof value === 'string' && exactStrings.has(value)) return true;
    for (const matcher of others) if (matchesValue(matcher, value)) return true;
    return false;
  };
}
