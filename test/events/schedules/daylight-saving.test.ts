import { nextFireTimes, parseSchedulerSchedule } from '../../../src/events/schedules';

/**
 * EventBridge Scheduler: a local time skipped by spring-forward is skipped; during fall-back the
 * repeated hour runs once.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#daylist-savings-time
 */
function fireTimes(expression: string, timezone: string, afterIso: string, count: number): string[] {
  const times = nextFireTimes(parseSchedulerSchedule(expression, timezone), Date.parse(afterIso), count);
  return times.map((time) => new Date(time).toISOString());
}

describe('America/New_York', () => {
  it('skips 02:30 on 2026-03-08 (spring-forward) and keeps the wall time on the other days', () => {
    expect(fireTimes('cron(30 2 * * ? *)', 'America/New_York', '2026-03-07T00:00:00Z', 3)).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ]);
  });

  it('runs 01:30 once on 2026-11-01 (fall-back), at its first instant', () => {
    expect(fireTimes('cron(30 1 * * ? *)', 'America/New_York', '2026-10-31T12:00:00Z', 3)).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
      '2026-11-03T06:30:00.000Z',
    ]);
  });

  it('does not repeat the hour an every-15-minutes schedule already ran', () => {
    const times = fireTimes('cron(0/15 * * * ? *)', 'America/New_York', '2026-11-01T05:00:00Z', 6);
    // 01:00-01:45 EDT run, the repeated 01:00-01:45 EST does not, 02:00 EST comes next.
    expect(times).toEqual([
      '2026-11-01T05:15:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-01T05:45:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T07:15:00.000Z',
      '2026-11-01T07:30:00.000Z',
    ]);
  });

  it('resumes after the repeated hour when asked from inside it', () => {
    expect(fireTimes('cron(0/15 * * * ? *)', 'America/New_York', '2026-11-01T06:20:00Z', 1)).toEqual([
      '2026-11-01T07:00:00.000Z',
    ]);
  });
});

describe('Europe/Berlin', () => {
  it('skips 02:xx on 2026-03-29 and runs 02:xx once on 2026-10-25', () => {
    expect(fireTimes('cron(0 2 * * ? *)', 'Europe/Berlin', '2026-03-28T12:00:00Z', 2)).toEqual([
      '2026-03-30T00:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
    ]);
    expect(fireTimes('cron(0 2 * * ? *)', 'Europe/Berlin', '2026-10-24T12:00:00Z', 2)).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-26T01:00:00.000Z',
    ]);
  });

  it('keeps rate() a fixed duration across the transition', () => {
    const schedule = parseSchedulerSchedule('rate(1 day)', 'Europe/Berlin');
    const start = Date.parse('2026-03-28T09:00:00Z');
    const times = nextFireTimes(schedule, start, 2, start).map((time) => new Date(time).toISOString());
    expect(times).toEqual(['2026-03-29T09:00:00.000Z', '2026-03-30T09:00:00.000Z']);
  });
});
