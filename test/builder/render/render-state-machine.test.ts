import { Type } from '@sinclair/typebox';
import { defineWorkflow } from '../../../src/builder';
import { renderStateMachine } from '../../../src/builder/render/render-state-machine';

const Input = Type.Object({ n: Type.Number() });
const child = defineWorkflow({ name: 'child', input: Input }, (start) => start.succeed('Done'));

describe('renderStateMachine', () => {
  test.each<['JSONata' | 'JSONPath', string | undefined, number | undefined, unknown]>([
    ['JSONata', undefined, undefined, { QueryLanguage: 'JSONata', StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }],
    ['JSONPath', 'a comment', 60, { Comment: 'a comment', QueryLanguage: 'JSONPath', StartAt: 'Done', States: { Done: { Type: 'Succeed' } }, TimeoutSeconds: 60 }],
  ])('%s with comment %p and timeout %p', (queryLanguage, comment, timeoutSeconds, expected) => {
    const workflow = defineWorkflow({ name: 'top', input: Input, queryLanguage, comment, timeoutSeconds }, (start) => start.succeed('Done'));
    expect(renderStateMachine(workflow)).toEqual(expected);
    expect(Object.keys(renderStateMachine(workflow))).toEqual(Object.keys(expected as object));
  });

  test('render options name the integration targets', () => {
    const parent = defineWorkflow({ name: 'parent', input: Input }, (start) => start.startExecution('Run', { workflow: child, arguments: (s) => ({ n: s.input.n }) }).end());
    expect(renderStateMachine(parent, { stateMachineArn: (name) => `arn:aws:states:eu-west-1:111122223333:stateMachine:prod-${name}` }).States.Run).toMatchObject({
      Arguments: { StateMachineArn: 'arn:aws:states:eu-west-1:111122223333:stateMachine:prod-child' },
    });
  });

  test('is pure: rendering twice gives equal, separate documents', () => {
    const workflow = defineWorkflow({ name: 'twice', input: Input }, (start) => start.pass('P', { output: (s) => ({ n: s.input.n }) }).end());
    const first = renderStateMachine(workflow);
    const second = renderStateMachine(workflow);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });
});
