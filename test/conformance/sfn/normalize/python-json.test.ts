import { pythonJsonDumps } from './python-json';

// Expected texts were produced by CPython 3 `json.dumps(value)` with default arguments.
describe('pythonJsonDumps', () => {
  it.each<[string, unknown, string]>([
    ['Python separators and ASCII escaping', { a: [1, 2.5, 'é\n\u2028😀"\\/', null, true, false], b: {}, c: [] },
      '{"a": [1, 2.5, "\\u00e9\\n\\u2028\\ud83d\\ude00\\"\\\\/", null, true, false], "b": {}, "c": []}'],
    ['float repr switches to exponent below 1e-4', [1e-5, 0.1, 123456789.125, -0.0001, 1.5e-7], '[1e-05, 0.1, 123456789.125, -0.0001, 1.5e-07]'],
    ['control characters and DEL', '\x7f\x1f\t\b\f\r', '"\\u007f\\u001f\\t\\b\\f\\r"'],
    ['integral numbers as Python ints', [3, -0, 2 ** 60], '[3, 0, 1152921504606846976]'],
    ['non-finite floats', [NaN, Infinity, -Infinity], '[NaN, Infinity, -Infinity]'],
  ])('%s', (_name, value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });

  it('keeps key insertion order and skips undefined members like JSON', () => {
    expect(pythonJsonDumps({ z: 1, a: undefined, m: [undefined] })).toBe('{"z": 1, "m": [null]}');
  });

  it('writes dates as json.dumps(default=str) writes UTC datetimes', () => {
    expect(pythonJsonDumps([new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 120))])).toBe(
      '["2024-01-02 03:04:05+00:00", "2024-01-02 03:04:05.120000+00:00"]',
    );
  });

  it('rejects values json.dumps could not write', () => {
    expect(() => pythonJsonDumps(() => 1)).toThrow('not JSON-serialisable');
  });
});
