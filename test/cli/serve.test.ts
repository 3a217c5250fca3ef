/**
 * `statecraft serve`, what `npm start` runs, as users meet it: one process, one port, the Step
 * Functions, EventBridge and S3 APIs through the real SDK, every registered workflow deployed, and
 * an upload under datasets/kfold/ running kfold-cv to a registered model.
 */
import { EventBridgeClient, ListRulesCommand, ListTargetsByRuleCommand } from '@aws-sdk/client-eventbridge';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, ListExecutionsCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DATA_BUCKET } from '../../workflows/data-bucket';
import { registry } from '../../workflows/registry';
import type { KfoldOutput } from '../../workflows/kfold-cv/schemas';
import { irisCsv, sklearnReference, type SklearnCase } from '../workflows/kfold-cv/fixture';
import { serveProcess, type ServeProcess } from './serve-process';
import { eventually } from '../support/eventually';

const client = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
let dir: string;
let server: ServeProcess;
let sfn: SFNClient;
let events: EventBridgeClient;
let s3: S3Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-serve-'));
  server = await serveProcess(join(dir, 'data'));
  sfn = new SFNClient({ ...client, endpoint: server.endpoint });
  events = new EventBridgeClient({ ...client, endpoint: server.endpoint });
  s3 = new S3Client({ ...client, endpoint: server.endpoint, forcePathStyle: true });
});
afterAll(async () => {
  await server.kill();
  for (const c of [sfn, events, s3]) c.destroy();
  rmSync(dir, { recursive: true, force: true });
});


test('every registered workflow is a state machine and every rule is on the default bus', async () => {
  const machines = (await sfn.send(new ListStateMachinesCommand({}))).stateMachines!.map((m) => m.name);
  expect(machines.sort()).toEqual(registry.workflows.map((w) => w.name).sort());
  const rules = (await events.send(new ListRulesCommand({}))).Rules!.map((r) => r.Name);
  expect(rules.sort()).toEqual(registry.workflows.flatMap((w) => w.rules.map((r) => r.name)).sort());
  const { Targets } = await events.send(new ListTargetsByRuleCommand({ Rule: 'kfold-on-upload' }));
  expect(Targets).toEqual([expect.objectContaining({ Arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:kfold-cv' })]);
});

test('a CSV uploaded under datasets/kfold/ with its settings file runs kfold-cv to a registered model whose fold scores equal scikit-learn’s', async () => {
  const candidates = [
    { C: 1, kernel: 'linear', gamma: 'scale' },
    { C: 1, kernel: 'rbf', gamma: 'scale' },
    { C: 1, kernel: 'rbf', gamma: 'auto' },
  ];
  const settings = { k: 5, folds: { shuffle: false }, search: { method: 'list', candidates } };
  await s3.send(new PutObjectCommand({ Bucket: DATA_BUCKET, Key: 'datasets/kfold/iris.settings.json', Body: JSON.stringify(settings) }));
  await s3.send(new PutObjectCommand({ Bucket: DATA_BUCKET, Key: 'datasets/kfold/iris.csv', Body: irisCsv(), ContentType: 'text/csv' }));
  const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:kfold-cv';
  const [started] = await eventually(async () => {
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    return executions!.length > 0 ? executions : undefined;
  });
  const done = await eventually(async () => {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    return described.status === 'RUNNING' ? undefined : described;
  }, 50_000);
  expect(JSON.parse(done.input!)).toEqual({ dataset: { bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' } });
  expect(done.status).toBe('SUCCEEDED');
  const output = JSON.parse(done.output!) as KfoldOutput;
  if (output.status !== 'Registered') throw new Error(`expected a registered model, got ${JSON.stringify(output)}`);
  expect(output.model).toMatchObject({ modelName: 'iris', version: 1, status: 'PendingManualApproval' });
  const reference = sklearnReference();
  const sklearnScores = ['SVC_linear_C1_cv5', 'SVC_rbf_C1_gamma_scale_cv5', 'SVC_rbf_C1_gamma_auto_cv5'].map((name) => (reference[name] as SklearnCase).scores);
  expect(output.search.candidates.map((c) => c.params)).toEqual(candidates);
  output.search.candidates.forEach((candidate, i) => candidate.foldScores.forEach((score, fold) => expect(score).toBeCloseTo(sklearnScores[i][fold], 9)));
  expect(output.model.metrics.foldScores).toEqual(sklearnScores[output.search.best.id].map((score) => expect.closeTo(score, 9)));
}, 60_000);

/** Runs the `statecraft` command against the server: its exit code and output. */
async function statecraft(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(__dirname, '../../bin/statecraft.js'), ...args, '--endpoint', server.endpoint]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test('statecraft models lists the registered version and decides its approval once', async () => {
  const listed = await statecraft('models');
  expect(listed.stdout).toMatch(/^MODEL\s+VERSION\s+STATUS/);
  expect(listed.stdout).toMatch(/\niris\s+v1\s+PendingManualApproval\s+svm\s+meanScore=0\.\d{4} stdScore=0\.\d{4}\s+C=1 kernel=linear\s/);
  // The version as the table prints it works too.
  expect(JSON.parse((await statecraft('models', 'show', 'iris', 'v1')).stdout)).toMatchObject({ version: 1 });
  expect(await statecraft('models', 'approve', 'iris', '1', '--reason', 'beats the baseline')).toMatchObject({ code: 0, stdout: 'iris v1: Approved\n' });
  expect(JSON.parse((await statecraft('models', 'show', 'iris', '1')).stdout)).toMatchObject({ status: 'Approved', statusReason: 'beats the baseline' });
  expect(await statecraft('models', 'reject', 'iris', '1')).toMatchObject({ code: 1, stderr: 'statecraft models: Model "iris" version 1 is already Approved.\n' });
  expect(await statecraft('models', 'show', 'iris', '7')).toMatchObject({ code: 1, stderr: 'statecraft models: Model "iris" has no version 7.\n' });
  expect(await statecraft('models', 'show', 'iris', 'latest')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: statecraft models') });
}, 90_000);

test("the packages' endpoints are served beside the APIs: the energy feeds answer at /_feeds/", async () => {
  const response = await fetch(`${server.endpoint}/_feeds/`);
  expect(response.status).toBe(200);
  expect(await response.json()).toHaveProperty('markets');
});
