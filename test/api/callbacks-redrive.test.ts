import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  RedriveExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import type { Json } from '../../src/asl/json';
import { ROLE, definition, errorOf, finished, lambdaArn, startHarness, type Harness } from './sfn-harness';

describe('task tokens, redrive and nested executions over HTTP', () => {
  let h: Harness;
  let tokens: string[];
  let flakyFails: boolean;
  let flakyCalls: number;
  beforeEach(async () => {
    tokens = [];
    flakyFails = true;
    flakyCalls = 0;
    h = await startHarness({
      capture: (e) => void tokens.push((e as { token: string }).token),
      flaky: (e) => {
        flakyCalls++;
        if (flakyFails) throw new TypeError('not yet');
        return e;
      },
    });
  });
  afterEach(() => h.close());

  async function machine(name: string, states: Record<string, Json>): Promise<string> {
    return (await h.sfn.send(new CreateStateMachineCommand({ name, definition: definition(states), roleArn: ROLE }))).stateMachineArn!;
  }

  const callbackMachine = () =>
    machine('callback', {
      Wait: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'capture', Payload: { 'token.$': '$$.Task.Token' } },
        End: true,
      },
    });

  async function tokenOf(): Promise<string> {
    while (tokens.length === 0) await new Promise((r) => setImmediate(r));
    return tokens[0];
  }

  async function historyTypes(executionArn: string): Promise<string[]> {
    return (await h.sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events!.map((e) => e.type!);
  }

  test('SendTaskSuccess completes the waiting task; a second answer is TaskTimedOut', async () => {
    const { executionArn } = await h.sfn.send(new StartExecutionCommand({ stateMachineArn: await callbackMachine() }));
    const taskToken = await tokenOf();
    await h.sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
    await h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"label":"ok"}' }));
    await finished(h, executionArn!);
    expect(await h.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'SUCCEEDED', output: '{"label":"ok"}' });
    expect((await errorOf(h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' })))).name).toBe('TaskTimedOut');
  });

  test('SendTaskFailure fails the task with the given error', async () => {
    const { executionArn } = await h.sfn.send(new StartExecutionCommand({ stateMachineArn: await callbackMachine() }));
    await h.sfn.send(new SendTaskFailureCommand({ taskToken: await tokenOf(), error: 'Rejected', cause: 'by a person' }));
    await finished(h, executionArn!);
    expect(await h.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'by a person' });
  });

  test('bad tokens and outputs are rejected with AWS error names', async () => {
    await h.sfn.send(new StartExecutionCommand({ stateMachineArn: await callbackMachine() }));
    const taskToken = await tokenOf();
    expect((await errorOf(h.sfn.send(new SendTaskSuccessCommand({ taskToken: 'garbage!', output: '{}' })))).name).toBe('InvalidToken');
    const unknown = Buffer.from('arn:aws:states:us-east-1:000000000000:execution:x:y#/0#0').toString('base64url');
    expect((await errorOf(h.sfn.send(new SendTaskSuccessCommand({ taskToken: unknown, output: '{}' })))).name).toBe('TaskDoesNotExist');
    expect((await errorOf(h.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{not json' })))).name).toBe('InvalidOutput');
  });

  test('redrive reruns the failed state only and increments redriveCount', async () => {
    const stateMachineArn = await machine('redrive', {
      First: { Type: 'Pass', Result: { step: 1 }, Next: 'Flaky' },
      Flaky: { Type: 'Task', Resource: lambdaArn('flaky'), End: true },
    });
    const { executionArn } = await h.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    await finished(h, executionArn!);
    expect(await h.sfn.send(new DescribeExecutionCommand({ executionArn }))).toMatchObject({ status: 'FAILED', error: 'TypeError', redriveStatus: 'REDRIVABLE' });

    flakyFails = false;
    const { redriveDate } = await h.sfn.send(new RedriveExecutionCommand({ executionArn }));
    expect(redriveDate).toBeInstanceOf(Date);
    await finished(h, executionArn!);
    const d = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(d).toMatchObject({ status: 'SUCCEEDED', output: '{"step":1}', redriveCount: 1 });
    const types = await historyTypes(executionArn!);
    expect(types.filter((t) => t === 'PassStateEntered')).toHaveLength(1);
    expect(types.filter((t) => t === 'TaskStateEntered')).toHaveLength(2);
    expect(types.slice(types.indexOf('ExecutionFailed'))).toEqual([
      'ExecutionFailed', 'ExecutionRedriven', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted',
      'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    expect(flakyCalls).toBe(2);
    expect((await errorOf(h.sfn.send(new RedriveExecutionCommand({ executionArn })))).name).toBe('ExecutionNotRedrivable');
  });

  test.each([
    ['states:startExecution.sync', '{"got":{"n":2}}'],
    ['states:startExecution.sync:2', { got: { n: 2 } }],
  ])('%s waits for the child and returns its output', async (integration, expectedOutput) => {
    const child = await machine('child', { Echo: { Type: 'Pass', Parameters: { 'got.$': '$' }, End: true } });
    const parent = await machine('parent', {
      Run: { Type: 'Task', Resource: `arn:aws:states:::${integration}`, Parameters: { StateMachineArn: child, Input: { n: 2 } }, OutputPath: '$.Output', End: true },
    });
    const { executionArn } = await h.sfn.send(new StartExecutionCommand({ stateMachineArn: parent }));
    await finished(h, executionArn!);
    const d = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(d.status).toBe('SUCCEEDED');
    expect(JSON.parse(d.output!)).toEqual(expectedOutput);
  });
});
