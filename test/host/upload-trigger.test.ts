/**
 * The kfold-on-upload rule through the local event bus: a CSV uploaded under datasets/kfold/ starts
 * kfold-cv on it with default settings; other uploads start nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { EventBus } from '../../src/events/bus';
import { createLocalRuntime, stateMachineArn, type LocalRuntime } from '../../src/host';
import { DATA_BUCKET } from '../../workflows/data-bucket';
import { registry } from '../../workflows/registry';

let dir: string;
let bus: EventBus;
let runtime: LocalRuntime;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-upload-'));
  runtime = await createLocalRuntime({ registry, objectsDir: dir, workers: 2, bus: true });
  bus = runtime.bus!;
});
afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const upload = (key: string, text: string) => runtime.objects.putObject(DATA_BUCKET, key, Readable.from([Buffer.from(text)]));
const executions = () => runtime.engine.listExecutions({ stateMachineArn: stateMachineArn(runtime.engine, 'kfold-cv') }).executions ?? [];

test('uploads outside datasets/kfold/*.csv start nothing', async () => {
  await upload('datasets/other/iris.csv', 'a,b\n1,x\n');
  await upload('datasets/kfold/notes.txt', 'not a dataset');
  await bus.idle();
  expect(executions()).toEqual([]);
});

test('a CSV uploaded under datasets/kfold/ runs kfold-cv on it to the end', async () => {
  await upload('datasets/kfold/iris.csv', readFileSync(join(__dirname, '../../../shared/data/iris/iris.csv'), 'utf8'));
  await bus.idle();
  const [started] = executions();
  expect(JSON.parse(runtime.engine.describeExecution({ executionArn: started.executionArn }).input!)).toEqual({
    dataset: { bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' },
  });
  const result = await runtime.engine.waitForExecution(started.executionArn!);
  expect(result).toMatchObject({ status: 'SUCCEEDED', output: { status: 'Registered', model: { modelName: 'iris', version: 1 } } });
  expect((result!.output as { search: { candidates: unknown[] } }).search.candidates).toHaveLength(20);
});
