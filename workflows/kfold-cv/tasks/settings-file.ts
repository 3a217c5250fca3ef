/**
 * The settings file that travels with a dataset: `datasets/kfold/iris.csv` reads
 * `datasets/kfold/iris.settings.json` when it exists. Upload it first; only the CSV starts a run.
 * A file that is not valid JSON or not valid settings fails the run naming the file and the field.
 */
import { KfoldSettingsFile, type KfoldInput } from '../schemas';
import { assertPayload, SchemaValidationError } from '../../../src/schemas';
import { ObjectNotFound, TaskFailure, type ObjectRef, type ObjectService } from '../../../src/services';

/** `datasets/kfold/iris.csv` → `datasets/kfold/iris.settings.json` */
export function settingsFileKey(datasetKey: string): string {
  const slash = datasetKey.lastIndexOf('/');
  const dot = datasetKey.lastIndexOf('.');
  return `${dot > slash ? datasetKey.slice(0, dot) : datasetKey}.settings.json`;
}

/** The input with the dataset's settings file under it: fields of the input win, also inside `folds` and `search`. */
export async function withSettingsFile(objects: ObjectService, input: KfoldInput): Promise<KfoldInput> {
  const ref = { bucket: input.dataset.bucket, key: settingsFileKey(input.dataset.key) };
  const file = await readSettingsFile(objects, ref);
  if (!file) return input;
  const merged: KfoldInput = { ...file, ...input };
  if (file.folds || input.folds) merged.folds = { ...file.folds, ...input.folds };
  if (file.search || input.search) merged.search = { ...file.search, ...input.search };
  return merged;
}

async function readSettingsFile(objects: ObjectService, ref: ObjectRef): Promise<KfoldSettingsFile | undefined> {
  let text: string;
  try {
    text = await objects.getText(ref);
  } catch (err) {
    if (err instanceof ObjectNotFound) return undefined;
    throw err;
  }
  const where = `Settings file s3://${ref.bucket}/${ref.key}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new TaskFailure('InvalidSettingsFile', `${where} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    return assertPayload(KfoldSettingsFile, parsed, where);
  } catch (err) {
    if (err instanceof SchemaValidationError) throw new TaskFailure('InvalidSettingsFile', err.message);
    throw err;
  }
}
