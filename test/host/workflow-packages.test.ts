/**
 * Adding a workflow is adding its package to a registry: the example package (test/fixtures/, a
 * second workflow family written like kfold-cv) is deployed by the local runtime, written by synth
 * and (in test/infra/statecraft-stack.test.ts) built by the CDK app, with no other edit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { defineRegistry } from '../../src/builder';
import { createLocalRuntime, runWorkflow, synthFiles, type LocalRuntime } from '../../src/host';
import { kfoldCvPackage } from '../../workflows/kfold-cv';
import { DATA_BUCKET } from '../../workflows/data-bucket';
import { examplePackage, FIXTURE_BUCKET } from '../fixtures/example-package';
import { eventually } from '../support/eventually';

const registry = defineRegistry({ packages: [kfoldCvPackage, examplePackage], modelRegistry: { bucket: DATA_BUCKET, prefix: 'model-registry/' } });
let dir: string;
let runtime: LocalRuntime;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-packages-'));
  runtime = await createLocalRuntime({ registry, dataDir: dir, workers: 1, bus: true });
});
afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the runtime deploys every package: state machines, buckets with notifications, rules', () => {
  const machines = (runtime.engine.listStateMachines().stateMachines ?? []).map((machine) => machine.name).sort();
  expect(machines).toEqual(['fixture-child', 'fixture-parent', 'kfold-cv']);
  expect(runtime.objects.getEventBridgeNotifications(FIXTURE_BUCKET)).toBe(true);
  expect(runtime.rules.map((rule) => rule.name).sort()).toEqual(['fixture-nightly', 'fixture-on-upload', 'kfold-on-upload']);
});

test("the packages' lake tables are in the local catalog, in the lake's database, with their columns and partition keys", () => {
  const table = runtime.lake.catalog.findTable('statecraft', 'fixture_scores');
  expect(table).toMatchObject({
    PartitionKeys: [{ Name: 'day', Type: 'string' }],
    StorageDescriptor: { Columns: [{ Name: 'part', Type: 'int' }, { Name: 'score', Type: 'double' }], Location: `s3://${FIXTURE_BUCKET}/lake/fixture_scores/` },
  });
});

test("the example's rule and tasks run: an upload starts it, tasks run confined, a nested .sync execution ends", async () => {
  await runtime.objects.putObject(FIXTURE_BUCKET, 'incoming/a.txt', Readable.from([Buffer.from('abc')]));
  const result = await runWorkflow(runtime, 'fixture-parent', { key: 'incoming/a.txt' });
  expect([result.status, result.error, result.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  // The upload matched the package's rule and started a run of its own; each run started one child.
  const executionsOf = (name: string) => runtime.engine.listExecutions({ stateMachineArn: `arn:aws:states:us-east-1:000000000000:stateMachine:${name}` }).executions ?? [];
  await eventually(async () => (executionsOf('fixture-child').length === 2 && executionsOf('fixture-child').every((child) => child.status === 'SUCCEEDED') ? true : undefined));
  expect(executionsOf('fixture-parent')).toHaveLength(2);
});

test('synth writes the ASL and schemas of every package', () => {
  const names = synthFiles(registry.workflows).map((file) => file.name);
  expect(names).toEqual(expect.arrayContaining(['kfold-cv.asl.json', 'fixture-parent.asl.json', 'fixture-child.asl.json', 'fixture-score.input.schema.json', 'Scored.schema.json']));
});

test.each([
  ['two workflows of one name', () => defineRegistry({ packages: [examplePackage, examplePackage], modelRegistry: { bucket: 'b-1', prefix: 'm/' } }), 'two workflows are named "fixture-parent"'],
])('a registry refuses %s', (_what, define, message) => {
  expect(define).toThrow(message);
});
