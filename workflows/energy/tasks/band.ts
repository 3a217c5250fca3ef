/**
 * The forecast day's P10/P50/P90 from the members, the configured weights and the calibration days
 * that have members and actual prices: the lib's conformal or empirical band over those days. With
 * no calibration day yet (the very first forecast of a market), the band is the members' spread
 * under a normal assumption, until one exists.
 */
import { conformalBand, empiricalBand, ensemblePoint, type DayBand } from '../lib';
import type { ForecasterConfig } from '../schemas/model';

/** A normal distribution's 90th percentile: P10/P90 are this many standard deviations from the median. */
const Z90 = 1.2815515655446004;

export interface CalibrationDay {
  /** `windows × 24`, window-major. */
  readonly members: Float64Array;
  readonly actual: ArrayLike<number>;
}

/**
 * The members' weighted mean: the lib's ensemble point over this one day (weights over their sum: a
 * version's weights are kept to 6 decimals), so the published forecast is the P50 the retrain backtested.
 */
export function weightedPoint(members: Float64Array, weights: readonly number[]): Float64Array {
  const byPosition = new Map(weights.map((_, w) => [w, members.subarray(w * 24, (w + 1) * 24)] as const));
  return ensemblePoint({ days: 1, actual: [], members: byPosition }, [...byPosition.keys()], weights);
}

/** The band for the day whose members are `members`, after the calibration days (oldest first). */
export function bandFor(members: Float64Array, calibration: readonly CalibrationDay[], forecaster: ForecasterConfig): DayBand {
  const k = calibration.length;
  const windows = forecaster.weights.length;
  if (k === 0) return spreadBand(members, forecaster.weights);
  const actual = new Float64Array((k + 1) * 24);
  const point = new Float64Array((k + 1) * 24);
  const memberSeries = Array.from({ length: windows }, () => new Float64Array((k + 1) * 24));
  [...calibration, { members, actual: new Float64Array(24) }].forEach((day, i) => {
    actual.set(Array.from(day.actual), i * 24);
    point.set(weightedPoint(day.members, forecaster.weights), i * 24);
    for (let w = 0; w < windows; w++) memberSeries[w].set(day.members.subarray(w * 24, (w + 1) * 24), i * 24);
  });
  const { band } = forecaster;
  if (band.method === 'empirical') return empiricalBand({ actual, point }, k, band.calibrationDays);
  return conformalBand({ actual, point, members: memberSeries }, k, { calibrationDays: band.calibrationDays, recentDays: band.recentDays, recentWeight: band.recentWeight });
}

function spreadBand(members: Float64Array, weights: readonly number[]): DayBand {
  const point = weightedPoint(members, weights);
  const band: DayBand = { p10: new Float64Array(24), p50: point, p90: new Float64Array(24) };
  for (let h = 0; h < 24; h++) {
    let mean = 0;
    for (let w = 0; w < weights.length; w++) mean += members[w * 24 + h] / weights.length;
    let variance = 0;
    for (let w = 0; w < weights.length; w++) variance += (members[w * 24 + h] - mean) ** 2 / weights.length;
    band.p10[h] = point[h] - Z90 * Math.sqrt(variance);
    band.p90[h] = point[h] + Z90 * Math.sqrt(variance);
  }
  return band;
}
