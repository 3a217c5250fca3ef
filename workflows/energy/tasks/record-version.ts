/**
 * What the promotion and the rejection share: the challenger's refitted config written beside the
 * run (the version's artefact) and registered as a version of `energy-<market>`, with its
 * ForecasterConfig as hyperparameters, its backtest metrics and its lineage (the history it was
 * chosen on, the execution that chose it).
 */
import type { Static } from '@sinclair/typebox';
import type { ModelRegistryService, ModelVersion, ObjectService } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { ENERGY_MODEL_KIND } from '../schemas/model';
import type { RecordInput } from '../schemas/retrain';

export async function registerChallenger(objects: ObjectService, models: ModelRegistryService, { plan, decision, executionArn }: Static<typeof RecordInput>): Promise<ModelVersion> {
  const config = decision.challenger.refit;
  const artefact = { bucket: DATA_BUCKET, key: `${plan.runPrefix}forecaster.json` };
  await objects.putText(artefact, JSON.stringify({ market: plan.market, candidate: decision.challenger.name, config, decisionDay: plan.span.decisionDay }, null, 2), 'application/json');
  const { metrics } = decision.challenger;
  return models.register({
    modelName: plan.modelName,
    kind: ENERGY_MODEL_KIND,
    artefact,
    hyperparameters: { ...config },
    metrics: {
      backtestMae: metrics.mae,
      backtestSmape: metrics.smape,
      backtestRmse: metrics.rmse,
      backtestPinball: metrics.pinball,
      backtestCoverage: metrics.coverage,
      backtestDays: metrics.days,
      championMae: decision.championMetrics.mae,
      championPinball: decision.championMetrics.pinball,
      championCoverage: decision.championMetrics.coverage,
    },
    dataset: plan.history,
    executionArn,
  });
}

