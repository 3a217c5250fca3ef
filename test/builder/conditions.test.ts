import { and, eq, gt, gte, isPresent, lt, lte, matches, ne, not, or, type Condition } from '../../src/builder/conditions';
import { toConditionNode } from '../../src/builder/conditions';
import { jsonata, recordingProxy } from '../../src/builder/expression';

const input = recordingProxy('input') as { n: number; s: string; flag: boolean; maybe?: string };
const n = { kind: 'path', root: 'input', segments: ['n'] } as const;
const lit = (value: string | number | boolean | null) => ({ kind: 'literal', value }) as const;

describe('conditions record their IR', () => {
  test.each<[string, Condition, unknown]>([
    ['eq', eq(input.n, 1), { kind: 'compare', op: 'eq', left: n, right: lit(1) }],
    ['ne', ne(input.s, 'x'), { kind: 'compare', op: 'ne', left: { kind: 'path', root: 'input', segments: ['s'] }, right: lit('x') }],
    ['gt', gt(input.n, 2), { kind: 'compare', op: 'gt', left: n, right: lit(2) }],
    ['gte', gte<number>(3, input.n), { kind: 'compare', op: 'gte', left: lit(3), right: n }],
    ['lt', lt(input.n, 4), { kind: 'compare', op: 'lt', left: n, right: lit(4) }],
    ['lte', lte(input.n, 5), { kind: 'compare', op: 'lte', left: n, right: lit(5) }],
    ['eq null', eq<string | null>(input.s, null), { kind: 'compare', op: 'eq', left: { kind: 'path', root: 'input', segments: ['s'] }, right: lit(null) }],
    ['and', and(eq(input.n, 1), eq(input.flag, true)), { kind: 'and', operands: [{ kind: 'compare', op: 'eq', left: n, right: lit(1) }, { kind: 'compare', op: 'eq', left: { kind: 'path', root: 'input', segments: ['flag'] }, right: lit(true) }] }],
    ['or of none', or(), { kind: 'or', operands: [] }],
    ['not', not(gt(input.n, 0)), { kind: 'not', operand: { kind: 'compare', op: 'gt', left: n, right: lit(0) } }],
    ['isPresent', isPresent(input.maybe), { kind: 'present', path: { kind: 'path', root: 'input', segments: ['maybe'] } }],
    ['matches', matches(input.s, 'a*'), { kind: 'matches', value: { kind: 'path', root: 'input', segments: ['s'] }, pattern: 'a*' }],
  ])('%s', (_name, condition, expected) => {
    expect(toConditionNode(condition)).toEqual(expected);
  });

  test('a boolean path or expression is a condition on its own', () => {
    expect(toConditionNode(input.flag)).toEqual({ kind: 'truthy', value: { kind: 'path', root: 'input', segments: ['flag'] } });
    expect(toConditionNode(jsonata<boolean>`${input.n} > 1`)).toEqual({ kind: 'truthy', value: { kind: 'jsonata', strings: ['', ' > 1'], holes: [n] } });
    expect(toConditionNode(true)).toEqual({ kind: 'truthy', value: lit(true) });
  });

  test('isPresent needs a path', () => {
    expect(() => isPresent('literal')).toThrow('isPresent: the operand must be an accessor path');
  });

  test('a comparison with a non-JSON operand names the operator', () => {
    expect(() => gt(input.n, NaN)).toThrow('gt: NaN is not a JSON number');
  });

  test('operands of different types do not compile', () => {
    // @ts-expect-error a number field compared to a string
    eq(input.n, 'one');
    // @ts-expect-error booleans have no order
    gt(input.flag, true);
    // @ts-expect-error matches takes a string
    matches(input.n, '*');
  });
});
