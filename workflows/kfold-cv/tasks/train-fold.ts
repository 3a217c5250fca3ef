/**
 * TrainFold: fits the candidate on the fold's k−1 training parts and scores it on the held-out part.
 * The training runs in the shared worker pool, so concurrent folds use every core.
 */
import { taskHandler } from '../../../src/services/task-handler';
import { lambdaHandler } from '../../../src/services/aws/lambda-entry';
import { readDataset, readFold } from './artefacts';
import { COMPUTE_MODULE, type ScoreFoldJob } from './compute';
import { TrainFold } from './definitions';

export const trainFold = taskHandler(TrainFold, async (input, services) => {
  const [dataset, fold] = await Promise.all([
    readDataset(services.objects, { bucket: input.bucket, key: input.datasetKey }),
    readFold(services.objects, { bucket: input.bucket, key: input.foldKey }),
  ]);
  const job: ScoreFoldJob = {
    data: { features: dataset.features, labels: dataset.labels },
    fold: { train: fold.train, test: fold.test },
    params: input.candidate.params,
    standardize: input.standardize,
  };
  const score = await services.compute.run<number>(COMPUTE_MODULE, 'scoreFoldJob', job);
  return { fold: input.fold, score };
});

export const handler = lambdaHandler(trainFold);
