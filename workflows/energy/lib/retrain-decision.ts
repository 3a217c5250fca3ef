/**
 * One retraining decision over member forecasts that exist: every candidate is fitted on the
 * `fitDays` before the backtest, then it and the champion are backtested on the same `backtestDays`
 * right before the decision day; the best candidate is promoted only if it beats the champion. A
 * promoted candidate's weights are then refitted on the latest `fitDays`, so the version carries
 * the freshest choice the rule makes. Nothing on or after the decision day is read.
 */
import type { ForecasterConfig } from '../schemas/model';
import { materialise, type CandidateSpec } from './candidates';
import { backtestConfig, type BacktestMetrics, type MemberSpan } from './ensemble';
import { bestCandidate, decidePromotion, type PromotionDecision } from './promote';

export interface RetrainOptions {
  /** Days right before the decision day the candidates are compared on. @default 28 */
  readonly backtestDays?: number;
  /** Days before those that choose each candidate's windows and weights. @default 28 */
  readonly fitDays?: number;
  /** Relative MAE gain a challenger needs. @default 0.01 */
  readonly margin?: number;
}

export const RETRAIN_DEFAULTS = { backtestDays: 28, fitDays: 28, margin: 0.01 } as const;

export interface RetrainPlan {
  readonly fitFrom: number;
  readonly fitTo: number;
  readonly backtestFrom: number;
  readonly backtestTo: number;
}

/** The span-relative days a decision on `decisionDay` fits and backtests on. */
export function retrainPlan(decisionDay: number, options: RetrainOptions = {}): RetrainPlan {
  const { backtestDays, fitDays } = { ...RETRAIN_DEFAULTS, ...options };
  const backtestFrom = decisionDay - backtestDays;
  const fitFrom = backtestFrom - fitDays;
  if (fitFrom < 0) throw new RangeError(`a decision on span day ${decisionDay} needs ${fitDays + backtestDays} earlier days of member forecasts.`);
  return { fitFrom, fitTo: backtestFrom - 1, backtestFrom, backtestTo: decisionDay - 1 };
}

export interface CandidateResult {
  readonly spec: CandidateSpec;
  readonly config: ForecasterConfig;
  readonly metrics: BacktestMetrics;
}

export interface RetrainDecision extends PromotionDecision {
  readonly candidates: readonly CandidateResult[];
  readonly challenger: CandidateResult;
  readonly championMetrics?: BacktestMetrics;
  /** What runs from the decision day: the refitted challenger if promoted, else the champion. */
  readonly next: ForecasterConfig;
}

/** A candidate fitted and backtested as a retrain's Map iteration does it. */
export function backtestCandidate(spec: CandidateSpec, span: MemberSpan, plan: RetrainPlan): CandidateResult {
  const config = materialise(spec, span, plan.fitFrom, plan.fitTo);
  return { spec, config, metrics: backtestConfig(config, span, plan.backtestFrom, plan.backtestTo) };
}

export function retrainDecision(span: MemberSpan, decisionDay: number, champion: ForecasterConfig, specs: readonly CandidateSpec[], options: RetrainOptions = {}): RetrainDecision {
  const plan = retrainPlan(decisionDay, options);
  const candidates = specs.map((spec) => backtestCandidate(spec, span, plan));
  const championMetrics = backtestConfig(champion, span, plan.backtestFrom, plan.backtestTo);
  const challenger = candidates[bestCandidate(candidates.map((c) => c.metrics))]!;
  const decision = decidePromotion(championMetrics, challenger.metrics, options.margin ?? RETRAIN_DEFAULTS.margin);
  const fitDays = options.fitDays ?? RETRAIN_DEFAULTS.fitDays;
  const next = decision.promote ? materialise(challenger.spec, span, decisionDay - fitDays, decisionDay - 1) : champion;
  return { ...decision, candidates, challenger, championMetrics, next };
}
