/**
 * What energy-score and energy-retrain read from the lake, as SQL through the lake queries service
 * (Athena on AWS: the same text, so Trino's dialect). Markets and days are checked by their
 * schemas before they become literals here.
 */
import type { LakeQueries, QueryRow } from '../../../src/services';
import { TaskFailure } from '../../../src/services';
import { addDays } from '../feeds/feeds';
import type { MarketData } from '../lib';

// The day arithmetic the feeds use, for the tasks that read the lake by day.
export { addDays, daysBetween } from '../feeds/feeds';

export function historyBoundsSql(market: string): string {
  return `SELECT min("date") AS first_day, max("date") AS last_day, count(*) AS hours FROM energy_history WHERE market = '${market}'`;
}

export function historySql(market: string, from: string, to: string): string {
  return `SELECT "date", hour, price, exog1, exog2 FROM energy_history WHERE market = '${market}' AND "date" BETWEEN '${from}' AND '${to}' ORDER BY "date", hour`;
}

export interface HistoryBounds {
  readonly first: string;
  readonly last: string;
}

export async function historyBounds(lake: LakeQueries, market: string): Promise<HistoryBounds> {
  const [row] = await lake.query(historyBoundsSql(market));
  if (!row?.first_day || !row.last_day) throw new TaskFailure('InsufficientHistory', `The lake has no energy_history for market ${market}.`);
  return { first: row.first_day, last: row.last_day };
}

/**
 * The market's hours from `from` to `to` (clipped to what the lake holds) as consecutive whole
 * days; a missing day or hour in between is refused by name, since every lag would shift.
 */
export async function readHistory(lake: LakeQueries, market: string, from: string, to: string): Promise<MarketData> {
  return historyOf(await lake.query(historySql(market, from, to)), market, from, to);
}

/** `historySql`'s rows as consecutive whole days, checked as `readHistory` says. */
export function historyOf(rows: readonly QueryRow[], market: string, from: string, to: string): MarketData {
  if (rows.length === 0) throw new TaskFailure('InsufficientHistory', `energy_history has no ${market} hours between ${from} and ${to}.`);
  const first = rows[0]!.date as string;
  const days: string[] = [];
  const price = new Float64Array(rows.length);
  const exogenous = [new Float64Array(rows.length), new Float64Array(rows.length)] as const;
  rows.forEach((row, i) => {
    const day = addDays(first, Math.floor(i / 24));
    if (row.date !== day || Number(row.hour) !== i % 24) {
      throw new TaskFailure('IncompleteHistory', `energy_history for ${market} has no hour ${String(i % 24).padStart(2, '0')} of ${day} (found ${row.date} hour ${row.hour}); backfill the day before retraining.`);
    }
    if (i % 24 === 0) days.push(day);
    price[i] = Number(row.price);
    exogenous[0][i] = Number(row.exog1);
    exogenous[1][i] = Number(row.exog2);
  });
  if (rows.length % 24 !== 0) throw new TaskFailure('IncompleteHistory', `energy_history for ${market} ends with ${rows.length % 24} of 24 hours on ${days[days.length - 1]}.`);
  return { priceColumn: 'price', exogenousColumns: ['exog1', 'exog2'], days, price, exogenous: [...exogenous] };
}
