/**
 * The configurations a retrain tries. A candidate is a rule, not fixed numbers: which windows (a
 * fixed set, or the `keep` best of a pool on the recent days), how to weight them (equally, or by
 * inverse recent MAE) and how to calibrate the band. `materialise` turns the rule into a
 * ForecasterConfig from the days before a given day only, so a backtest of a candidate on days
 * after those is out of sample.
 */
import type { CandidateSpec, Weighting } from '../schemas/candidate';
import type { BandConfig, ForecasterConfig } from '../schemas/model';
import { memberMaes, type MemberSpan } from './ensemble';

export type { CandidateSpec, Weighting };

/** The windows a retrain forecasts with: the benchmark's four, a shorter one and three between. */
export const WINDOW_POOL = [28, 56, 84, 112, 364, 728, 1092, 1456] as const;
export const BENCHMARK_WINDOWS = [56, 84, 1092, 1456] as const;

const BANDS: readonly BandConfig[] = [
  { method: 'conformal', calibrationDays: 56, recentDays: 7, recentWeight: 0.5 },
  { method: 'conformal', calibrationDays: 112, recentDays: 7, recentWeight: 1 },
];

/** Every candidate of the default space, for a pool of windows. */
export function defaultCandidates(pool: readonly number[] = WINDOW_POOL): CandidateSpec[] {
  const sets: { name: string; windows: number[]; keep?: number }[] = [
    { name: 'benchmark', windows: BENCHMARK_WINDOWS.filter((w) => pool.includes(w)) },
    { name: 'pool', windows: [...pool] },
    { name: `best${Math.min(6, pool.length)}`, windows: [...pool], keep: Math.min(6, pool.length) },
    { name: `best${Math.min(4, pool.length)}`, windows: [...pool], keep: Math.min(4, pool.length) },
  ];
  const weightings: Weighting[] = ['equal', 'inverse-mae'];
  return sets
    .filter((set) => set.windows.length > 0)
    .flatMap((set) =>
      weightings.flatMap((weighting) =>
        BANDS.map((band, b) => ({ name: `${set.name}/${weighting}/band${b + 1}`, windows: set.windows, ...(set.keep !== undefined && { keep: set.keep }), weighting, band })),
      ),
    );
}

/** The candidate as the config it would run, its choices made on days `fitFrom..fitTo` of the span. */
export function materialise(spec: CandidateSpec, span: MemberSpan, fitFrom: number, fitTo: number): ForecasterConfig {
  const errors = memberMaes(span, spec.windows, fitFrom, fitTo);
  let chosen = spec.windows.map((w, k) => ({ w, error: errors[k]! }));
  if (spec.keep !== undefined && spec.keep < chosen.length) chosen = [...chosen].sort((a, b) => a.error - b.error).slice(0, spec.keep).sort((a, b) => a.w - b.w);
  const raw = chosen.map(({ error }) => (spec.weighting === 'equal' ? 1 : spec.weighting === 'inverse-mae' ? 1 / Math.max(error, 1e-9) : 1 / Math.max(error * error, 1e-18)));
  const total = raw.reduce((a, b) => a + b, 0);
  return { windows: chosen.map(({ w }) => w), weights: raw.map((r) => round(r / total)), band: spec.band };
}

/** Weights are kept to 6 decimals so a registry record reads cleanly; they still sum to 1 within 1e-5. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
