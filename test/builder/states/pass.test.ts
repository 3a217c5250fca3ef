import { Type } from '@sinclair/typebox';
import { jsonata, type Flow, type Terminal } from '../../../src/builder';
import { DatasetInput } from '../fixtures';
import { renderState } from './render-state';

type Start = Flow<{ dataset: { bucket: string; key: string }; k: number; baselineScore: number }, {}>;

describe('Pass', () => {
  test.each<[string, (start: Start) => Terminal<unknown>, unknown, unknown]>([
    ['no options', (s) => s.pass('P').end(), { Type: 'Pass', End: true }, { Type: 'Pass', End: true }],
    ['a comment', (s) => s.pass('P', { comment: 'why' }).end(), { Type: 'Pass', Comment: 'why', End: true }, { Type: 'Pass', Comment: 'why', End: true }],
    [
      'an output object',
      (s) => s.pass('P', { output: (x) => ({ bucket: x.input.dataset.bucket, fixed: 1, at: x.context.State.EnteredTime }) }).end(),
      { Type: 'Pass', Output: { bucket: '{% $states.input.dataset.bucket %}', fixed: 1, at: '{% $states.context.State.EnteredTime %}' }, End: true },
      { Type: 'Pass', Parameters: { 'bucket.$': '$.dataset.bucket', fixed: 1, 'at.$': '$$.State.EnteredTime' }, End: true },
    ],
    [
      'an output that selects part of the input',
      (s) => s.pass('P', { output: (x) => x.input.dataset }).end(),
      { Type: 'Pass', Output: '{% $states.input.dataset %}', End: true },
      { Type: 'Pass', OutputPath: '$.dataset', End: true },
    ],
    ['the input itself', (s) => s.pass('P', { output: (x) => x.input }).end(), { Type: 'Pass', Output: '{% $states.input %}', End: true }, { Type: 'Pass', End: true }],
    [
      'assignments',
      (s) => s.pass('P', { assign: (x) => ({ k: x.input.k, name: x.context.Execution.Name, list: [1, 2] }) }).end(),
      { Type: 'Pass', Assign: { k: '{% $states.input.k %}', name: '{% $states.context.Execution.Name %}', list: [1, 2] }, End: true },
      { Type: 'Pass', Assign: { 'k.$': '$.k', 'name.$': '$$.Execution.Name', list: [1, 2] }, End: true },
    ],
    [
      'a .length of a string field',
      (s) => s.pass('P', { output: (x) => ({ n: x.input.dataset.key.length }) }).end(),
      { Type: 'Pass', Output: { n: '{% ($v := $states.input.dataset.key; $type($v) = "array" ? $count($v) : $type($v) = "string" ? $length($v) : $v.length) %}' }, End: true },
      new Error('state "P": JSONPath cannot read the length of input.dataset.key; use JSONata'),
    ],
  ])('%s', (_name, build, asJsonata, asJsonPath) => {
    expect(renderState(DatasetInput, 'JSONata', build, 'P')).toEqual(asJsonata);
    if (asJsonPath instanceof Error) expect(() => renderState(DatasetInput, 'JSONPath', build, 'P')).toThrow(asJsonPath.message);
    else expect(renderState(DatasetInput, 'JSONPath', build, 'P')).toEqual(asJsonPath);
  });

  test('JSONPath cannot write a computed output or a non-object one', () => {
    expect(() => renderState(DatasetInput, 'JSONPath', (s) => s.pass('P', { output: (x) => ({ k: jsonata<number>`${x.input.k} + 1` }) }).end(), 'P')).toThrow(
      'state "P".k: jsonata`…` expressions need the JSONata query language',
    );
    expect(() => renderState(DatasetInput, 'JSONPath', (s) => s.pass('P', { output: () => 'text' }).end(), 'P')).toThrow('state "P": this output cannot be written in JSONPath; use JSONata');
  });

  test('a field name that is not an identifier', () => {
    const Odd = Type.Object({ 'odd-name': Type.String() });
    expect(renderState(Odd, 'JSONPath', (s) => s.pass('P', { output: (x) => ({ v: x.input['odd-name'] }) }).end(), 'P')).toEqual({
      Type: 'Pass',
      Parameters: { 'v.$': "$['odd-name']" },
      End: true,
    });
  });
});
