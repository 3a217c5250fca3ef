/** One table per operator: pattern fragment under `detail.v`, event value, expected answer. */
import { compileEventPattern, matchesEventPattern } from '../../../src/events/patterns';

type Row = [label: string, matcher: string, value: unknown, expected: boolean];

function check(matcher: string, value: unknown): boolean {
  const compiled = compileEventPattern(`{"detail": {"v": [${matcher}]}}`);
  const detail = value === undefined ? {} : { v: value };
  return matchesEventPattern(compiled, { source: 's', detail });
}

const table: Record<string, Row[]> = {
  exact: [
    ['string equal', '"a"', 'a', true],
    ['string differs', '"a"', 'A', false],
    ['number compares numerically', '300', 3.0e2, true],
    ['number vs numeric string', '300', '300', false],
    ['numbers equal to six decimals', '1.0000001', 1.0000002, true],
    ['numbers differing at six decimals', '1.000001', 1.000002, false],
    ['large number compared literally', '123456789012', 123456789012, true],
    ['boolean', 'false', false, true],
    ['boolean vs string', 'true', 'true', false],
    ['null', 'null', null, true],
    ['null vs missing', 'null', undefined, false],
    ['array element', '"b"', ['a', 'b'], true],
    ['empty array', '"b"', [], false],
    ['IPv6 literal, other spelling', '"2001:db8::1"', '2001:0db8:0000:0000:0000:0000:0000:0001', true],
  ],
  prefix: [
    ['prefix', '{"prefix": "ab"}', 'abc', true],
    ['not prefix', '{"prefix": "ab"}', 'cab', false],
    ['empty prefix on string', '{"prefix": ""}', 'x', true],
    ['prefix on number', '{"prefix": "1"}', 12, false],
    ['ignore case', '{"prefix": {"equals-ignore-case": "EventB"}}', 'eventbridge', true],
    ['ignore case mismatch', '{"prefix": {"equals-ignore-case": "EventB"}}', 'events', false],
  ],
  suffix: [
    ['suffix', '{"suffix": ".png"}', 'a.png', true],
    ['case sensitive', '{"suffix": ".PNG"}', 'a.png', false],
    ['ignore case', '{"suffix": {"equals-ignore-case": ".PNG"}}', 'a.png', true],
  ],
  'equals-ignore-case': [
    ['other case', '{"equals-ignore-case": "ABC"}', 'aBc', true],
    ['different', '{"equals-ignore-case": "ABC"}', 'abd', false],
    ['empty matches empty', '{"equals-ignore-case": ""}', '', true],
  ],
  wildcard: [
    ['middle', '{"wildcard": "/Users/*/doc.txt"}', '/Users/me/a/b/doc.txt', true],
    ['no match', '{"wildcard": "*/dir/*"}', 'dir/x', false],
    ['escaped star is literal', '{"wildcard": "a\\\\*b"}', 'a*b', true],
    ['escaped star not a wildcard', '{"wildcard": "a\\\\*b"}', 'axb', false],
    ['empty matches only empty', '{"wildcard": ""}', 'x', false],
    ['number never matches', '{"wildcard": "*"}', 1, false],
  ],
  'anything-but': [
    ['other string', '{"anything-but": "a"}', 'b', true],
    ['excluded string', '{"anything-but": "a"}', 'a', false],
    ['number is not the excluded string', '{"anything-but": "1"}', 1, true],
    ['null is not excluded', '{"anything-but": ["a", "b"]}', null, true],
    ['missing field never matches', '{"anything-but": "a"}', undefined, false],
    ['excluded number, other spelling', '{"anything-but": [100, 200]}', 1.0e2, false],
    ['prefix excluded', '{"anything-but": {"prefix": "init"}}', 'initial', false],
    ['prefix list', '{"anything-but": {"prefix": ["a", "b"]}}', 'c', true],
    ['suffix excluded', '{"anything-but": {"suffix": ".txt"}}', 'a.txt', false],
    ['ignore case excluded', '{"anything-but": {"equals-ignore-case": ["STOPPED"]}}', 'stopped', false],
    ['wildcard excluded', '{"anything-but": {"wildcard": "*/dir/*"}}', 'a/dir/b', false],
    ['wildcard, number value', '{"anything-but": {"wildcard": "*"}}', 5, true],
  ],
  numeric: [
    ['greater', '{"numeric": [">", 100]}', 101, true],
    ['equal bound open', '{"numeric": [">", 100]}', 100, false],
    ['between closed', '{"numeric": [">=", 0, "<=", 5]}', 5, true],
    ['between open top', '{"numeric": [">=", 0, "<", 5]}', 5, false],
    ['equals', '{"numeric": ["=", 301.8]}', 301.8, true],
    ['string never', '{"numeric": [">", 1]}', '5', false],
    ['out of range value never', '{"numeric": [">", 1]}', 6e9, false],
  ],
  exists: [
    ['present', '{"exists": true}', 'x', true],
    ['null is present', '{"exists": true}', null, true],
    ['missing', '{"exists": true}', undefined, false],
    ['absent', '{"exists": false}', undefined, true],
    ['present but required absent', '{"exists": false}', 1, false],
    ['object is not a value', '{"exists": true}', { nested: 1 }, false],
  ],
  cidr: [
    ['IPv4 inside', '{"cidr": "10.0.0.0/24"}', '10.0.0.255', true],
    ['IPv4 outside', '{"cidr": "10.0.0.0/24"}', '10.0.1.0', false],
    ['IPv6 inside', '{"cidr": "2001:db8::/32"}', '2001:db8:ffff::1', true],
    ['IPv4 block, IPv6 value', '{"cidr": "10.0.0.0/8"}', '::ffff:10.0.0.1', false],
    ['not an address', '{"cidr": "10.0.0.0/8"}', 'host', false],
  ],
};

describe.each(Object.entries(table))('%s', (_operator, rows) => {
  it.each(rows)('%s', (_label, matcher, value, expected) => {
    expect(check(matcher, value)).toBe(expected);
  });
});

describe('structure', () => {
  const matches = (pattern: string, event: object) => matchesEventPattern(compileEventPattern(pattern), event);

  it('$or holds when any alternative holds', () => {
    const pattern = '{"source": ["s"], "$or": [{"a": [1]}, {"b": [2]}]}';
    expect(matches(pattern, { source: 's', b: 2 })).toBe(true);
    expect(matches(pattern, { source: 's', a: 2, b: 1 })).toBe(false);
  });

  it('matches fields of one array element together', () => {
    const pattern = '{"items": {"name": ["x"], "size": [2]}}';
    expect(matches(pattern, { items: [{ name: 'x', size: 1 }, { name: 'y', size: 2 }] })).toBe(false);
    expect(matches(pattern, { items: [{ name: 'y', size: 1 }, { name: 'x', size: 2 }] })).toBe(true);
  });

  it('treats dotted keys and nesting alike', () => {
    expect(matches('{"a.b": ["c"]}', { a: { b: 'c' } })).toBe(true);
    expect(matches('{"a": {"b": ["c"]}}', { 'a.b': 'c' })).toBe(true);
  });

  it('lets a repeated key replace the earlier one, and merges repeated objects', () => {
    const pattern = '{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}';
    expect(matches(pattern, { detail: { location: 'eu-central-1' } })).toBe(true);
    const merged = '{"detail": {"a": ["1"]}, "detail": {"b": ["2"]}}';
    expect(matches(merged, { detail: { a: '1', b: '2' } })).toBe(true);
    expect(matches(merged, { detail: { b: '2' } })).toBe(false);
  });

  it('never matches a non-object event', () => {
    expect(matchesEventPattern(compileEventPattern('{"a": [{"exists": false}]}'), [1])).toBe(false);
  });
});
