import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineForExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  StartSyncExecutionCommand,
  StopExecutionCommand,
  TestStateCommand,
} from '@aws-sdk/client-sfn';
import type { Json } from '../../src/asl/json';
import { ROLE, definition, errorOf, finished, lambdaArn, startHarness, type Harness } from './sfn-harness';

describe('execution operations over HTTP', () => {
  let h: Harness;
  let release: () => void;
  beforeEach(async () => {
    const gate = new Promise<void>((resolve) => (release = resolve));
    h = await startHarness({
      echo: (e) => e,
      slow: async (e) => (await gate, e),
    });
  });
  afterEach(async () => {
    release();
    await h.close();
  });

  async function machine(name: string, states: Record<string, Json>, type?: 'EXPRESS'): Promise<string> {
    const out = await h.sfn.send(new CreateStateMachineCommand({ name, definition: definition(states), roleArn: ROLE, type }));
    return out.stateMachineArn!;
  }

  const echoMachine = () => machine('echo', { Call: { Type: 'Task', Resource: lambdaArn('echo'), End: true } });
  const slowMachine = () => machine('slow', { Call: { Type: 'Task', Resource: lambdaArn('slow'), End: true } });

  test('start, run to the end, describe with output', async () => {
    const stateMachineArn = await echoMachine();
    const started = await h.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'run-1', input: '{"x":1}' }));
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:echo:run-1');
    await finished(h, started.executionArn!);
    const d = await h.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(d).toMatchObject({ status: 'SUCCEEDED', name: 'run-1', input: '{"x":1}', output: '{"x":1}', redriveCount: 0 });
    expect(d.stopDate).toBeInstanceOf(Date);
  });

  test('an unnamed execution gets a UUID name', async () => {
    const started = await h.sfn.send(new StartExecutionCommand({ stateMachineArn: await echoMachine() }));
    expect(started.executionArn).toMatch(/:execution:echo:[0-9a-f-]{36}$/);
  });

  test('StartExecution is idempotent for the same name and input while running; otherwise ExecutionAlreadyExists', async () => {
    const stateMachineArn = await slowMachine();
    const first = await h.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":1}' }));
    const again = await h.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":1}' }));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate!.getTime()).toBe(first.startDate!.getTime());
    expect((await errorOf(h.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":2}' })))).name).toBe('ExecutionAlreadyExists');
    release();
    await finished(h, first.executionArn!);
    expect((await errorOf(h.sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'once', input: '{"a":1}' })))).name).toBe('ExecutionAlreadyExists');
  });

  test.each([
    ['not JSON', 'InvalidExecutionInput', '{"a":'],
    ['within the API\u2019s length but over 256 KiB of UTF-8', 'InvalidExecutionInput', JSON.stringify({ big: '\u00e9'.repeat(140 * 1024) })],
    ['longer than the API allows', 'ValidationException', JSON.stringify({ big: 'x'.repeat(256 * 1024) })],
  ])('input that is %s is %s', async (_, name, input) => {
    const err = await errorOf(h.sfn.send(new StartExecutionCommand({ stateMachineArn: await echoMachine(), input })));
    expect(err).toMatchObject({ name, status: 400 });
    if (name === 'ValidationException') {
      expect(err.message).toBe("1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144");
    }
  });

  test('unknown machine and execution are DoesNotExist errors', async () => {
    const missingMachine = 'arn:aws:states:us-east-1:000000000000:stateMachine:none';
    expect((await errorOf(h.sfn.send(new StartExecutionCommand({ stateMachineArn: missingMachine })))).name).toBe('StateMachineDoesNotExist');
    const missing = 'arn:aws:states:us-east-1:000000000000:execution:none:x';
    expect((await errorOf(h.sfn.send(new DescribeExecutionCommand({ executionArn: missing })))).name).toBe('ExecutionDoesNotExist');
  });

  test('ListExecutions filters by status, newest first, and pages', async () => {
    const stateMachineArn = await echoMachine();
    for (const name of ['a', 'b', 'c']) await finished(h, (await h.sfn.send(new StartExecutionCommand({ stateMachineArn, name }))).executionArn!);
    const slowArn = await slowMachine();
    await h.sfn.send(new StartExecutionCommand({ stateMachineArn: slowArn, name: 'pending' }));
    const page1 = await h.sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 2 }));
    expect(page1.executions!.map((e) => e.name)).toEqual(['c', 'b']);
    const page2 = await h.sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 2, nextToken: page1.nextToken }));
    expect(page2.executions!.map((e) => e.name)).toEqual(['a']);
    expect(page2.nextToken).toBeUndefined();
    const running = await h.sfn.send(new ListExecutionsCommand({ stateMachineArn: slowArn, statusFilter: 'RUNNING' }));
    expect(running.executions!.map((e) => e.name)).toEqual(['pending']);
    expect((await h.sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter: 'FAILED' }))).executions).toEqual([]);
  });

  test('GetExecutionHistory: order, paging, reverseOrder and includeExecutionData', async () => {
    const stateMachineArn = await echoMachine();
    const { executionArn } = await h.sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"k":"v"}' }));
    await finished(h, executionArn!);
    const all = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn }));
    const types = all.events!.map((e) => e.type);
    expect(types).toEqual([
      'ExecutionStarted', 'TaskStateEntered', 'LambdaFunctionScheduled', 'LambdaFunctionStarted',
      'LambdaFunctionSucceeded', 'TaskStateExited', 'ExecutionSucceeded',
    ]);
    expect(all.events![0].timestamp).toBeInstanceOf(Date);
    expect(all.events![0].executionStartedEventDetails).toMatchObject({ input: '{"k":"v"}', roleArn: ROLE });
    const reversed = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 3 }));
    expect(reversed.events!.map((e) => e.id)).toEqual([7, 6, 5]);
    const rest = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 3, nextToken: reversed.nextToken }));
    expect(rest.events!.map((e) => e.id)).toEqual([4, 3, 2]);
    const noData = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn, includeExecutionData: false }));
    expect(noData.events![0].executionStartedEventDetails).toMatchObject({ roleArn: ROLE });
    expect(noData.events![0].executionStartedEventDetails!.input).toBeUndefined();
  });

  test('StopExecution aborts a running execution with the given error and cause', async () => {
    const { executionArn } = await h.sfn.send(new StartExecutionCommand({ stateMachineArn: await slowMachine() }));
    const stopped = await h.sfn.send(new StopExecutionCommand({ executionArn, error: 'Manual', cause: 'tests' }));
    expect(stopped.stopDate).toBeInstanceOf(Date);
    const d = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(d).toMatchObject({ status: 'ABORTED', error: 'Manual', cause: 'tests', redriveStatus: 'REDRIVABLE' });
    const history = await h.sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 1 }));
    expect(history.events![0].type).toBe('ExecutionAborted');
  });

  test('DescribeStateMachineForExecution returns the definition the execution ran', async () => {
    const stateMachineArn = await echoMachine();
    const { executionArn } = await h.sfn.send(new StartExecutionCommand({ stateMachineArn }));
    const d = await h.sfn.send(new DescribeStateMachineForExecutionCommand({ executionArn }));
    expect(d).toMatchObject({ stateMachineArn, name: 'echo', roleArn: ROLE });
    expect(JSON.parse(d.definition!).States.Call.Type).toBe('Task');
  });

  test('StartSyncExecution runs an EXPRESS machine and returns its result; STANDARD is not supported', async () => {
    const express = await machine('fast', { P: { Type: 'Pass', Result: { done: true }, End: true } }, 'EXPRESS');
    const out = await h.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: express, input: '{}' }));
    expect(out).toMatchObject({ status: 'SUCCEEDED', output: '{"done":true}' });
    expect(out.executionArn).toMatch(/:express:fast:/);
    const failing = await machine('fast-fail', { F: { Type: 'Fail', Error: 'Nope', Cause: 'because' } }, 'EXPRESS');
    expect(await h.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: failing }))).toMatchObject({ status: 'FAILED', error: 'Nope', cause: 'because' });
    const err = await errorOf(h.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: await echoMachine() })));
    expect(err.name).toBe('StateMachineTypeNotSupported');
  });

  test('TestState runs one state and reports its output and next state', async () => {
    const pass = await h.sfn.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Pass', Parameters: { 'v.$': '$.a' }, Next: 'After' }), roleArn: ROLE, input: '{"a":5}' }));
    expect(pass).toMatchObject({ status: 'SUCCEEDED', output: '{"v":5}', nextState: 'After' });
    const choice = { Type: 'Choice', Choices: [{ Variable: '$.a', NumericGreaterThan: 1, Next: 'Big' }], Default: 'Small' };
    expect(await h.sfn.send(new TestStateCommand({ definition: JSON.stringify(choice), roleArn: ROLE, input: '{"a":5}' }))).toMatchObject({ status: 'SUCCEEDED', nextState: 'Big' });
    const fail = await h.sfn.send(new TestStateCommand({ definition: JSON.stringify({ Type: 'Fail', Error: 'E', Cause: 'C' }), roleArn: ROLE, input: '{}' }));
    expect(fail).toMatchObject({ status: 'FAILED', error: 'E', cause: 'C' });
  });
});
