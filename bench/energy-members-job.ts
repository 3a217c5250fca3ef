/** The energy-loop bench's job: one window's LEAR forecasts over a range of days, in a worker thread. */
import { defineJob } from '../src/services';
import { forecastWindows, prepareFeatureRows, readMarketData } from '../workflows/energy/lib';
import type { FeatureRows } from '../workflows/energy/lib/design';

export interface WindowRangeJob {
  file: string;
  window: number;
  from: number;
  to: number;
}

// One market file per bench run: each worker parses it once.
let loaded: { file: string; rows: FeatureRows } | undefined;

export const windowRangeJob = defineJob(__filename, 'windowRange', ({ file, window, from, to }: WindowRangeJob): Float64Array => {
  if (loaded?.file !== file) loaded = { file, rows: prepareFeatureRows(readMarketData(file)) };
  return forecastWindows(loaded.rows, from, to, [window]).get(window) as Float64Array;
});
