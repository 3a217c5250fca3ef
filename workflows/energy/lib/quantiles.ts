/**
 * P10/P50/P90 around a point forecast. The benchmark's baseline takes each hour's empirical
 * residual quantiles over the last 56 days; it under-covers because a calm recent past sets the
 * width of a volatile tomorrow. The calibrated band is a locally weighted conformal band: every
 * residual is divided by a scale known before delivery — the spread of the ensemble's members plus
 * a share of the last week's mean absolute error — and the quantiles of those scaled residuals,
 * pooled over all hours of the calibration days, are multiplied by tomorrow's scale.
 */
import type { Band } from './metrics';

export interface BandHistory {
  /** Actual prices, `day·24 + hour`; only days before the forecast day are read. */
  readonly actual: ArrayLike<number>;
  /** The point forecast for the same hours (the ensemble mean). */
  readonly point: ArrayLike<number>;
  /** The ensemble's members for the same hours. */
  readonly members: readonly ArrayLike<number>[];
}

export interface DayBand {
  readonly p10: Float64Array;
  readonly p50: Float64Array;
  readonly p90: Float64Array;
}

export interface ConformalOptions {
  /** Days of past scaled residuals the quantiles are taken from. @default 56 */
  readonly calibrationDays?: number;
  /** Days whose mean absolute error enters the scale. @default 7 */
  readonly recentDays?: number;
  /** Weight of that recent error next to the members' spread. @default 0.5 */
  readonly recentWeight?: number;
}

export const QUANTILES = [0.1, 0.5, 0.9] as const;

/** The calibrated band for day `d` (which needs at least one earlier day with actuals). */
export function conformalBand(history: BandHistory, d: number, options: ConformalOptions = {}): DayBand {
  const calibrationDays = options.calibrationDays ?? 56;
  const first = Math.max(0, d - calibrationDays);
  if (d - first < 1) throw new RangeError(`a conformal band for day ${d} needs at least one earlier day of forecasts and actuals.`);
  const scaled = new Float64Array((d - first) * 24);
  for (let e = first; e < d; e++) {
    const recent = recentError(history, e, options);
    for (let h = 0; h < 24; h++) {
      const i = e * 24 + h;
      scaled[(e - first) * 24 + h] = (history.actual[i] - history.point[i]) / scale(history, i, recent, options);
    }
  }
  scaled.sort();
  const [low, mid, high] = QUANTILES.map((tau) => quantileSorted(scaled, tau));
  const recent = recentError(history, d, options);
  const band = emptyBand();
  for (let h = 0; h < 24; h++) {
    const i = d * 24 + h;
    const s = scale(history, i, recent, options);
    band.p10[h] = history.point[i] + s * low;
    band.p50[h] = history.point[i] + s * mid;
    band.p90[h] = history.point[i] + s * high;
  }
  return band;
}

/** The benchmark's baseline: each hour's empirical residual quantiles over the last `days` days. */
export function empiricalBand(history: Pick<BandHistory, 'actual' | 'point'>, d: number, days = 56): DayBand {
  const first = Math.max(0, d - days);
  if (d - first < 1) throw new RangeError(`an empirical band for day ${d} needs at least one earlier day of forecasts and actuals.`);
  const band = emptyBand();
  const residuals = new Float64Array(d - first);
  for (let h = 0; h < 24; h++) {
    for (let e = first; e < d; e++) residuals[e - first] = history.actual[e * 24 + h] - history.point[e * 24 + h];
    residuals.sort();
    const point = history.point[d * 24 + h];
    band.p10[h] = point + quantileSorted(residuals, 0.1);
    band.p50[h] = point + quantileSorted(residuals, 0.5);
    band.p90[h] = point + quantileSorted(residuals, 0.9);
  }
  return band;
}

/** Bands for days `from..to` (inclusive), as hourly series for the metrics. */
export function bandSeries(from: number, to: number, bandOf: (d: number) => DayBand): Band & { readonly p10: Float64Array; readonly p50: Float64Array; readonly p90: Float64Array } {
  const hours = (to - from + 1) * 24;
  const out = { p10: new Float64Array(hours), p50: new Float64Array(hours), p90: new Float64Array(hours) };
  for (let d = from; d <= to; d++) {
    const band = bandOf(d);
    out.p10.set(band.p10, (d - from) * 24);
    out.p50.set(band.p50, (d - from) * 24);
    out.p90.set(band.p90, (d - from) * 24);
  }
  return out;
}

/** numpy's default (linear) quantile of sorted values. */
export function quantileSorted(sorted: Float64Array, tau: number): number {
  const position = tau * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function recentError(history: BandHistory, d: number, options: ConformalOptions): number {
  const first = Math.max(0, d - (options.recentDays ?? 7));
  let sum = 0;
  for (let i = first * 24; i < d * 24; i++) sum += Math.abs(history.actual[i] - history.point[i]);
  return d > first ? sum / ((d - first) * 24) : 0;
}

function scale(history: BandHistory, i: number, recent: number, options: ConformalOptions): number {
  const { members } = history;
  let mean = 0;
  for (const member of members) mean += member[i] / members.length;
  let variance = 0;
  for (const member of members) variance += (member[i] - mean) ** 2 / members.length;
  // Never zero: identical members on a day with no recent error would otherwise divide by zero.
  return Math.sqrt(variance) + (options.recentWeight ?? 0.5) * recent + 1e-9;
}

function emptyBand(): DayBand {
  return { p10: new Float64Array(24), p50: new Float64Array(24), p90: new Float64Array(24) };
}
