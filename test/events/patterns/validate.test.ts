/** Pattern rejections beyond the recorded corpus: AWS's messages for each rule, with the parser position. */
import { compileEventPattern, InvalidEventPatternError, testEventPattern, InvalidEventError } from '../../../src/events/patterns';

function reason(pattern: string): string {
  try {
    compileEventPattern(pattern);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect((error as InvalidEventPatternError).code).toBe('InvalidEventPatternException');
    return (error as Error).message.replace('Event pattern is not valid. Reason: ', '');
  }
  throw new Error(`accepted: ${pattern}`);
}

const firstLine = (pattern: string) => reason(pattern).split('\n')[0];

describe('compileEventPattern rejections', () => {
  it.each([
    ['{}', 'Empty objects are not allowed'],
    ['{"a": {}}', 'Empty objects are not allowed'],
    ['{"a": [[1]]}', 'Match value must be String, number, true, false, or null'],
    ['{"a": [{}]}', 'Match expression name not found'],
    ['{"a": [{"prefix": "x", "suffix": "y"}]}', 'Only one key allowed in match expression'],
    ['{"a": [{"exists": "yes"}]}', 'exists match pattern must be either true or false.'],
    ['{"a": [{"numeric": [">", "x"]}]}', 'Value of > must be numeric'],
    ['{"a": [{"numeric": ["~", 1]}]}', 'Unrecognized numeric range operator: ~'],
    ['{"a": [{"numeric": [">", 5, "<", 1]}]}', 'Bottom must be less than top'],
    ['{"a": [{"numeric": [">", 1, ">", 5]}]}', 'Bad numeric range operator: >'],
    ['{"a": [{"numeric": ["<", 1, 2]}]}', 'Too many elements in numeric expression'],
    ['{"a": [{"numeric": [">", 1e10]}]}', 'Value must be between -5.0E9 and 5.0E9, inclusive'],
    ['{"a": [{"anything-but": ["a", 1]}]}', 'Inside anything but list, either all values are number or string, mixed type is not supported'],
    ['{"a": [{"anything-but": {"contains": "x"}}]}', 'Unsupported anything-but pattern: contains'],
    ['{"a": [{"prefix": {"other": "x"}}]}', 'Unsupported prefix pattern: other'],
    ['{"a": [{"wildcard": "a\\\\b"}]}', 'Invalid escape character at pos 2'],
    ['{"a": [{"cidr": "10.0.0.0"}]}', "Malformed CIDR, one '/' required"],
    ['{"a": [{"cidr": "10.0.0.0/32"}]}', 'IPv4 mask bits must be < 32'],
    ['{"a": [{"cidr": "10.0.0.0/-1"}]}', 'Malformed CIDR, mask bits must not be negative'],
    ['{"$or": [{"a": ["1"]}]}', 'There must have at least 2 Objects in $or relationship.'],
    ['{"$or": {"a": ["1"]}}', 'It must be an Array followed with $or.'],
    ['{"$or": [{"a": ["1"]}, ["b"]]}', 'Only JSON object is allowed in array of $or relationship.'],
    ['{"$or": [{"prefix": ["1"]}, {"b": ["2"]}]}', 'prefix is Ruler reserved fieldName which cannot be used inside $or.'],
    ['{"a": ["1"],}', "Unexpected character ('}' (code 125)): was expecting double-quote to start field name"],
    ['{"a" ["1"]}', "Unexpected character ('[' (code 91)): was expecting a colon to separate field name and value"],
    ['{"a": ["1" "2"]}', "Unexpected character ('\"' (code 34)): was expecting comma to separate Array entries"],
    ['{"a": [tru]}', "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"],
  ])('%s', (pattern, expected) => {
    expect(firstLine(pattern)).toBe(expected);
  });

  it('reports where the parser stood, in Jackson form', () => {
    expect(reason('{"a": [1, {"numeric": 10}]}'))
      .toBe('Value of numeric must be an array.\n at [Source: (String)"{"a": [1, {"numeric": 10}]}"; line: 1, column: 25]');
  });

  it('counts lines and columns across newlines', () => {
    expect(reason('{\n  "a": 1\n}')).toBe('"a" must be an object or an array\n at [Source: (String)"{\n  "a": 1\n}"; line: 2, column: 9]');
  });

  it('truncates long sources as Jackson does', () => {
    const pattern = `{"a": ["${'x'.repeat(600)}"], "b": 1}`;
    expect(reason(pattern)).toContain('"[truncated 119 chars]; line: 1, column: 619]');
  });

  it('rejects wildcards that fan out too far, without a position', () => {
    expect(reason('{"a": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}')).toBe(
      'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character');
    expect(() => compileEventPattern('{"a": [{"wildcard": "*:*:*:event-bus/*"}]}')).not.toThrow();
  });
});

describe('testEventPattern event checks', () => {
  const envelope = { id: '1', account: '1', source: 's', time: 't', region: 'r', 'detail-type': 'd' };

  it.each([
    ['not JSON', 'plain'],
    ['an array', '[]'],
    ['missing source', JSON.stringify({ ...envelope, source: undefined })],
  ])('rejects an event that is %s', (_label, event) => {
    expect(() => testEventPattern('{"a": ["b"]}', event)).toThrow(InvalidEventError);
  });

  it('accepts an event without resources', () => {
    expect(testEventPattern('{"source": ["s"]}', JSON.stringify(envelope))).toBe(true);
  });
});
