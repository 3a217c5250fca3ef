/**
 * FitFinal: fits the best hyperparameters on every row and stores one self-contained artefact: the
 * libsvm model text, the scaler when features were standardised, and the class names it predicts.
 */
import { defineTask } from '../../../src/builder';
import { fitModelJob } from '../jobs';
import { FitFinalInput, FitFinalOutput } from '../schemas';
import { runs } from './access';
import { modelKey, readDataset } from './artefacts';
import { transient } from './retry';

export const FitFinal = defineTask({
  name: 'kfold-fit-final',
  input: FitFinalInput,
  output: FitFinalOutput,
  access: { objects: [runs('read-write')] },
  retry: transient,
  memoryMb: 1024,
  run: async (input, { objects, compute }) => {
    const dataset = await readDataset(objects, { bucket: input.bucket, key: input.datasetKey });
    const fitted = await compute.run(fitModelJob, { data: { features: dataset.features, labels: dataset.labels }, params: input.params, standardize: input.standardize });
    const model = { bucket: input.bucket, key: modelKey(input.prefix) };
    const artefact = {
      format: 'libsvm',
      featureNames: dataset.featureNames,
      labelName: dataset.labelName,
      classes: dataset.classes,
      hyperparameters: input.params,
      ...fitted,
    };
    await objects.putText(model, JSON.stringify(artefact));
    return { model, rows: dataset.labels.length };
  },
});
