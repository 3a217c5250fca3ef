/** The interpreter's one timestamp parser, under its two profiles. */
import { compareInstants, instantMillis, parseTimestamp, type TimestampProfile } from '../../src/interpreter/timestamps';

test.each<[string, TimestampProfile, number | undefined]>([
  ['2016-03-14T01:59:00Z', 'rfc3339', Date.UTC(2016, 2, 14, 1, 59)],
  ['2016-03-14T01:59:00Z', 'offset-date-time', Date.UTC(2016, 2, 14, 1, 59)],
  ['2016-03-14T01:59+01:30', 'offset-date-time', Date.UTC(2016, 2, 14, 0, 29)],
  ['2016-03-14T01:59+01:30', 'rfc3339', undefined],
  ['2016-03-14t01:59:00z', 'offset-date-time', Date.UTC(2016, 2, 14, 1, 59)],
  ['2016-03-14t01:59:00z', 'rfc3339', undefined],
  ['2016-03-14T01:59:00+01:00:30', 'offset-date-time', Date.UTC(2016, 2, 14, 0, 58, 30)],
  ['2016-03-14T01:59:00+01:00:30', 'rfc3339', undefined],
  ['2016-03-14T01:59:00+19:00', 'offset-date-time', undefined],
  ['2016-03-14T01:59:00+19:00', 'rfc3339', Date.UTC(2016, 2, 13, 6, 59)],
])('%s as %s', (text, profile, millis) => {
  const instant = parseTimestamp(text, profile);
  expect(instant && instantMillis(instant)).toBe(millis);
});

test.each(['2023-02-29T00:00:00Z', '2016-12-05T25:29:29Z', '2016-03-14T01:59:00', '2016-03-14 01:59:00Z', '2016-03-14'])(
  '%s is no timestamp under either profile',
  (text) => {
    expect(parseTimestamp(text, 'rfc3339')).toBeUndefined();
    expect(parseTimestamp(text, 'offset-date-time')).toBeUndefined();
  },
);

test('years below 100 are years of the first century, not of the 1900s', () => {
  expect(new Date(instantMillis(parseTimestamp('0099-01-01T00:00:00Z')!)).getUTCFullYear()).toBe(99);
});

test('instants compare to the nanosecond', () => {
  const a = parseTimestamp('2016-03-14T01:59:00.000000001Z')!;
  const b = parseTimestamp('2016-03-14T01:59:00.000000002Z')!;
  expect(compareInstants(a, b)).toBeLessThan(0);
  expect(instantMillis(a)).toBe(instantMillis(b));
});
