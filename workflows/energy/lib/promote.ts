/**
 * The promotion decision: a challenger replaces the champion only if it beats it on the same
 * backtest days by more than a margin — noise of a few hundredths on four weeks would otherwise
 * churn the model every week.
 */
import type { BacktestMetrics } from './ensemble';

export interface PromotionDecision {
  readonly promote: boolean;
  readonly reason: string;
}

/** @param margin the relative MAE improvement required, e.g. 0.01 for 1 %. */
export function decidePromotion(champion: BacktestMetrics | undefined, challenger: BacktestMetrics, margin = 0.01): PromotionDecision {
  const figures = (m: BacktestMetrics) => `MAE ${m.mae.toFixed(3)}, sMAPE ${m.smape.toFixed(2)} %, pinball ${m.pinball.toFixed(3)}, coverage ${m.coverage.toFixed(3)}`;
  if (!champion) return { promote: true, reason: `no champion could be backtested; the challenger's ${figures(challenger)} over ${challenger.days} days.` };
  const bar = champion.mae * (1 - margin);
  if (challenger.mae < bar) {
    return { promote: true, reason: `challenger ${figures(challenger)} beats the champion's ${figures(champion)} over the same ${challenger.days} days (needed MAE < ${bar.toFixed(3)}).` };
  }
  return { promote: false, reason: `challenger ${figures(challenger)} does not beat the champion's ${figures(champion)} by ${(margin * 100).toFixed(1)} % (needed MAE < ${bar.toFixed(3)}).` };
}

/** The index of the candidate with the lowest MAE (pinball breaks ties). */
export function bestCandidate(metrics: readonly BacktestMetrics[]): number {
  if (metrics.length === 0) throw new RangeError('no candidate was backtested.');
  let best = 0;
  metrics.forEach((m, k) => {
    const b = metrics[best]!;
    if (m.mae < b.mae || (m.mae === b.mae && m.pinball < b.pinball)) best = k;
  });
  return best;
}
