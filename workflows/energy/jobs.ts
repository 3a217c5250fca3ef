/**
 * The energy tasks' CPU-bound work, run in the compute pool's worker threads: LEAR's members for a
 * few delivery days of one hourly series (the forecast day and any calibration day to make again).
 */
import { defineJob } from '../../src/services';
import { forecastWindow, prepareFeatureRows, type MarketData } from './lib';

export interface MembersJob {
  /** Delivery days, consecutive; the last may have no prices (NaN). */
  readonly days: readonly string[];
  /** `days × 24` each. */
  readonly price: Float64Array;
  readonly exog1: Float64Array;
  readonly exog2: Float64Array;
  readonly windows: readonly number[];
  /** Indices into `days` to forecast; each needs `max(windows)` days before it. */
  readonly forecast: readonly number[];
}

/** Per requested day, its members: `windows × 24`, window-major, in the order of `windows`. */
export const membersJob = defineJob(__filename, 'members', (job: MembersJob): Float64Array[] => {
  const data: MarketData = { priceColumn: 'price', exogenousColumns: ['exog1', 'exog2'], days: job.days, price: job.price, exogenous: [job.exog1, job.exog2] };
  const rows = prepareFeatureRows(data);
  return job.forecast.map((d) => {
    const members = new Float64Array(job.windows.length * 24);
    job.windows.forEach((window, w) => members.set(forecastWindow(rows, d, window), w * 24));
    return members;
  });
});
