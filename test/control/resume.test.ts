/** An Engine closed mid-execution (as a crash would leave it); a new Engine on the same dataDir finishes it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WallClock } from '../../src/clock/clock';
import { Engine } from '../../src/control';
import type { LambdaInvoker } from '../../src/interpreter/integrations/services';

const ROLE = 'arn:aws:iam::000000000000:role/r';

function countingLambda(calls: string[]): LambdaInvoker {
  return {
    async invoke(name, payload) {
      calls.push(name);
      return { payload: JSON.stringify(payload), executedVersion: '$LATEST' };
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
}

test('a new Engine resumes a RUNNING execution from its recorded events', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-resume-'));
  const calls: string[] = [];
  const first = new Engine({ dataDir, clock: new WallClock(), lambda: countingLambda(calls) });
  const { stateMachineArn } = first.createStateMachine({
    name: 'resumable',
    roleArn: ROLE,
    definition: JSON.stringify({
      StartAt: 'Before',
      States: {
        Before: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:before', Next: 'Pause' },
        Pause: { Type: 'Wait', Seconds: 1, Next: 'After' },
        After: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:after', End: true },
      },
    }),
  });
  const { executionArn } = first.startExecution({ stateMachineArn, input: '{"v":1}' });
  await until(() => first.getExecutionHistory({ executionArn }).events!.some((e) => e.type === 'WaitStateEntered'));
  first.close();

  const second = new Engine({ dataDir, clock: new WallClock(), lambda: countingLambda(calls) });
  await second.waitForExecution(executionArn!);
  expect(second.describeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED', output: '{"v":1}' });
  expect(calls).toEqual(['before', 'after']);
  const entered = second.getExecutionHistory({ executionArn }).events!.filter((e) => e.type!.endsWith('StateEntered'));
  expect(entered.map((e) => e.stateEnteredEventDetails!.name)).toEqual(['Before', 'Pause', 'After']);
  second.close();
});

test('a callback answered just before a crash is delivered after the restart', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-resume-'));
  const tokens: string[] = [];
  const lambda: LambdaInvoker = {
    async invoke(_, payload) {
      tokens.push((payload as { token: string }).token);
      return { payload: 'null', executedVersion: '$LATEST' };
    },
  };
  const first = new Engine({ dataDir, lambda });
  const { stateMachineArn } = first.createStateMachine({
    name: 'callback',
    roleArn: ROLE,
    definition: JSON.stringify({
      StartAt: 'Ask',
      States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'f', Payload: { 'token.$': '$$.Task.Token' } }, End: true } },
    }),
  });
  const { executionArn } = first.startExecution({ stateMachineArn });
  await until(() => tokens.length === 1);
  // Close before the answer can reach the execution's history: only the token table has it.
  first.close();
  const second = new Engine({ dataDir, lambda, resume: false });
  second.sendTaskSuccess({ taskToken: tokens[0], output: '{"answer":42}' });
  second.close();

  const third = new Engine({ dataDir, lambda });
  await third.waitForExecution(executionArn!);
  expect(third.describeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED', output: '{"answer":42}' });
  expect(tokens).toHaveLength(2);
  third.close();
});

test('a parent resumed while its .sync child runs waits for that child rather than starting another', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-resume-'));
  const calls: string[] = [];
  const first = new Engine({ dataDir, clock: new WallClock(), lambda: countingLambda(calls) });
  const child = first.createStateMachine({
    name: 'child',
    roleArn: ROLE,
    definition: JSON.stringify({ StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 1, End: true } } }),
  });
  const parent = first.createStateMachine({
    name: 'parent',
    roleArn: ROLE,
    definition: JSON.stringify({
      StartAt: 'Run',
      States: {
        Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: child.stateMachineArn, Input: { n: 1 } }, End: true },
      },
    }),
  });
  const { executionArn } = first.startExecution({ stateMachineArn: parent.stateMachineArn });
  await until(() => (first.listExecutions({ stateMachineArn: child.stateMachineArn }).executions ?? []).length === 1);
  first.close();

  const second = new Engine({ dataDir, clock: new WallClock(), lambda: countingLambda(calls) });
  await second.waitForExecution(executionArn!);
  expect(second.describeExecution({ executionArn }).status).toBe('SUCCEEDED');
  const children = second.listExecutions({ stateMachineArn: child.stateMachineArn }).executions ?? [];
  expect(children.map((c) => c.status)).toEqual(['SUCCEEDED']);
  second.close();
});

test('a distributed Map resumed after a restart does not run its finished items again', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-resume-'));
  const calls: string[] = [];
  const lambda: LambdaInvoker = {
    async invoke(_, payload) {
      calls.push(JSON.stringify(payload));
      return { payload: JSON.stringify(payload), executedVersion: '$LATEST' };
    },
  };
  const first = new Engine({ dataDir, clock: new WallClock(), lambda });
  const { stateMachineArn } = first.createStateMachine({
    name: 'fanout',
    roleArn: ROLE,
    definition: JSON.stringify({
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          MaxConcurrency: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Work',
            States: {
              Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:work', Next: 'Pause' },
              Pause: { Type: 'Wait', Seconds: 1, End: true },
            },
          },
          End: true,
        },
      },
    }),
  });
  const { executionArn } = first.startExecution({ stateMachineArn, input: '[{"item":0},{"item":1},{"item":2}]' });
  await until(() => calls.length === 2);
  first.close();

  const second = new Engine({ dataDir, clock: new WallClock(), lambda });
  await second.waitForExecution(executionArn!);
  expect(second.describeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED', output: '[{"item":0},{"item":1},{"item":2}]' });
  expect(calls.filter((c) => c === '{"item":0}')).toHaveLength(1);
  expect(calls.filter((c) => c === '{"item":2}')).toHaveLength(1);
  second.close();
}, 20000);
