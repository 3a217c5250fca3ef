/**
 * The energy tasks' CPU-bound work, run in the compute pool's worker threads: LEAR's members for a
 * few delivery days of one hourly series (an ingestion's forecast day and the calibration days it
 * makes again, a retrain's span for one window), and a candidate's backtest. Arguments are structured-clonable.
 */
import { defineJob } from '../../src/services';
import { backtestCandidate, backtestConfig, effectiveWindow, forecastWindow, materialise, prepareFeatureRows, type MarketData, type MemberSpan, type RetrainPlan } from './lib';
import type { CandidateSpec } from './schemas/candidate';
import type { ForecasterConfig } from './schemas/model';
import type { BacktestOutput } from './schemas/retrain';

export interface MembersJob {
  /** Consecutive days; a day to forecast may have no prices (NaN). */
  readonly history: MarketData;
  readonly windows: readonly number[];
  /** Indices into `history.days` of the days to forecast. */
  readonly days: readonly number[];
}

/**
 * Per requested day, its LEAR members: `windows × 24`, window-major, in the order of `windows`, each
 * from the `window` days before the day (all of them when fewer: see `effectiveWindow`).
 */
export const membersJob = defineJob(__filename, 'members', ({ history, windows, days }: MembersJob): Float64Array[] => {
  const rows = prepareFeatureRows(history);
  return days.map((d) => {
    const members = new Float64Array(windows.length * 24);
    windows.forEach((window, w) => members.set(forecastWindow(rows, d, effectiveWindow(window, d)), w * 24));
    return members;
  });
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
