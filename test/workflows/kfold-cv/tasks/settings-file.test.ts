/** The dataset's settings file: where it is looked for, how it merges under the input, how a bad one fails. */
import type { KfoldInput } from '../../../../workflows/kfold-cv/schemas';
import { settingsFileKey, withSettingsFile } from '../../../../workflows/kfold-cv/tasks/settings-file';
import { MemoryObjects } from './fake-services';

test.each([
  ['datasets/kfold/iris.csv', 'datasets/kfold/iris.settings.json'],
  ['datasets/kfold/iris.data.csv', 'datasets/kfold/iris.data.settings.json'],
  ['datasets/kfold/no-extension', 'datasets/kfold/no-extension.settings.json'],
  ['datasets/k.fold/iris', 'datasets/k.fold/iris.settings.json'],
])('%s reads %s', (dataset, settings) => {
  expect(settingsFileKey(dataset)).toBe(settings);
});

const dataset = { bucket: 'data', key: 'datasets/kfold/iris.csv' };
const settingsRef = { bucket: 'data', key: 'datasets/kfold/iris.settings.json' };

async function merged(file: unknown, input: Omit<KfoldInput, 'dataset'> = {}): Promise<KfoldInput> {
  const objects = new MemoryObjects();
  if (file !== undefined) await objects.putText(settingsRef, typeof file === 'string' ? file : JSON.stringify(file));
  return withSettingsFile(objects, { dataset, ...input });
}

test.each([
  ['no file leaves the input as it is', undefined, { k: 3 }, { dataset, k: 3 }],
  ['the file fills what the input leaves out', { k: 10, seed: 7 }, { seed: 1 }, { dataset, k: 10, seed: 1 }],
  ['inside folds and search, field by field', { folds: { shuffle: false, standardize: true }, search: { method: 'tpe', budget: 8 } }, { folds: { standardize: false }, search: { budget: 4 } }, { dataset, folds: { shuffle: false, standardize: false }, search: { method: 'tpe', budget: 4 } }],
])('%s', async (_, file, input, expected) => {
  expect(await merged(file, input as Omit<KfoldInput, 'dataset'>)).toEqual(expected);
});

test.each([
  ['not JSON', '{"k": 5,', /^Settings file s3:\/\/data\/datasets\/kfold\/iris\.settings\.json is not valid JSON: /],
  ['a field out of range', { k: 1 }, /iris\.settings\.json.*\/k.*must be >= 2/s],
  ['the dataset itself', { dataset: { bucket: 'other', key: 'x.csv' } }, /iris\.settings\.json: \/dataset is not allowed/],
  ['an unknown field', { folds: { shufle: false } }, /\/folds\/shufle is not allowed/],
])('a settings file with %s fails as InvalidSettingsFile naming the file and the field', async (_, file, message) => {
  await expect(merged(file)).rejects.toMatchObject({ name: 'InvalidSettingsFile', message: expect.stringMatching(message) });
});
