/**
 * createLocalRuntime's onExecutionStatusChange: told of every start and end of a STANDARD execution,
 * beside the bus, which still publishes its status events when the caller's listener throws.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecutionStatusChange } from '../../src/control/engine';
import { createLocalRuntime, type LocalRuntime } from '../../src/host';
import { registry } from '../../workflows/registry';

const ROLE = 'arn:aws:iam::000000000000:role/test';
const PASS = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } });

let dir: string;
let runtime: LocalRuntime;
const seen: ExecutionStatusChange[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-status-'));
  runtime = await createLocalRuntime({ registry,
    objectsDir: dir,
    workers: 1,
    bus: true,
    onExecutionStatusChange: (change) => {
      seen.push(change);
      throw new Error('a failing listener');
    },
  });
});
afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the listener hears RUNNING then the end, and the bus still publishes both status events', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { engine } = runtime;
  const bus = runtime.bus!;
  const watched = engine.createStateMachine({ name: 'watched', definition: PASS, roleArn: ROLE }).stateMachineArn!;
  const observer = engine.createStateMachine({ name: 'observer', definition: PASS, roleArn: ROLE }).stateMachineArn!;
  const pattern = { source: ['aws.states'], detail: { stateMachineArn: [watched] } };
  bus.putRule({ Name: 'status-of-watched', EventPattern: JSON.stringify(pattern) });
  bus.putTargets({ Rule: 'status-of-watched', Targets: [{ Id: 'observer', Arn: observer }] });

  const { executionArn } = engine.startExecution({ stateMachineArn: watched, input: '{"n":1}' });
  await engine.waitForExecution(executionArn!);
  await bus.idle();

  expect(seen.filter((change) => change.executionArn === executionArn).map((change) => change.status)).toEqual(['RUNNING', 'SUCCEEDED']);
  const statuses = (engine.listExecutions({ stateMachineArn: observer }).executions ?? []).map(
    (execution) => (JSON.parse(engine.describeExecution({ executionArn: execution.executionArn }).input!) as { detail: { status: string } }).detail.status,
  );
  expect(statuses.sort()).toEqual(['RUNNING', 'SUCCEEDED']);
  expect(logged).toHaveBeenCalledWith('execution status listener failed', expect.any(Error));
  logged.mockRestore();
});
