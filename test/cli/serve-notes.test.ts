/**
 * StartSyncExecution and TestState against `statecraft serve`, the way the start banner and the
 * README say: the SDK and the CLI prefix the host with `sync-`, which 127.0.0.1 lacks, unless told
 * not to (`disableHostPrefix: true`; `AWS_DISABLE_HOST_PREFIX_INJECTION=true`).
 */
import { CreateStateMachineCommand, SFNClient, StartSyncExecutionCommand, TestStateCommand } from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveNotes } from '../../src/cli/serve-notes';
import { awsCli, describeWithAwsCli } from '../support/aws-cli';
import { serveProcess, type ServeProcess } from './serve-process';

const ROLE = 'arn:aws:iam::000000000000:role/sync';
const CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
const DEFINITION = JSON.stringify({ StartAt: 'Echo', States: { Echo: { Type: 'Pass', Parameters: { 'got.$': '$.x' }, End: true } } });

const dir = mkdtempSync(join(tmpdir(), 'statecraft-sync-'));
let server: ServeProcess;
let stateMachineArn: string;
const sdk = (options: { disableHostPrefix?: boolean } = {}) => new SFNClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1, ...options });

beforeAll(async () => {
  server = await serveProcess(join(dir, 'data'));
  const client = sdk({ disableHostPrefix: true });
  ({ stateMachineArn } = await client.send(new CreateStateMachineCommand({ name: 'echo', roleArn: ROLE, definition: DEFINITION, type: 'EXPRESS' })) as { stateMachineArn: string });
  client.destroy();
}, 30_000);
afterAll(async () => {
  await server.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('the start banner says how to reach StartSyncExecution and TestState', () => {
  expect(server.output()).toContain(`SDK: new SFNClient({ endpoint: '${server.endpoint}', disableHostPrefix: true`);
  expect(server.output()).toContain(`AWS CLI: AWS_DISABLE_HOST_PREFIX_INJECTION=true aws stepfunctions start-sync-execution --endpoint-url ${server.endpoint}`);
});

test('the SDK without disableHostPrefix cannot reach sync-127.0.0.1; with it, StartSyncExecution and TestState answer', async () => {
  const prefixed = sdk();
  await expect(prefixed.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"x":1}' }))).rejects.toThrow(/sync-127\.0\.0\.1/);
  prefixed.destroy();

  const client = sdk({ disableHostPrefix: true });
  expect(await client.send(new StartSyncExecutionCommand({ stateMachineArn, input: '{"x":1}' }))).toMatchObject({ status: 'SUCCEEDED', output: '{"got":1}' });
  expect(await client.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Pass', Result: 2, End: true }), roleArn: ROLE, input: '{}' }))).toMatchObject({ status: 'SUCCEEDED', output: '2' });
  client.destroy();
});

describeWithAwsCli('the AWS CLI with AWS_DISABLE_HOST_PREFIX_INJECTION=true', () => {
  const aws = awsCli(() => server.endpoint, { AWS_DISABLE_HOST_PREFIX_INJECTION: 'true' });

  test('start-sync-execution and test-state answer', async () => {
    expect(await aws.json('stepfunctions', 'start-sync-execution', '--state-machine-arn', stateMachineArn, '--input', '{"x":3}')).toMatchObject({ status: 'SUCCEEDED', output: '{"got":3}' });
    expect(await aws.json('stepfunctions', 'test-state', '--definition', JSON.stringify({ Type: 'Pass', Result: 4, End: true }), '--role-arn', ROLE, '--input', '{}')).toMatchObject({
      status: 'SUCCEEDED',
      output: '4',
    });
  }, 30_000);
});

test('the banner lists every rule that triggers itself as a warning', () => {
  const notes = serveNotes('http://127.0.0.1:4599', { selfTriggerWarnings: () => ['Rule loop on event bus default matches …'] });
  expect(notes.at(-1)).toBe('warning: Rule loop on event bus default matches …');
  expect(serveNotes('http://127.0.0.1:4599', { selfTriggerWarnings: () => [] }).filter((line) => line.startsWith('warning:'))).toEqual([]);
});
