/**
 * The forecasts published with the benchmark (`Forecasts_<market>_DNN_LEAR_ensembles.csv`): a
 * timestamp, `Real price`, the DNN members and ensemble, the LEAR windows and ensemble.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseHourlyTable } from './hourly-table';
import { MarketDataError } from './market-data-error';

export interface PublishedForecasts {
  readonly days: readonly string[];
  /** Column name → `days.length × 24` values. */
  readonly series: ReadonlyMap<string, Float64Array>;
}

export const REAL_PRICE = 'Real price';

export function parsePublishedForecasts(text: string, file: string): PublishedForecasts {
  const table = parseHourlyTable(text, file);
  if (!table.columns.includes(REAL_PRICE)) {
    throw new MarketDataError('MissingColumn', `no '${REAL_PRICE}' column; the header has ${table.columns.map((name) => `'${name}'`).join(', ')}.`, { file, line: 1 });
  }
  return { days: table.days, series: new Map(table.columns.map((name, c) => [name, table.values[c]])) };
}

export function readPublishedForecasts(path: string): PublishedForecasts {
  return parsePublishedForecasts(readFileSync(path, 'utf8'), basename(path));
}

/** One published column, or a MissingColumn error naming the file's columns. */
export function publishedSeries(published: PublishedForecasts, name: string, file = 'published forecasts'): Float64Array {
  const series = published.series.get(name);
  if (!series) throw new MarketDataError('MissingColumn', `no '${name}' column; it has ${[...published.series.keys()].map((key) => `'${key}'`).join(', ')}.`, { file, line: 1 });
  return series;
}
