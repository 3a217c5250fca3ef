import type { ConditionNode } from '../../../src/builder/conditions';
import type { PathExpression, Template } from '../../../src/builder/expression';
import { jsonPath, jsonPathCondition, jsonPathPayload, type Subject } from '../../../src/builder/render/jsonpath';

const path = (root: PathExpression['root'], ...segments: (string | number)[]): PathExpression => ({ kind: 'path', root, segments });
const literal = (value: string | number | boolean | null): Template => ({ kind: 'literal', value });

describe('jsonPath', () => {
  test.each<[PathExpression, Subject, string]>([
    [path('input'), 'input', '$'],
    [path('input', 'dataset', 'bucket'), 'input', '$.dataset.bucket'],
    [path('input', 'folds', 2, 'key'), 'input', '$.folds[2].key'],
    [path('input', 'odd-name'), 'input', "$['odd-name']"],
    [path('result', 'Payload', 'rows'), 'result', '$.Payload.rows'],
    [path('context', 'Execution', 'Id'), 'input', '$$.Execution.Id'],
    [path('context', 'Task', 'Token'), 'result', '$$.Task.Token'],
    [path('variable', 'best', 'mean'), 'input', '$best.mean'],
    [path('input', 'length', 'unit'), 'input', '$.length.unit'],
  ])('%j with $ = %s → %s', (p, subject, expected) => {
    expect(jsonPath(p, subject, 'S')).toBe(expected);
  });

  test.each<[PathExpression, Subject, string]>([
    [path('result', 'x'), 'input', 'S: JSONPath cannot read result.x here; use JSONata'],
    [path('input', 'x'), 'result', 'S: JSONPath cannot read input.x here; use JSONata'],
    [path('errorOutput', 'Cause'), 'input', 'S: JSONPath cannot read errorOutput.Cause here; use JSONata'],
    [path('input', 'items', 'length'), 'input', 'S: JSONPath cannot read the length of input.items; use JSONata'],
    [path('variable', 'folds', 'length'), 'input', 'S: JSONPath cannot read the length of variable.folds; use JSONata'],
  ])('refuses %j with $ = %s', (p, subject, message) => {
    expect(() => jsonPath(p, subject, 'S')).toThrow(message);
  });
});

describe('jsonPathPayload', () => {
  test('computed fields get a .$ key, literals stay, nesting keeps its shape', () => {
    const template: Template = {
      kind: 'object',
      fields: {
        bucket: path('input', 'dataset', 'bucket'),
        k: literal(5),
        token: path('context', 'Task', 'Token'),
        nested: { kind: 'object', fields: { key: path('input', 'key') } },
        list: { kind: 'array', items: [literal('a'), { kind: 'object', fields: { v: path('variable', 'v') } }] },
      },
    };
    expect(jsonPathPayload(template, 'input', 'S')).toEqual({
      'bucket.$': '$.dataset.bucket',
      k: 5,
      'token.$': '$$.Task.Token',
      nested: { 'key.$': '$.key' },
      list: ['a', { 'v.$': '$v' }],
    });
  });

  test.each<[string, Template, string]>([
    ['a bare path', path('input', 'x'), 'S: JSONPath payloads must be objects; wrap input.x in a field'],
    ['a path directly in an array', { kind: 'object', fields: { l: { kind: 'array', items: [literal(1), path('input', 'x')] } } }, 'S.l[1]: JSONPath cannot place a path directly in an array; use JSONata'],
    ['a jsonata fragment', { kind: 'object', fields: { n: { kind: 'jsonata', strings: ['1'], holes: [] } } }, 'S.n: jsonata`…` expressions need the JSONata query language'],
  ])('refuses %s', (_name, template, message) => {
    expect(() => jsonPathPayload(template, 'input', 'S')).toThrow(message);
  });
});

describe('jsonPathCondition', () => {
  const compare = (op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte', left: Template, right: Template): ConditionNode => ({ kind: 'compare', op, left, right });
  const x = path('input', 'x');
  test.each<[string, ConditionNode, unknown]>([
    ['string equals', compare('eq', x, literal('a')), { Variable: '$.x', StringEquals: 'a' }],
    ['numeric greater than', compare('gt', x, literal(1)), { Variable: '$.x', NumericGreaterThan: 1 }],
    ['numeric greater than or equal', compare('gte', x, literal(1)), { Variable: '$.x', NumericGreaterThanEquals: 1 }],
    ['string less than', compare('lt', x, literal('m')), { Variable: '$.x', StringLessThan: 'm' }],
    ['numeric less than or equal', compare('lte', x, literal(1)), { Variable: '$.x', NumericLessThanEquals: 1 }],
    ['boolean equals', compare('eq', x, literal(false)), { Variable: '$.x', BooleanEquals: false }],
    ['null is IsNull', compare('eq', x, literal(null)), { Variable: '$.x', IsNull: true }],
    ['ne is Not(Equals)', compare('ne', x, literal(3)), { Not: { Variable: '$.x', NumericEquals: 3 } }],
    ['a literal on the left is mirrored', compare('lt', literal(3), x), { Variable: '$.x', NumericGreaterThan: 3 }],
    ['a variable operand', compare('eq', path('variable', 'done'), literal(true)), { Variable: '$done', BooleanEquals: true }],
    ['a context operand', compare('gt', path('context', 'State', 'RetryCount'), literal(2)), { Variable: '$$.State.RetryCount', NumericGreaterThan: 2 }],
    [
      'and / or / not',
      { kind: 'and', operands: [{ kind: 'not', operand: compare('eq', x, literal(1)) }, { kind: 'or', operands: [compare('eq', x, literal(2))] }] },
      { And: [{ Not: { Variable: '$.x', NumericEquals: 1 } }, { Or: [{ Variable: '$.x', NumericEquals: 2 }] }] },
    ],
    ['present', { kind: 'present', path: x }, { Variable: '$.x', IsPresent: true }],
    ['matches', { kind: 'matches', value: x, pattern: 'a*' }, { Variable: '$.x', StringMatches: 'a*' }],
    ['truthy', { kind: 'truthy', value: x }, { Variable: '$.x', BooleanEquals: true }],
  ])('%s', (_name, node, expected) => {
    expect(jsonPathCondition(node, 'S')).toEqual(expected);
  });

  test.each<[string, ConditionNode, string]>([
    ['two paths', compare('eq', x, path('input', 'y')), 'S: JSONPath compares a path with a literal only; use JSONata'],
    ['two literals', compare('eq', literal(1), literal(1)), 'S: JSONPath compares a path with a literal only; use JSONata'],
    ['a boolean ordered', compare('gt', x, literal(true)), 'S: JSONPath cannot compare with true'],
    ['null ordered', compare('lt', x, literal(null)), 'S: JSONPath cannot compare with null'],
    ['a fragment matched', { kind: 'matches', value: { kind: 'jsonata', strings: ['"a"'], holes: [] }, pattern: '*' }, 'S: JSONPath matches a path only'],
    ['a fragment as truth', { kind: 'truthy', value: literal(true) }, 'S: JSONPath tests a boolean path only'],
    ['the result', compare('eq', path('result', 'x'), literal(1)), 'S: JSONPath cannot read result.x here; use JSONata'],
    ['a length', compare('gt', path('input', 'items', 'length'), literal(0)), 'S: JSONPath cannot read the length of input.items; use JSONata'],
  ])('refuses %s', (_name, node, message) => {
    expect(() => jsonPathCondition(node, 'S')).toThrow(message);
  });
});
