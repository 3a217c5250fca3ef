/**
 * Checks one feed answer before anything of it is kept: every requested day once, in order, each
 * with the 24 hours 0..23 once and a finite number for each. The first problem is thrown, naming
 * the feed, the day and the hour.
 */
import { DataNotAvailableException, InvalidFeedAnswer } from './errors';
import { addDays, daysBetween, publicationTime, type FeedName } from './feeds';

export interface ValidDay {
  readonly day: string;
  readonly publishedAt: string;
  /** The 24 hourly values, hour 0 first. */
  readonly values: number[];
}

export interface ValidationRequest {
  readonly market: string;
  readonly feed: FeedName;
  readonly from: string;
  readonly to: string;
  /**
   * A historical load asks from before the market's first day: days missing at the start of the
   * range are accepted then (never one after a day that is there).
   */
  readonly leadingGapAllowed?: boolean;
}

export function validateAnswer(body: unknown, request: ValidationRequest): ValidDay[] {
  const { market, feed, from, to } = request;
  const where = `feed ${feed} of ${market}`;
  if (!isRecord(body) || !Array.isArray(body.days)) throw new InvalidFeedAnswer(`${where}: the answer has no list of days.`);
  const days = body.days.map((entry, index) => validateDay(entry, where, index));
  let expected = days.length > 0 && request.leadingGapAllowed ? days[0].day : from;
  if (days.length > 0 && (days[0].day < from || days[0].day > to)) throw new InvalidFeedAnswer(`${where}, day ${days[0].day}: answered for a request of days ${from}..${to} (wrong day).`);
  for (const day of days) {
    if (day.day !== expected) {
      if (day.day > expected && day.day <= to) throw new DataNotAvailableException(`${where}, day ${expected}: not published (the answer goes on with ${day.day}).`);
      throw new InvalidFeedAnswer(`${where}, day ${day.day}: expected day ${expected} (wrong day${day.day < expected ? ' or duplicate day' : ''}).`);
    }
    if (Date.parse(day.publishedAt) < publicationTime(feed, day.day).getTime()) {
      throw new DataNotAvailableException(`${where}, day ${day.day}: stale answer, published ${day.publishedAt}, before that day's publication at ${publicationTime(feed, day.day).toISOString()}.`);
    }
    expected = addDays(expected, 1);
  }
  if (days.length === 0 || daysBetween(expected, to) >= 0) {
    throw new DataNotAvailableException(`${where}, day ${days.length === 0 ? (request.leadingGapAllowed ? to : from) : expected}: not published yet.`);
  }
  return days;
}

function validateDay(entry: unknown, where: string, index: number): ValidDay {
  if (!isRecord(entry) || typeof entry.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.day)) throw new InvalidFeedAnswer(`${where}: entry ${index} has no delivery day YYYY-MM-DD.`);
  const { day } = entry;
  if (typeof entry.publishedAt !== 'string' || Number.isNaN(Date.parse(entry.publishedAt))) throw new InvalidFeedAnswer(`${where}, day ${day}: no publishedAt time.`);
  if (!Array.isArray(entry.values)) throw new InvalidFeedAnswer(`${where}, day ${day}: no hourly values.`);
  const values = new Array<number>(24);
  const seen = new Set<number>();
  for (const item of entry.values as unknown[]) {
    const hour = isRecord(item) ? item.hour : undefined;
    if (typeof hour !== 'number' || !Number.isInteger(hour) || hour < 0 || hour > 23) throw new InvalidFeedAnswer(`${where}, day ${day}, hour ${String(hour)}: not an hour 0..23.`);
    if (seen.has(hour)) throw new InvalidFeedAnswer(`${where}, day ${day}, hour ${hour}: duplicate hour${entry.values.length === 25 ? ' (25 hours: a clock change is not normalised)' : ''}.`);
    const value = (item as Record<string, unknown>).value;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InvalidFeedAnswer(`${where}, day ${day}, hour ${hour}: '${String(value)}' is not a number.`);
    seen.add(hour);
    values[hour] = value;
  }
  const missing = Array.from({ length: 24 }, (_, hour) => hour).find((hour) => !seen.has(hour));
  if (missing !== undefined) throw new InvalidFeedAnswer(`${where}, day ${day}, hour ${missing}: missing${entry.values.length === 23 ? ' (23 hours: a clock change is not normalised)' : ''}.`);
  return { day, publishedAt: entry.publishedAt, values };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
