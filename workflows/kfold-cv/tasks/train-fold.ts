/**
 * TrainFold: fits the candidate on the fold's k−1 training parts and scores it on the held-out part.
 * The training runs in the shared worker pool, so concurrent folds use every core.
 */
import { defineTask } from '../../../src/builder';
import { scoreFoldJob } from '../jobs';
import { TrainFoldInput, TrainFoldOutput } from '../schemas';
import { runs } from './access';
import { readDataset, readFold } from './artefacts';
import { transient } from './retry';

export const TrainFold = defineTask({
  name: 'kfold-train-fold',
  input: TrainFoldInput,
  output: TrainFoldOutput,
  access: { objects: [runs('read')] },
  retry: transient,
  memoryMb: 1024,
  run: async (input, { objects, compute }) => {
    const [dataset, fold] = await Promise.all([
      readDataset(objects, { bucket: input.bucket, key: input.datasetKey }),
      readFold(objects, { bucket: input.bucket, key: input.foldKey }),
    ]);
    const score = await compute.run(scoreFoldJob, {
      data: { features: dataset.features, labels: dataset.labels },
      fold: { train: fold.train, test: fold.test },
      params: input.candidate.params,
      standardize: input.standardize,
    });
    return { fold: input.fold, score };
  },
});
