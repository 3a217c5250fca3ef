/**
 * The engine's status-change hook and the "Step Functions Execution Status Change" events built
 * from it: one RUNNING when an execution starts (not again when a restart resumes it), one event
 * for each way it ends.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../../src/clock/clock';
import { Engine, type ExecutionStatusChange } from '../../../src/control/engine';
import { executionStatusEvent } from '../../../src/events/bus';
import { START, until } from './helpers';

const ROLE = 'arn:aws:iam::000000000000:role/r';
const noLambda = { invoke: () => Promise.reject(new Error('no functions here')) };

function engineWith(changes: ExecutionStatusChange[], dataDir?: string, clock = new VirtualClock(START)) {
  return new Engine({ clock, lambda: noLambda, ...(dataDir ? { dataDir } : {}), onExecutionStatusChange: (change) => void changes.push(change) });
}

function machine(engine: Engine, name: string, states: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  const definition = JSON.stringify({ StartAt: Object.keys(states)[0], States: states, ...extra });
  return engine.createStateMachine({ name, roleArn: ROLE, definition }).stateMachineArn!;
}

test.each([
  ['SUCCEEDED', { Done: { Type: 'Pass', End: true } }, {}, { output: '{"x":1}' }],
  ['FAILED', { Boom: { Type: 'Fail', Error: 'E', Cause: 'C' } }, {}, { error: 'E', cause: 'C' }],
  ['TIMED_OUT', { Sleep: { Type: 'Wait', Seconds: 60, End: true } }, { TimeoutSeconds: 1 }, { error: 'States.Timeout' }],
])('%s: RUNNING then the end, with what the execution recorded', async (status, states, extra, fields) => {
  const changes: ExecutionStatusChange[] = [];
  const engine = engineWith(changes);
  const { executionArn } = engine.startExecution({ stateMachineArn: machine(engine, 'm', states, extra), input: '{"x":1}' });
  await engine.waitForExecution(executionArn!);
  expect(changes.map((c) => c.status)).toEqual(['RUNNING', status]);
  expect(changes[0]).toEqual({ executionArn, stateMachineArn: expect.any(String), name: expect.any(String), status: 'RUNNING', startDate: START, input: '{"x":1}', redriveCount: 0 });
  expect(changes[1]).toMatchObject({ executionArn, ...fields, stopDate: expect.any(Number) });
  engine.close();
});

test('ABORTED by StopExecution', async () => {
  const changes: ExecutionStatusChange[] = [];
  const engine = engineWith(changes);
  const { executionArn } = engine.startExecution({ stateMachineArn: machine(engine, 'm', { Sleep: { Type: 'Wait', Seconds: 3600, End: true } }) });
  await engine.stopExecution({ executionArn, error: 'Manual', cause: 'operator' });
  expect(changes.map((c) => c.status)).toEqual(['RUNNING', 'ABORTED']);
  expect(changes[1]).toMatchObject({ error: 'Manual', cause: 'operator' });
  engine.close();
});

test('a resumed execution does not announce RUNNING again, only its end', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-status-'));
  const clock = new VirtualClock(START);
  const before: ExecutionStatusChange[] = [];
  const first = engineWith(before, dataDir, clock);
  const { executionArn } = first.startExecution({ stateMachineArn: machine(first, 'm', { Sleep: { Type: 'Wait', Seconds: 60, End: true } }) });
  first.close();
  const after: ExecutionStatusChange[] = [];
  const second = engineWith(after, dataDir, clock);
  await until(() => (after.length > 0 ? true : undefined));
  expect(before.map((c) => c.status)).toEqual(['RUNNING']);
  expect(after.map((c) => [c.executionArn, c.status])).toEqual([[executionArn, 'SUCCEEDED']]);
  second.close();
});

test('the event: AWS envelope on aws.states, dates in epoch ms, null where nothing was recorded', () => {
  const change: ExecutionStatusChange = {
    executionArn: 'arn:aws:states:us-east-1:1:execution:m:e',
    stateMachineArn: 'arn:aws:states:us-east-1:1:stateMachine:m',
    name: 'e',
    status: 'TIMED_OUT',
    startDate: Date.UTC(2024, 0, 1, 10, 0, 0, 250),
    stopDate: Date.UTC(2024, 0, 1, 10, 5, 0, 999),
    input: '{}',
    error: 'States.Timeout',
    redriveCount: 0,
  };
  expect(executionStatusEvent(change, { region: 'us-east-1', account: '1' }, 'id-1')).toEqual({
    version: '0',
    id: 'id-1',
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    account: '1',
    time: '2024-01-01T10:05:00Z',
    region: 'us-east-1',
    resources: [change.executionArn],
    detail: {
      executionArn: change.executionArn,
      stateMachineArn: change.stateMachineArn,
      name: 'e',
      status: 'TIMED_OUT',
      startDate: change.startDate,
      stopDate: change.stopDate,
      input: '{}',
      output: null,
      inputDetails: { included: true },
      outputDetails: null,
      error: 'States.Timeout',
      cause: null,
    },
  });
});
