/**
 * The interpreter's one ISO-8601 timestamp parser, with the two profiles Step Functions applies:
 * - `rfc3339` (Choice comparisons, IsTimestamp): the States Language's RFC 3339 profile, seconds
 *   required, uppercase T and Z, a ±hh:mm offset.
 * - `offset-date-time` (Wait Timestamp, TimestampPath and JSONata Timestamp): Java's
 *   ISO_OFFSET_DATE_TIME, seconds optional, T and Z in either case, a ±hh:mm[:ss] offset up to ±18:00.
 * Both keep nanoseconds, so instants compare without floating-point loss.
 * @see https://states-language.net/spec.html#timestamps
 */
export interface Instant {
  epochSeconds: number;
  nanos: number;
}

export type TimestampProfile = 'rfc3339' | 'offset-date-time';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})([Tt])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2})(?::(\d{2}))?)$/;

/** The instant `text` names, or undefined when it is not a timestamp of the profile (or an impossible date). */
export function parseTimestamp(text: string, profile: TimestampProfile = 'rfc3339'): Instant | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m) return undefined;
  const strict = profile === 'rfc3339';
  if (strict && (m[4] !== 'T' || m[7] === undefined || m[9] === 'z' || m[13] !== undefined)) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 5, 6].map((g) => Number(m[g]));
  const second = Number(m[7] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = offsetSeconds(m, strict);
  if (offset === undefined) return undefined;
  const epochSeconds = utcMillis(year, month - 1, day) / 1000 + hour * 3600 + minute * 60 + second - offset;
  return { epochSeconds, nanos: Number((m[8] ?? '').padEnd(9, '0')) };
}

export function compareInstants(a: Instant, b: Instant): number {
  return a.epochSeconds - b.epochSeconds || a.nanos - b.nanos;
}

/** Epoch milliseconds (fractions below a millisecond are dropped). */
export function instantMillis(instant: Instant): number {
  return instant.epochSeconds * 1000 + Math.floor(instant.nanos / 1e6);
}

function offsetSeconds(m: RegExpExecArray, strict: boolean): number | undefined {
  if (m[9] !== undefined) return 0;
  const [hours, minutes, seconds] = [11, 12, 13].map((g) => Number(m[g] ?? 0));
  if (minutes > 59 || seconds > 59) return undefined;
  const total = hours * 3600 + minutes * 60 + seconds;
  // RFC 3339 allows any hour of offset; java.time.ZoneOffset stops at ±18:00.
  if (strict ? hours > 23 : total > 18 * 3600) return undefined;
  return m[10] === '-' ? -total : total;
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
