/**
 * Forecast: the champion's 24 hourly prices for the delivery day with P10/P50/P90, written to
 * `energy_forecasts` and as one JSON object under a time-stamped prefix. The band needs the members'
 * forecasts of the calibration days: those published by this model are read from `energy_forecasts`,
 * those made after the fact from `energy_backcasts`; a day neither covers is forecast now (from the
 * history before it only) and kept in `energy_backcasts`, never among the published forecasts.
 * Every member it makes also goes to the retrain's member cache, so a retrain never fits again a
 * window and day the daily run has fitted.
 * The object also holds the last days' published bands beside their actual prices (`recent`), so a
 * reader sees how the forecasts before this one fared.
 */
import { defineTask } from '../../../src/builder';
import { TaskFailure, type ComputePool, type LakeQueries, type LakeCatalog, type ObjectService } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { addDays } from '../feeds/feeds';
import { membersJob } from '../jobs';
import type { MarketData } from '../lib';
import { ForecastInput, ForecastOutput, type IngestPlan } from '../schemas/ingest';
import { backcastsTable, forecastsTable } from '../tables';
import { FORECASTS_PREFIX, LAKE_PREFIX, memberCache, memberKey, objectsUnder, RUNS_PREFIX, timeStamp } from './access';
import { bandFor, type CalibrationDay } from './band';
import type { HourlySeries } from './build-features';
import { firstCalibrationDay } from './champion';
import { membersSql, publishedBandsSql } from './lake-sql';
import { inBatches, writePartitions } from './partitions';
import { TRANSIENT } from './retry';

export const Forecast = defineTask({
  name: 'energy-forecast',
  input: ForecastInput,
  output: ForecastOutput,
  access: {
    objects: [objectsUnder(RUNS_PREFIX, 'read'), objectsUnder(FORECASTS_PREFIX, 'write'), objectsUnder(LAKE_PREFIX, 'write'), memberCache('write')],
    lakeQueries: true,
    catalogUpdates: true,
    lakeTables: ['energy_forecasts', 'energy_backcasts'],
  },
  retry: TRANSIENT,
  timeoutSeconds: 900,
  run: async ({ plan, series: built }, { objects, lake, catalog, compute, clock }): Promise<ForecastOutput> => {
    const series = JSON.parse(await objects.getText(built.series)) as HourlySeries;
    const { market, date, model, forecaster } = plan;
    const target = series.days.length - 1;
    const longest = Math.max(...forecaster.windows);
    if (series.days[target] !== date) throw new TaskFailure('IncompleteHistory', `The model's input ends on ${series.days[target]}, not on ${date}.`);
    if (target < longest) throw new TaskFailure('InsufficientHistory', `A ${longest}-day window needs ${longest} days of history before ${date}; the lake has ${target} (from ${series.days[0]}).`);

    const calibrationFrom = firstCalibrationDay(target, forecaster);
    const stored = await storedMembers(lake, plan, series.days[calibrationFrom] ?? date, addDays(date, -1));
    const missing: number[] = [];
    for (let d = calibrationFrom; d < target; d++) if (!stored.has(series.days[d])) missing.push(d);
    const made = await computeMembers(compute, series, forecaster.windows, [target, ...missing]);
    const madeAt = clock.now().toISOString();
    await keepBackcasts(objects, catalog, plan, missing.map((d, i) => ({ date: series.days[d], members: made[i + 1] })), madeAt);
    await cacheMembers(objects, market, forecaster.windows, [target, ...missing].map((d, i) => ({ date: series.days[d], members: made[i] })));

    const calibration: CalibrationDay[] = [];
    const backcast = new Map(missing.map((d, i) => [d, made[i + 1]]));
    for (let d = calibrationFrom; d < target; d++) {
      const members = stored.get(series.days[d]) ?? backcast.get(d)!;
      calibration.push({ members, actual: series.price.slice(d * 24, (d + 1) * 24) as number[] });
    }
    const members = made[0];
    const band = bandFor(members, calibration, forecaster);
    const hours = Array.from({ length: 24 }, (_, hour) => ({
      hour,
      p10: band.p10[hour],
      p50: band.p50[hour],
      p90: band.p90[hour],
      members: JSON.stringify(forecaster.windows.map((_, w) => members[w * 24 + hour])),
      model,
      madeAt,
    }));
    await writePartitions(objects, catalog, [{ table: forecastsTable, market, date, rows: hours }]);
    const location = { bucket: DATA_BUCKET, key: `${FORECASTS_PREFIX}${market}/${date}/${timeStamp(clock.now())}.json` };
    const recent = await recentDays(lake, market, series, target);
    await objects.putText(location, JSON.stringify({ market, date, model, madeAt, windows: forecaster.windows, hours: hours.map((h) => ({ ...h, members: JSON.parse(h.members) as number[] })), recent }), 'application/json');
    return { market, date, model, location, backcastDays: missing.length };
  },
});

/** Days before the forecast day whose published band and actual prices go with the forecast. */
export const RECENT_DAYS = 7;

/** One hour of a recent day: its actual price, and the band published for it (null where none was). */
export interface RecentHour {
  date: string;
  hour: number;
  actual: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

/** The last `RECENT_DAYS` days of the series before the forecast day, oldest first, hour by hour. */
async function recentDays(lake: LakeQueries, market: string, series: HourlySeries, target: number): Promise<RecentHour[]> {
  const first = Math.max(0, target - RECENT_DAYS);
  if (first === target) return [];
  const bands = new Map<string, { p10: number; p50: number; p90: number }>();
  for (const row of await lake.query(publishedBandsSql(market, series.days[first], series.days[target - 1]))) {
    bands.set(`${row.date} ${Number(row.hour)}`, { p10: Number(row.p10), p50: Number(row.p50), p90: Number(row.p90) });
  }
  const recent: RecentHour[] = [];
  for (let d = first; d < target; d++) {
    for (let hour = 0; hour < 24; hour++) {
      const date = series.days[d];
      const band = bands.get(`${date} ${hour}`);
      recent.push({ date, hour, actual: series.price[d * 24 + hour], p10: band?.p10 ?? null, p50: band?.p50 ?? null, p90: band?.p90 ?? null });
    }
  }
  return recent;
}

/** This model's members per day, published first, then made after the fact. */
async function storedMembers(lake: LakeQueries, plan: IngestPlan, from: string, to: string): Promise<Map<string, Float64Array>> {
  const byDay = new Map<string, Float64Array>();
  const windows = plan.forecaster.windows.length;
  for (const table of ['energy_backcasts', 'energy_forecasts'] as const) {
    const rows = await lake.query(membersSql(table, plan.market, from, to, plan.model));
    const days = new Map<string, { members: Float64Array; hours: number }>();
    for (const row of rows) {
      const entry = days.get(row.date!) ?? { members: new Float64Array(windows * 24), hours: 0 };
      const values = JSON.parse(row.members ?? '[]') as number[];
      if (values.length !== windows) continue;
      values.forEach((value, w) => (entry.members[w * 24 + Number(row.hour)] = value));
      entry.hours++;
      days.set(row.date!, entry);
    }
    // A published forecast wins over a backcast of the same day: it is what was actually said.
    for (const [day, entry] of days) if (entry.hours === 24) byDay.set(day, entry.members);
  }
  return byDay;
}

/** Days per compute job: a historical load's calibration days spread over every worker. */
const DAYS_PER_JOB = 4;

async function computeMembers(compute: ComputePool, series: HourlySeries, windows: readonly number[], forecast: number[]): Promise<Float64Array[]> {
  const price = Float64Array.from(series.price, (value) => (value === null ? Number.NaN : value));
  const history: MarketData = { priceColumn: 'price', exogenousColumns: ['exog1', 'exog2'], days: series.days, price, exogenous: [Float64Array.from(series.exog1), Float64Array.from(series.exog2)] };
  if (forecast.length <= DAYS_PER_JOB) {
    // A daily run's few days: one job per window instead, longest (costliest) first, so every worker has one.
    const order = windows.map((_, w) => w).sort((a, b) => windows[b]! - windows[a]!);
    const parts = await Promise.all(order.map((w) => compute.run(membersJob, { history, windows: [windows[w]!], days: forecast })));
    return forecast.map((_, i) => {
      const members = new Float64Array(windows.length * 24);
      order.forEach((w, j) => members.set(parts[j]![i]!, w * 24));
      return members;
    });
  }
  const chunks: number[][] = [];
  for (let i = 0; i < forecast.length; i += DAYS_PER_JOB) chunks.push(forecast.slice(i, i + DAYS_PER_JOB));
  return (await Promise.all(chunks.map((days) => compute.run(membersJob, { history, windows, days })))).flat();
}

async function cacheMembers(objects: ObjectService, market: string, windows: readonly number[], days: { date: string; members: Float64Array }[]): Promise<void> {
  const entries = days.flatMap((day) => windows.map((window, w) => ({ key: memberKey(market, window, day.date), members: day.members.subarray(w * 24, (w + 1) * 24) })));
  await inBatches(entries, 8, (entry) => objects.putText({ bucket: DATA_BUCKET, key: entry.key }, JSON.stringify(Array.from(entry.members))));
}

async function keepBackcasts(objects: ObjectService, catalog: LakeCatalog, plan: IngestPlan, days: { date: string; members: Float64Array }[], madeAt: string): Promise<void> {
  const windows = plan.forecaster.windows.length;
  // One object per model in a day's partition, so models' backcasts sit side by side.
  const name = plan.model.replace(/[^A-Za-z0-9_.-]/g, '_');
  await writePartitions(
    objects,
    catalog,
    days.map((day) => ({
      table: backcastsTable,
      market: plan.market,
      date: day.date,
      name,
      rows: Array.from({ length: 24 }, (_, hour) => ({ hour, members: JSON.stringify(Array.from({ length: windows }, (_, w) => day.members[w * 24 + hour])), model: plan.model, madeAt })),
    })),
  );
}
