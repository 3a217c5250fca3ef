/**
 * What the retraining loop decided over a backtest: the versions of `energy-<market>` the retrains
 * registered, counted, and each promotion with its configuration and the backtest that won it. Told
 * by the command because the runtime, and its registry, go when it ends.
 */
import { Value } from '@sinclair/typebox/value';
import type { ModelVersion } from '../../../src/services';
import { ForecasterConfig } from '../schemas/model';

export interface Promotion {
  /** The day the retrain registered it. */
  day: string;
  version: number;
  config: ForecasterConfig;
  backtestMae: number;
  championMae: number;
}

export interface RetrainDecisions {
  /** Versions a retrain registered, promoted or rejected. */
  decisions: number;
  promoted: Promotion[];
}

/**
 * A retrain registers every decision with its backtest's metrics; a version without them (the
 * champion `--forecaster` approves, a version a person registered) is not one of the loop's decisions.
 */
export function retrainDecisions(versions: readonly ModelVersion[]): RetrainDecisions {
  const decided = [...versions].filter((v) => typeof v.metrics.backtestMae === 'number').sort((a, b) => a.version - b.version);
  const promoted = decided
    .filter((v) => v.status === 'Approved' && Value.Check(ForecasterConfig, v.hyperparameters))
    .map((v) => ({ day: v.createdAt.slice(0, 10), version: v.version, config: v.hyperparameters as ForecasterConfig, backtestMae: v.metrics.backtestMae as number, championMae: Number(v.metrics.championMae) }));
  return { decisions: decided.length, promoted };
}

/** Promotions listed one per line; past that many, only counted. */
const PROMOTIONS_SHOWN = 20;

export function decisionLines({ decisions, promoted }: RetrainDecisions): string[] {
  if (decisions === 0) return ['retraining: no decision in the period'];
  const head = `retraining: ${decisions} decision(s), ${promoted.length === 0 ? 'none' : promoted.length} promoted`;
  const lines = promoted.slice(0, PROMOTIONS_SHOWN).map(({ day, version, config, backtestMae, championMae }) => {
    const band = `${config.band.method} over ${config.band.calibrationDays} days`;
    return `  ${day} v${version}: windows ${config.windows.join('/')}, weights ${config.weights.map((w) => w.toFixed(3)).join('/')}, band ${band}; backtest MAE ${backtestMae.toFixed(3)} against the champion's ${championMae.toFixed(3)}`;
  });
  if (promoted.length > PROMOTIONS_SHOWN) lines.push(`  and ${promoted.length - PROMOTIONS_SHOWN} more`);
  return [head, ...lines];
}
