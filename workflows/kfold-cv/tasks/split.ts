/**
 * Split: reads and validates the uploaded CSV, takes settings from the dataset's settings file where
 * the input leaves them out, fills the defaults, and writes the prepared
 * dataset and k stratified folds (shuffled with the seed unless `folds.shuffle` is false) under the
 * execution's prefix. A bad dataset fails here, before anything is trained or registered.
 */
import { createHash } from 'node:crypto';
import type { Static } from '@sinclair/typebox';
import { defineTask } from '../../../src/builder';
import { ObjectNotFound, TaskFailure, type ObjectRef, type ObjectService } from '../../../src/services';
import { SplitInput, SplitOutput, withKfoldDefaults } from '../schemas';
import { datasets, runs } from './access';
import { datasetKey, executionPrefix, foldKey } from './artefacts';
import { transient } from './retry';
import { withSettingsFile } from './settings-file';
import { assertRowsPerClass, DatasetError, parseDataset, shuffledStratifiedKFold, stratifiedKFold, type Dataset } from '../lib';
import { assertSearchSpace } from '../lib/search-space';

export const Split = defineTask({
  name: 'kfold-split',
  input: SplitInput,
  output: SplitOutput,
  access: { objects: [datasets('read'), runs('write')] },
  retry: transient,
  run: split,
});

async function split({ input, executionName }: Static<typeof SplitInput>, { objects }: { objects: ObjectService }): Promise<SplitOutput> {
  const bytes = await readSource(objects, input.dataset);
  const settings = withKfoldDefaults(await withSettingsFile(objects, input));
  const k = settings.k!;
  const search = resolveSearch(settings.search!);
  const dataset = validated(() => {
    const parsed = parseDataset(bytes.toString('utf8'), { labelColumn: settings.labelColumn });
    assertRowsPerClass(parsed, k);
    return parsed;
  });
  const folds = settings.folds!.shuffle ? shuffledStratifiedKFold(dataset.labels, k, settings.seed!) : stratifiedKFold(dataset.labels, k);
  const prefix = executionPrefix(executionName);
  const bucket = settings.dataset.bucket;
  await objects.putText({ bucket, key: datasetKey(prefix) }, JSON.stringify(dataset));
  await Promise.all(folds.map((fold, index) => objects.putText({ bucket, key: foldKey(prefix, index) }, JSON.stringify({ index, ...fold }))));
  const output: SplitOutput = {
    bucket,
    prefix,
    datasetKey: datasetKey(prefix),
    fingerprint: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    rows: dataset.labels.length,
    featureCount: dataset.featureNames.length,
    classes: [...dataset.classes],
    folds: folds.map((fold, index) => ({ index, key: foldKey(prefix, index), trainRows: fold.train.length, testRows: fold.test.length })),
    source: settings.dataset,
    modelName: settings.modelName ?? defaultModelName(settings.dataset.key),
    k,
    standardize: settings.folds!.standardize!,
    baselineScore: settings.baselineScore!,
    seed: settings.seed!,
    search,
  };
  return output;
}

type Settings = NonNullable<ReturnType<typeof withKfoldDefaults>['search']>;

function resolveSearch(search: Settings): SplitOutput['search'] {
  const { method, space, budget, maxParallel, candidates } = search as Required<Settings>;
  if (method === 'list' && !candidates) throw new TaskFailure('InvalidSearchSettings', "search.candidates is required when search.method is 'list'.");
  if (method !== 'list') {
    try {
      assertSearchSpace(space);
    } catch (err) {
      throw new TaskFailure('InvalidSearchSettings', `search.space: ${(err as Error).message}`);
    }
  }
  return { method, space, budget, maxParallel, ...(candidates && { candidates }) };
}

async function readSource(objects: ObjectService, ref: ObjectRef): Promise<Buffer> {
  try {
    return await objects.getBytes(ref);
  } catch (err) {
    if (err instanceof ObjectNotFound) throw new TaskFailure('DatasetNotFound', `The dataset s3://${ref.bucket}/${ref.key} does not exist.`);
    throw err;
  }
}

/** A dataset problem fails the task with its code as the error name, so history and Catch see it. */
function validated(parse: () => Dataset): Dataset {
  try {
    return parse();
  } catch (err) {
    if (err instanceof DatasetError) throw new TaskFailure(err.code, err.message);
    throw err;
  }
}

/** `datasets/kfold/iris.csv` → `iris`. */
function defaultModelName(key: string): string {
  const base = key.split('/').pop()!.replace(/\.[^.]*$/, '');
  const cleaned = base.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned || 'model').slice(0, 100);
}

