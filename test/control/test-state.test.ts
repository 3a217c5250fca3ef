import type { TestStateInput } from '@aws-sdk/client-sfn';
import { VirtualClock } from '../../src/clock/clock';
import { SfnApiError } from '../../src/control/errors';
import { testState } from '../../src/control/test-state';
import type { TaskServices } from '../../src/interpreter/integrations/services';

const loc = { region: 'us-east-1', account: '000000000000' };
const LAMBDA = 'arn:aws:states:::lambda:invoke';

/** A Lambda that fails with `error` when the payload says so, else echoes it. */
const services: TaskServices = {
  lambda: {
    async invoke(_name, payload) {
      const error = (payload as { fail?: string } | null)?.fail;
      if (error) return { payload: JSON.stringify({ errorType: error, errorMessage: 'it broke' }), functionError: 'Unhandled', executedVersion: '$LATEST' };
      return { payload: JSON.stringify(payload), executedVersion: '$LATEST' };
    },
  },
};

/** As on AWS, a Lambda function error's cause is the function's error payload as text. */
const lambdaCause = (errorType: string): string => JSON.stringify({ errorType, errorMessage: 'it broke' });

const run = (state: object, input?: object) => testState({ definition: JSON.stringify(state), ...(input && { input: JSON.stringify(input) }) }, new VirtualClock(0), services, loc);

describe('testState', () => {
  test.each<[string, object, object | undefined, unknown]>([
    ['a Pass state and its next state', { Type: 'Pass', Result: { a: 1 }, Next: 'Later' }, {}, { status: 'SUCCEEDED', output: '{"a":1}', nextState: 'Later' }],
    ['an end state has no next state', { Type: 'Pass', End: true }, { v: 1 }, { status: 'SUCCEEDED', output: '{"v":1}' }],
    [
      'a Choice picks its rule’s target',
      { Type: 'Choice', QueryLanguage: 'JSONata', Choices: [{ Condition: '{% $states.input.n > 1 %}', Next: 'Big' }], Default: 'Small' },
      { n: 2 },
      { status: 'SUCCEEDED', output: '{"n":2}', nextState: 'Big' },
    ],
    ['a Choice falls to its default', { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Big' }], Default: 'Small' }, { n: 0 }, { status: 'SUCCEEDED', output: '{"n":0}', nextState: 'Small' }],
    ['a Fail state', { Type: 'Fail', Error: 'Nope', Cause: 'because' }, undefined, { status: 'FAILED', error: 'Nope', cause: 'because' }],
    ['a task result', { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'echo', 'Payload.$': '$' }, ResultSelector: { 'echo.$': '$.Payload.v' }, End: true }, { v: 7 }, { status: 'SUCCEEDED', output: '{"echo":7}' }],
    [
      'a caught error goes to the catcher with CAUGHT_ERROR',
      { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'echo', Payload: { fail: 'Boom' } }, Catch: [{ ErrorEquals: ['Boom'], Next: 'Handler' }], Next: 'Normal' },
      {},
      { status: 'CAUGHT_ERROR', output: JSON.stringify({ Error: 'Boom', Cause: lambdaCause('Boom') }), nextState: 'Handler' },
    ],
    [
      'an error a Retry matches is RETRIABLE and not retried',
      { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'echo', Payload: { fail: 'Flaky' } }, Retry: [{ ErrorEquals: ['Flaky'], MaxAttempts: 3 }], End: true },
      {},
      { status: 'RETRIABLE', error: 'Flaky', cause: lambdaCause('Flaky') },
    ],
    [
      'an error no Retry matches is FAILED',
      { Type: 'Task', Resource: LAMBDA, Parameters: { FunctionName: 'echo', Payload: { fail: 'Other' } }, Retry: [{ ErrorEquals: ['Flaky'] }], End: true },
      {},
      { status: 'FAILED', error: 'Other', cause: lambdaCause('Other') },
    ],
  ])('%s', async (_name, state, input, expected) => {
    expect(await run(state, input)).toEqual(expected);
  });

  async function errorOf(input: TestStateInput): Promise<{ code: string; message: string }> {
    try {
      await testState(input, new VirtualClock(0), services, loc);
    } catch (err) {
      if (err instanceof SfnApiError) return { code: err.code, message: err.message };
      throw err;
    }
    throw new Error('expected an error');
  }

  test.each<[string, TestStateInput, string, RegExp]>([
    ['a definition that is not JSON', { definition: '{', roleArn: 'r' }, 'InvalidDefinition', /^Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: /],
    ['an invalid state', { definition: '{"Type":"Pass","Bogus":1,"End":true}' }, 'InvalidDefinition', /^Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED/],
    ['a missing definition', {} as TestStateInput, 'ValidationException', /^1 validation error detected: Value null at 'definition'/],
    ['input that is not JSON', { definition: '{"Type":"Pass","End":true}', input: '{nope' }, 'InvalidExecutionInput', /^Invalid State Machine Execution Input: '/],
  ])('%s is refused', async (_name, input, code, message) => {
    const error = await errorOf(input);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});
