import { nextFireTimes, nextOccurrence, occurrencesAfter, parseRuleSchedule, parseSchedulerSchedule } from '../../../src/events/schedules';

const ms = (iso: string): number => Date.parse(iso);
const iso = (times: number[]): string[] => times.map((time) => new Date(time).toISOString());

function ruleFireTimes(expression: string, afterIso: string, count: number): string[] {
  return iso(nextFireTimes(parseRuleSchedule(expression), ms(afterIso), count));
}

describe('rate() rules', () => {
  const created = ms('2026-01-01T00:00:00Z');

  it('fires exactly 60 times in a simulated hour at rate(1 minute)', () => {
    const schedule = parseRuleSchedule('rate(1 minute)');
    const fired = [...takeWhile(occurrencesAfter(schedule, created, created), (t) => t <= created + 3_600_000)];
    expect(fired).toHaveLength(60);
    expect(fired[0]).toBe(created + 60_000);
  });

  it('counts intervals from the rule creation instant, not from the clock', () => {
    const schedule = parseRuleSchedule('rate(5 minutes)');
    const start = ms('2026-01-01T00:02:30Z');
    expect(iso(nextFireTimes(schedule, ms('2026-01-01T00:09:00Z'), 2, start))).toEqual([
      '2026-01-01T00:12:30.000Z',
      '2026-01-01T00:17:30.000Z',
    ]);
  });

  it('is strictly after the given instant', () => {
    const schedule = parseRuleSchedule('rate(2 hours)');
    expect(nextOccurrence(schedule, created + 7_200_000, created)).toBe(created + 14_400_000);
  });

  it('starts a Scheduler rate schedule at its start instant', () => {
    const schedule = parseSchedulerSchedule('rate(1 day)', 'Europe/Berlin');
    expect(nextOccurrence(schedule, created - 1, created)).toBe(created);
  });
});

describe('cron() rules (UTC)', () => {
  it.each([
    ['cron(0 10 * * ? *)', '2026-03-01T10:00:00Z', ['2026-03-02T10:00:00.000Z', '2026-03-03T10:00:00.000Z']],
    ['cron(0/15 * * * ? *)', '2026-03-01T10:07:00Z', ['2026-03-01T10:15:00.000Z', '2026-03-01T10:30:00.000Z']],
    ['cron(0-59/10 0-23/2 ? * * *)', '2026-03-01T01:55:00Z', ['2026-03-01T02:00:00.000Z', '2026-03-01T02:10:00.000Z']],
    ['cron(5,35 8 * * ? *)', '2026-03-01T08:05:00Z', ['2026-03-01T08:35:00.000Z', '2026-03-02T08:05:00.000Z']],
    ['cron(55-5 0 * * ? *)', '2026-03-01T00:00:00Z', ['2026-03-01T00:01:00.000Z', '2026-03-01T00:02:00.000Z']],
  ])('%s after %s', (expression, after, expected) => {
    expect(ruleFireTimes(expression, after, 2)).toEqual(expected);
  });

  it('runs MON-FRI only (2026-03-06 is a Friday)', () => {
    expect(ruleFireTimes('cron(0 12 ? * MON-FRI *)', '2026-03-06T12:00:00Z', 2)).toEqual([
      '2026-03-09T12:00:00.000Z',
      '2026-03-10T12:00:00.000Z',
    ]);
  });

  it('accepts month and weekday names in any case', () => {
    expect(ruleFireTimes('cron(0 0 ? jan sun 2027)', '2026-01-01T00:00:00Z', 1)).toEqual(['2027-01-03T00:00:00.000Z']);
  });

  it('wraps weekday ranges around the week', () => {
    expect(ruleFireTimes('cron(0 0 ? * FRI-SUN *)', '2026-03-02T00:00:00Z', 3)).toEqual([
      '2026-03-06T00:00:00.000Z',
      '2026-03-07T00:00:00.000Z',
      '2026-03-08T00:00:00.000Z',
    ]);
  });

  it('L in day-of-month is the last day, including leap February', () => {
    expect(ruleFireTimes('cron(0 0 L * ? *)', '2028-01-31T00:00:00Z', 2)).toEqual([
      '2028-02-29T00:00:00.000Z',
      '2028-03-31T00:00:00.000Z',
    ]);
  });

  it('LW is the last weekday of the month (2026-05-31 is a Sunday)', () => {
    expect(ruleFireTimes('cron(0 0 LW * ? *)', '2026-05-01T00:00:00Z', 1)).toEqual(['2026-05-29T00:00:00.000Z']);
  });

  it('W picks the nearest weekday without leaving the month', () => {
    // 2026-08-15 is a Saturday -> Friday 14th; 2026-08-01 is a Saturday -> Monday 3rd.
    expect(ruleFireTimes('cron(0 0 15W * ? *)', '2026-08-01T00:00:00Z', 1)).toEqual(['2026-08-14T00:00:00.000Z']);
    expect(ruleFireTimes('cron(0 0 1W * ? *)', '2026-07-31T00:00:00Z', 1)).toEqual(['2026-08-03T00:00:00.000Z']);
  });

  it('6L is the last Friday of each month', () => {
    expect(ruleFireTimes('cron(15 10 ? * 6L *)', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-27T10:15:00.000Z',
      '2026-04-24T10:15:00.000Z',
    ]);
  });

  it('L alone in day-of-week is Saturday', () => {
    expect(ruleFireTimes('cron(0 0 ? * L *)', '2026-03-01T00:00:00Z', 1)).toEqual(['2026-03-07T00:00:00.000Z']);
  });

  it('SAT#3 is the third Saturday, and a missing 5th weekday is skipped', () => {
    expect(ruleFireTimes('cron(0 2 ? * SAT#3 *)', '2026-03-01T00:00:00Z', 1)).toEqual(['2026-03-21T02:00:00.000Z']);
    // Months with a fifth Monday after March 2026: March (30th), June (29th).
    expect(ruleFireTimes('cron(0 0 ? * 2#5 *)', '2026-03-01T00:00:00Z', 2)).toEqual([
      '2026-03-30T00:00:00.000Z',
      '2026-06-29T00:00:00.000Z',
    ]);
  });

  it('skips days a month does not have', () => {
    expect(ruleFireTimes('cron(0 0 31 * ? *)', '2026-04-01T00:00:00Z', 1)).toEqual(['2026-05-31T00:00:00.000Z']);
  });

  it('ends when the year field is exhausted', () => {
    expect(ruleFireTimes('cron(15 10 ? * 6L 2002-2005)', '2026-01-01T00:00:00Z', 1)).toEqual([]);
    expect(nextOccurrence(parseRuleSchedule('cron(0 0 30 2 ? *)'), ms('2026-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('ignores seconds of the instant it starts from (one-minute resolution)', () => {
    expect(ruleFireTimes('cron(* * * * ? *)', '2026-03-01T10:00:30Z', 1)).toEqual(['2026-03-01T10:01:00.000Z']);
  });
});

describe('at() schedules', () => {
  it('fire once, at the wall-clock time in their zone', () => {
    const schedule = parseSchedulerSchedule('at(2026-07-01T09:30:15)', 'America/New_York');
    expect(iso(nextFireTimes(schedule, ms('2026-01-01T00:00:00Z'), 5))).toEqual(['2026-07-01T13:30:15.000Z']);
    expect(nextOccurrence(schedule, ms('2026-07-01T13:30:15Z'))).toBeUndefined();
  });
});

function* takeWhile<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) {
    if (!keep(item)) return;
    yield item;
  }
}
