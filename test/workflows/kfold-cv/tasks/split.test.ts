/** Split: defaults, fingerprint, fold files (seeded shuffle by default), search settings checks. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Split } from '../../../../workflows/kfold-cv/tasks/split';
import { stratifiedKFold } from '../../../../workflows/kfold-cv/lib';
import type { SplitOutput } from '../../../../workflows/kfold-cv/schemas';
import { fakeServices, runTask } from './fake-services';

const iris = readFileSync(join(__dirname, '../../../../../shared/data/iris/iris.csv'));
const dataset = { bucket: 'data-bucket', key: 'datasets/kfold/My Iris.csv' };

async function runSplit(input: Record<string, unknown>, executionName = 'exec-1') {
  const services = fakeServices();
  await services.objects.putText(dataset, iris.toString());
  const output = (await runTask(Split, { input: { dataset, ...input }, executionName }, services)) as SplitOutput;
  const folds = await Promise.all(output.folds.map(async (fold) => JSON.parse(await services.objects.getText({ bucket: output.bucket, key: fold.key }))));
  return { output, folds };
}

test('fills every default and describes the prepared data', async () => {
  const { output } = await runSplit({});
  expect(output).toMatchObject({
    bucket: 'data-bucket',
    prefix: 'runs/kfold-cv/exec-1/',
    datasetKey: 'runs/kfold-cv/exec-1/dataset.json',
    fingerprint: `sha256:${createHash('sha256').update(iris).digest('hex')}`,
    rows: 150,
    featureCount: 4,
    classes: ['setosa', 'versicolor', 'virginica'],
    source: dataset,
    modelName: 'My-Iris',
    k: 5,
    standardize: false,
    baselineScore: 0.6,
    seed: 0,
    search: { method: 'random', budget: 20, maxParallel: 4, space: { kernels: ['linear', 'rbf'] } },
  });
  expect(output.folds.map((f) => [f.testRows, f.trainRows])).toEqual(Array(5).fill([30, 120]));
});

test('folds are shuffled with the seed by default: reproducible, and not the unshuffled layout', async () => {
  const first = await runSplit({ seed: 3 });
  const again = await runSplit({ seed: 3 }, 'exec-2');
  const unshuffled = stratifiedKFold(Array.from({ length: 150 }, (_, i) => Math.floor(i / 50)), 5);
  expect(again.folds).toEqual(first.folds);
  expect(first.folds.map((f) => f.test)).not.toEqual(unshuffled.map((f) => f.test));
  expect(first.folds.flatMap((f) => f.test).sort((a: number, b: number) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i));
});

test('shuffle: false gives scikit-learn’s StratifiedKFold layout', async () => {
  const { folds } = await runSplit({ folds: { shuffle: false }, k: 10 });
  expect(folds.map((f) => f.test)).toEqual(stratifiedKFold(Array.from({ length: 150 }, (_, i) => Math.floor(i / 50)), 10).map((f) => f.test));
});

test.each([
  [{ method: 'random', space: { C: { min: 10, max: 1 }, gamma: { min: 0.1, max: 1 }, kernels: ['rbf'] } }, 'InvalidSearchSettings', 'search.space: Search range for C'],
  [{ method: 'list' }, 'InvalidSearchSettings', 'search.candidates is required'],
])('bad search settings %j fail with %s', async (search, name, message) => {
  await expect(runSplit({ search })).rejects.toMatchObject({ name, message: expect.stringContaining(message) });
});
