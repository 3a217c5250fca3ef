import { BuilderError } from '../../../src/builder/builder-error';
import { record, recordAssignments, recordRequired } from '../../../src/builder/states/common';

type AnyScope = { input: Record<string, unknown>; result: Record<string, unknown> };

describe('record', () => {
  test('no accessor, no template', () => {
    expect(record(undefined, 'output')).toBeUndefined();
  });

  test('the result sits at the given base', () => {
    expect(recordRequired(((s: AnyScope) => ({ rows: s.result.rows })) as never, 'output', ['Payload'])).toEqual({
      kind: 'object',
      fields: { rows: { kind: 'path', root: 'result', segments: ['Payload', 'rows'] } },
    });
  });
});

describe('recordAssignments', () => {
  test('returns each variable’s template', () => {
    expect(recordAssignments(((s: AnyScope) => ({ k: s.input.k, _private: 1, Mixed_2: 'x' })) as never, 'assign')).toEqual({
      k: { kind: 'path', root: 'input', segments: ['k'] },
      _private: { kind: 'literal', value: 1 },
      Mixed_2: { kind: 'literal', value: 'x' },
    });
  });

  test.each<[string, unknown, string]>([
    ['a path instead of an object', (s: AnyScope) => s.input.k, 'assign: assign must return an object of variables'],
    ['a literal', () => 3, 'assign: assign must return an object of variables'],
    ['a name with a dash', () => ({ 'a-b': 1 }), 'assign: "a-b" is not a valid variable name'],
    ['a name starting with a digit', () => ({ '1a': 1 }), 'assign: "1a" is not a valid variable name'],
    ['the reserved name states', () => ({ states: 1 }), 'assign: "states" is not a valid variable name'],
  ])('refuses %s', (_name, accessor, message) => {
    expect(() => recordAssignments(accessor as never, 'assign')).toThrow(new BuilderError(message));
  });
});
