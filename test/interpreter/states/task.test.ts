import type { Json, JsonObject } from '../../../src/asl/json';
import { lambdaOf, runMachine } from '../run-machine';
import { single } from './support';

const FUNCTION = 'arn:aws:lambda:us-east-1:123456789012:function:echo';

test.each<[string, JsonObject, Json]>([
  ['a Lambda function ARN returns the payload', { Resource: FUNCTION }, { got: { a: 1 } }],
  ['lambda:invoke wraps it in Payload and StatusCode', { Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: FUNCTION, 'Payload.$': '$' }, ResultSelector: { 'p.$': '$.Payload', 's.$': '$.StatusCode' } }, { p: { got: { a: 1 } }, s: 200 }],
])('%s', async (_name, state, output) => {
  const run = await runMachine(single({ Type: 'Task', ...state }), { a: 1 }, { services: { lambda: lambdaOf((_n, payload) => ({ got: payload ?? null })) } });
  expect(run).toMatchObject({ status: 'SUCCEEDED', output });
  expect(run.events.map((e) => e.type)).toContain('TaskStateExited');
});

test('an unsupported resource fails with States.Runtime', async () => {
  const run = await runMachine(single({ Type: 'Task', Resource: 'arn:aws:states:::nowhere:do' }), {});
  expect(run).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
});
