/** FitFinal and TrainFold on the services: the artefact is a model that predicts, the fold score is the fold's accuracy. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FitFinal } from '../../../../workflows/kfold-cv/tasks/fit-final';
import { Split } from '../../../../workflows/kfold-cv/tasks/split';
import { TrainFold } from '../../../../workflows/kfold-cv/tasks/train-fold';
import { accuracy, SvcModel, applyStandardScaler } from '../../../../workflows/kfold-cv/lib';
import type { SplitOutput } from '../../../../workflows/kfold-cv/schemas';
import { fakeServices, runTask } from './fake-services';

const dataset = { bucket: 'data-bucket', key: 'datasets/kfold/iris.csv' };
const params = { C: 1, kernel: 'rbf' as const, gamma: 'scale' as const };

async function prepared() {
  const services = fakeServices();
  await services.objects.putText(dataset, readFileSync(join(__dirname, '../../../../../shared/data/iris/iris.csv'), 'utf8'));
  const plan = (await runTask(Split, { input: { dataset, folds: { shuffle: false } }, executionName: 'e' }, services)) as SplitOutput;
  return { services, plan };
}

test.each([false, true])('standardize=%s: the stored model predicts the training rows as a fresh fit does', async (standardize) => {
  const { services, plan } = await prepared();
  const output = (await runTask(FitFinal, { bucket: plan.bucket, datasetKey: plan.datasetKey, prefix: plan.prefix, params, standardize }, services)) as { model: { bucket: string; key: string }; rows: number };
  expect(output).toEqual({ model: { bucket: 'data-bucket', key: 'runs/kfold-cv/e/model/model.json' }, rows: 150 });
  const artefact = JSON.parse(await services.objects.getText(output.model));
  const data = JSON.parse(await services.objects.getText({ bucket: plan.bucket, key: plan.datasetKey }));
  expect(artefact).toMatchObject({ format: 'libsvm', classes: ['setosa', 'versicolor', 'virginica'], hyperparameters: params });
  expect(artefact.scaler !== undefined).toBe(standardize);
  const model = SvcModel.deserialize(artefact.libsvmModel);
  const features = artefact.scaler ? applyStandardScaler(artefact.scaler, data.features) : data.features;
  expect(accuracy(data.labels, model.predict(features))).toBeGreaterThan(0.95);
  model.dispose();
});

test('TrainFold returns the fold index with its held-out accuracy', async () => {
  const { services, plan } = await prepared();
  const fold = plan.folds[1];
  const output = await runTask(TrainFold, { bucket: plan.bucket, datasetKey: plan.datasetKey, foldKey: fold.key, fold: fold.index, candidate: { id: 0, params: { C: 1, kernel: 'linear', gamma: 'scale' } }, standardize: false }, services);
  expect(output).toEqual({ fold: 1, score: 1 });
});
