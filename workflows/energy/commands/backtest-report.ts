/**
 * What `statecraft backtest energy` prints: the period's forecasts beside the prices that came true,
 * their accuracy, the published benchmark rows over the same hours, as a table or one JSON document.
 */
import { bandPinball, coverage, mae, publishedSeries, rmae, rmse, smape, type PublishedForecasts } from '../lib';

/** One delivery hour: the band published for it and the price that came true. */
export interface BacktestForecast {
  day: string;
  hour: number;
  p10: number;
  p50: number;
  p90: number;
  actual: number;
}

export interface BacktestMetrics {
  mae: number;
  /** Against the weekly naive forecast; null for a period of a week or less, which has none. */
  rmae: number | null;
  smape: number;
  rmse: number;
  /** Mean pinball loss over P10/P50/P90; null for a point forecast. */
  pinball: number | null;
  /** Share of hours within [P10, P90]; null for a point forecast. */
  coverage: number | null;
}

export interface BacktestRow {
  name: string;
  metrics: BacktestMetrics;
}

export interface LakeRow {
  readonly [column: string]: unknown;
}

/**
 * The hours that have both a forecast and a price, in day and hour order. A day must have all 24 of
 * each: a partial day would bias every metric toward the hours it kept.
 */
export function joinForecasts(forecasts: readonly LakeRow[], priceOf: (day: string, hour: number) => number | undefined): BacktestForecast[] {
  const byDay = new Map<string, BacktestForecast[]>();
  for (const row of forecasts) {
    const day = String(row.date);
    const hour = Number(row.hour);
    const price = priceOf(day, hour);
    if (price === undefined) continue;
    const hours = byDay.get(day) ?? [];
    hours.push({ day, hour, p10: Number(row.p10), p50: Number(row.p50), p90: Number(row.p90), actual: price });
    byDay.set(day, hours);
  }
  return [...byDay.entries()]
    .filter(([, hours]) => hours.length === 24)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, hours]) => hours.sort((a, b) => a.hour - b.hour));
}

export function bandMetrics(forecasts: readonly BacktestForecast[]): BacktestMetrics {
  const actual = forecasts.map((f) => f.actual);
  const band = { p10: forecasts.map((f) => f.p10), p50: forecasts.map((f) => f.p50), p90: forecasts.map((f) => f.p90) };
  return { ...pointMetrics(actual, band.p50), pinball: bandPinball(actual, band), coverage: coverage(actual, band) };
}

export function pointMetrics(actual: readonly number[], predicted: ArrayLike<number>): BacktestMetrics {
  return { mae: mae(actual, predicted), rmae: actual.length > 7 * 24 ? rmae(actual, predicted) : null, smape: smape(actual, predicted), rmse: rmse(actual, predicted), pinball: null, coverage: null };
}

/** The published columns compared with, by their names in the benchmark's file. */
export const PUBLISHED_ROWS = ['LEAR Ensemble', 'DNN Ensemble'] as const;

/**
 * The published point forecasts over exactly the hours of ours, against the same prices; a day of
 * ours the file lacks is an error rather than a silently shorter comparison.
 */
export function publishedRows(published: PublishedForecasts, forecasts: readonly BacktestForecast[], file: string): BacktestRow[] {
  const dayIndex = new Map(published.days.map((day, i) => [day, i]));
  const missing = [...new Set(forecasts.map((f) => f.day))].filter((day) => !dayIndex.has(day));
  if (missing.length > 0) throw new PublishedPeriodMismatch(`${file} has no forecasts for ${missing.length} day(s) of the period, first ${missing[0]}.`);
  const actual = forecasts.map((f) => f.actual);
  return PUBLISHED_ROWS.map((name) => {
    const series = publishedSeries(published, name, file);
    return { name, metrics: pointMetrics(actual, forecasts.map((f) => series[dayIndex.get(f.day)! * 24 + f.hour]!)) };
  });
}

export class PublishedPeriodMismatch extends Error {
  override readonly name = 'PublishedPeriodMismatch';
}

const COLUMNS: ReadonlyArray<[string, keyof BacktestMetrics, number]> = [
  ['MAE', 'mae', 3],
  ['rMAE', 'rmae', 3],
  ['sMAPE %', 'smape', 2],
  ['RMSE', 'rmse', 3],
  ['pinball', 'pinball', 3],
  ['coverage %', 'coverage', 1],
];

/** Columns padded to their widest cell; a metric a row has not is a dash. */
export function metricsTable(rows: readonly BacktestRow[]): string {
  const cell = (value: number | null, key: keyof BacktestMetrics, digits: number) => (value === null ? '—' : (key === 'coverage' ? 100 * value : value).toFixed(digits));
  const lines = [['', ...COLUMNS.map(([title]) => title)], ...rows.map((row) => [row.name, ...COLUMNS.map(([, key, digits]) => cell(row.metrics[key], key, digits))])];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  return lines.map((line) => line.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  ')).join('\n') + '\n';
}
