/**
 * CheckHistory: what this run must fetch. No history of the market in the lake → a historical load
 * reaching back far enough for the champion's longest window and its calibration days; a backfill
 * asked for → from that day; otherwise from the first day missing since the history's first day
 * (yesterday's prices on a normal day; more after a failed run), so a lost day is backfilled.
 */
import { defineTask } from '../../../src/builder';
import type { LakeQueries } from '../../../src/services';
import { addDays, daysBetween } from '../feeds/feeds';
import { IngestInput, IngestPlan } from '../schemas/ingest';
import { RAW_PREFIX, timeStamp } from './access';
import { championOf, historyReach } from './champion';
import { historyDaysSql } from './lake-sql';
import { TRANSIENT } from './retry';

export const DEFAULT_MARKET = 'NP';

export const CheckHistory = defineTask({
  name: 'energy-check-history',
  input: IngestInput,
  output: IngestPlan,
  access: { lakeQueries: true, lakeTables: ['energy_history'], modelRegistry: true },
  retry: TRANSIENT,
  timeoutSeconds: 300,
  run: async (input, { lake, models, clock }): Promise<IngestPlan> => {
    const now = clock.now();
    const market = input.market ?? DEFAULT_MARKET;
    const date = input.date ?? addDays((input.scheduledAt ? new Date(input.scheduledAt) : now).toISOString().slice(0, 10), 1);
    const { model, forecaster } = await championOf(models, market);
    const reach = historyReach(forecaster);
    const historyFrom = addDays(date, -reach);
    const rawPrefix = `${RAW_PREFIX}${market}/${date}/${timeStamp(now)}/`;
    const lastPriceDay = addDays(date, -1);
    const plan = { market, date, lastPriceDay, rawPrefix, model, forecaster, historyFrom, historical: false };
    if (input.backfillFrom) return { ...plan, load: 'backfill', historical: true, from: input.backfillFrom > lastPriceDay ? lastPriceDay : input.backfillFrom };
    const present = await completeDays(lake, market, historyFrom, lastPriceDay);
    if (present.length === 0) return { ...plan, load: 'historical', historical: true, from: addDays(date, -(input.historyDays ?? reach)) };
    return { ...plan, load: 'daily', from: firstMissing(present, lastPriceDay) };
  },
});

/** The days between `from` and `to` whose 24 hours are all in the lake, in order. */
async function completeDays(lake: LakeQueries, market: string, from: string, to: string): Promise<string[]> {
  const rows = await lake.query(historyDaysSql(market, from, to));
  return rows.filter((row) => Number(row.hours) === 24).map((row) => row.date!);
}

/** The first day after the history's first that is not complete, else the last day (fetched again: appends are idempotent). */
export function firstMissing(present: readonly string[], last: string): string {
  const first = present[0];
  const have = new Set(present);
  for (let i = 0; i <= daysBetween(first, last); i++) {
    const day = addDays(first, i);
    if (!have.has(day)) return day;
  }
  return last;
}
