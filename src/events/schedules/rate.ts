import type { RateSchedule } from './schedule';

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

/**
 * Parses the inside of `rate(...)`: one space, a positive integer and a lower-case unit. EventBridge
 * rules also insist on the unit singular for 1 (`rate(1 minute)`) and plural otherwise
 * (`rate(5 minutes)`); EventBridge Scheduler does not (it accepts `rate(2 minute)`), so
 * `strictPlural` is false for it. Returns undefined when AWS would reject the expression.
 */
export function parseRateBody(
  body: string,
  expression: string,
  firesAtStart: boolean,
  strictPlural = true,
): RateSchedule | undefined {
  const match = /^(\d+) (minute|hour|day)(s?)$/.exec(body);
  if (!match) return undefined;
  const value = Number(match[1]);
  const plural = match[3] === 's';
  if (!Number.isSafeInteger(value) || value < 1 || (strictPlural && plural !== value > 1)) return undefined;
  const unit = match[2] as Unit;
  return { kind: 'rate', expression, value, unit, intervalMs: value * UNIT_MS[unit], firesAtStart };
}
