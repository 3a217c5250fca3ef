/**
 * Wait `Timestamp` given as JSONata. AWS parses it as an ISO-8601 extended offset date-time
 * (Java's ISO_OFFSET_DATE_TIME: seconds optional, up to 9 fraction digits, `Z` or `±HH:MM[:SS]`).
 */
import type { Json } from '../../asl/json';
import { queryEvaluationError } from '../../asl/errors';
import type { JsonataBindings } from './bindings';
import { instantMillis, parseTimestamp } from '../timestamps';
import { evaluateJsonataTemplate } from './template';

/** Epoch milliseconds of the instant `value` names (fractions below a millisecond are dropped). */
export async function evaluateJsonataTimestamp(value: Json, bindings: JsonataBindings, field = 'Timestamp'): Promise<number> {
  const result = await evaluateJsonataTemplate(value, bindings, field);
  const instant = typeof result === 'string' ? parseTimestamp(result, 'offset-date-time') : undefined;
  if (instant === undefined) {
    const shown = typeof result === 'string' ? result : JSON.stringify(result);
    throw queryEvaluationError(
      `The ${field} field cannot be parsed as an ISO-8601 extended offset date-time format string: ${shown}`,
    );
  }
  return instantMillis(instant);
}
