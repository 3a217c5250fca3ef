/**
 * Wait `Timestamp` given as JSONata. AWS parses it as an ISO-8601 extended offset date-time
 * (Java's ISO_OFFSET_DATE_TIME: seconds optional, up to 9 fraction digits, `Z` or `±HH:MM[:SS]`).
 */
import type { Json } from '../../asl/json';
import { queryEvaluationError } from '../../asl/errors';
import type { JsonataBindings } from './bindings';
import { evaluateJsonataTemplate } from './template';

const OFFSET_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/i;

/** Epoch milliseconds of the instant `value` names (fractions below a millisecond are dropped). */
export async function evaluateJsonataTimestamp(value: Json, bindings: JsonataBindings, field = 'Timestamp'): Promise<number> {
  const result = await evaluateJsonataTemplate(value, bindings, field);
  const millis = typeof result === 'string' ? parseOffsetDateTime(result) : undefined;
  if (millis === undefined) {
    const shown = typeof result === 'string' ? result : JSON.stringify(result);
    throw queryEvaluationError(
      `The ${field} field cannot be parsed as an ISO-8601 extended offset date-time format string: ${shown}`,
    );
  }
  return millis;
}

export function parseOffsetDateTime(text: string): number | undefined {
  const match = OFFSET_DATE_TIME.exec(text);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((group) => Number(match[group] ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = match[8] !== undefined ? 0 : offsetOf(match);
  if (offsetMinutes === undefined) return undefined;
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  return utcMillis(year, month - 1, day) + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
}

/** ±HH:MM[:SS], at most ±18:00 as in java.time.ZoneOffset. */
function offsetOf(match: RegExpExecArray): number | undefined {
  const [hours, minutes, seconds] = [10, 11, 12].map((group) => Number(match[group] ?? 0));
  if (minutes > 59 || seconds > 59) return undefined;
  const total = hours * 60 + minutes + seconds / 60;
  if (total > 18 * 60) return undefined;
  return match[9] === '-' ? -total : total;
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMillis(year, month, 0)).getUTCDate();
}

/** Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not. */
function utcMillis(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}
