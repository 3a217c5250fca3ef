import type { OutputKind } from '../../../src/builder/render/dialect';
import { dialectFor, jsonataDialect, jsonPathDialect } from '../../../src/builder/render/dialect';
import type { Template } from '../../../src/builder/expression';

const path = (root: 'input' | 'result', ...segments: string[]): Template => ({ kind: 'path', root, segments });
const object: Template = { kind: 'object', fields: { a: path('result', 'a') } };
const inputObject: Template = { kind: 'object', fields: { a: path('input', 'a') } };

describe('dialectFor', () => {
  test.each([
    ['JSONata', jsonataDialect],
    ['JSONPath', jsonPathDialect],
  ] as const)('%s', (language, dialect) => {
    expect(dialectFor(language)).toBe(dialect);
  });
});

describe('JSONPath output forms', () => {
  test.each<[string, Template, OutputKind, unknown]>([
    ['a result field is OutputPath', path('result', 'Payload'), 'result', { OutputPath: '$.Payload' }],
    ['the whole result is nothing to write', path('result'), 'result', {}],
    ['the whole input of a result state is ResultPath null', path('input'), 'result', { ResultPath: null }],
    ['an object of the result is ResultSelector', object, 'result', { ResultSelector: { 'a.$': '$.a' } }],
    ['an object of the input is Parameters', inputObject, 'input', { Parameters: { 'a.$': '$.a' } }],
    ['an input field of an input state is OutputPath', path('input', 'a'), 'input', { OutputPath: '$.a' }],
    ['an input field of a path-only state is OutputPath', path('input', 'a'), 'pathOnly', { OutputPath: '$.a' }],
  ])('%s', (_name, template, kind, expected) => {
    expect(jsonPathDialect.output(template, kind, 'S')).toEqual(expected);
  });

  test.each<[string, Template, OutputKind]>([
    ['an input field of a result state', path('input', 'a'), 'result'],
    ['an object on a path-only state', inputObject, 'pathOnly'],
    ['a literal', { kind: 'literal', value: 1 }, 'input'],
  ])('refuses %s', (_name, template, kind) => {
    expect(() => jsonPathDialect.output(template, kind, 'S')).toThrow('S: this output cannot be written in JSONPath; use JSONata');
  });

  test('payload keys: Arguments becomes Parameters, the others keep their name', () => {
    expect(jsonPathDialect.payload('Arguments', inputObject, 'S')).toEqual({ Parameters: { 'a.$': '$.a' } });
    expect(jsonPathDialect.payload('ItemSelector', inputObject, 'S')).toEqual({ ItemSelector: { 'a.$': '$.a' } });
    expect(jsonataDialect.payload('Arguments', inputObject, 'S')).toEqual({ Arguments: { a: '{% $states.input.a %}' } });
  });

  test('assignments read the result on result states', () => {
    expect(jsonPathDialect.assign({ rows: path('result', 'rows') }, 'result', 'S')).toEqual({ Assign: { 'rows.$': '$.rows' } });
    expect(() => jsonPathDialect.assign({ rows: path('result', 'rows') }, 'input', 'S')).toThrow('S: JSONPath cannot read result.rows here; use JSONata');
  });

  test('absent options write nothing in either dialect', () => {
    for (const dialect of [jsonataDialect, jsonPathDialect]) {
      expect(dialect.payload('Arguments', undefined, 'S')).toEqual({});
      expect(dialect.output(undefined, 'result', 'S')).toEqual({});
      expect(dialect.assign(undefined, 'input', 'S')).toEqual({});
      expect(dialect.field('Seconds', undefined, 'S')).toEqual({});
    }
  });
});
