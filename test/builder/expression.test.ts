import { BuilderError } from '../../src/builder/builder-error';
import { describePath, jsonata, lengthOf, pathOf, recordingProxy, toTemplate, type PathExpression } from '../../src/builder/expression';

type Deep = Record<string, Record<string, Record<string, unknown>>>;

describe('recordingProxy', () => {
  test.each<[string, (root: Deep) => unknown, PathExpression]>([
    ['a field', (r) => r.a, { kind: 'path', root: 'input', segments: ['a'] }],
    ['nested fields', (r) => r.a!.b!.c, { kind: 'path', root: 'input', segments: ['a', 'b', 'c'] }],
    ['an index becomes a number', (r) => r.items![0], { kind: 'path', root: 'input', segments: ['items', 0] }],
    ['a multi-digit index', (r) => r.items![12], { kind: 'path', root: 'input', segments: ['items', 12] }],
    ['a leading zero stays a name', (r) => r.items!['01'], { kind: 'path', root: 'input', segments: ['items', '01'] }],
    ['a negative index stays a name', (r) => r.items!['-1'], { kind: 'path', root: 'input', segments: ['items', '-1'] }],
  ])('records %s', (_name, read, expected) => {
    expect(pathOf(read(recordingProxy('input') as Deep))).toEqual(expected);
  });

  test('the root itself is the empty path', () => {
    expect(pathOf(recordingProxy('result', ['Payload']))).toEqual({ kind: 'path', root: 'result', segments: ['Payload'] });
  });

  test.each<[string, (v: number & string) => unknown]>([
    ['arithmetic', (v) => v + 1],
    ['a template string', (v) => `${v}`],
    ['a comparison', (v) => (v as number) > 1],
  ])('refuses %s at build time', (_name, use) => {
    const field = (recordingProxy('input') as Record<string, number & string>).k!;
    expect(() => use(field)).toThrow(new BuilderError("the path input.k is used in an operator or string; accessors may only select fields — write jsonata`…` for computed values"));
  });

  test('symbols other than the path marker read as undefined', () => {
    const proxy = recordingProxy('input') as Record<symbol, unknown>;
    expect(proxy[Symbol.iterator]).toBeUndefined();
  });
});

describe('pathOf and describePath', () => {
  test.each([null, undefined, 3, 'text', {}, []])('%p is not a path', (value) => {
    expect(pathOf(value)).toBeUndefined();
  });

  test('describes a path with its root', () => {
    expect(describePath({ kind: 'path', root: 'variable', segments: ['best', 'scores', 0] })).toBe('variable.best.scores.0');
  });
});

describe('lengthOf', () => {
  test.each<[string, PathExpression, PathExpression | undefined]>([
    ['an input array', { kind: 'path', root: 'input', segments: ['items', 'length'] }, { kind: 'path', root: 'input', segments: ['items'] }],
    ['the input itself', { kind: 'path', root: 'input', segments: ['length'] }, { kind: 'path', root: 'input', segments: [] }],
    ['a variable', { kind: 'path', root: 'variable', segments: ['folds', 'length'] }, { kind: 'path', root: 'variable', segments: ['folds'] }],
    ['a variable named length', { kind: 'path', root: 'variable', segments: ['length'] }, undefined],
    ['length in the middle', { kind: 'path', root: 'input', segments: ['length', 'unit'] }, undefined],
    ['another last field', { kind: 'path', root: 'input', segments: ['items', 'size'] }, undefined],
  ])('%s', (_name, path, expected) => {
    expect(lengthOf(path)).toEqual(expected);
  });
});

describe('toTemplate', () => {
  const input = recordingProxy('input') as Deep;

  test('turns a nested value into literals, paths, objects and arrays', () => {
    expect(toTemplate({ a: 1, b: 'x', c: null, d: true, e: [input.k, 2], f: { g: input.a!.b }, skipped: undefined }, 'output')).toEqual({
      kind: 'object',
      fields: {
        a: { kind: 'literal', value: 1 },
        b: { kind: 'literal', value: 'x' },
        c: { kind: 'literal', value: null },
        d: { kind: 'literal', value: true },
        e: { kind: 'array', items: [{ kind: 'path', root: 'input', segments: ['k'] }, { kind: 'literal', value: 2 }] },
        f: { kind: 'object', fields: { g: { kind: 'path', root: 'input', segments: ['a', 'b'] } } },
      },
    });
  });

  test('a jsonata fragment keeps its strings and holes', () => {
    expect(toTemplate(jsonata<number>`$count(${input.items}) + ${2}`, 'output')).toEqual({
      kind: 'jsonata',
      strings: ['$count(', ') + ', ''],
      holes: [{ kind: 'path', root: 'input', segments: ['items'] }, { kind: 'literal', value: 2 }],
    });
  });

  test.each<[string, unknown, string]>([
    ['NaN', { n: NaN }, 'output.n: NaN is not a JSON number'],
    ['Infinity in an array', [1, Infinity], 'output[1]: Infinity is not a JSON number'],
    ['a function', { f: () => 1 }, 'output.f: a function cannot appear in a state definition'],
    ['a Date', { when: new Date(0) }, 'output.when: a object cannot appear in a state definition'],
    ['a bigint', 1n, 'output: a bigint cannot appear in a state definition'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => toTemplate(value, 'output')).toThrow(new BuilderError(message));
  });

  test('a bad jsonata hole names its position', () => {
    expect(() => jsonata`${NaN}`).toThrow(new BuilderError('jsonata hole 0: NaN is not a JSON number'));
  });
});
