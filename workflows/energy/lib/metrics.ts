/**
 * Point and probabilistic accuracy, as the benchmark (epftoolbox) defines them. Inputs are hourly
 * series of equal length; rMAE also needs the hours per day to build its weekly naive forecast.
 */

export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return meanOf(actual, predicted, (y, f) => Math.abs(y - f));
}

export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return Math.sqrt(meanOf(actual, predicted, (y, f) => (y - f) ** 2));
}

/** Symmetric MAPE in percent: mean(2|y − ŷ| / (|y| + |ŷ|)) × 100 (a 0/0 hour counts 0). */
export function smape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return 100 * meanOf(actual, predicted, (y, f) => {
    const scale = Math.abs(y) + Math.abs(f);
    return scale === 0 ? 0 : (2 * Math.abs(y - f)) / scale;
  });
}

/**
 * MAE relative to the weekly naive forecast's MAE over the same period (the price 7 days earlier;
 * the first week, which has no naive forecast, is left out of the denominator only).
 */
export function rmae(actual: ArrayLike<number>, predicted: ArrayLike<number>, hoursPerDay = 24): number {
  return mae(actual, predicted) / naiveWeeklyMae(actual, hoursPerDay);
}

export function naiveWeeklyMae(actual: ArrayLike<number>, hoursPerDay = 24): number {
  const lag = 7 * hoursPerDay;
  if (actual.length <= lag) throw new RangeError(`rMAE needs more than a week of hours; got ${actual.length}.`);
  let sum = 0;
  for (let i = lag; i < actual.length; i++) sum += Math.abs(actual[i] - actual[i - lag]);
  return sum / (actual.length - lag);
}

/** Pinball (quantile) loss of the τ-quantile forecast `q`. */
export function pinball(actual: ArrayLike<number>, q: ArrayLike<number>, tau: number): number {
  return meanOf(actual, q, (y, f) => (y >= f ? tau * (y - f) : (1 - tau) * (f - y)));
}

export interface Band {
  readonly p10: ArrayLike<number>;
  readonly p50: ArrayLike<number>;
  readonly p90: ArrayLike<number>;
}

/** Mean pinball loss over P10, P50 and P90. */
export function bandPinball(actual: ArrayLike<number>, band: Band): number {
  return (pinball(actual, band.p10, 0.1) + pinball(actual, band.p50, 0.5) + pinball(actual, band.p90, 0.9)) / 3;
}

/** Share of hours whose actual price lies within [P10, P90]. */
export function coverage(actual: ArrayLike<number>, band: Band): number {
  return meanOf(actual, band.p10, (y, low, i) => (y >= low && y <= band.p90[i] ? 1 : 0));
}

function meanOf(actual: ArrayLike<number>, other: ArrayLike<number>, term: (y: number, f: number, i: number) => number): number {
  if (actual.length !== other.length || actual.length === 0) {
    throw new RangeError(`metrics need two equally long, non-empty series; got ${actual.length} and ${other.length}.`);
  }
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += term(actual[i], other[i], i);
  return sum / actual.length;
}
