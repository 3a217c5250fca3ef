import { jsonataDialect, jsonPathDialect } from '../../../src/builder/render/dialect';
import { renderTask, type IntegrationTargets } from '../../../src/builder/render/render-task';
import type { Integration, TaskConfig } from '../../../src/builder/state-config';
import { ModelRegistered, Split } from '../fixtures';

const targets: IntegrationTargets = { functionName: (task) => `fn-${task.name}`, stateMachineArn: (name) => `arn:sm:${name}` };
const payload = { kind: 'object', fields: { v: { kind: 'path', root: 'input', segments: ['v'] } } } as const;
const task = (integration: Integration): TaskConfig => ({ type: 'Task', integration, arguments: payload });

describe('renderTask', () => {
  test.each<[string, Integration, unknown]>([
    ['lambda:invoke', { kind: 'lambda', task: Split, callback: false }, { Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: 'fn-kfold-split', Payload: { v: '{% $states.input.v %}' } } }],
    [
      'a callback',
      { kind: 'lambda', task: Split, callback: true },
      { Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Arguments: { FunctionName: 'fn-kfold-split', Payload: { v: '{% $states.input.v %}' } } },
    ],
    ['a synchronous child', { kind: 'startExecution', stateMachine: 'child', sync: true }, { Resource: 'arn:aws:states:::states:startExecution.sync:2', Arguments: { StateMachineArn: 'arn:sm:child', Input: { v: '{% $states.input.v %}' } } }],
    ['an asynchronous child', { kind: 'startExecution', stateMachine: 'child', sync: false }, { Resource: 'arn:aws:states:::states:startExecution', Arguments: { StateMachineArn: 'arn:sm:child', Input: { v: '{% $states.input.v %}' } } }],
    [
      'an event on the default bus',
      { kind: 'putEvents', event: ModelRegistered },
      { Resource: 'arn:aws:states:::events:putEvents', Arguments: { Entries: [{ Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', Detail: { v: '{% $states.input.v %}' } }] } },
    ],
  ])('%s', (_name, integration, expected) => {
    expect(renderTask(task(integration), 'S', jsonataDialect, targets)).toEqual({ Type: 'Task', ...(expected as object) });
  });

  test('JSONPath writes the integration’s fixed fields as they are and the payload with .$ keys', () => {
    expect(renderTask({ ...task({ kind: 'startExecution', stateMachine: 'child', sync: true }), timeoutSeconds: 5, comment: 'c' }, 'S', jsonPathDialect, targets)).toEqual({
      Type: 'Task',
      Comment: 'c',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: { StateMachineArn: 'arn:sm:child', Input: { 'v.$': '$.v' } },
      TimeoutSeconds: 5,
    });
  });
});
