import { Type } from '@sinclair/typebox';
import { defineWorkflow } from '../../src/builder';
import { DatasetInput, Label, ModelRegistered, Split, TrainFold } from './fixtures';

describe('what a workflow tells infrastructure', () => {
  const child = defineWorkflow({ name: 'child', input: Type.Object({}) }, (start) => start.succeed('Done'));
  const workflow = defineWorkflow({ name: 'inventory', input: DatasetInput }, (start) =>
    start
      .task('Split', { task: Split, arguments: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key, k: s.input.k }) })
      .map('Folds', {
        items: (s) => s.input.folds,
        processor: (p) => p.task('TrainFold', { task: TrainFold, arguments: (s) => ({ trainKey: s.input.trainKey, testKey: s.input.testKey }) }).end(),
      })
      .task('SplitAgain', { task: Split, arguments: () => ({ bucket: 'b', key: 'k', k: 2 }) })
      .callback('Label', { task: Label, arguments: (s) => ({ manifestKey: 'm', taskToken: s.context.Task.Token }) })
      .parallel('Both', {
        branches: [(b) => b.startExecution('Child', { workflow: child, arguments: () => ({}) }).end(), (b) => b.emit('Announce', { event: ModelRegistered, detail: () => ({ modelVersion: 1, executionArn: 'a' }) }).end()],
      })
      .succeed('Done'),
  );

  test('tasks(): every Lambda task once, nested ones included', () => {
    expect(workflow.tasks().map((task) => task.name)).toEqual(['kfold-split', 'brand-wait-for-labels', 'kfold-train-fold']);
  });

  test('nestedStateMachines() and emittedEvents()', () => {
    expect(workflow.nestedStateMachines()).toEqual(['child']);
    expect(workflow.emittedEvents()).toEqual([ModelRegistered]);
  });
});

describe('defineWorkflow', () => {
  test('the query language defaults to JSONata; the name and props are kept', () => {
    const workflow = defineWorkflow({ name: 'plain', input: Type.Object({}), timeoutSeconds: 30 }, (start) => start.succeed('Done'));
    expect([workflow.name, workflow.queryLanguage, workflow.props.timeoutSeconds]).toEqual(['plain', 'JSONata', 30]);
  });

  test('a problem inside a nested scope names that scope', () => {
    expect(() =>
      defineWorkflow({ name: 'broken', input: Type.Object({}) }, (start) => {
        start.map('Each', { items: () => [1], processor: (p) => { p.pass('Inner'); return { terminal: true }; } }).end();
        return { terminal: true };
      }),
    ).toThrow('workflow broken is incomplete: Map "Each" processor: state "Inner" has neither a next state nor an end');
  });
});
