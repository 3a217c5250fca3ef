/**
 * Reads `{"anything-but": …}`: a string, a number, a list of either, or an object applying anything-but to
 * `prefix`, `suffix`, `equals-ignore-case` or `wildcard` values. Checks and messages follow AWS's order.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-anything-but
 */
import type { ValueMatcher } from './matchers';
import { requireComparableKey } from './numbers';
import { isNumberToken, type PatternReader } from './reader';
import { parseWildcard, type Wildcard } from './wildcard';
import type { Token } from './parse';

type SetKind = 'equals-ignore-case' | 'prefix' | 'suffix' | 'wildcard';
const SET_KINDS: readonly string[] = ['equals-ignore-case', 'prefix', 'suffix', 'wildcard'];
const TOO_MANY = 'Too many elements in numeric expression';

/** Reads the expression after the `anything-but` field name, up to and including its closing brace(s). */
export function readAnythingBut(reader: PatternReader): ValueMatcher {
  let setKind: SetKind | undefined;
  let token = reader.next();
  if (token === 'START_OBJECT') {
    if (reader.next() !== 'FIELD_NAME') reader.barf('Anything-But expression name not found');
    const operator = reader.text();
    if (!SET_KINDS.includes(operator)) reader.barf(`Unsupported anything-but pattern: ${operator}`);
    setKind = operator as SetKind;
    token = reader.next();
  }
  if (token !== 'START_ARRAY' && token !== 'STRING' && !isNumberToken(token)) {
    reader.barf('Value of anything-but must be an array or single string/number value.');
  }
  const matcher = setKind === undefined ? readPlain(reader, token) : readSet(reader, token, setKind);
  if (reader.next() !== 'END_OBJECT') reader.barf(TOO_MANY);
  if (setKind !== undefined && reader.next() !== 'END_OBJECT') reader.barf(TOO_MANY);
  return matcher;
}

/** Plain anything-but: strings or numbers, never both in one list. */
function readPlain(reader: PatternReader, token: Token | undefined): ValueMatcher {
  const strings = new Set<string>();
  const numberKeys = new Set<number>();
  if (token === 'STRING') strings.add(reader.text());
  else if (token !== 'START_ARRAY') numberKeys.add(requireComparableKey(Number(reader.text())));
  else {
    reader.relocating(() => {
      for (let item = reader.next(); item !== 'END_ARRAY'; item = reader.next()) {
        if (item === 'STRING') strings.add(reader.text());
        else if (isNumberToken(item)) numberKeys.add(requireComparableKey(Number(reader.text())));
        else reader.barf('Inside anything but list, start|null|boolean is not supported.');
      }
    });
    if ((strings.size > 0) === (numberKeys.size > 0)) {
      reader.barf('Inside anything but list, either all values are number or string, mixed type is not supported');
    }
  }
  return { kind: 'anything-but', strings, numberKeys };
}

function readSet(reader: PatternReader, token: Token | undefined, kind: SetKind): ValueMatcher {
  const values: string[] = [];
  if (token === 'START_ARRAY') {
    reader.relocating(() => {
      for (let item = reader.next(); item !== 'END_ARRAY'; item = reader.next()) values.push(readSetValue(reader, item, kind));
    });
  } else {
    values.push(readSetValue(reader, token, kind));
  }
  switch (kind) {
    case 'equals-ignore-case':
      return { kind: 'anything-but-ignore-case', lowerCased: new Set(values.map((v) => v.toLowerCase())) };
    case 'prefix': return { kind: 'anything-but-prefix', values };
    case 'suffix': return { kind: 'anything-but-suffix', values };
    case 'wildcard': {
      const wildcards: Wildcard[] = values.map((v) => reader.relocating(() => parseWildcard(v)));
      return { kind: 'anything-but-wildcard', wildcards };
    }
  }
}

function readSetValue(reader: PatternReader, token: Token | undefined, kind: SetKind): string {
  if (token !== 'STRING') {
    if (kind === 'equals-ignore-case') {
      reader.barf('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
    }
    reader.barf(kind === 'wildcard' ? 'wildcard match pattern must be a string' : 'prefix/suffix match pattern must be a string');
  }
  const text = reader.text();
  if ((kind === 'prefix' || kind === 'suffix') && text === '') reader.barf('Null prefix/suffix not allowed');
  return text;
}
