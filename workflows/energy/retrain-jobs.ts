/**
 * energy-retrain's CPU-bound jobs, run in the compute pool's worker threads: a window's LEAR
 * forecasts over the retrain's span, and a candidate's backtest. Arguments are structured-clonable.
 */
import { defineJob } from '../../src/services';
import { backtestCandidate, backtestConfig, effectiveWindow, forecastWindow, materialise, prepareFeatureRows, type MarketData, type MemberSpan, type RetrainPlan } from './lib';
import type { CandidateSpec } from './schemas/candidate';
import type { ForecasterConfig } from './schemas/model';
import type { BacktestOutput } from './schemas/retrain';

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
