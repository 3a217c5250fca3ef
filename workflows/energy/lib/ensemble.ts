/**
 * A ForecasterConfig applied to member forecasts that already exist: the weighted point forecast,
 * its band, and its accuracy over a span of days. Retraining backtests every candidate this way,
 * on the same days, so their metrics compare like for like.
 */
import type { BandConfig, ForecasterConfig } from '../schemas/model';
import { bandPinball, coverage, mae, rmse, smape } from './metrics';
import { conformalBand, empiricalBand, type DayBand } from './quantiles';

/** Consecutive days of actual prices and member forecasts, `day·24 + hour` from the span's first day. */
export interface MemberSpan {
  readonly days: number;
  readonly actual: ArrayLike<number>;
  /** Window → its forecasts of the same hours. */
  readonly members: ReadonlyMap<number, ArrayLike<number>>;
}

export interface BacktestMetrics {
  readonly mae: number;
  readonly smape: number;
  readonly rmse: number;
  /** Mean pinball loss over P10/P50/P90. */
  readonly pinball: number;
  /** P10–P90 coverage. */
  readonly coverage: number;
  readonly days: number;
}

export function memberSeries(span: MemberSpan, window: number): ArrayLike<number> {
  const series = span.members.get(window);
  if (!series) throw new RangeError(`no forecasts of the ${window}-day window in this span (it has ${[...span.members.keys()].join(', ')}).`);
  return series;
}

/** The weighted mean of the config's members, hour by hour over the whole span. */
export function ensemblePoint(span: MemberSpan, windows: readonly number[], weights: readonly number[]): Float64Array {
  if (windows.length !== weights.length) throw new RangeError(`${windows.length} windows but ${weights.length} weights.`);
  const total = weights.reduce((a, b) => a + b, 0);
  const point = new Float64Array(span.days * 24);
  windows.forEach((w, k) => {
    const series = memberSeries(span, w);
    for (let i = 0; i < point.length; i++) point[i] += (weights[k]! / total) * series[i]!;
  });
  return point;
}

/** Day `d`'s band (span-relative), calibrated on the days before it. */
export function bandOfDay(band: BandConfig, span: MemberSpan, windows: readonly number[], point: Float64Array, d: number): DayBand {
  const history = { actual: span.actual, point, members: windows.map((w) => memberSeries(span, w)) };
  return band.method === 'empirical'
    ? empiricalBand(history, d, band.calibrationDays)
    : conformalBand(history, d, { calibrationDays: band.calibrationDays, recentDays: band.recentDays, recentWeight: band.recentWeight });
}

/** The config's P10/P50/P90 for days `from..to` (span-relative, `from ≥ 1`). */
export function configBands(config: ForecasterConfig, span: MemberSpan, from: number, to: number): { p10: Float64Array; p50: Float64Array; p90: Float64Array } {
  const point = ensemblePoint(span, config.windows, config.weights);
  const hours = (to - from + 1) * 24;
  const out = { p10: new Float64Array(hours), p50: new Float64Array(hours), p90: new Float64Array(hours) };
  for (let d = from; d <= to; d++) {
    const band = bandOfDay(config.band, span, config.windows, point, d);
    out.p10.set(band.p10, (d - from) * 24);
    out.p50.set(band.p50, (d - from) * 24);
    out.p90.set(band.p90, (d - from) * 24);
  }
  return out;
}

/** The config's accuracy over days `from..to`: point metrics of its P50, band metrics of P10/P90. */
export function backtestConfig(config: ForecasterConfig, span: MemberSpan, from: number, to: number): BacktestMetrics {
  if (from < 1 || to >= span.days || from > to) throw new RangeError(`backtest days ${from}..${to} do not fit a span of ${span.days} days with one calibration day before them.`);
  const band = configBands(config, span, from, to);
  const actual = Array.prototype.slice.call(span.actual, from * 24, (to + 1) * 24) as number[];
  return { mae: mae(actual, band.p50), smape: smape(actual, band.p50), rmse: rmse(actual, band.p50), pinball: bandPinball(actual, band), coverage: coverage(actual, band), days: to - from + 1 };
}

/** Each window's MAE over days `from..to`. */
export function memberMaes(span: MemberSpan, windows: readonly number[], from: number, to: number): number[] {
  const actual = Array.prototype.slice.call(span.actual, from * 24, (to + 1) * 24) as number[];
  return windows.map((w) => mae(actual, Array.prototype.slice.call(memberSeries(span, w), from * 24, (to + 1) * 24) as number[]));
}
