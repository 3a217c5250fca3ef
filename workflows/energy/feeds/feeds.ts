/**
 * The three market-data feeds and when each publishes a delivery day. The times follow the day-ahead
 * market: the exogenous forecasts (load, wind) for day d come out on the morning of d−1, the auction
 * for d closes around noon of d−1 and its prices follow. All times are UTC:
 *
 * | feed    | what                              | published for delivery day d |
 * |---------|-----------------------------------|------------------------------|
 * | prices  | the day-ahead price, 24 hours     | d−1 12:00                    |
 * | exog1   | the first exogenous forecast      | d−1 08:00                    |
 * | exog2   | the second exogenous forecast     | d−1 08:00                    |
 *
 * So at d−1 09:00 (the daily ingestion's time) everything a forecast for d may use is out — the
 * prices up to d−1 and the exogenous forecasts for d — and d's own prices are not.
 */
import { Type, type Static } from '@sinclair/typebox';

export const FEEDS = ['prices', 'exog1', 'exog2'] as const;
export type FeedName = (typeof FEEDS)[number];

const DAY_MS = 86_400_000;
const PUBLICATION_HOUR: Record<FeedName, number> = { prices: 12, exog1: 8, exog2: 8 };

export function isFeed(name: string): name is FeedName {
  return (FEEDS as readonly string[]).includes(name);
}

/** When `feed` publishes delivery day `day` (`YYYY-MM-DD`). */
export function publicationTime(feed: FeedName, day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS + PUBLICATION_HOUR[feed] * 3_600_000);
}

/** `day` moved by `days` (negative: earlier). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const Day = Type.String({ pattern: DAY_PATTERN, description: 'A delivery day, YYYY-MM-DD' });

/** One delivery day of one feed, as the feed answers it. */
export const FeedDay = Type.Object({
  day: Type.String(),
  publishedAt: Type.String({ description: 'ISO 8601: when this answer was published' }),
  values: Type.Array(Type.Object({ hour: Type.Unknown(), value: Type.Unknown() })),
});
export type FeedDay = Static<typeof FeedDay>;

/**
 * A feed's answer for a range of delivery days: only the days published by the time of the request
 * (and held by the market's data); a day not yet out is simply absent.
 */
export interface FeedAnswer {
  readonly market: string;
  readonly feed: FeedName;
  /** The column of the market file the feed replays. */
  readonly series: string;
  readonly days: readonly FeedDay[];
}
