import { VirtualClock } from '../../src/clock/clock';
import { Engine } from '../../src/control';
import { SfnApiError } from '../../src/control/errors';

const ROLE = 'arn:aws:iam::000000000000:role/r';
const PASS = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
const WAIT = JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } });

async function errorOf(action: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await action();
  } catch (err) {
    if (err instanceof SfnApiError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an error');
}

describe('Executions', () => {
  let engine: Engine;
  let standard: string;
  let express: string;
  beforeEach(() => {
    engine = new Engine({ clock: new VirtualClock(Date.UTC(2026, 0, 1)), lambda: { invoke: () => Promise.reject(new Error('no lambda')) } });
    standard = engine.createStateMachine({ name: 'std', definition: PASS, roleArn: ROLE }).stateMachineArn!;
    express = engine.createStateMachine({ name: 'exp', definition: PASS, roleArn: ROLE, type: 'EXPRESS' }).stateMachineArn!;
  });
  afterEach(() => engine.close());

  test.each<[string, () => { stateMachineArn?: string; name?: string; input?: unknown }, string, string]>([
    ['input that is not JSON', () => ({ stateMachineArn: standard, input: '{nope' }), 'InvalidExecutionInput', "Invalid State Machine Execution Input: 'Expected property name or '}' in JSON at position 1'"],
    ['input that is not a string', () => ({ stateMachineArn: standard, input: { a: 1 } }), 'InvalidExecutionInput', 'Invalid State Machine Execution Input: input must be a string'],
    [
      'input over 256 KiB of characters',
      () => ({ stateMachineArn: standard, input: JSON.stringify('x'.repeat(262144)) }),
      'ValidationException',
      "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144",
    ],
    [
      'input under the character cap but over 256 KiB of UTF-8',
      () => ({ stateMachineArn: standard, input: JSON.stringify('é'.repeat(140000)) }),
      'InvalidExecutionInput',
      'Invalid State Machine Execution Input: the input is larger than the maximum of 262144 bytes',
    ],
    ['a bad name', () => ({ stateMachineArn: standard, name: 'a b' }), 'InvalidName', "Invalid Name: 'a b'"],
    ['a machine that does not exist', () => ({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:nope' }), 'StateMachineDoesNotExist', "State Machine Does Not Exist: 'arn:aws:states:us-east-1:000000000000:stateMachine:nope'"],
  ])('StartExecution refuses %s', async (_name, input, code, message) => {
    expect(await errorOf(() => engine.startExecution(input() as never))).toEqual({ code, message });
  });

  test('an EXPRESS execution has an express ARN and is not kept', async () => {
    const { executionArn } = engine.startExecution({ stateMachineArn: express, name: 'quick' });
    expect(executionArn).toBe('arn:aws:states:us-east-1:000000000000:express:exp:quick');
    expect((await errorOf(() => engine.describeExecution({ executionArn }))).code).toBe('ExecutionDoesNotExist');
  });

  test('StartSyncExecution of an EXPRESS machine returns the whole result', async () => {
    expect(await engine.startSyncExecution({ stateMachineArn: express, name: 'sync', input: '{"a":1}' })).toEqual({
      executionArn: 'arn:aws:states:us-east-1:000000000000:express:exp:sync',
      stateMachineArn: express,
      name: 'sync',
      startDate: new Date(Date.UTC(2026, 0, 1)),
      stopDate: new Date(Date.UTC(2026, 0, 1)),
      status: 'SUCCEEDED',
      input: '{"a":1}',
      inputDetails: { included: true },
      output: '{"a":1}',
      outputDetails: { included: true },
      billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
    });
    expect(await errorOf(() => engine.startSyncExecution({ stateMachineArn: standard }))).toEqual({
      code: 'StateMachineTypeNotSupported',
      message: 'This operation is not supported by this type of state machine',
    });
  });

  test('DescribeExecution of a finished execution reports every field', async () => {
    const { executionArn } = engine.startExecution({ stateMachineArn: standard, name: 'done', input: '{"v":2}' });
    await engine.waitForExecution(executionArn!);
    expect(engine.describeExecution({ executionArn })).toEqual({
      executionArn,
      stateMachineArn: standard,
      name: 'done',
      status: 'SUCCEEDED',
      startDate: new Date(Date.UTC(2026, 0, 1)),
      stopDate: new Date(Date.UTC(2026, 0, 1)),
      input: '{"v":2}',
      inputDetails: { included: true },
      output: '{"v":2}',
      outputDetails: { included: true },
      redriveCount: 0,
      redriveStatus: 'NOT_REDRIVABLE',
      redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
    });
  });

  test('DescribeStateMachineForExecution reports the definition the execution started with', async () => {
    const { executionArn } = engine.startExecution({ stateMachineArn: standard, name: 'old' });
    await engine.waitForExecution(executionArn!);
    engine.updateStateMachine({ stateMachineArn: standard, definition: WAIT });
    expect(engine.describeStateMachineForExecution({ executionArn })).toMatchObject({ stateMachineArn: standard, name: 'std', definition: PASS, roleArn: ROLE });
  });

  test('ListExecutions refuses an unknown status filter', async () => {
    expect(await errorOf(() => engine.listExecutions({ stateMachineArn: standard, statusFilter: 'DONE' as never }))).toEqual({
      code: 'ValidationException',
      message: "Value 'DONE' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED]",
    });
  });

  test('GetExecutionHistory without execution data leaves input and output out', async () => {
    const { executionArn } = engine.startExecution({ stateMachineArn: standard, name: 'h', input: '{"secret":1}' });
    await engine.waitForExecution(executionArn!);
    const { events } = engine.getExecutionHistory({ executionArn, includeExecutionData: false });
    expect(events!.map((e) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(JSON.stringify(events)).not.toContain('secret');
  });

  test('StopExecution of a finished execution returns its stop date and changes nothing', async () => {
    const { executionArn } = engine.startExecution({ stateMachineArn: standard, name: 'over' });
    await engine.waitForExecution(executionArn!);
    expect(await engine.stopExecution({ executionArn, error: 'Late' })).toEqual({ stopDate: new Date(Date.UTC(2026, 0, 1)) });
    expect(engine.describeExecution({ executionArn })).toMatchObject({ status: 'SUCCEEDED' });
  });

  test.each([
    ['an execution ARN of a machine never created', 'arn:aws:states:us-east-1:000000000000:execution:nope:x', 'ExecutionDoesNotExist'],
    ['a state machine ARN', 'arn:aws:states:us-east-1:000000000000:stateMachine:std', 'InvalidArn'],
  ])('DescribeExecution of %s', async (_name, executionArn, code) => {
    expect((await errorOf(() => engine.describeExecution({ executionArn }))).code).toBe(code);
  });
});
