/** A feed answer is refused, naming the feed, day and hour, for every way it can be wrong; a stale or missing day is DataNotAvailable. */
import { publicationTime, validateAnswer, type FeedName } from '../../../../workflows/energy/feeds';

const feed: FeedName = 'prices';
const hours = (n = 24, value: (h: number) => unknown = (h) => h + 0.5) => Array.from({ length: n }, (_, hour) => ({ hour, value: value(hour) }));
const day = (d: string, values: unknown[] = hours(), publishedAt = publicationTime(feed, d).toISOString()) => ({ day: d, publishedAt, values });
const request = { market: 'NP', feed, from: '2018-01-01', to: '2018-01-02' };

test('a whole answer gives each day its 24 values by hour', () => {
  const shuffled = hours().reverse();
  const days = validateAnswer({ days: [day('2018-01-01', shuffled), day('2018-01-02')] }, request);
  expect(days.map((d) => d.day)).toEqual(['2018-01-01', '2018-01-02']);
  expect(days[0].values[0]).toBe(0.5);
  expect(days[0].values[23]).toBe(23.5);
});

const withHour = (change: (values: { hour: unknown; value: unknown }[]) => unknown[]) => ({ days: [day('2018-01-01', change(hours())), day('2018-01-02')] });

test.each([
  ['a missing hour', withHour((v) => v.filter((x) => x.hour !== 5)), 'InvalidFeedAnswer', 'feed prices of NP, day 2018-01-01, hour 5: missing (23 hours: a clock change is not normalised).'],
  ['a duplicate hour', withHour((v) => [...v, { hour: 2, value: 1 }]), 'InvalidFeedAnswer', 'feed prices of NP, day 2018-01-01, hour 2: duplicate hour (25 hours: a clock change is not normalised).'],
  ['a non-numeric value', withHour((v) => v.map((x) => (x.hour === 7 ? { hour: 7, value: 'n/a' } : x))), 'InvalidFeedAnswer', "feed prices of NP, day 2018-01-01, hour 7: 'n/a' is not a number."],
  ['a null value', withHour((v) => v.map((x) => (x.hour === 0 ? { hour: 0, value: null } : x))), 'InvalidFeedAnswer', "feed prices of NP, day 2018-01-01, hour 0: 'null' is not a number."],
  ['an hour out of range', withHour((v) => v.map((x) => (x.hour === 23 ? { hour: 24, value: 1 } : x))), 'InvalidFeedAnswer', 'feed prices of NP, day 2018-01-01, hour 24: not an hour 0..23.'],
  ['the wrong day', { days: [day('2018-01-05'), day('2018-01-02')] }, 'InvalidFeedAnswer', 'feed prices of NP, day 2018-01-05: answered for a request of days 2018-01-01..2018-01-02 (wrong day).'],
  ['a duplicate day', { days: [day('2018-01-01'), day('2018-01-01')] }, 'InvalidFeedAnswer', 'feed prices of NP, day 2018-01-01: expected day 2018-01-02 (wrong day or duplicate day).'],
  ['no list of days', { values: [] }, 'InvalidFeedAnswer', 'feed prices of NP: the answer has no list of days.'],
  ['a day not yet published', { days: [day('2018-01-01')] }, 'DataNotAvailableException', 'feed prices of NP, day 2018-01-02: not published yet.'],
  ['a gap', { days: [day('2018-01-02')] }, 'DataNotAvailableException', 'feed prices of NP, day 2018-01-01: not published (the answer goes on with 2018-01-02).'],
  ['a stale day', { days: [day('2018-01-01'), day('2018-01-02', hours(), publicationTime(feed, '2018-01-01').toISOString())] }, 'DataNotAvailableException', 'feed prices of NP, day 2018-01-02: stale answer, published 2017-12-31T12:00:00.000Z, before that day\'s publication at 2018-01-01T12:00:00.000Z.'],
])('%s is refused: %s', (_what, body, name, message) => {
  let thrown: unknown;
  try {
    validateAnswer(body, request);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toMatchObject({ name, message });
});

test('a historical load accepts days missing before the first one answered, and no gap after it', () => {
  const historical = { ...request, from: '2017-12-25', leadingGapAllowed: true };
  expect(validateAnswer({ days: [day('2018-01-01'), day('2018-01-02')] }, historical)).toHaveLength(2);
  expect(() => validateAnswer({ days: [day('2018-01-02')] }, { ...request, leadingGapAllowed: false })).toThrow('not published');
});
