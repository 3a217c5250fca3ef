/**
 * The CPU-bound jobs of the kfold tasks, run in the compute pool's worker threads: synchronous
 * functions of structured-clonable arguments.
 */
import type { Static } from '@sinclair/typebox';
import { defineJob } from '../../src/services';
import type { Hyperparameters } from './schemas';
import { fitStandardScaler, applyStandardScaler, scoreFold, SvcModel, type Fold, type LabelledRows, type StandardScaler } from './lib';
import { toSvcParams } from './tasks/svc-params';

export interface ScoreFoldJob {
  data: LabelledRows;
  fold: Fold;
  params: Static<typeof Hyperparameters>;
  standardize: boolean;
}

/** Accuracy on the fold's test rows of a model fitted on its training rows. */
export const scoreFoldJob = defineJob(__filename, 'scoreFold', (job: ScoreFoldJob): number =>
  scoreFold(job.data, job.fold, toSvcParams(job.params), { standardize: job.standardize }),
);

export interface FitModelJob {
  data: LabelledRows;
  params: Static<typeof Hyperparameters>;
  standardize: boolean;
}

export interface FittedModel {
  /** libsvm's model file text. */
  libsvmModel: string;
  scaler?: StandardScaler;
}

/** A model fitted on every row. */
export const fitModelJob = defineJob(__filename, 'fitModel', (job: FitModelJob): FittedModel => {
  const scaler = job.standardize ? fitStandardScaler(job.data.features) : undefined;
  const features = scaler ? applyStandardScaler(scaler, job.data.features) : job.data.features;
  const model = SvcModel.train(features, job.data.labels, toSvcParams(job.params));
  try {
    return { libsvmModel: model.serialize(), ...(scaler && { scaler }) };
  } finally {
    model.dispose();
  }
});
