/**
 * LEAR's inputs for one delivery day d, in the benchmark's column order: the prices of every hour
 * of d−1, d−2, d−3, d−7 (hour-major, lags inner); each exogenous series for every hour of d−1 and
 * d−7 then of d; seven day-of-week dummies (Monday = 0). With two exogenous series: 247 columns.
 */
import type { MarketData } from './market-data';

export const PRICE_LAGS = [1, 2, 3, 7] as const;
export const EXOGENOUS_LAGS = [1, 7] as const;
export const DUMMIES = 7;
/** The oldest day a feature row reads. */
export const MAX_LAG = 7;

export function featureCount(exogenousSeries: number): number {
  return 24 * PRICE_LAGS.length + 24 * (EXOGENOUS_LAGS.length + 1) * exogenousSeries + DUMMIES;
}

/** Writes day `d`'s feature row into `out` (length `featureCount`). Needs `d ≥ MAX_LAG`. */
export function fillFeatureRow(data: MarketData, d: number, out: Float64Array): void {
  if (d < MAX_LAG || d >= data.days.length) throw new RangeError(`day ${d} has no full feature row (days ${MAX_LAG}..${data.days.length - 1}).`);
  const { price, exogenous } = data;
  let k = 0;
  for (let h = 0; h < 24; h++) {
    for (const lag of PRICE_LAGS) out[k++] = price[(d - lag) * 24 + h];
  }
  for (let h = 0; h < 24; h++) {
    for (const lag of EXOGENOUS_LAGS) {
      for (const series of exogenous) out[k++] = series[(d - lag) * 24 + h];
    }
    for (const series of exogenous) out[k++] = series[d * 24 + h];
  }
  const weekday = (new Date(`${data.days[d]}T00:00:00Z`).getUTCDay() + 6) % 7;
  for (let w = 0; w < DUMMIES; w++) out[k++] = w === weekday ? 1 : 0;
}
