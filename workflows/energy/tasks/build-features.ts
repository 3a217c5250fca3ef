/**
 * BuildFeatures: the model's input, read from the lake with SQL (the same text Athena runs): every
 * hour of the history the champion's windows and calibration days reach, then the forecast day's
 * exogenous forecasts. The series must be whole — consecutive days, 24 hours each — or the run fails
 * naming the first gap. LEAR's lagged columns are derived from it by the model (lib/features.ts).
 */
import { defineTask } from '../../../src/builder';
import { TaskFailure, type QueryRow } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { addDays, daysBetween } from '../feeds/feeds';
import { BuildFeaturesInput, BuildFeaturesOutput } from '../schemas/ingest';
import { objectsUnder, RUNS_PREFIX } from './access';
import { seriesSql } from './lake-sql';
import { TRANSIENT } from './retry';

/** The hourly series as Forecast reads it: the last day is the forecast day, its prices unknown (null). */
export interface HourlySeries {
  readonly days: string[];
  readonly price: (number | null)[];
  readonly exog1: number[];
  readonly exog2: number[];
}

export const BuildFeatures = defineTask({
  name: 'energy-build-features',
  input: BuildFeaturesInput,
  output: BuildFeaturesOutput,
  access: { objects: [objectsUnder(RUNS_PREFIX, 'write')], lakeQueries: true, lakeTables: ['energy_history', 'energy_exogenous'] },
  retry: TRANSIENT,
  timeoutSeconds: 300,
  run: async ({ plan, executionName }, { lake, objects }): Promise<BuildFeaturesOutput> => {
    const rows = await lake.query(seriesSql(plan.market, plan.historyFrom, addDays(plan.date, -1), plan.date));
    const series = toSeries(rows, plan.date);
    const ref = { bucket: DATA_BUCKET, key: `${RUNS_PREFIX}${executionName}/series.json` };
    await objects.putText(ref, JSON.stringify(series), 'application/json');
    return { series: ref, first: series.days[0], days: series.days.length };
  },
});

export function toSeries(rows: readonly QueryRow[], date: string): HourlySeries {
  if (rows.length === 0) throw new TaskFailure('InsufficientHistory', `No history in the lake before ${date}.`);
  const first = rows[0].date!;
  const days = daysBetween(first, date) + 1;
  const series: HourlySeries = { days: [], price: [], exog1: [], exog2: [] };
  if (rows.length !== days * 24) {
    const gap = rows.findIndex((row, i) => row.date !== addDays(first, Math.floor(i / 24)) || Number(row.hour) !== i % 24);
    const at = gap < 0 ? rows.length : gap;
    throw new TaskFailure('IncompleteHistory', `The history from ${first} to ${date} is not whole: day ${addDays(first, Math.floor(at / 24))}, hour ${at % 24} is missing.`);
  }
  rows.forEach((row, i) => {
    if (i % 24 === 0) series.days.push(row.date!);
    series.price.push(row.price === null ? null : Number(row.price));
    series.exog1.push(Number(row.exog1));
    series.exog2.push(Number(row.exog2));
  });
  return series;
}
