import { Type } from '@sinclair/typebox';
import { defineWorkflow, eq, gte, isPresent, jsonata, ne } from '../../src/builder';
import { aslProblems } from './asl-validity';
import { DatasetInput, ModelRegistered, Split, TrainFold } from './fixtures';

describe('JSONPath mode', () => {
  const workflow = defineWorkflow({ name: 'jsonpath', input: DatasetInput, queryLanguage: 'JSONPath' }, (start) =>
    start
      .pass('Shape', { output: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key, k: s.input.k }), assign: (s) => ({ k: s.input.k }) })
      .task('Split', { task: Split, arguments: (s) => ({ bucket: s.input.bucket, key: s.input.key, k: s.vars.k }) })
      .wait('Pause', { seconds: (s) => s.input.rows })
      .choice('Enough?', (c) =>
        c
          .when((s) => gte(s.input.rows, 10), (b) =>
            b
              .map('TrainFolds', {
                items: (s) => s.input.folds,
                itemSelector: (s) => ({ trainKey: s.item.trainKey, testKey: s.item.testKey }),
                processor: (p) => p.task('TrainFold', { task: TrainFold, arguments: (s) => ({ trainKey: s.input.trainKey, testKey: s.input.testKey }) }).end(),
              })
              .succeed('Done'),
          )
          .when((s) => ne(s.input.rows, 0), (b) => b.fail('TooFew', { error: 'TooFew', cause: 'not enough rows' }))
          .when((s) => isPresent(s.input.folds), (b) => b.succeed('HasFolds'))
          .otherwise((b) => b.fail('Empty')),
      ),
  );

  test('renders Parameters, OutputPath, *Path fields and operator rules', () => {
    expect(workflow.definition()).toEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Shape',
      States: {
        Shape: {
          Type: 'Pass',
          Parameters: { 'bucket.$': '$.dataset.bucket', 'key.$': '$.dataset.key', 'k.$': '$.k' },
          Assign: { 'k.$': '$.k' },
          Next: 'Split',
        },
        Split: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'kfold-split', Payload: { 'bucket.$': '$.bucket', 'key.$': '$.key', 'k.$': '$k' } },
          OutputPath: '$.Payload',
          Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2, IntervalSeconds: 1, BackoffRate: 2 }],
          Next: 'Pause',
        },
        Pause: { Type: 'Wait', SecondsPath: '$.rows', Next: 'Enough?' },
        'Enough?': {
          Type: 'Choice',
          Choices: [
            { Variable: '$.rows', NumericGreaterThanEquals: 10, Next: 'TrainFolds' },
            { Not: { Variable: '$.rows', NumericEquals: 0 }, Next: 'TooFew' },
            { Variable: '$.folds', IsPresent: true, Next: 'HasFolds' },
          ],
          Default: 'Empty',
        },
        TrainFolds: {
          Type: 'Map',
          ItemsPath: '$.folds',
          ItemSelector: { 'trainKey.$': '$$.Map.Item.Value.trainKey', 'testKey.$': '$$.Map.Item.Value.testKey' },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            StartAt: 'TrainFold',
            States: {
              TrainFold: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke',
                Parameters: { FunctionName: 'kfold-train-fold', Payload: { 'trainKey.$': '$.trainKey', 'testKey.$': '$.testKey' } },
                OutputPath: '$.Payload',
                End: true,
              },
            },
          },
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
        TooFew: { Type: 'Fail', Error: 'TooFew', Cause: 'not enough rows' },
        HasFolds: { Type: 'Succeed' },
        Empty: { Type: 'Fail' },
      },
    });
  });

  test('passes asl-validator', () => {
    expect(aslProblems(workflow.definition())).toBe('');
  });

  test('a task output reading only the result becomes a ResultSelector; emitting keeps the input with ResultPath null', () => {
    const ok = defineWorkflow({ name: 'selector', input: DatasetInput, queryLanguage: 'JSONPath' }, (start) =>
      start
        .task('Split', { task: Split, arguments: (s) => ({ bucket: s.input.dataset.bucket, key: 'k', k: 2 }), output: (s) => ({ rows: s.result.rows }) })
        .emit('Announce', { event: ModelRegistered, detail: (s) => ({ modelVersion: s.input.rows, executionArn: s.context.Execution.Id }) })
        .end(),
    );
    expect(ok.definition().States.Announce).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::events:putEvents',
      Parameters: {
        Entries: [{ Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', Detail: { 'modelVersion.$': '$.rows', 'executionArn.$': '$$.Execution.Id' } }],
      },
      ResultPath: null,
      End: true,
    });
    expect(ok.definition().States.Split).toMatchObject({ ResultSelector: { 'rows.$': '$.Payload.rows' }, Next: 'Announce' });
    expect(aslProblems(ok.definition())).toBe('');
  });

  test('what JSONPath cannot express is a BuilderError naming the state', () => {
    const computed = defineWorkflow({ name: 'computed', input: DatasetInput, queryLanguage: 'JSONPath' }, (start) =>
      start.pass('Double', { output: (s) => ({ k: jsonata<number>`${s.input.k} * 2` }) }).end(),
    );
    expect(() => computed.definition()).toThrow(/state "Double".*JSONata/);
    const pathToPath = defineWorkflow({ name: 'p2p', input: Type.Object({ a: Type.Number(), b: Type.Number() }), queryLanguage: 'JSONPath' }, (start) =>
      start.choice('Cmp', (c) => c.when((s) => eq(s.input.a, s.input.b), (b) => b.succeed('Same')).otherwise((b) => b.fail('Differ'))),
    );
    expect(() => pathToPath.definition()).toThrow(/state "Cmp": JSONPath compares a path with a literal only/);
  });
});
