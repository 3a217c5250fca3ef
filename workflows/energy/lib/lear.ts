/**
 * LEAR (Lago et al. 2021): per calibration window, 24 hour models recalibrated for each delivery
 * day, each a lasso whose penalty LARS + AIC chooses on normalised features, refitted on the
 * un-normalised ones; the ensemble is the mean of the windows' forecasts.
 */
import { buildDesign, type FeatureRows } from './design';
import { featureCount, fillFeatureRow, MAX_LAG } from './features';
import { computeGram, correlations } from './gram';
import { chooseAlphaByAic, LeastSquaresFloor, type AicOptions } from './lars-aic';
import { lassoRefit } from './lasso-refit';
import type { MarketData } from './market-data';
import { inverse } from './scaler';

export const LEAR_WINDOWS = [56, 84, 1092, 1456] as const;

export interface DayForecast {
  /** Window → its 24 hourly prices. */
  readonly byWindow: ReadonlyMap<number, Float64Array>;
  /** Mean of the windows, hour by hour. */
  readonly ensemble: Float64Array;
}

/** Every day's raw feature row, built once per market file. */
export function prepareFeatureRows(data: MarketData): FeatureRows {
  const p = featureCount(data.exogenous.length);
  const rows = new Float64Array(data.days.length * p);
  const row = new Float64Array(p);
  for (let d = MAX_LAG; d < data.days.length; d++) {
    fillFeatureRow(data, d, row);
    rows.set(row, d * p);
  }
  return { p, rows, price: data.price };
}

/** The first day a `window`-day calibration can forecast. */
export function firstForecastDay(window: number): number {
  return window;
}

/** Day `d`'s 24 prices from the `window` days before it. */
export function forecastWindow(rows: FeatureRows, d: number, window: number, options: AicOptions = {}): Float64Array {
  const design = buildDesign(rows, d, window);
  const { n, p } = design;
  const gram = computeGram(design);
  const floor = n > p ? new LeastSquaresFloor(gram.normalised, p) : undefined;
  const out = new Float64Array(24);
  const xyNormalised = new Float64Array(p);
  const xyAll = correlations(design);
  for (let h = 0; h < 24; h++) {
    const xy = xyAll.subarray(h * p, (h + 1) * p);
    for (let j = 0; j < p; j++) xyNormalised[j] = xy[j] / gram.norms[j];
    let yy = 0;
    for (let i = 0; i < n; i++) yy += design.targets[h * n + i] ** 2;
    const { alpha } = chooseAlphaByAic(gram.normalised, p, xyNormalised, yy, n, floor, options);
    const w = lassoRefit(gram.centred, p, xy, n, alpha);
    let z = design.targetMeans[h];
    for (let j = 0; j < p; j++) if (w[j] !== 0) z += w[j] * (design.testRow[j] - design.columnMeans[j]);
    out[h] = inverse(z, design.targetScales[h]);
  }
  return out;
}

export function forecastDay(rows: FeatureRows, d: number, windows: readonly number[] = LEAR_WINDOWS, options: AicOptions = {}): DayForecast {
  const byWindow = new Map<number, Float64Array>();
  const ensemble = new Float64Array(24);
  for (const window of windows) {
    const forecast = forecastWindow(rows, d, window, options);
    byWindow.set(window, forecast);
    for (let h = 0; h < 24; h++) ensemble[h] += forecast[h] / windows.length;
  }
  return { byWindow, ensemble };
}

export interface PeriodForecast {
  readonly windows: readonly number[];
  /** Window → `days × 24` forecasts, day `from` first. */
  readonly byWindow: ReadonlyMap<number, Float64Array>;
  readonly ensemble: Float64Array;
}

/** Days `from..to` (inclusive indices into the market's days), each recalibrated on its own. */
export function forecastPeriod(rows: FeatureRows, from: number, to: number, windows: readonly number[] = LEAR_WINDOWS, onDay?: (d: number) => void): PeriodForecast {
  const hours = (to - from + 1) * 24;
  const byWindow = new Map(windows.map((w) => [w, new Float64Array(hours)] as const));
  const ensemble = new Float64Array(hours);
  for (let d = from; d <= to; d++) {
    const day = forecastDay(rows, d, windows);
    for (const w of windows) byWindow.get(w)?.set(day.byWindow.get(w) ?? [], (d - from) * 24);
    ensemble.set(day.ensemble, (d - from) * 24);
    onDay?.(d);
  }
  return { windows, byWindow, ensemble };
}
