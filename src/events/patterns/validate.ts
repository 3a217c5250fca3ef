/**
 * Compiles an event pattern (the exact JSON text) into branches of field tests, or rejects it as AWS does.
 *
 * Like AWS, the compiler flattens nested objects into dotted paths (`{"detail": {"state": …}}` tests
 * `detail.state`), turns `$or` into alternative branches, and lets a repeated key replace the earlier value
 * for the same path (nested objects under a repeated key therefore merge).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html
 */
import { PatternSyntaxError } from './errors';
import { buildValueTest, type ValueTest } from './field-test';
import { readMatchExpression } from './match-expression';
import type { ValueMatcher } from './matchers';
import { ipToHex } from './cidr';
import { comparableKey } from './numbers';
import type { Token } from './parse';
import { isNumberToken, PatternReader } from './reader';
import { MAX_WILDCARD_FAN_OUT, wildcardFanOut } from './wildcard';

/** The tests on one dotted path: any matcher may accept any of the event's values there. */
export interface FieldPattern {
  readonly path: string;
  readonly matchers: readonly ValueMatcher[];
  /** True when `exists: false` is among the matchers, i.e. a missing field is acceptable. */
  readonly allowsAbsence: boolean;
  /** Whether one event value satisfies any of the matchers. */
  readonly accepts: ValueTest;
}

/** One alternative of the pattern: every field must hold. */
export type Branch = readonly FieldPattern[];

export interface CompiledPattern {
  readonly source: string;
  /** The event matches when any branch holds (more than one only with `$or`). */
  readonly branches: readonly Branch[];
}

type Rules = Map<string, FieldPattern>[];

const OR = '$or';
const RESERVED_IN_OR = ['anything-but', 'exists', 'prefix', 'suffix', 'numeric', 'cidr', 'equals-ignore-case', 'wildcard', 'exact'];

/** @throws PatternSyntaxError with AWS's reason */
export function compilePattern(source: string): CompiledPattern {
  const reader = new PatternReader(source);
  if (reader.next() !== 'START_OBJECT') reader.barf('Filter is not an object');
  const rules: Rules = [];
  readObject(reader, rules, [], false);
  const branches = rules.map((rule) => [...rule.values()]);
  branches.forEach(checkComplexity);
  return { source, branches };
}

function readObject(reader: PatternReader, rules: Rules, path: string[], insideOr: boolean): void {
  let fieldsPresent = false;
  while (reader.next() !== 'END_OBJECT') {
    fieldsPresent = true;
    const name = reader.text();
    if (name === OR) {
      readOr(reader, rules, path);
      continue;
    }
    if (insideOr && RESERVED_IN_OR.includes(name)) {
      reader.barf(`${name} is Ruler reserved fieldName which cannot be used inside ${OR}.`);
    }
    const token = reader.next();
    if (token === 'START_OBJECT') readObject(reader, rules, [...path, name], insideOr);
    else if (token === 'START_ARRAY') writeField(reader, rules, [...path, name].join('.'));
    else reader.barf(`"${name}" must be an object or an array`);
  }
  if (!fieldsPresent) reader.barf('Empty objects are not allowed');
}

/** Each object of the `$or` list forks every branch built so far. */
function readOr(reader: PatternReader, rules: Rules, path: string[]): void {
  const before = rules.map((rule) => new Map(rule));
  rules.length = 0;
  if (reader.next() !== 'START_ARRAY') reader.barf(`It must be an Array followed with ${OR}.`);
  let alternatives = 0;
  for (let token = reader.next(); token !== 'END_ARRAY'; token = reader.next()) {
    alternatives++;
    if (token !== 'START_OBJECT') reader.barf(`Only JSON object is allowed in array of ${OR} relationship.`);
    const forked = before.length > 0 ? before.map((rule) => new Map(rule)) : [new Map<string, FieldPattern>()];
    readObject(reader, forked, path, true);
    rules.push(...forked);
  }
  if (alternatives < 2) reader.barf(`There must have at least 2 Objects in ${OR} relationship.`);
}

function writeField(reader: PatternReader, rules: Rules, path: string): void {
  const matchers: ValueMatcher[] = [];
  for (let token = reader.next(); token !== 'END_ARRAY'; token = reader.next()) {
    matchers.push(readValue(reader, token));
  }
  if (matchers.length === 0) reader.barf('Empty arrays are not allowed');
  const allowsAbsence = matchers.some((m) => m.kind === 'exists' && !m.present);
  const field: FieldPattern = { path, matchers, allowsAbsence, accepts: buildValueTest(matchers) };
  if (rules.length === 0) rules.push(new Map());
  for (const rule of rules) rule.set(path, field);
}

function readValue(reader: PatternReader, token: Token | undefined): ValueMatcher {
  if (token === 'START_OBJECT') return readMatchExpression(reader);
  if (token === 'STRING') {
    const value = reader.text();
    // AWS compares a literal IP address as an address: a compressed IPv6 pattern matches the full spelling.
    const hex = ipToHex(value);
    return hex === undefined ? { kind: 'exact-string', value } : { kind: 'exact-ip', hex };
  }
  if (isNumberToken(token)) {
    const value = Number(reader.text());
    return { kind: 'exact-number', value, key: comparableKey(value) };
  }
  if (token === 'TRUE' || token === 'FALSE' || token === 'NULL') {
    return { kind: 'exact-literal', value: token === 'NULL' ? null : token === 'TRUE' };
  }
  return reader.barf('Match value must be String, number, true, false, or null');
}

function checkComplexity(branch: Branch): void {
  for (const field of branch) {
    const fanOut = field.matchers.reduce((sum, m) => sum + (m.kind === 'wildcard' ? wildcardFanOut(m.wildcard) : 0), 0);
    if (fanOut > MAX_WILDCARD_FAN_OUT) {
      throw new PatternSyntaxError('Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character');
    }
  }
}
