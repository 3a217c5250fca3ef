/**
 * One published forecast against the prices that came true: the point error of its P50 and the
 * quality of its band, as the benchmark measures them.
 */
import { bandPinball, coverage, mae, smape, type Band } from './metrics';

export interface ForecastScore {
  /** Mean absolute error of P50, EUR/MWh (or the market's unit). */
  readonly mae: number;
  /** Symmetric MAPE of P50, percent. */
  readonly smape: number;
  /** Mean pinball loss over P10, P50 and P90. */
  readonly pinball: number;
  /** Share of hours whose price lies within [P10, P90]. */
  readonly coverage: number;
  readonly hours: number;
}

export function scoreForecast(actual: ArrayLike<number>, band: Band): ForecastScore {
  return { mae: mae(actual, band.p50), smape: smape(actual, band.p50), pinball: bandPinball(actual, band), coverage: coverage(actual, band), hours: actual.length };
}
