/** An instant with nanosecond precision, comparable without floating-point loss. */
export interface Instant {
  epochSeconds: number;
  nanos: number;
}

// RFC 3339 as the States Language restricts it: uppercase T, and Z or a numeric offset.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses an RFC 3339 timestamp, or returns undefined when the text is not one (a date alone, no offset,
 * an impossible day or hour).
 * @see https://states-language.net/spec.html#timestamps
 */
export function parseTimestamp(text: string): Instant | undefined {
  const match = RFC3339.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetSeconds = parseOffset(match[8]);
  if (offsetSeconds === undefined) return undefined;
  const epochSeconds = Date.UTC(year, month - 1, day, hour, minute, second) / 1000 - offsetSeconds;
  return { epochSeconds, nanos: Number((match[7] ?? '').padEnd(9, '0')) };
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.epochSeconds - b.epochSeconds || a.nanos - b.nanos;
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

function parseOffset(offset: string): number | undefined {
  if (offset === 'Z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 23 || minutes > 59) return undefined;
  return (offset[0] === '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}
