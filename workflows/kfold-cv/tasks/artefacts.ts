/**
 * Where a kfold-cv execution keeps its artefacts, and reading them back. Everything lives under
 * `runs/kfold-cv/<execution name>/` in the dataset's bucket, so one run never sees another's files.
 */
import type { ObjectRef, ObjectService } from '../../../src/services';
import type { Dataset, Fold } from '../lib';

/** Every run's artefacts live under this prefix; the tasks' access declarations grant it. */
export const RUNS_PREFIX = 'runs/kfold-cv/';

export function executionPrefix(executionName: string): string {
  return `${RUNS_PREFIX}${executionName}/`;
}

export const datasetKey = (prefix: string) => `${prefix}dataset.json`;
export const foldKey = (prefix: string, index: number) => `${prefix}folds/fold-${String(index).padStart(3, '0')}.json`;
export const modelKey = (prefix: string) => `${prefix}model/model.json`;
export const reportKey = (prefix: string) => `${prefix}report.json`;

/** A stored fold: its index and the row indexes of each side. */
export interface StoredFold extends Fold {
  readonly index: number;
}

// Parsed datasets by bucket/key@etag: every fold of every candidate reads the same one.
const cache = new Map<string, Dataset>();
const CACHE_ENTRIES = 4;

/** The prepared dataset Split wrote, parsed once per version per process. */
export async function readDataset(objects: ObjectService, ref: ObjectRef): Promise<Dataset> {
  const id = `${ref.bucket}/${ref.key}@${await objects.etag(ref)}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const dataset = JSON.parse(await objects.getText(ref)) as Dataset;
  if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(id, dataset);
  return dataset;
}

export async function readFold(objects: ObjectService, ref: ObjectRef): Promise<StoredFold> {
  return JSON.parse(await objects.getText(ref)) as StoredFold;
}
