/**
 * Reads one `{ "<operator>": … }` match expression inside a field's value list, validating it in the same order
 * as AWS so that the first problem reported, its message and its position agree with AWS.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html
 */
import { parseCidr } from './cidr';
import { readAnythingBut } from './anything-but-expression';
import type { ValueMatcher } from './matchers';
import { readNumericExpression } from './numeric-expression';
import type { PatternReader } from './reader';
import { parseWildcard } from './wildcard';

const ONE_KEY = 'Only one key allowed in match expression';

/** Reads the expression after its `{`, up to and including its `}`. */
export function readMatchExpression(reader: PatternReader): ValueMatcher {
  if (reader.next() !== 'FIELD_NAME') reader.barf('Match expression name not found');
  const operator = reader.text();
  switch (operator) {
    case 'exact': return readStringOperand(reader, 'exact', (value) => ({ kind: 'exact-string', value }));
    case 'prefix': return readAffix(reader, 'prefix');
    case 'suffix': return readAffix(reader, 'suffix');
    case 'equals-ignore-case':
      return readStringOperand(reader, operator, (value) => ({ kind: 'equals-ignore-case', value: value.toLowerCase() }));
    case 'wildcard':
      return readStringOperand(reader, operator, (value) => ({ kind: 'wildcard', wildcard: parseWildcardAt(reader, value) }));
    case 'numeric': return readNumeric(reader);
    case 'anything-but': return readAnythingBut(reader);
    case 'exists': return readExists(reader);
    // AWS reuses the prefix wording for a non-string CIDR.
    case 'cidr': return readStringOperand(reader, 'prefix', (value) => ({ kind: 'cidr', range: parseCidr(value) }));
    default: return reader.barf(`Unrecognized match type ${operator}`);
  }
}

export function parseWildcardAt(reader: PatternReader, value: string) {
  return reader.relocating(() => parseWildcard(value));
}

function readStringOperand(
  reader: PatternReader, label: string, build: (value: string) => ValueMatcher,
): ValueMatcher {
  if (reader.next() !== 'STRING') reader.barf(`${label} match pattern must be a string`);
  const matcher = build(reader.text());
  if (reader.next() !== 'END_OBJECT') reader.barf(ONE_KEY);
  return matcher;
}

/** `prefix`/`suffix` take a string, or `{"equals-ignore-case": string}` for a case-insensitive match. */
function readAffix(reader: PatternReader, kind: 'prefix' | 'suffix'): ValueMatcher {
  const token = reader.next();
  if (token === 'START_OBJECT') {
    const label = kind === 'prefix' ? 'Prefix' : 'Suffix';
    if (reader.next() !== 'FIELD_NAME') reader.barf(`${label} expression name not found`);
    if (reader.text() !== 'equals-ignore-case') reader.barf(`Unsupported ${kind} pattern: ${reader.text()}`);
    const matcher = readStringOperand(reader, 'equals-ignore-case', (value) => ({ kind, value: value.toLowerCase(), ignoreCase: true }));
    if (reader.next() !== 'END_OBJECT') reader.barf(ONE_KEY);
    return matcher;
  }
  if (token !== 'STRING') reader.barf(`${kind} match pattern must be a string`);
  const matcher: ValueMatcher = { kind, value: reader.text(), ignoreCase: false };
  if (reader.next() !== 'END_OBJECT') reader.barf(ONE_KEY);
  return matcher;
}

function readNumeric(reader: PatternReader): ValueMatcher {
  if (reader.next() !== 'START_ARRAY') reader.barf('Value of numeric must be an array.');
  const matcher = readNumericExpression(reader);
  if (reader.next() !== 'END_OBJECT') reader.barf('Too many elements in numeric expression');
  return matcher;
}

function readExists(reader: PatternReader): ValueMatcher {
  const token = reader.next();
  if (token !== 'TRUE' && token !== 'FALSE') reader.barf('exists match pattern must be either true or false.');
  if (reader.next() !== 'END_OBJECT') reader.barf(ONE_KEY);
  return { kind: 'exists', present: token === 'TRUE' };
}
