import { DatasetInput, Label, Split } from '../fixtures';
import { renderState } from './render-state';

describe('Task (lambda:invoke)', () => {
  test('JSONPath: Parameters, the Payload as OutputPath, own retry and timeouts over the task definition’s', () => {
    expect(
      renderState(
        DatasetInput,
        'JSONPath',
        (s) =>
          s
            .task('Split', {
              comment: 'split the dataset',
              task: Split,
              arguments: (x) => ({ bucket: x.input.dataset.bucket, key: x.input.dataset.key, k: x.input.k }),
              assign: (x) => ({ rows: x.result.rows }),
              timeoutSeconds: 30,
              heartbeatSeconds: 10,
              retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }],
            })
            .end(),
        'Split',
      ),
    ).toEqual({
      Type: 'Task',
      Comment: 'split the dataset',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'kfold-split', Payload: { 'bucket.$': '$.dataset.bucket', 'key.$': '$.dataset.key', 'k.$': '$.k' } },
      TimeoutSeconds: 30,
      HeartbeatSeconds: 10,
      OutputPath: '$.Payload',
      Assign: { 'rows.$': '$.Payload.rows' },
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 0 }],
      End: true,
    });
  });

  test('an output that keeps the input in JSONPath is ResultPath null', () => {
    expect(
      renderState(DatasetInput, 'JSONPath', (s) => s.task('Split', { task: Split, arguments: () => ({ bucket: 'b', key: 'k', k: 2 }), output: (x) => x.input, retry: [] }).end(), 'Split'),
    ).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'kfold-split', Payload: { bucket: 'b', key: 'k', k: 2 } },
      ResultPath: null,
      End: true,
    });
  });
});

describe('Task (lambda:invoke.waitForTaskToken)', () => {
  const build = (language: 'JSONata' | 'JSONPath') =>
    renderState(
      DatasetInput,
      language,
      (s) => s.callback('Label', { task: Label, arguments: (x) => ({ manifestKey: x.input.dataset.key, taskToken: x.context.Task.Token }), output: (x) => x.result.annotationsKey }).end(),
      'Label',
    );

  test('the result is what the callback sent, so its fields sit at the result’s root', () => {
    expect(build('JSONata')).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Arguments: { FunctionName: 'brand-wait-for-labels', Payload: { manifestKey: '{% $states.input.dataset.key %}', taskToken: '{% $states.context.Task.Token %}' } },
      Output: '{% $states.result.annotationsKey %}',
      End: true,
    });
    expect(build('JSONPath')).toEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: 'brand-wait-for-labels', Payload: { 'manifestKey.$': '$.dataset.key', 'taskToken.$': '$$.Task.Token' } },
      OutputPath: '$.annotationsKey',
      End: true,
    });
  });
});
