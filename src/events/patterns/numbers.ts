/**
 * Numeric comparison as EventBridge performs it: numbers between -5e9 and 5e9, compared to six decimal places.
 * AWS turns each number into `floor((5e9 + x) * 1e6)` and compares those, so 300 and 3.0e2 are equal and
 * differences beyond the sixth decimal vanish.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-numeric-matching
 */
import { PatternSyntaxError } from './errors';

const FIVE_BILLION = 5e9;

export const NUMBER_RANGE_MESSAGE = 'Value must be between -5.0E9 and 5.0E9, inclusive';

/** The comparable key of a number, or undefined when AWS cannot compare it numerically. */
export function comparableKey(value: number): number | undefined {
  if (!Number.isFinite(value) || value < -FIVE_BILLION || value > FIVE_BILLION) return undefined;
  return Math.floor((FIVE_BILLION + value) * 1e6);
}

/** The comparable key of a pattern number; out-of-range numbers are a pattern error. */
export function requireComparableKey(value: number): number {
  const key = comparableKey(value);
  if (key === undefined) throw new PatternSyntaxError(NUMBER_RANGE_MESSAGE);
  return key;
}

/** Numeric interval over comparable keys; undefined ends are unbounded. */
export interface NumericRange {
  bottom?: number;
  openBottom: boolean;
  top?: number;
  openTop: boolean;
}

export function inRange(key: number, range: NumericRange): boolean {
  if (range.bottom !== undefined && (range.openBottom ? key <= range.bottom : key < range.bottom)) return false;
  if (range.top !== undefined && (range.openTop ? key >= range.top : key > range.top)) return false;
  return true;
}
