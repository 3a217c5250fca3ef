import { Type } from '@sinclair/typebox';
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../fixtures';
import { renderState } from './render-state';

const child = defineWorkflow({ name: 'child', input: Type.Object({ n: Type.Number() }), output: Type.Object({ doubled: Type.Number() }) }, (start) =>
  start.pass('Double', { output: () => ({ doubled: 2 }) }).end(),
);
const ARN = 'arn:aws:states:us-east-1:123456789012:stateMachine:child';

describe('Task (states:startExecution)', () => {
  test.each<['JSONata' | 'JSONPath', boolean, unknown]>([
    [
      'JSONata',
      true,
      { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Arguments: { StateMachineArn: ARN, Input: { n: '{% $states.input.k %}' } }, Output: '{% $states.result.Output %}', End: true },
    ],
    ['JSONata', false, { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Arguments: { StateMachineArn: ARN, Input: { n: '{% $states.input.k %}' } }, Output: '{% $states.result %}', End: true }],
    ['JSONPath', true, { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: ARN, Input: { 'n.$': '$.k' } }, OutputPath: '$.Output', End: true }],
    ['JSONPath', false, { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: ARN, Input: { 'n.$': '$.k' } }, End: true }],
  ])('%s, sync %s', (language, sync, expected) => {
    expect(renderState(DatasetInput, language, (s) => s.startExecution('Child', { workflow: child, sync, arguments: (x) => ({ n: x.input.k }) }).end(), 'Child')).toEqual(expected);
  });

  test('the typed result of a synchronous child is its output; of an asynchronous one the execution’s ARN', () => {
    const parent = defineWorkflow({ name: 'parent', input: DatasetInput }, (start) =>
      start
        .startExecution('Run', { workflow: child, arguments: () => ({ n: 1 }), output: (x) => ({ doubled: x.result.doubled }) })
        .startExecution('Start', { workflow: child, sync: false, arguments: (x) => ({ n: x.input.doubled }), output: (x) => ({ arn: x.result.ExecutionArn }) })
        .end(),
    );
    const rendered = parent.definition({ stateMachineArn: (name) => `arn:aws:states:eu-west-1:111122223333:stateMachine:${name}` });
    expect(rendered.States.Run).toMatchObject({ Arguments: { StateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:child' }, Output: { doubled: '{% $states.result.Output.doubled %}' } });
    expect(rendered.States.Start).toMatchObject({ Output: { arn: '{% $states.result.ExecutionArn %}' } });
    expect(parent.nestedStateMachines()).toEqual(['child']);
  });
});
