/**
 * The energy tasks' CPU-bound work, run in the compute pool's worker threads: LEAR's members for a
 * few delivery days of one hourly series (the forecast day and any calibration day to make again),
 * a window's forecasts over a retrain's span, and a candidate's backtest. Arguments are structured-clonable.
 */
import { defineJob } from '../../src/services';
import { backtestCandidate, backtestConfig, effectiveWindow, forecastWindow, materialise, prepareFeatureRows, type MarketData, type MemberSpan, type RetrainPlan } from './lib';
import type { CandidateSpec } from './schemas/candidate';
import type { ForecasterConfig } from './schemas/model';
import type { BacktestOutput } from './schemas/retrain';

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

export interface MemberJob {
  history: MarketData;
  window: number;
  /** Indices into `history.days` of the days to forecast. */
  days: number[];
}

/** Each day's 24 prices from the `window` days before it (all of the history when it is shorter). */
export const forecastMemberJob = defineJob(__filename, 'forecastMember', ({ history, window, days }: MemberJob): number[][] => {
  const rows = prepareFeatureRows(history);
  return days.map((d) => Array.from(forecastWindow(rows, d, effectiveWindow(window, d))));
});

export interface BacktestJob {
  span: { days: number; actual: Float64Array; members: Map<number, Float64Array> };
  plan: RetrainPlan;
  fitDays: number;
  candidate?: CandidateSpec;
  champion?: ForecasterConfig;
}

/** A candidate fitted on the plan's fitting days and backtested on its backtest days, or the champion backtested as it is. */
export const backtestJob = defineJob(__filename, 'backtest', ({ span, plan, fitDays, candidate, champion }: BacktestJob): BacktestOutput => {
  const memberSpan: MemberSpan = span;
  if (candidate) {
    const result = backtestCandidate(candidate, memberSpan, plan);
    const refit = materialise(candidate, memberSpan, span.days - fitDays, span.days - 1);
    return { name: candidate.name, isChampion: false, config: result.config, refit, metrics: { ...result.metrics } };
  }
  if (!champion) throw new RangeError('a backtest item is a candidate or the champion.');
  const metrics = backtestConfig(champion, memberSpan, plan.backtestFrom, plan.backtestTo);
  return { name: 'champion', isChampion: true, config: champion, refit: champion, metrics: { ...metrics } };
});
