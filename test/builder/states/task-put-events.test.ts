import { defineEvent } from '../../../src/builder';
import { DatasetInput, ModelRegistered } from '../fixtures';
import { renderState } from './render-state';

const OnCustomBus = defineEvent({ ...ModelRegistered, eventBusName: 'ml-events' });

describe('Task (events:putEvents)', () => {
  test.each<['JSONata' | 'JSONPath', unknown]>([
    [
      'JSONata',
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::events:putEvents',
        Arguments: {
          Entries: [{ Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', Detail: { modelVersion: '{% $states.input.k %}', executionArn: '{% $states.context.Execution.Id %}' }, EventBusName: 'ml-events' }],
        },
        Output: '{% $states.input %}',
        Assign: { failed: '{% $states.result.FailedEntryCount %}' },
        End: true,
      },
    ],
    [
      'JSONPath',
      {
        Type: 'Task',
        Resource: 'arn:aws:states:::events:putEvents',
        Parameters: {
          Entries: [{ Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', Detail: { 'modelVersion.$': '$.k', 'executionArn.$': '$$.Execution.Id' }, EventBusName: 'ml-events' }],
        },
        ResultPath: null,
        Assign: { 'failed.$': '$.FailedEntryCount' },
        End: true,
      },
    ],
  ])('%s: the input passes through, the result is PutEvents’ response', (language, expected) => {
    expect(
      renderState(
        DatasetInput,
        language,
        (s) => s.emit('Announce', { event: OnCustomBus, detail: (x) => ({ modelVersion: x.input.k, executionArn: x.context.Execution.Id }), assign: (x) => ({ failed: x.result.FailedEntryCount }) }).end(),
        'Announce',
      ),
    ).toEqual(expected);
  });

  test('an output from the response replaces the input', () => {
    expect(
      renderState(DatasetInput, 'JSONata', (s) => s.emit('Announce', { event: ModelRegistered, detail: () => ({ modelVersion: 1, executionArn: 'a' }), output: (x) => ({ id: x.result.Entries[0]!.EventId }) }).end(), 'Announce'),
    ).toMatchObject({ Output: { id: '{% $states.result.Entries[0].EventId %}' } });
  });
});
