/**
 * Running a registered workflow by name, as `statecraft run <workflow>` does: through the engine with
 * an in-memory store, every history event heard as it is recorded, the input checked where it enters.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createLocalRuntime, runWorkflow, UnknownWorkflowError, type LocalRuntime } from '../../src/host';
import type { StoredEvent } from '../../src/interpreter/history/events';
import { SchemaValidationError } from '../../src/schemas';
import { DATA_BUCKET } from '../../workflows/data-bucket';
import { registry } from '../../workflows/registry';

let dir: string;
let runtime: LocalRuntime;
const heard: Array<{ arn: string; event: StoredEvent }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-run-'));
  runtime = await createLocalRuntime({ registry, objectsDir: dir, workers: 2, onHistoryEvent: (arn, event) => heard.push({ arn, event }) });
  await runtime.objects.putObject(DATA_BUCKET, 'datasets/kfold/iris.csv', Readable.from([readFileSync(join(__dirname, '../../../shared/data/iris/iris.csv'))]));
});
afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

test('runs kfold-cv to the end and every history event is heard as it is recorded', async () => {
  const result = await runWorkflow(runtime, 'kfold-cv', { dataset: { bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' }, search: { budget: 4, maxParallel: 2 } });
  expect(result).toMatchObject({ status: 'SUCCEEDED', output: { status: 'Registered', model: { modelName: 'iris', version: 1, executionArn: result.executionArn } } });
  const types = heard.filter((h) => h.arn === result.executionArn).map((h) => h.event.type);
  expect(types[0]).toBe('ExecutionStarted');
  expect(types.filter((type) => type === 'TaskStateEntered').length).toBeGreaterThan(4 * 5);
  expect(types.at(-1)).toBe('ExecutionSucceeded');
  // The lineage names an execution the engine can still describe.
  expect(runtime.engine.describeExecution({ executionArn: result.executionArn }).status).toBe('SUCCEEDED');
});

test('an input that fails the schema throws before anything runs, naming the field', async () => {
  await expect(runWorkflow(runtime, 'kfold-cv', { dataset: { bucket: DATA_BUCKET } })).rejects.toBeInstanceOf(SchemaValidationError);
  await expect(runWorkflow(runtime, 'kfold-cv', {})).rejects.toThrow('/dataset');
});

test('an unknown workflow is UnknownWorkflowError', async () => {
  await expect(runWorkflow(runtime, 'nope', {})).rejects.toBeInstanceOf(UnknownWorkflowError);
});
