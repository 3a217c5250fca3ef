import { pathOf } from '../../src/builder/expression';
import { recordingScope } from '../../src/builder/scope';

describe('recordingScope', () => {
  const scope = recordingScope(['Payload']) as unknown as Record<string, Record<string, unknown>>;

  test.each<[string, unknown, unknown]>([
    ['input', scope.input!.a, { kind: 'path', root: 'input', segments: ['a'] }],
    ['vars', scope.vars!.best, { kind: 'path', root: 'variable', segments: ['best'] }],
    ['context', scope.context!.Execution, { kind: 'path', root: 'context', segments: ['Execution'] }],
    ['result under its base', scope.result!.rows, { kind: 'path', root: 'result', segments: ['Payload', 'rows'] }],
    ['errorOutput', scope.errorOutput!.Cause, { kind: 'path', root: 'errorOutput', segments: ['Cause'] }],
    ['item is the Map item value', scope.item!.key, { kind: 'path', root: 'context', segments: ['Map', 'Item', 'Value', 'key'] }],
    ['index is the Map item index', scope.index, { kind: 'path', root: 'context', segments: ['Map', 'Item', 'Index'] }],
  ])('%s', (_name, value, expected) => {
    expect(pathOf(value)).toEqual(expected);
  });

  test('the result defaults to the raw result', () => {
    expect(pathOf((recordingScope() as unknown as { result: unknown }).result)).toEqual({ kind: 'path', root: 'result', segments: [] });
  });
});
