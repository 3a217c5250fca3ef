import { datetimeObjects, sfnCauseJsonInput, timestampKeys, transformKeyValues, uuidIdKeys } from './key-value-ops';
import { TransformContext } from './transform-context';

const UUID = '0e9a0d7c-7a1b-4a52-9f5e-0123456789ab';

describe('key-value matchers', () => {
  it.each<[string, unknown, string | undefined]>([
    ['requestId', UUID, UUID],
    ['RequestID', `${UUID}-suffix`, `${UUID}-suffix`],
    ['requestId', `x-${UUID}`, undefined],
    ['request', UUID, undefined],
    ['requestId', 42, undefined],
  ])('uuidIdKeys(%s, %j)', (key, value, expected) => {
    expect(uuidIdKeys(key, value)).toBe(expected);
  });

  it.each<[string, unknown, string | undefined]>([
    ['timestamp', 1700000000.5, '1700000000.5'],
    ['EnteredTimestamp', 'not a date', 'not a date'],
    ['timestamp', '2024-02-29T10:00:00.123Z', undefined],
    ['creationTime', 17, '17'],
    ['ingestionTime', null, 'null'],
    ['time', 17, undefined],
  ])('timestampKeys(%s, %j)', (key, value, expected) => {
    expect(timestampKeys(key, value)).toBe(expected);
  });

  it('matches JS Dates as Python datetimes', () => {
    expect(datetimeObjects('x', new Date(0))).toBeDefined();
    expect(datetimeObjects('x', '1970-01-01')).toBeUndefined();
  });

  it.each<[string, unknown, string | undefined]>([
    ['cause', "The state input '{\"a\": 1}' failed", '{"a": 1}'],
    ['cause', "bad '{not json}'", undefined],
    ['Cause', "x '{\"a\": 1}'", undefined],
    ['cause', "line one\nthen '{\"a\": 1}'", undefined],
  ])('sfnCauseJsonInput(%s, %j)', (key, value, expected) => {
    expect(sfnCauseJsonInput(key, value)).toBe(expected);
  });
});

describe('transformKeyValues', () => {
  it('replaces matched values in place, through dicts and dicts in lists, not nested lists', () => {
    const doc = { timestamp: 5, list: [{ timestamp: 6 }, [{ timestamp: 7 }]], inner: { myTimestamp: 'x' } };
    transformKeyValues(doc, timestampKeys, { kind: 'replace', replacement: 'timestamp' });
    expect(doc).toEqual({ timestamp: 'timestamp', list: [{ timestamp: 'timestamp' }, [{ timestamp: 7 }]], inner: { myTimestamp: 'timestamp' } });
  });

  it('registers each distinct referenced value once, numbered per name', () => {
    const context = new TransformContext();
    const other = UUID.replace('0e9a', '1111');
    transformKeyValues({ aId: UUID, b: [{ cId: other }, { dId: UUID }] }, uuidIdKeys, { kind: 'reference', name: 'uuid', context });
    const text = context.replacements.reduce((current, replace) => replace(current), `${UUID} ${other}`);
    expect(text).toBe('<uuid:1> <uuid:2>');
  });
});
