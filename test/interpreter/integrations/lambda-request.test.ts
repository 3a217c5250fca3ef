import type { Json } from '../../../src/asl/json';
import { functionNameOf, invokeRequest } from '../../../src/interpreter/integrations/lambda';
import type { LambdaInvoker } from '../../../src/interpreter/integrations/services';
import { runMachine } from '../run-machine';
import { single } from '../states/support';

test.each([
  ['arn:aws:lambda:us-east-1:123456789012:function:score', 'score'],
  ['arn:aws:lambda:us-east-1:123456789012:function:score:live', 'score'],
  ['score', 'score'],
])('functionNameOf(%s) is %s', (arn, name) => {
  expect(functionNameOf(arn)).toBe(name);
});

test.each<[Json, { functionName: string; payload: Json | undefined }]>([
  [{ FunctionName: 'f', Payload: { a: 1 } }, { functionName: 'f', payload: { a: 1 } }],
  [{ FunctionName: 'f', Payload: '{"a":1}' }, { functionName: 'f', payload: { a: 1 } }],
  [{ FunctionName: 'f' }, { functionName: 'f', payload: undefined }],
])('invokeRequest(%j)', (parameters, request) => {
  expect(invokeRequest(parameters)).toEqual(request);
});

test.each<[Json, string]>([
  [{}, 'States.Runtime'],
  [{ FunctionName: 'f', Payload: 'not json' }, 'Lambda.InvalidRequestContentException'],
])('invokeRequest(%j) throws %s', (parameters, error) => {
  expect(() => invokeRequest(parameters)).toThrow(expect.objectContaining({ error }));
});

const throwing: LambdaInvoker = {
  async invoke() {
    return { payload: '{"errorType":"ValueError","errorMessage":"bad"}', functionError: 'Unhandled', executedVersion: '$LATEST' };
  },
};

test.each([
  ['arn:aws:lambda:us-east-1:123456789012:function:f', {}],
  ['arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'f' } }],
])('a handler error (%s) fails the task with its errorType and payload', async (resource, extra) => {
  const run = await runMachine(single({ Type: 'Task', Resource: resource, ...extra }), {}, { services: { lambda: throwing } });
  expect(run).toMatchObject({ status: 'FAILED', error: 'ValueError' });
  expect(JSON.parse(run.cause!)).toEqual({ errorType: 'ValueError', errorMessage: 'bad' });
});

test('a response over 256 KiB fails with States.DataLimitExceeded', async () => {
  const big: LambdaInvoker = { invoke: async () => ({ payload: JSON.stringify('x'.repeat(256 * 1024)), executedVersion: '$LATEST' }) };
  const run = await runMachine(single({ Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f' }), {}, { services: { lambda: big } });
  expect(run).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
});
