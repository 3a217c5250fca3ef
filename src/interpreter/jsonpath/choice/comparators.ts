import type { Json } from '../../../asl/json';
import { matchesPattern } from './string-matches';
import { compareInstants, parseTimestamp } from '../../timestamps';

/** One Choice comparison: the Variable's value against the rule's operand. */
export type Comparator = (value: Json, operand: Json) => boolean;

/** A value of the wrong type for the operator makes the rule false, not an error, as on AWS. */
function strings(test: (comparison: number) => boolean): Comparator {
  return (value, operand) =>
    typeof value === 'string' && typeof operand === 'string' && test(value < operand ? -1 : value > operand ? 1 : 0);
}

function numbers(test: (difference: number) => boolean): Comparator {
  return (value, operand) => typeof value === 'number' && typeof operand === 'number' && test(value - operand);
}

function timestamps(test: (comparison: number) => boolean): Comparator {
  return (value, operand) => {
    if (typeof value !== 'string' || typeof operand !== 'string') return false;
    const [left, right] = [parseTimestamp(value), parseTimestamp(operand)];
    return left !== undefined && right !== undefined && test(compareInstants(left, right));
  };
}

/** Is* rules compare the type test with the rule's boolean: `"IsNull": false` holds for non-null values. */
function typeTest(test: (value: Json) => boolean): Comparator {
  return (value, expected) => test(value) === expected;
}

const equal = (c: number) => c === 0;
const less = (c: number) => c < 0;
const greater = (c: number) => c > 0;
const lessOrEqual = (c: number) => c <= 0;
const greaterOrEqual = (c: number) => c >= 0;

/** Operators that also exist as `<name>Path`, whose operand is another path's value. */
export const PATH_CAPABLE_COMPARATORS: Readonly<Record<string, Comparator>> = {
  StringEquals: strings(equal),
  StringLessThan: strings(less),
  StringGreaterThan: strings(greater),
  StringLessThanEquals: strings(lessOrEqual),
  StringGreaterThanEquals: strings(greaterOrEqual),
  NumericEquals: numbers(equal),
  NumericLessThan: numbers(less),
  NumericGreaterThan: numbers(greater),
  NumericLessThanEquals: numbers(lessOrEqual),
  NumericGreaterThanEquals: numbers(greaterOrEqual),
  BooleanEquals: (value, operand) => typeof value === 'boolean' && value === operand,
  TimestampEquals: timestamps(equal),
  TimestampLessThan: timestamps(less),
  TimestampGreaterThan: timestamps(greater),
  TimestampLessThanEquals: timestamps(lessOrEqual),
  TimestampGreaterThanEquals: timestamps(greaterOrEqual),
};

export const LITERAL_ONLY_COMPARATORS: Readonly<Record<string, Comparator>> = {
  StringMatches: (value, pattern) => typeof value === 'string' && typeof pattern === 'string' && matchesPattern(value, pattern),
  IsNull: typeTest((value) => value === null),
  IsNumeric: typeTest((value) => typeof value === 'number'),
  IsString: typeTest((value) => typeof value === 'string'),
  IsBoolean: typeTest((value) => typeof value === 'boolean'),
  IsTimestamp: typeTest((value) => typeof value === 'string' && parseTimestamp(value) !== undefined),
};
