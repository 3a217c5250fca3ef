import { Type } from '@sinclair/typebox';
import { defineWorkflow, stateRef } from '../../src/builder';
import { aslProblems } from './asl-validity';
import { DatasetInput, Label, ModelRegistered, Split } from './fixtures';

const child = defineWorkflow({ name: 'child-flow', input: Type.Object({ n: Type.Number() }) }, (start) =>
  start.pass('Echo', { output: (s) => ({ doubled: s.input.n }) }).end(),
);

describe('Task states in JSONata', () => {
  // Reached both on the normal path and from Split's Catch.
  const cleanUp = stateRef<{ error: string; key: string }>('CleanUp');
  const workflow = defineWorkflow({ name: 'tasks', input: DatasetInput }, (start) =>
    start
      .task('Split', {
        task: Split,
        arguments: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key, k: s.input.k }),
        output: (s) => ({ error: 'none', key: s.result.folds[0]!.trainKey }),
        assign: (s) => ({ rows: s.result.rows }),
        timeoutSeconds: 300,
        retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2, JitterStrategy: 'FULL' }],
        catch: (c) => [
          c.to(['DatasetInvalid'], (b) => b.fail('Invalid', { error: 'DatasetInvalid', cause: (s) => s.input.Cause })),
          c.to(
            ['States.ALL'],
            { output: (s) => ({ error: s.errorOutput.Error, key: s.input.dataset.key }), assign: (s) => ({ failedAt: s.context.State.Name }) },
            cleanUp,
          ),
        ],
      })
      .pass(cleanUp, { output: (s) => ({ key: s.input.key }) })
      .callback('WaitForLabels', {
        task: Label,
        arguments: (s) => ({ manifestKey: s.input.key, taskToken: s.context.Task.Token }),
        heartbeatSeconds: 3600,
        timeoutSeconds: 86400,
      })
      .startExecution('RunChild', { workflow: child, arguments: () => ({ n: 2 }) })
      .startExecution('StartChild', { workflow: child, arguments: (s) => ({ n: s.input.doubled }), sync: false })
      .emit('Announce', { event: ModelRegistered, detail: (s) => ({ modelVersion: 1, executionArn: s.input.ExecutionArn }) })
      .succeed('Done'),
  );

  test('lambda:invoke, catch, callback, nested executions and putEvents render whole', () => {
    expect(workflow.definition()).toEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Split',
      States: {
        Split: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: {
            FunctionName: 'kfold-split',
            Payload: { bucket: '{% $states.input.dataset.bucket %}', key: '{% $states.input.dataset.key %}', k: '{% $states.input.k %}' },
          },
          TimeoutSeconds: 300,
          Output: { error: 'none', key: '{% $states.result.Payload.folds[0].trainKey %}' },
          Assign: { rows: '{% $states.result.Payload.rows %}' },
          Retry: [{ ErrorEquals: ['Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2, JitterStrategy: 'FULL' }],
          Catch: [
            { ErrorEquals: ['DatasetInvalid'], Next: 'Invalid' },
            {
              ErrorEquals: ['States.ALL'],
              Next: 'CleanUp',
              Output: { error: '{% $states.errorOutput.Error %}', key: '{% $states.input.dataset.key %}' },
              Assign: { failedAt: '{% $states.context.State.Name %}' },
            },
          ],
          Next: 'CleanUp',
        },
        Invalid: { Type: 'Fail', Error: 'DatasetInvalid', Cause: '{% $states.input.Cause %}' },
        CleanUp: { Type: 'Pass', Output: { key: '{% $states.input.key %}' }, Next: 'WaitForLabels' },
        WaitForLabels: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Arguments: {
            FunctionName: 'brand-wait-for-labels',
            Payload: { manifestKey: '{% $states.input.key %}', taskToken: '{% $states.context.Task.Token %}' },
          },
          TimeoutSeconds: 86400,
          HeartbeatSeconds: 3600,
          Next: 'RunChild',
        },
        RunChild: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Arguments: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child-flow', Input: { n: 2 } },
          Output: '{% $states.result.Output %}',
          Next: 'StartChild',
        },
        StartChild: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Arguments: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child-flow', Input: { n: '{% $states.input.doubled %}' } },
          Output: '{% $states.result %}',
          Next: 'Announce',
        },
        Announce: {
          Type: 'Task',
          Resource: 'arn:aws:states:::events:putEvents',
          Arguments: {
            Entries: [
              { Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', Detail: { modelVersion: 1, executionArn: '{% $states.input.ExecutionArn %}' } },
            ],
          },
          Output: '{% $states.input %}',
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    });
  });

  test('passes asl-validator', () => {
    expect(aslProblems(workflow.definition())).toBe('');
  });

  test('a task definition supplies default retriers and timeout; render options name the targets', () => {
    const defaults = defineWorkflow({ name: 'defaults', input: DatasetInput }, (start) =>
      start.task('Split', { task: { ...Split, timeoutSeconds: 60 }, arguments: (s) => ({ bucket: s.input.dataset.bucket, key: 'k', k: 2 }) }).end(),
    );
    const rendered = defaults.definition({ functionName: (task) => `arn:aws:lambda:eu-west-1:111122223333:function:${task.name}` });
    expect(rendered.States.Split).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Arguments: {
        FunctionName: 'arn:aws:lambda:eu-west-1:111122223333:function:kfold-split',
        Payload: { bucket: '{% $states.input.dataset.bucket %}', key: 'k', k: 2 },
      },
      TimeoutSeconds: 60,
      Output: '{% $states.result.Payload %}',
      Retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2, IntervalSeconds: 1, BackoffRate: 2 }],
      End: true,
    });
  });
});
