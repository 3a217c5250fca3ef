import { VirtualClock } from '../../src/clock/clock';
import { ExecutionRunner, resultFields, type ExecutionStatusChange } from '../../src/control/execution-runner';
import { ExecutionStore, openDatabase, SqliteHistorySink, type ExecutionRecord } from '../../src/store';

const loc = { region: 'us-east-1', account: '000000000000' };
const machineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:sm';

function record(name: string, states: object, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): ExecutionRecord {
  return {
    arn: `arn:aws:states:us-east-1:000000000000:${type === 'STANDARD' ? 'execution' : 'express'}:sm:${name}`,
    name,
    stateMachineArn: machineArn,
    definition: JSON.stringify({ StartAt: Object.keys(states)[0], States: states }),
    roleArn: 'arn:aws:iam::000000000000:role/r',
    type,
    status: 'RUNNING',
    input: '{"v":1}',
    startDate: 1000,
    redriveCount: 0,
  };
}

const PASS = { P: { Type: 'Pass', Result: { done: true }, End: true } };
const FAIL = { F: { Type: 'Fail', Error: 'Bad', Cause: 'why' } };
const WAIT = { W: { Type: 'Wait', Seconds: 3600, End: true } };

describe('ExecutionRunner', () => {
  let store: ExecutionStore;
  let sink: SqliteHistorySink;
  let changes: ExecutionStatusChange[];
  let runner: ExecutionRunner;
  const make = (listener?: (c: ExecutionStatusChange) => void) => {
    const db = openDatabase();
    store = new ExecutionStore(db);
    sink = new SqliteHistorySink(db);
    changes = [];
    runner = new ExecutionRunner(store, sink, new VirtualClock(1000), loc, () => ({ lambda: { invoke: () => Promise.reject(new Error('no lambda')) } }), listener ?? ((c) => changes.push(c)));
  };
  beforeEach(() => make());

  test('a STANDARD execution is recorded, its history kept, its start and end announced', async () => {
    const r = record('ok', PASS);
    store.insert(r);
    const result = await runner.launch(r);
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { done: true } });
    expect(store.get(r.arn)).toMatchObject({ status: 'SUCCEEDED', output: '{"done":true}', stopDate: 1000 });
    expect(sink.load(r.arn).map((e) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
    expect(changes).toEqual([
      { executionArn: r.arn, stateMachineArn: machineArn, name: 'ok', startDate: 1000, input: '{"v":1}', redriveCount: 0, status: 'RUNNING' },
      { executionArn: r.arn, stateMachineArn: machineArn, name: 'ok', startDate: 1000, input: '{"v":1}', redriveCount: 0, status: 'SUCCEEDED', output: '{"done":true}', stopDate: 1000 },
    ]);
  });

  test('a failure is recorded with its error and cause', async () => {
    const r = record('bad', FAIL);
    store.insert(r);
    await runner.launch(r);
    expect(store.get(r.arn)).toMatchObject({ status: 'FAILED', error: 'Bad', cause: 'why' });
    expect(changes[1]).toMatchObject({ status: 'FAILED', error: 'Bad', cause: 'why' });
  });

  test('an EXPRESS execution keeps no history and announces nothing', async () => {
    const r = record('quick', PASS, 'EXPRESS');
    await expect(runner.launch(r)).resolves.toMatchObject({ status: 'SUCCEEDED' });
    expect(sink.load(r.arn)).toEqual([]);
    expect(store.get(r.arn)).toBeUndefined();
    expect(changes).toEqual([]);
  });

  test('a listener that throws does not fail the execution', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    make(() => {
      throw new Error('listener down');
    });
    const r = record('ok', PASS);
    store.insert(r);
    await expect(runner.launch(r)).resolves.toMatchObject({ status: 'SUCCEEDED' });
    expect(errors).toHaveBeenCalledWith('execution status listener failed', expect.any(Error));
    errors.mockRestore();
  });

  test('stop aborts a running execution with the given error and cause; a finished one has nothing to stop', async () => {
    const r = record('long', WAIT);
    store.insert(r);
    const done = runner.launch(r);
    expect(runner.isRunning(r.arn)).toBe(true);
    expect(runner.completion(r.arn)).toBe(done);
    await expect(runner.stop(r.arn, 'Operator', 'enough')).resolves.toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'enough' });
    expect(store.get(r.arn)).toMatchObject({ status: 'ABORTED', error: 'Operator', cause: 'enough' });
    expect(runner.isRunning(r.arn)).toBe(false);
    await expect(runner.stop(r.arn)).resolves.toBeUndefined();
  });

  test('close stops running work without recording an end, so the execution can resume', async () => {
    const r = record('long', WAIT);
    store.insert(r);
    const done = runner.launch(r).catch((err: unknown) => err);
    runner.close();
    await done;
    expect(store.get(r.arn)?.status).toBe('RUNNING');
    expect(changes.map((c) => c.status)).toEqual(['RUNNING']);
  });

  test('resumeAll continues running executions from their recorded events without announcing a second start', async () => {
    const r = record('long', WAIT);
    store.insert(r);
    const first = runner.launch(r).catch(() => undefined);
    runner.close();
    await first;
    const resumed = new ExecutionRunner(store, sink, new VirtualClock(1000), loc, () => ({ lambda: { invoke: () => Promise.reject(new Error('none')) } }), (c) => changes.push(c));
    resumed.resumeAll();
    expect(resumed.isRunning(r.arn)).toBe(true);
    await resumed.completion(r.arn);
    expect(store.get(r.arn)?.status).toBe('SUCCEEDED');
    expect(changes.map((c) => c.status)).toEqual(['RUNNING', 'SUCCEEDED']);
  });
});

describe('resultFields', () => {
  test.each<[string, Parameters<typeof resultFields>[0], ReturnType<typeof resultFields>]>([
    ['success with output', { status: 'SUCCEEDED', output: { a: 1 }, stopTime: 0 }, { status: 'SUCCEEDED', output: '{"a":1}' }],
    ['success with no output is null', { status: 'SUCCEEDED', stopTime: 0 }, { status: 'SUCCEEDED', output: 'null' }],
    ['failure', { status: 'FAILED', error: 'E', cause: 'C', stopTime: 0 }, { status: 'FAILED', error: 'E', cause: 'C' }],
    ['timeout without cause', { status: 'TIMED_OUT', error: 'States.Timeout', stopTime: 0 }, { status: 'TIMED_OUT', error: 'States.Timeout' }],
  ])('%s', (_name, result, expected) => {
    expect(resultFields(result)).toEqual(expected);
  });
});
