import type { Flow, Terminal } from '../../../src/builder';
import { DatasetInput } from '../fixtures';
import { renderState } from './render-state';

type Start = Flow<{ dataset: { bucket: string; key: string }; k: number; baselineScore: number }, {}>;

describe('Succeed', () => {
  test.each<[string, (start: Start) => Terminal<unknown>, unknown, unknown]>([
    ['no options', (s) => s.succeed('S'), { Type: 'Succeed' }, { Type: 'Succeed' }],
    ['a comment', (s) => s.succeed('S', { comment: 'done' }), { Type: 'Succeed', Comment: 'done' }, { Type: 'Succeed', Comment: 'done' }],
    ['an output that selects', (s) => s.succeed('S', { output: (x) => x.input.dataset }), { Type: 'Succeed', Output: '{% $states.input.dataset %}' }, { Type: 'Succeed', OutputPath: '$.dataset' }],
    ['the input itself', (s) => s.succeed('S', { output: (x) => x.input }), { Type: 'Succeed', Output: '{% $states.input %}' }, { Type: 'Succeed' }],
  ])('%s', (_name, build, asJsonata, asJsonPath) => {
    expect(renderState(DatasetInput, 'JSONata', build, 'S')).toEqual(asJsonata);
    expect(renderState(DatasetInput, 'JSONPath', build, 'S')).toEqual(asJsonPath);
  });

  test('an output object is JSONata only', () => {
    const build = (s: Start) => s.succeed('S', { output: (x) => ({ bucket: x.input.dataset.bucket }) });
    expect(renderState(DatasetInput, 'JSONata', build, 'S')).toEqual({ Type: 'Succeed', Output: { bucket: '{% $states.input.dataset.bucket %}' } });
    expect(() => renderState(DatasetInput, 'JSONPath', build, 'S')).toThrow('state "S": this output cannot be written in JSONPath; use JSONata');
  });
});
