import { jsonata, type Flow, type Terminal } from '../../../src/builder';
import { DatasetInput } from '../fixtures';
import { renderState } from './render-state';

type Start = Flow<{ dataset: { bucket: string; key: string }; k: number; baselineScore: number }, {}>;

describe('Fail', () => {
  test.each<[string, (start: Start) => Terminal<unknown>, unknown, unknown]>([
    ['no options', (s) => s.fail('F'), { Type: 'Fail' }, { Type: 'Fail' }],
    [
      'a comment and literal error and cause',
      (s) => s.fail('F', { comment: 'give up', error: 'DatasetInvalid', cause: 'no rows' }),
      { Type: 'Fail', Comment: 'give up', Error: 'DatasetInvalid', Cause: 'no rows' },
      { Type: 'Fail', Comment: 'give up', Error: 'DatasetInvalid', Cause: 'no rows' },
    ],
    [
      'error and cause from the input',
      (s) => s.fail('F', { error: (x) => x.input.dataset.bucket, cause: (x) => x.input.dataset.key }),
      { Type: 'Fail', Error: '{% $states.input.dataset.bucket %}', Cause: '{% $states.input.dataset.key %}' },
      { Type: 'Fail', ErrorPath: '$.dataset.bucket', CausePath: '$.dataset.key' },
    ],
    [
      'a cause from the context object',
      (s) => s.fail('F', { cause: (x) => x.context.Execution.Id }),
      { Type: 'Fail', Cause: '{% $states.context.Execution.Id %}' },
      { Type: 'Fail', CausePath: '$$.Execution.Id' },
    ],
  ])('%s', (_name, build, asJsonata, asJsonPath) => {
    expect(renderState(DatasetInput, 'JSONata', build, 'F')).toEqual(asJsonata);
    expect(renderState(DatasetInput, 'JSONPath', build, 'F')).toEqual(asJsonPath);
  });

  test('a computed cause is JSONata only', () => {
    const build = (s: Start) => s.fail('F', { error: 'Bad', cause: (x) => jsonata<string>`"k=" & ${x.input.k}` });
    expect(renderState(DatasetInput, 'JSONata', build, 'F')).toEqual({ Type: 'Fail', Error: 'Bad', Cause: '{% "k=" & $states.input.k %}' });
    expect(() => renderState(DatasetInput, 'JSONPath', build, 'F')).toThrow('state "F": Cause needs a literal or a path in JSONPath');
  });
});
