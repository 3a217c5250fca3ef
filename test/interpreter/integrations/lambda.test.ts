import { invokeRequest } from '../../../src/interpreter/integrations/lambda';
import { runDefinition } from '../run-definition';

describe('invokeRequest', () => {
  test.each([
    ['FunctionName and Payload', { FunctionName: 'f', Payload: { a: 1 } }, { functionName: 'f', payload: { a: 1 } }],
    ['LogType is passed on', { FunctionName: 'f', LogType: 'Tail' }, { functionName: 'f', payload: undefined, logType: 'Tail' }],
    ['a string Payload is the request body', { FunctionName: 'f', Payload: '[1]' }, { functionName: 'f', payload: [1] }],
  ])('%s', (_name, parameters, expected) => {
    expect(invokeRequest(parameters)).toEqual(expected);
  });
});

describe('lambda:invoke through a Task state', () => {
  test.each([
    ['Tail', true],
    [undefined, false],
  ])('LogType %s: LogResult in the result is %s', async (logType, present) => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f', Payload: {}, ...(logType ? { LogType: logType } : {}) }, End: true } },
    };
    const { result } = await runDefinition(definition, {}, { functions: { f: () => ({ ok: true }) } });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.output).toMatchObject({ Payload: { ok: true }, StatusCode: 200 });
    expect(Object.hasOwn(result.output as object, 'LogResult')).toBe(present);
  });
});
