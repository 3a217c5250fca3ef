import type { AtSchedule } from './schedule';
import { wallClockToInstant } from './zone-time';

/**
 * Parses the inside of `at(...)`: `yyyy-mm-ddThh:mm:ss` with no offset (the schedule's time zone
 * applies). A date in the past is accepted, as CreateSchedule does.
 */
export function parseAtBody(body: string, expression: string, timezone: string): AtSchedule | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const minuteMs = wallClockToInstant({ year, month, day, hour, minute }, timezone, 'shift-forward');
  if (minuteMs === undefined) return undefined;
  return { kind: 'at', expression, timezone, atMs: minuteMs + second * 1000 };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}
