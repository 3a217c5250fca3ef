/**
 * A market file of the benchmark's shape: a timestamp column, the price, then the exogenous
 * day-ahead forecasts (two in the benchmark). Columns are taken by position, never by name, so
 * other markets' files work unchanged.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseHourlyTable } from './hourly-table';
import { MarketDataError } from './market-data-error';

export interface MarketData {
  readonly priceColumn: string;
  readonly exogenousColumns: readonly string[];
  /** Delivery days `YYYY-MM-DD`, consecutive. */
  readonly days: readonly string[];
  /** `days.length × 24` prices, hour-major within a day. */
  readonly price: Float64Array;
  /** One `days.length × 24` series per exogenous forecast. */
  readonly exogenous: readonly Float64Array[];
}

export function parseMarketData(text: string, file: string): MarketData {
  const table = parseHourlyTable(text, file);
  if (table.columns.length < 2) {
    throw new MarketDataError('MissingColumn', `a market file needs the price and at least one exogenous forecast after the timestamp; the header has ${table.columns.length} value column(s).`, { file, line: 1 });
  }
  return {
    priceColumn: table.columns[0],
    exogenousColumns: table.columns.slice(1),
    days: table.days,
    price: table.values[0],
    exogenous: table.values.slice(1),
  };
}

export function readMarketData(path: string): MarketData {
  return parseMarketData(readFileSync(path, 'utf8'), basename(path));
}

/** Index of `day` in `data.days`, or -1. Days are consecutive, so this is arithmetic. */
export function dayIndex(data: Pick<MarketData, 'days'>, day: string): number {
  if (data.days.length === 0) return -1;
  const index = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${data.days[0]}T00:00:00Z`)) / 86_400_000);
  return index >= 0 && index < data.days.length && data.days[index] === day ? index : -1;
}
