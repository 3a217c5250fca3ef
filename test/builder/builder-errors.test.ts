import { BuilderError, defineWorkflow, stateRef } from '../../src/builder';
import { DatasetInput } from './fixtures';

describe('definitions the builder refuses, with a message naming the problem', () => {
  test('a state name used twice', () => {
    expect(() => defineWorkflow({ name: 'dup', input: DatasetInput }, (start) => start.pass('Same').pass('Same').end())).toThrow(
      new BuilderError('state name "Same" is used twice; ASL state names are unique within a state machine'),
    );
  });

  test('a jump to a state that is never defined', () => {
    const missing = stateRef<unknown>('Missing');
    expect(() => defineWorkflow({ name: 'dangling', input: DatasetInput }, (start) => start.pass('A').goto(missing))).toThrow(
      'workflow dangling is incomplete: workflow dangling transitions to "Missing", which is not a state of that scope',
    );
  });

  test('a jump out of a Map processor into the parent scope', () => {
    const outer = stateRef<unknown>('Outer');
    expect(() =>
      defineWorkflow({ name: 'escape', input: DatasetInput }, (start) =>
        start.pass(outer).map('Each', { items: () => [1], processor: (p) => p.goto(outer) }).end(),
      ),
    ).toThrow('Map "Each" processor transitions to "Outer", which is not a state of that scope');
  });

  test('arithmetic on an accessor path', () => {
    expect(() =>
      defineWorkflow({ name: 'math', input: DatasetInput }, (start) => start.pass('Add', { output: (s) => ({ k: s.input.k + 1 }) }).end()),
    ).toThrow(/the path input\.k is used in an operator or string/);
  });

  test('continuing one path twice', () => {
    expect(() =>
      defineWorkflow({ name: 'fork', input: DatasetInput }, (start) => {
        const a = start.pass('A');
        a.pass('B').end();
        return a.pass('C').end();
      }),
    ).toThrow('the path after "A" already continues; cannot also continue to "C"');
  });

  test('a Wait without a duration', () => {
    expect(() => defineWorkflow({ name: 'wait', input: DatasetInput }, (start) => start.wait('Idle', {}).end())).toThrow(
      'Wait state "Idle" needs exactly one of seconds and timestamp',
    );
  });

  test('an invalid variable name', () => {
    expect(() =>
      defineWorkflow({ name: 'vars', input: DatasetInput }, (start) => start.pass('Set', { assign: () => ({ states: 1 }) }).end()),
    ).toThrow('assign: "states" is not a valid variable name');
  });
});
