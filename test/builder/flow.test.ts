import { Type } from '@sinclair/typebox';
import { defineWorkflow, eq, stateRef } from '../../src/builder';
import { DatasetInput } from './fixtures';

describe('Flow', () => {
  test('end() at the start of a path has no state to end', () => {
    expect(() => defineWorkflow({ name: 'empty', input: DatasetInput }, (start) => start.end())).toThrow('end(): this path has no state of its own to end');
  });

  test('a workflow with no states is incomplete', () => {
    const top = stateRef<unknown>('Top');
    expect(() => defineWorkflow({ name: 'nothing', input: DatasetInput }, (start) => start.goto(top))).toThrow(
      'workflow nothing is incomplete: workflow nothing transitions to "Top", which is not a state of that scope',
    );
  });

  test('a path that continues twice is refused, naming both targets', () => {
    expect(() =>
      defineWorkflow({ name: 'twice', input: DatasetInput }, (start) => {
        const after = start.pass('A');
        after.pass('B').end();
        return after.pass('C').end();
      }),
    ).toThrow('the path after "A" already continues; cannot also continue to "C"');
  });

  test('goto closes a loop back to a declared state', () => {
    const Loop = Type.Object({ n: Type.Number() });
    const top = stateRef<{ n: number }>('Top');
    const workflow = defineWorkflow({ name: 'loop', input: Loop }, (start) => start.pass(top).wait('Pause', { seconds: 1 }).goto(top));
    expect(workflow.definition()).toEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Top',
      States: { Top: { Type: 'Pass', Next: 'Pause' }, Pause: { Type: 'Wait', Seconds: 1, Next: 'Top' } },
    });
  });

  test('a Choice without otherwise continues on its default path', () => {
    const workflow = defineWorkflow({ name: 'open', input: DatasetInput }, (start) =>
      start.choice('C', (c) => c.when((s) => eq(s.input.k, 0), (b) => b.fail('Zero'))).succeed('Default'),
    );
    expect(workflow.definition().States.C).toEqual({ Type: 'Choice', Choices: [{ Condition: '{% $states.input.k = 0 %}', Next: 'Zero' }], Default: 'Default' });
  });
});
