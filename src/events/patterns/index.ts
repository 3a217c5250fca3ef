/**
 * EventBridge event patterns: compile a pattern (rejecting what AWS rejects, with AWS's message), match events
 * against it, and index many compiled patterns for fast routing.
 *
 * ```ts
 * const compiled = compileEventPattern('{"source": ["my.app"], "detail": {"size": [{"numeric": [">", 10]}]}}');
 * matchesEventPattern(compiled, event); // boolean
 * const index = new RuleIndex<string>();
 * index.add('rule-1', compiled, 'target-a');
 * index.match(event); // ['target-a'] when it matches
 * ```
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
import { PatternSyntaxError, toInvalidPattern } from './errors';
import { parseTestEvent } from './event';
import { matchesEvent } from './match';
import { compilePattern, type CompiledPattern } from './validate';

export { InvalidEventError, InvalidEventPatternError } from './errors';
export { RuleIndex } from './rule-index';
export type { CompiledPattern } from './validate';

/** @throws InvalidEventPatternError (code `InvalidEventPatternException`) with AWS's message */
export function compileEventPattern(pattern: string): CompiledPattern {
  try {
    return compilePattern(pattern);
  } catch (error) {
    if (error instanceof PatternSyntaxError) throw toInvalidPattern(error);
    throw error;
  }
}

/** Whether an event (a parsed JSON object) matches; anything but a plain object never matches. */
export function matchesEventPattern(compiled: CompiledPattern, event: unknown): boolean {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return false;
  return matchesEvent(compiled, event as Record<string, unknown>);
}

/**
 * The TestEventPattern API: both arguments are the exact request strings.
 * @throws InvalidEventError (code `ValidationException`) when the event is not a valid event
 * @throws InvalidEventPatternError when the pattern is not valid
 */
export function testEventPattern(pattern: string, event: string): boolean {
  const parsedEvent = parseTestEvent(event);
  return matchesEvent(compileEventPattern(pattern), parsedEvent);
}
