/**
 * FitFinal: fits the best hyperparameters on every row and stores one self-contained artefact: the
 * libsvm model text, the scaler when features were standardised, and the class names it predicts.
 */
import { taskHandler } from '../../../src/services/task-handler';
import { lambdaHandler } from '../../../src/services/aws/lambda-entry';
import { modelKey, readDataset } from './artefacts';
import { COMPUTE_MODULE, type FitModelJob, type FittedModel } from './compute';
import { FitFinal } from './definitions';

export const fitFinal = taskHandler(FitFinal, async (input, services) => {
  const dataset = await readDataset(services.objects, { bucket: input.bucket, key: input.datasetKey });
  const job: FitModelJob = { data: { features: dataset.features, labels: dataset.labels }, params: input.params, standardize: input.standardize };
  const fitted = await services.compute.run<FittedModel>(COMPUTE_MODULE, 'fitModelJob', job);
  const model = { bucket: input.bucket, key: modelKey(input.prefix) };
  const artefact = {
    format: 'libsvm',
    featureNames: dataset.featureNames,
    labelName: dataset.labelName,
    classes: dataset.classes,
    hyperparameters: input.params,
    ...fitted,
  };
  await services.objects.putText(model, JSON.stringify(artefact));
  return { model, rows: dataset.labels.length };
});

export const handler = lambdaHandler(fitFinal);
