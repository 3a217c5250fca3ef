/**
 * `statecraft serve` as users stop and restart it: a second one on a taken port exits with a message;
 * SIGTERM while a task runs closes the endpoint, names what was running and exits without waiting
 * for the task; the next start runs the task again and the execution completes. The restarted server
 * then answers the client commands: history as a table and as JSON (quietly into a closed pipe),
 * workflows and rules with the user's own rule, which the start banner lists too.
 */
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateStateMachineCommand, DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLE, definition, lambdaArn } from '../api/sfn-harness';
import { eventually } from '../support/eventually';
import { stopSignals } from '../../src/cli/serve';
import { STATECRAFT, serveProcess, statecraft } from './serve-process';

const client = { region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-stop-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first call blocks for a minute (and leaves a mark); every later call returns at once. */
function blockingHandler(functionsDir: string, mark: string): void {
  mkdirSync(functionsDir, { recursive: true });
  writeFileSync(
    join(functionsDir, 'slow.js'),
    `const fs = require('node:fs');
exports.handler = async (event) => {
  const mark = ${JSON.stringify(mark)};
  if (!fs.existsSync(mark)) { fs.writeFileSync(mark, 'started'); await new Promise((r) => setTimeout(r, 60000)); }
  return { done: event.n };
};
`,
  );
}

test('SIGTERM during a minute-long task: serve exits at once, and after a restart the execution completes', async () => {
  const dataDir = join(dir, 'data');
  const functionsDir = join(dir, 'functions');
  const mark = join(dir, 'slow-started');
  blockingHandler(functionsDir, mark);

  const first = await serveProcess(dataDir, functionsDir);
  const sfn = new SFNClient({ ...client, endpoint: first.endpoint });
  const events = new EventBridgeClient({ ...client, endpoint: first.endpoint });
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name: 'slow', roleArn: ROLE, definition: definition({ Slow: { Type: 'Task', Resource: lambdaArn('slow'), End: true } }) }),
  );
  await events.send(new PutRuleCommand({ Name: 'my-own-rule', EventPattern: JSON.stringify({ source: ['my.app'] }) }));
  await events.send(new PutTargetsCommand({ Rule: 'my-own-rule', Targets: [{ Id: 'slow', Arn: stateMachineArn, RoleArn: ROLE }] }));

  // A second server on the same port exits with a message instead of staying alive serving nothing.
  const port = new URL(first.endpoint).port;
  const second = await statecraft(['serve', '--port', port, '--data-dir', join(dir, 'other'), '--functions', functionsDir]);
  expect(second).toMatchObject({ code: 1, stdout: '' });
  expect(second.stderr).toBe(`statecraft serve: 127.0.0.1:${port} is already in use — is another statecraft serve running? Choose another with --port\n`);

  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'interrupted', input: '{"n":7}' }));
  await eventually(async () => (existsSync(mark) ? true : undefined));
  first.child.kill('SIGTERM');
  expect(await first.exited(10_000)).toBe(0);
  expect(first.errors()).toContain('SIGTERM, stopping');
  expect(first.errors()).toContain(`1 execution is still running`);
  expect(first.errors()).toContain(executionArn);
  sfn.destroy();
  events.destroy();

  const restarted = await serveProcess(dataDir, functionsDir);
  const again = new SFNClient({ ...client, endpoint: restarted.endpoint });
  try {
    await eventually(async () => (restarted.output().includes('sync-') ? true : undefined));
    expect(restarted.output()).toMatch(/rule my-own-rule → stateMachine:slow: \{"source":\["my\.app"\]\}/);
    const done = await eventually(async () => {
      const d = await again.send(new DescribeExecutionCommand({ executionArn }));
      return d.status === 'RUNNING' ? undefined : d;
    }, 20_000);
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: '{"done":7}' });

    const endpoint = ['--endpoint', restarted.endpoint];
    const table = await statecraft(['history', executionArn!, ...endpoint]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATE\s+EVENT\s+TIME\s+DURATION\s+ERROR$/);
    expect(lines.find((line) => line.includes('TaskStateExited'))).toMatch(/^\d+\s+Slow\s+TaskStateExited\s+\S+Z\s+[\d.]+ (ms|s|min)/);
    expect(lines.at(-1)).toMatch(/ExecutionSucceeded/);
    const json = JSON.parse((await statecraft(['history', executionArn!, '--json', ...endpoint])).stdout) as { type: string }[];
    expect(json.map((e) => e.type)).toContain('LambdaFunctionSucceeded');

    const rules = await statecraft(['rules', ...endpoint]);
    expect(rules.stdout).toMatch(/\ndefault\s+my-own-rule\s+ENABLED\s+stateMachine:slow\s+\{"source":\["my\.app"\]\}\n/);
    expect(rules.stdout).toMatch(/\ndefault\s+kfold-on-upload\s+ENABLED\s+stateMachine:kfold-cv\s+\{"source":\["aws\.s3"\]/);
    const workflows = await statecraft(['workflows', ...endpoint]);
    expect(workflows.stdout).toMatch(/\nslow\s+STANDARD\s+my-own-rule \(\{"source":\["my\.app"\]\}\)\n/);

    // `statecraft history … | head` once head has gone: no stack trace, success.
    const closedPipe = await new Promise<{ code: number | null; stderr: string }>((finished) => {
      const child = spawn(process.execPath, [STATECRAFT, 'history', executionArn!, ...endpoint], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('close', (code) => finished({ code, stderr }));
    });
    expect(closedPipe).toEqual({ code: 0, stderr: '' });

    expect(readFileSync(mark, 'utf8')).toBe('started');
  } finally {
    again.destroy();
    restarted.child.kill('SIGINT');
    const code = await restarted.exited(10_000);
    expect({ code, errors: restarted.errors() }).toMatchObject({ code: 0 });
    expect(restarted.errors()).toContain('no execution is running');
  }
}, 90_000);

test('the first SIGINT or SIGTERM asks to stop; a second one exits at once', async () => {
  const exits: NodeJS.Signals[] = [];
  const signals = stopSignals((signal) => exits.push(signal));
  try {
    process.emit('SIGTERM', 'SIGTERM');
    expect(await signals.first).toBe('SIGTERM');
    expect(exits).toEqual([]);
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual(['SIGINT']);
  } finally {
    signals.dispose();
  }
});
