import jsonata from 'jsonata';
import type { ConditionNode } from '../../../src/builder/conditions';
import type { PathExpression, Template } from '../../../src/builder/expression';
import { jsonataCondition, jsonataExpression, jsonataPath, jsonataValue } from '../../../src/builder/render/jsonata';

const input = (...segments: (string | number)[]): PathExpression => ({ kind: 'path', root: 'input', segments });
const literal = (value: string | number | boolean | null): Template => ({ kind: 'literal', value });

describe('jsonataPath', () => {
  test.each<[PathExpression, string]>([
    [input(), '$states.input'],
    [input('dataset', 'bucket'), '$states.input.dataset.bucket'],
    [input('folds', 0, 'trainKey'), '$states.input.folds[0].trainKey'],
    [input('odd-name', 'a b'), '$states.input.`odd-name`.`a b`'],
    [{ kind: 'path', root: 'result', segments: ['Payload', 'rows'] }, '$states.result.Payload.rows'],
    [{ kind: 'path', root: 'errorOutput', segments: ['Cause'] }, '$states.errorOutput.Cause'],
    [{ kind: 'path', root: 'context', segments: ['Map', 'Item', 'Value'] }, '$states.context.Map.Item.Value'],
    [{ kind: 'path', root: 'variable', segments: ['best', 'mean'] }, '$best.mean'],
    [{ kind: 'path', root: 'variable', segments: ['length'] }, '$length'],
    [input('length', 'unit'), '$states.input.length.unit'],
    [input('items', 'length'), '($v := $states.input.items; $type($v) = "array" ? $count($v) : $type($v) = "string" ? $length($v) : $v.length)'],
  ])('%j → %s', (path, expected) => {
    expect(jsonataPath(path)).toBe(expected);
  });
});

describe('.length renders as what JavaScript means by it', () => {
  // Evaluated with the JSONata engine the interpreter uses, so a rendering that reads nothing fails here.
  test.each<[string, unknown, number | undefined]>([
    ['an array', [4, 5, 6], 3],
    ['a one-item array', [4], 1],
    ['an empty array', [], 0],
    ['an array of arrays', [[1, 2], [3]], 2],
    ['a string', 'abcd', 4],
    ['an object with a length field', { length: 7 }, 7],
    ['a missing field', undefined, undefined],
  ])('of %s', async (_name, items, expected) => {
    const expression = jsonataPath(input('items', 'length'));
    expect(await jsonata(expression).evaluate({}, { states: { input: { items } } })).toBe(expected);
  });

  test('of a variable', async () => {
    const expression = jsonataPath({ kind: 'path', root: 'variable', segments: ['folds', 'length'] });
    expect(await jsonata(expression).evaluate({}, { folds: [1, 2] })).toBe(2);
  });
});

describe('jsonataExpression', () => {
  test.each<[string, Template, string]>([
    ['a string literal', literal('a"b'), '"a\\"b"'],
    ['a number literal', literal(2.5), '2.5'],
    ['null', literal(null), 'null'],
    ['an object', { kind: 'object', fields: { 'a-b': input('x'), n: literal(1) } }, '{"a-b": $states.input.x, "n": 1}'],
    ['an array', { kind: 'array', items: [input('x'), literal(true)] }, '[$states.input.x, true]'],
    ['a jsonata fragment with path and literal holes', { kind: 'jsonata', strings: ['$count(', ') * ', ''], holes: [input('items'), literal(2)] }, '$count($states.input.items) * 2'],
    [
      'a nested fragment is parenthesised',
      { kind: 'jsonata', strings: ['', ' * 2'], holes: [{ kind: 'jsonata', strings: ['1 + ', ''], holes: [input('k')] }] },
      '(1 + $states.input.k) * 2',
    ],
    ['an object hole is parenthesised', { kind: 'jsonata', strings: ['$keys(', ')'], holes: [{ kind: 'object', fields: {} }] }, '$keys(({}))'],
  ])('%s', (_name, template, expected) => {
    expect(jsonataExpression(template)).toBe(expected);
  });
});

describe('jsonataValue', () => {
  test.each<[string, Template, unknown]>([
    ['a literal stays JSON', literal(3), 3],
    ['a plain string stays', literal('plain {% text'), 'plain {% text'],
    ['a string shaped like an expression is quoted inside one', literal(' {% $x %} '), '{% " {% $x %} " %}'],
    ['a path becomes an expression string', input('k'), '{% $states.input.k %}'],
    [
      'objects and arrays keep their shape',
      { kind: 'object', fields: { a: { kind: 'array', items: [input('k'), literal('x')] } } },
      { a: ['{% $states.input.k %}', 'x'] },
    ],
    ['a fragment', { kind: 'jsonata', strings: ['$now()'], holes: [] }, '{% $now() %}'],
  ])('%s', (_name, template, expected) => {
    expect(jsonataValue(template)).toEqual(expected);
  });
});

describe('jsonataCondition', () => {
  const compare = (op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', left: Template, right: Template): ConditionNode => ({ kind: 'compare', op, left, right });
  test.each<[string, ConditionNode, string]>([
    ['eq', compare('eq', input('status'), literal('ok')), '$states.input.status = "ok"'],
    ['ne', compare('ne', input('n'), literal(1)), '$states.input.n != 1'],
    ['gt', compare('gt', input('n'), literal(1)), '$states.input.n > 1'],
    ['gte', compare('gte', input('n'), { kind: 'path', root: 'variable', segments: ['min'] }), '$states.input.n >= $min'],
    ['lt', compare('lt', literal(0), input('n')), '0 < $states.input.n'],
    ['lte', compare('lte', input('n'), literal(9)), '$states.input.n <= 9'],
    ['a fragment operand is parenthesised', compare('gt', { kind: 'jsonata', strings: ['$count(', ')'], holes: [input('a')] }, literal(0)), '($count($states.input.a)) > 0'],
    ['a length operand', compare('gt', input('items', 'length'), literal(0)), '($v := $states.input.items; $type($v) = "array" ? $count($v) : $type($v) = "string" ? $length($v) : $v.length) > 0'],
    [
      'and / or nest in parentheses',
      { kind: 'and', operands: [compare('eq', input('a'), literal(1)), { kind: 'or', operands: [compare('eq', input('b'), literal(2)), compare('eq', input('c'), literal(3))] }] },
      '($states.input.a = 1) and (($states.input.b = 2) or ($states.input.c = 3))',
    ],
    ['not', { kind: 'not', operand: compare('eq', input('a'), literal(1)) }, '$not($states.input.a = 1)'],
    ['present', { kind: 'present', path: input('optional') }, '$exists($states.input.optional)'],
    ['truthy', { kind: 'truthy', value: input('done') }, '$states.input.done'],
    ['matches escapes regex characters', { kind: 'matches', value: input('key'), pattern: 'runs/*.csv' }, '$contains($states.input.key, /^runs\\/.*\\.csv$/)'],
  ])('%s', (_name, node, expected) => {
    expect(jsonataCondition(node)).toBe(expected);
  });

  test.each<[string, string, boolean]>([
    ['runs/a/b.csv', 'runs/*.csv', true],
    ['runs/a.csvx', 'runs/*.csv', false],
    ['xruns/a.csv', 'runs/*.csv', false],
    ['a(1)+b', 'a(*)+b', true],
    ['exact', 'exact', true],
  ])('StringMatches %s against %s is %s when evaluated', async (value, pattern, expected) => {
    const expression = jsonataCondition({ kind: 'matches', value: input('key'), pattern });
    expect(await jsonata(expression).evaluate({}, { states: { input: { key: value } } })).toBe(expected);
  });
});
