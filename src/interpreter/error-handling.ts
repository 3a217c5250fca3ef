/**
 * Retry and Catch: which retrier or catcher matches an error, and how long to wait.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
import type { Catcher, Retrier } from '../asl/definition';
import { StatesErrors } from '../asl/errors';

/** States.Runtime is never caught by a wildcard (recorded: States.ALL does catch DataLimitExceeded). */
const NOT_MATCHED_BY_ALL = new Set<string>([StatesErrors.Runtime]);

export function errorMatches(errorEquals: string[], error: string): boolean {
  for (const name of errorEquals) {
    if (name === error) return true;
    if (name === StatesErrors.ALL && !NOT_MATCHED_BY_ALL.has(error)) return true;
    // States.TaskFailed is a wildcard for everything but a timeout.
    if (name === StatesErrors.TaskFailed && error !== StatesErrors.Timeout && !NOT_MATCHED_BY_ALL.has(error)) return true;
  }
  return false;
}

export function findCatcher(catchers: Catcher[] | undefined, error: string): Catcher | undefined {
  return catchers?.find((c) => errorMatches(c.ErrorEquals, error));
}

export function findRetrier(retriers: Retrier[] | undefined, error: string): number {
  return retriers ? retriers.findIndex((r) => errorMatches(r.ErrorEquals, error)) : -1;
}

/** Delay before retry number `attempt` (0-based) in milliseconds, or undefined when exhausted. */
export function retryDelayMs(retrier: Retrier, attempt: number, random: () => number): number | undefined {
  const maxAttempts = retrier.MaxAttempts ?? 3;
  if (attempt >= maxAttempts) return undefined;
  const interval = retrier.IntervalSeconds ?? 1;
  const backoff = retrier.BackoffRate ?? 2;
  let seconds = interval * backoff ** attempt;
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL') seconds = random() * seconds;
  return Math.round(seconds * 1000);
}
