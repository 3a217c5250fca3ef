import { StatesError } from '../../src/asl/errors';
import { SfnApiError } from '../../src/control/errors';
import { DurableTaskTokenBroker, executionOfToken } from '../../src/control/task-tokens';
import { openDatabase, TaskTokenStore } from '../../src/store';

const EXECUTION = 'arn:aws:states:us-east-1:000000000000:execution:sm:run';
const tokenFor = (step: string, attempt = 0): string => Buffer.from(`${EXECUTION}#${step}#${attempt}`).toString('base64url');

function codeOf(action: () => unknown): { code: string; message: string } | undefined {
  try {
    action();
  } catch (err) {
    if (err instanceof SfnApiError) return { code: err.code, message: err.message };
    throw err;
  }
  return undefined;
}

describe('executionOfToken', () => {
  test('reads the execution out of an interpreter token', () => {
    expect(executionOfToken(tokenFor('/Label'))).toBe(EXECUTION);
  });

  test.each([
    ['not base64url', 'garbage!'],
    ['too few parts', Buffer.from(`${EXECUTION}#only`).toString('base64url')],
    ['not an ARN', Buffer.from('exec#a#0').toString('base64url')],
    ['padded base64 is not the canonical form', Buffer.from(`${EXECUTION}#a#0`).toString('base64') + '=='],
  ])('%s is InvalidToken', (_name, token) => {
    expect(codeOf(() => executionOfToken(token))).toEqual({ code: 'InvalidToken', message: `Invalid Token: '${token}'` });
  });
});

describe('DurableTaskTokenBroker', () => {
  let store: TaskTokenStore;
  let broker: DurableTaskTokenBroker;
  beforeEach(() => {
    store = new TaskTokenStore(openDatabase());
    broker = new DurableTaskTokenBroker(store);
  });

  test('SendTaskSuccess resolves the waiting task with the parsed output and records it', async () => {
    const token = tokenFor('/Label');
    const waiting = broker.wait(token, new AbortController().signal, () => undefined);
    broker.sendSuccess(token, '{"label":"cat"}');
    await expect(waiting).resolves.toEqual({ label: 'cat' });
    expect(store.get(token)).toMatchObject({ status: 'SUCCEEDED', output: '{"label":"cat"}' });
  });

  test('SendTaskFailure rejects with a StatesError carrying the error and cause', async () => {
    const token = tokenFor('/Label');
    const waiting = broker.wait(token, new AbortController().signal, () => undefined);
    broker.sendFailure(token, 'Rejected', 'by a person');
    await expect(waiting).rejects.toBeInstanceOf(StatesError);
    await expect(waiting).rejects.toMatchObject({ error: 'Rejected', cause: 'by a person', prefixWithState: false });
    expect(store.get(token)).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'by a person' });
  });

  test('an answer recorded before the wait (a resumed execution) is delivered at once', async () => {
    const token = tokenFor('/Label');
    void broker.wait(token, new AbortController().signal, () => undefined);
    broker.sendSuccess(token, '[1,2]');
    const resumed = new DurableTaskTokenBroker(store);
    await expect(resumed.wait(token, new AbortController().signal, () => undefined)).resolves.toEqual([1, 2]);
  });

  test('a heartbeat reaches the waiting task', () => {
    const token = tokenFor('/Label');
    const beats: number[] = [];
    void broker.wait(token, new AbortController().signal, () => beats.push(1));
    broker.sendHeartbeat(token);
    broker.sendHeartbeat(token);
    expect(beats).toHaveLength(2);
  });

  test('a second answer, and any answer after the wait was aborted, is TaskTimedOut', async () => {
    const gone = { code: 'TaskTimedOut', message: "Task Timed Out: 'Provided task does not exist anymore'" };
    const answered = tokenFor('/A');
    void broker.wait(answered, new AbortController().signal, () => undefined);
    broker.sendSuccess(answered, '{}');
    expect(codeOf(() => broker.sendSuccess(answered, '{}'))).toEqual(gone);
    expect(codeOf(() => broker.sendFailure(answered, 'E'))).toEqual(gone);
    expect(codeOf(() => broker.sendHeartbeat(answered))).toEqual(gone);

    const aborted = tokenFor('/B');
    const controller = new AbortController();
    const waiting = broker.wait(aborted, controller.signal, () => undefined);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
    expect(codeOf(() => broker.sendSuccess(aborted, '{}'))).toEqual(gone);
  });

  test('after close, an aborted wait stays WAITING so the resumed execution waits on the same token', async () => {
    const token = tokenFor('/Label');
    const controller = new AbortController();
    const waiting = broker.wait(token, controller.signal, () => undefined);
    broker.close();
    controller.abort(new Error('shutdown'));
    await expect(waiting).rejects.toThrow('shutdown');
    expect(store.get(token)?.status).toBe('WAITING');
  });

  test('reset forgets a redriven execution’s answers', () => {
    const token = tokenFor('/Label');
    broker.wait(token, new AbortController().signal, () => undefined).catch(() => undefined);
    broker.sendFailure(token, 'E');
    broker.reset(EXECUTION);
    expect(store.get(token)).toBeUndefined();
  });

  test.each<[string, () => unknown, { code: string; message: string }]>([
    ['an empty token', () => broker.sendSuccess('', '{}'), { code: 'ValidationException', message: "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length between 1 and 2048" }],
    ['a token over 2048 characters', () => broker.sendHeartbeat('a'.repeat(2049)), { code: 'ValidationException', message: "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length between 1 and 2048" }],
    ['a token that is not a string', () => broker.sendFailure(42), { code: 'ValidationException', message: "1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length between 1 and 2048" }],
    ['a malformed token', () => broker.sendSuccess('garbage!', '{}'), { code: 'InvalidToken', message: "Invalid Token: 'garbage!'" }],
    ['a token no task issued', () => broker.sendSuccess(tokenFor('/Nobody'), '{}'), { code: 'TaskDoesNotExist', message: 'Task does not exist' }],
  ])('%s is refused', (_name, action, expected) => {
    expect(codeOf(action)).toEqual(expected);
  });

  test.each<[string, unknown, string, string]>([
    ['output that is not JSON', '{not json', 'InvalidOutput', "Invalid Output: '{not json'"],
    ['output over 256 KiB', JSON.stringify('x'.repeat(256 * 1024)), 'ValidationException', "1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to 262144"],
    ['missing output', undefined, 'ValidationException', "1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to 262144"],
  ])('%s is refused and the task keeps waiting', (_name, output, code, message) => {
    const token = tokenFor('/Label');
    void broker.wait(token, new AbortController().signal, () => undefined);
    expect(codeOf(() => broker.sendSuccess(token, output))).toEqual({ code, message });
    expect(store.get(token)?.status).toBe('WAITING');
  });
});
