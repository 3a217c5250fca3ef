import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatesError } from '../../src/asl/errors';
import { DirectoryLambdaInvoker } from '../../src/control';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-fn-'));
writeFileSync(join(dir, 'hello.js'), 'exports.handler = async (event, context) => ({ hi: event.name, fn: context.functionName, arn: context.invokedFunctionArn, id: context.awsRequestId, left: context.getRemainingTimeInMillis() > 0 });\n');
writeFileSync(join(dir, 'typed.ts'), 'export const handler = async (event: { n: number }): Promise<number> => event.n * 2;\n');
writeFileSync(join(dir, 'boom.js'), 'exports.handler = async () => { const e = new RangeError("too far"); throw e; };\n');
writeFileSync(join(dir, 'nothing.js'), 'exports.handler = async () => undefined;\n');

const invoker = new DirectoryLambdaInvoker(dir, { account: '123456789012' });
const options = { signal: new AbortController().signal, requestId: 'req-1' };

test('a .js handler gets the event and a Lambda context', async () => {
  const response = await invoker.invoke('hello', { name: 'ada' }, options);
  expect(JSON.parse(response.payload)).toEqual({ hi: 'ada', fn: 'hello', arn: 'arn:aws:lambda:us-east-1:123456789012:function:hello', id: 'req-1', left: true });
  expect(response.functionError).toBeUndefined();
});

test('a .ts handler is loaded and run', async () => {
  expect((await invoker.invoke('typed', { n: 21 }, options)).payload).toBe('42');
});

test('a handler returning nothing answers null', async () => {
  expect((await invoker.invoke('nothing', {}, options)).payload).toBe('null');
});

test('a thrown error becomes an Unhandled function error with the Node.js runtime payload', async () => {
  const response = await invoker.invoke('boom', {}, options);
  expect(response.functionError).toBe('Unhandled');
  const payload = JSON.parse(response.payload);
  expect(payload).toMatchObject({ errorType: 'RangeError', errorMessage: 'too far' });
  expect(payload.trace[0]).toBe('RangeError: too far');
});

test.each(['missing', '../escape'])('function %j is Lambda.ResourceNotFoundException', async (name) => {
  const err = await invoker.invoke(name, {}, options).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StatesError);
  expect((err as StatesError).error).toBe('Lambda.ResourceNotFoundException');
  expect((err as StatesError).cause).toContain('Function not found: arn:aws:lambda:us-east-1:123456789012:function:');
});
