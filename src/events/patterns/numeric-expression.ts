/**
 * Reads `{"numeric": [op, n (, op, n)]}` after its opening bracket, in AWS's order of checks.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-numeric-matching
 */
import { PatternSyntaxError } from './errors';
import type { ValueMatcher } from './matchers';
import { requireComparableKey, type NumericRange } from './numbers';
import { isNumberToken, type PatternReader } from './reader';

const TOO_MANY = 'Too many elements in numeric expression';

export function readNumericExpression(reader: PatternReader): ValueMatcher {
  if (reader.next() !== 'STRING') reader.barf(`Invalid member in numeric match: ${reader.text()}`);
  const operator = reader.text();
  // Range construction errors are reported at the current position; JSON-shape errors keep their own.
  const range = reader.relocating(() => readOperand(reader, operator), true);
  return { kind: 'numeric', range };
}

function readOperand(reader: PatternReader, operator: string): NumericRange {
  const token = reader.next();
  const requireNumber = (label: string) => {
    if (!isNumberToken(token)) reader.barf(`Value of ${label} must be numeric`);
    return requireComparableKey(Number(reader.text()));
  };
  switch (operator) {
    case '=': {
      const key = requireNumber('equals');
      if (reader.next() !== 'END_ARRAY') reader.barf(TOO_MANY);
      return { bottom: key, openBottom: false, top: key, openTop: false };
    }
    case '>=':
    case '>': {
      const bottom = requireNumber(operator);
      const openBottom = operator === '>';
      const following = reader.next();
      if (following === 'END_ARRAY') return { bottom, openBottom, openTop: false };
      return readUpperBound(reader, following, bottom, openBottom);
    }
    case '<=':
    case '<': {
      const top = requireNumber(operator);
      if (reader.next() !== 'END_ARRAY') reader.barf(TOO_MANY);
      return { openBottom: false, top, openTop: operator === '<' };
    }
    default:
      return reader.barf(`Unrecognized numeric range operator: ${operator}`);
  }
}

function readUpperBound(
  reader: PatternReader, token: string | undefined, bottom: number, openBottom: boolean,
): NumericRange {
  if (token !== 'STRING') reader.barf(`Bad value in numeric range: ${reader.text()}`);
  const operator = reader.text();
  if (operator !== '<' && operator !== '<=') reader.barf(`Bad numeric range operator: ${operator}`);
  if (!isNumberToken(reader.next())) reader.barf(`Value of ${operator} must be numeric`);
  const top = requireComparableKey(Number(reader.text()));
  if (reader.next() !== 'END_ARRAY') reader.barf('Too many terms in numeric range expression');
  if (bottom >= top) throw new PatternSyntaxError('Bottom must be less than top');
  return { bottom, openBottom, top, openTop: operator === '<' };
}
