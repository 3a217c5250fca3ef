/** runWorkflowInProcess: what `statecraft run <workflow>` calls: one execution to the end, history to the caller's sink. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MemoryHistorySink } from '../../src/interpreter/history/sink';
import { ObjectStore } from '../../src/objects';
import { runWorkflowInProcess, UnknownWorkflowError } from '../../src/host';
import { SchemaValidationError } from '../../src/schemas';
import { DATA_BUCKET } from '../../workflows/registry';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-run-'));
  const objects = await ObjectStore.open({ dataDir: dir });
  objects.createBucket(DATA_BUCKET);
  await objects.putObject(DATA_BUCKET, 'datasets/kfold/iris.csv', Readable.from([readFileSync(join(__dirname, '../../../shared/data/iris/iris.csv'))]));
  objects.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('runs kfold-cv to the end and streams its history to the sink', async () => {
  const sink = new MemoryHistorySink();
  const result = await runWorkflowInProcess({
    workflow: 'kfold-cv',
    input: { dataset: { bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' }, search: { budget: 4, maxParallel: 2 } },
    objectsDir: dir,
    sink,
  });
  expect(result).toMatchObject({ status: 'SUCCEEDED', output: { status: 'Registered', model: { modelName: 'iris', version: 1 } } });
  const types = (sink.events.get(result.executionArn) ?? []).map((event) => event.type);
  expect(types[0]).toBe('ExecutionStarted');
  expect(types.filter((type) => type === 'TaskStateEntered').length).toBeGreaterThan(4 * 5);
  expect(types.at(-1)).toBe('ExecutionSucceeded');
});

test('an input that fails the schema throws before anything runs, naming the field', async () => {
  const run = runWorkflowInProcess({ workflow: 'kfold-cv', input: { dataset: { bucket: DATA_BUCKET } }, objectsDir: dir });
  await expect(run).rejects.toBeInstanceOf(SchemaValidationError);
  await expect(runWorkflowInProcess({ workflow: 'kfold-cv', input: {}, objectsDir: dir })).rejects.toThrow('/dataset');
});

test('an unknown workflow is UnknownWorkflowError', async () => {
  await expect(runWorkflowInProcess({ workflow: 'nope', input: {}, objectsDir: dir })).rejects.toBeInstanceOf(UnknownWorkflowError);
});
