import { evaluateJsonataTemplate } from '../../../src/interpreter/jsonata';
import { bindingsFor, causeOf } from './helpers';

const evaluate = (expression: string) => evaluateJsonataTemplate(`{% ${expression} %}`, bindingsFor({}), 'Output');
const threw = (expression: string, tail: string) =>
  `States.QueryEvaluationError: The JSONata expression '${expression}' specified for the field 'Output' threw an error during evaluation. ${tail}`;

describe('Step Functions JSONata functions', () => {
  it.each([
    ['$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)', [[1, 2, 3], [4, 5, 6], [7, 8, 9]]],
    ['$partition([1, 2, 3], 2)', [[1, 2], [3]]],
    ['$partition([1, 2], 1.9)', [[1], [2]]],
    ['$partition([1, 2])', [[1, 2]]],
    ['$range(0, 10, 2)', [0, 2, 4, 6, 8, 10]],
    ['$range(10, 0, -5)', [10, 5, 0]],
    ['$range(1, 9, 9)', 1],
    ['[$range(1, 9, 9)]', [1]],
    ['$hash("Hash this string", "SHA-256")', '1cac63f39fd68d8c531f27b807610fb3d50f0fc3f186995767fb6316e7200a3e'],
    ['$hash("a", "MD5")', '0cc175b9c0f1b6a831c399e269772661'],
    ['$random(42)', 0.7275636800328681],
    ['$parse("[1, 2, \\"x\\"]")', [1, 2, 'x']],
    ['$parse("null")', null],
    ['$parse("-0")', 0],
  ])('%s', async (expression, expected) => {
    expect(await evaluate(expression)).toEqual(expected);
  });

  it.each([
    ['$partition([], 2)'],
    ['$partition([1], 0)'],
    ['$range(0, 10)'],
    ['$range(0, 10, -1)'],
    ['$hash("a")'],
  ])('%s returns nothing', async (expression) => {
    expect(await causeOf(evaluate(expression))).toBe(
      `States.QueryEvaluationError: The JSONata expression '${expression}' specified for the field 'Output' returned nothing (undefined).`,
    );
  });

  it.each([
    ['$partition(1, 2)', 'T0412: Argument 1 of function "partition" must be an array of undefined'],
    ['$partition([1], "2")', 'T0410: Argument 2 of function "partition" does not match function signature'],
    ['$partition([1], -1)', 'D3137: Second argument must be zero or greater'],
    ['$partition([1], 1, 2)', 'T0410: Argument 3 of function "partition" does not match function signature'],
    ['$range("0", 1, 1)', 'T0410: Argument 1 of function "range" does not match function signature'],
    ['$hash(1, "MD5")', 'T0410: Argument 1 of function "hash" does not match function signature'],
    ['$hash("a", "SHA-2")', "D3137: Hash algorithm 'SHA-2' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5"],
    ['$random("x")', 'T0410: Argument 1 of function "random" does not match function signature'],
    ['$uuid(1)', 'T0410: Argument 1 of function "uuid" does not match function signature'],
    ['$parse(1)', 'T0410: Argument 1 of function "parse" does not match function signature'],
    ['$parse("{")', 'D3137: Invalid JSON'],
    ['$eval("1 + 1")', 'T1006: Attempted to invoke a non-function'],
  ])('%s fails', async (expression, tail) => {
    expect(await causeOf(evaluate(expression))).toBe(threw(expression, tail));
  });

  it('$uuid() is a version 4 UUID and $random() a number in [0, 1)', async () => {
    expect(await evaluate('$uuid()')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const value = (await evaluate('$random()')) as number;
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1);
  });
});
