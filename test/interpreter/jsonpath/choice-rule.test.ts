import type { ChoiceRule } from '../../../src/asl/definition';
import { StatesError } from '../../../src/asl/errors';
import type { Json } from '../../../src/asl/json';
import { evaluateChoiceRule, type PathScope } from '../../../src/interpreter/jsonpath';
import { parseTimestamp } from '../../../src/interpreter/timestamps';

const input: Json = {
  name: 'log-2024.txt',
  star: 'a*b',
  slash: 'a\\b',
  multiline: 'first\nsecond',
  n: 5,
  other: 7,
  nothing: null,
  at: '2024-03-01T10:00:00.5+02:00',
  atUtc: '2024-03-01T08:00:00.500Z',
  flag: true,
};
const scope: PathScope = { input, context: {}, variables: { threshold: 5 } };
const holds = (rule: ChoiceRule) => evaluateChoiceRule(rule, scope);

describe('evaluateChoiceRule', () => {
  it.each<[ChoiceRule, boolean]>([
    [{ Variable: '$.name', StringMatches: 'log-*.txt' }, true],
    [{ Variable: '$.name', StringMatches: '*.csv' }, false],
    [{ Variable: '$.star', StringMatches: 'a\\*b' }, true],
    [{ Variable: '$.name', StringMatches: 'log\\*' }, false],
    [{ Variable: '$.slash', StringMatches: 'a\\\\b' }, true],
    [{ Variable: '$.multiline', StringMatches: 'first*' }, true],
    [{ Variable: '$.name', StringMatches: 'log-2024.tx?' }, false],
    [{ Variable: '$.n', StringEquals: '5' }, false],
    [{ Variable: '$.n', NumericEqualsPath: '$threshold' }, true],
    [{ Variable: '$.n', NumericLessThanPath: '$.other' }, true],
    [{ Variable: '$.n', NumericGreaterThanEquals: 5.0 }, true],
    [{ Variable: '$.name', NumericLessThan: 10 }, false],
    [{ Variable: '$.flag', BooleanEqualsPath: '$.flag' }, true],
    [{ Variable: '$.at', TimestampEqualsPath: '$.atUtc' }, true],
    [{ Variable: '$.at', TimestampLessThan: '2024-03-01T08:00:00.6Z' }, true],
    [{ Variable: '$.at', TimestampGreaterThan: '2024-03-01T08:00:00.499999999Z' }, true],
    [{ Variable: '$.nothing', IsNull: true }, true],
    [{ Variable: '$.n', IsNull: false }, true],
    [{ Variable: '$.name', IsString: true }, true],
    [{ Variable: '$.at', IsTimestamp: true }, true],
    [{ Variable: '$.name', IsTimestamp: true }, false],
    [{ Variable: '$.missing', IsPresent: false }, true],
    [{ Variable: '$.nothing', IsPresent: true }, true],
    [{ And: [{ Variable: '$.n', NumericGreaterThan: 1 }, { Variable: '$.flag', BooleanEquals: true }] }, true],
    [{ Or: [{ Variable: '$.n', NumericGreaterThan: 10 }, { Variable: '$.name', StringEquals: 'x' }] }, false],
    [{ Not: { Variable: '$.name', StringEquals: 'x' } }, true],
  ])('%j is %p', (rule, expected) => {
    expect(holds(rule)).toBe(expected);
  });

  it.each<ChoiceRule>([
    { Variable: '$.missing', StringEquals: 'x' },
    { Variable: '$.n', NumericEqualsPath: '$.missing' },
  ])('fails with States.Runtime when %j reads a path that matches nothing', (rule) => {
    expect(() => holds(rule)).toThrow(StatesError);
    expect(() => holds(rule)).toThrow('No results for path');
  });

  it('rejects a rule without a known operator', () => {
    expect(() => holds({ Variable: '$.n', NumericSomething: 1 })).toThrow('no known comparison operator');
  });
});

describe('parseTimestamp', () => {
  it.each([
    '2016-03-14T01:59:00Z',
    '2016-03-14T01:59:00.123456789Z',
    '2024-02-29T23:59:59-08:00',
  ])('accepts %s', (text) => {
    expect(parseTimestamp(text)).toBeDefined();
  });

  it.each([
    '2016-03-14',
    '2016-03-14T01:59:00',
    '2016-03-14t01:59:00z',
    '2023-02-29T00:00:00Z',
    '2016-12-05T25:29:29Z',
    '2016-13-05T21:29:29Z',
    '2023-02-24 12:15:56.832957',
  ])('rejects %s', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});
