import { jsonata, stateRef } from '../../../src/builder';
import { DatasetInput, Split } from '../fixtures';
import { renderDocument } from './render-state';

describe('Catch', () => {
  const handled = stateRef<{ reason: string }, { failedAt: string }>('Handled');

  test('catchers in order: a new path, and a declared state with output and assign', () => {
    expect(
      renderDocument(DatasetInput, 'JSONata', (s) =>
        s
          .task('Split', {
            task: Split,
            arguments: (x) => ({ bucket: x.input.dataset.bucket, key: x.input.dataset.key, k: x.input.k }),
            // The normal path enters Handled too, so it must bring what Handled accepts.
            output: (x) => ({ reason: jsonata<string>`"rows: " & ${x.result.rows}` }),
            assign: () => ({ failedAt: 'nowhere' }),
            catch: (c) => [
              c.to(['DatasetInvalid', 'States.Timeout'], (b) => b.fail('Invalid', { cause: (x) => x.input.Cause })),
              c.to(['States.ALL'], { output: (x) => ({ reason: x.errorOutput.Error }), assign: (x) => ({ failedAt: x.context.State.Name }) }, handled),
            ],
          })
          .pass(handled)
          .end(),
      ),
    ).toEqual({
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
          Output: { reason: '{% "rows: " & $states.result.Payload.rows %}' },
          Assign: { failedAt: 'nowhere' },
          Retry: Split.retry,
          Catch: [
            { ErrorEquals: ['DatasetInvalid', 'States.Timeout'], Next: 'Invalid' },
            { ErrorEquals: ['States.ALL'], Next: 'Handled', Output: { reason: '{% $states.errorOutput.Error %}' }, Assign: { failedAt: '{% $states.context.State.Name %}' } },
          ],
          Next: 'Handled',
        },
        Invalid: { Type: 'Fail', Cause: '{% $states.input.Cause %}' },
        Handled: { Type: 'Pass', End: true },
      },
    });
  });

  test('JSONPath renders plain catchers and refuses output or assign on them', () => {
    const plain = renderDocument(DatasetInput, 'JSONPath', (s) =>
      s.task('Split', { task: Split, arguments: () => ({ bucket: 'b', key: 'k', k: 2 }), catch: (c) => [c.to(['States.ALL'], (b) => b.fail('Failed'))] }).end(),
    );
    expect(plain).toMatchObject({ States: { Split: { Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }] }, Failed: { Type: 'Fail' } } });
    expect(() =>
      renderDocument(DatasetInput, 'JSONPath', (s) =>
        s.task('Split', { task: Split, arguments: () => ({ bucket: 'b', key: 'k', k: 2 }), catch: (c) => [c.to(['States.ALL'], { assign: (x) => ({ e: x.errorOutput.Error }) }, (b) => b.fail('Failed'))] }).end(),
      ),
    ).toThrow('state "Split": Catch output and assign need the JSONata query language');
  });

  test('an empty catch list renders no Catch', () => {
    const document = renderDocument(DatasetInput, 'JSONata', (s) => s.task('Split', { task: Split, arguments: () => ({ bucket: 'b', key: 'k', k: 2 }), retry: [], catch: () => [] }).end());
    expect(document).toMatchObject({ States: { Split: { Type: 'Task' } } });
    expect(Object.keys((document as { States: { Split: object } }).States.Split)).not.toContain('Catch');
    expect(Object.keys((document as { States: { Split: object } }).States.Split)).not.toContain('Retry');
  });
});
