/**
 * AppendHistory: the three feeds' validated days joined hour by hour and written as one Parquet
 * partition per market and day — `energy_history` for every day with prices, `energy_exogenous` for
 * the forecast day — and each partition registered in the catalog. Writing a day again replaces
 * its object, so a re-run never duplicates a row.
 */
import { defineTask } from '../../../src/builder';
import type { ObjectService } from '../../../src/services';
import { InvalidFeedAnswer } from '../feeds/errors';
import { validateAnswer, type ValidDay } from '../feeds/validate';
import { AppendHistoryInput, AppendHistoryOutput, type FetchFeedOutput, type IngestPlan } from '../schemas/ingest';
import { exogenousTable, historyTable } from '../tables';
import { LAKE_PREFIX, objectsUnder, RAW_PREFIX } from './access';
import { writePartitions } from './partitions';
import { TRANSIENT } from './retry';

export const AppendHistory = defineTask({
  name: 'energy-append-history',
  input: AppendHistoryInput,
  output: AppendHistoryOutput,
  access: { objects: [objectsUnder(RAW_PREFIX, 'read'), objectsUnder(LAKE_PREFIX, 'write')], catalogUpdates: true, lakeTables: ['energy_history', 'energy_exogenous'] },
  retry: TRANSIENT,
  timeoutSeconds: 900,
  run: async ({ plan, feeds }, { objects, catalog }): Promise<AppendHistoryOutput> => {
    const prices = await readFeed(objects, plan, feeds, 'prices');
    const exog1 = byDay(await readFeed(objects, plan, feeds, 'exog1'));
    const exog2 = byDay(await readFeed(objects, plan, feeds, 'exog2'));
    const { market } = plan;
    const rows = prices.map((day) => ({ day: day.day, rows: joined(day, exog1.get(day.day), exog2.get(day.day)) }));
    await writePartitions(objects, catalog, rows.map((day) => ({ table: historyTable, market, date: day.day, rows: day.rows })));
    const target = [exog1.get(plan.date), exog2.get(plan.date)];
    if (!target[0] || !target[1]) throw new InvalidFeedAnswer(`feeds exog1/exog2 of ${market}, day ${plan.date}: no forecast for the day to forecast.`);
    await writePartitions(objects, catalog, [{ table: exogenousTable, market, date: plan.date, rows: target[0].values.map((value, hour) => ({ hour, exog1: value, exog2: target[1]!.values[hour] })) }]);
    return { appended: rows.length, first: prices[0].day, last: prices[prices.length - 1].day, exogenousDay: plan.date };
  },
});

async function readFeed(objects: ObjectService, plan: IngestPlan, feeds: AppendHistoryInput['feeds'], feed: FetchFeedOutput['feed']): Promise<ValidDay[]> {
  const fetched = feeds[feed];
  const to = feed === 'prices' ? plan.lastPriceDay : plan.date;
  return validateAnswer(JSON.parse(await objects.getText(fetched.raw)), { market: plan.market, feed, from: plan.from, to, leadingGapAllowed: plan.historical });
}

function byDay(days: readonly ValidDay[]): Map<string, ValidDay> {
  return new Map(days.map((day) => [day.day, day]));
}

/** A day's rows; a day the exogenous feeds do not cover cannot be a feature row, so it is refused by name. */
function joined(price: ValidDay, exog1: ValidDay | undefined, exog2: ValidDay | undefined): { hour: number; price: number; exog1: number; exog2: number }[] {
  if (!exog1 || !exog2) throw new InvalidFeedAnswer(`feed ${exog1 ? 'exog2' : 'exog1'}, day ${price.day}: missing, although the prices feed has that day.`);
  return price.values.map((value, hour) => ({ hour, price: value, exog1: exog1.values[hour], exog2: exog2.values[hour] }));
}
