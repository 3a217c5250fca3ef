import { parseSchedulerSchedule } from '../../../src/events/schedules';
import { firstDue, flexibleDelayMs, nextInWindow, type FiringWindow } from '../../../src/events/scheduler/firing-plan';

const T0 = Date.UTC(2024, 0, 1, 10, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function window(expression: string, extra: Partial<FiringWindow> = {}, timezone = 'UTC'): FiringWindow {
  return { schedule: parseSchedulerSchedule(expression, timezone), armedAt: T0, ...extra };
}

describe('nextInWindow', () => {
  test.each<[string, FiringWindow, number, number | undefined]>([
    ['a rate without StartDate fires at once when armed', window('rate(1 hour)'), T0 - 1, T0],
    ['then one interval later', window('rate(1 hour)'), T0, T0 + HOUR],
    ['a rate counts from its StartDate', window('rate(1 hour)', { startMs: T0 + 30 * MINUTE }), T0 - 1, T0 + 30 * MINUTE],
    ['a cron waits for its StartDate', window('cron(0 * * * ? *)', { startMs: T0 + 90 * MINUTE }), T0 - 1, T0 + 2 * HOUR],
    ['EndDate is exclusive', window('cron(0 * * * ? *)', { endMs: T0 + 2 * HOUR }), T0 + HOUR, undefined],
    ['an occurrence before EndDate fires', window('cron(0 * * * ? *)', { endMs: T0 + 2 * HOUR + 1 }), T0 + HOUR, T0 + 2 * HOUR],
    ['at() ignores StartDate and EndDate', window('at(2024-01-01T12:00:00)', { startMs: T0 + 5 * HOUR, endMs: T0 + HOUR }), T0, T0 + 2 * HOUR],
    ['at() in its zone', window('at(2024-01-01T12:00:00)', {}, 'Asia/Tokyo'), T0 - 10 * HOUR, Date.UTC(2024, 0, 1, 3)],
    ['at() fires once', window('at(2024-01-01T12:00:00)'), T0 + 2 * HOUR, undefined],
  ])('%s', (_, plan, after, expected) => {
    expect(nextInWindow(plan, after)).toBe(expected);
  });
});

describe('firstDue', () => {
  test.each<[string, number | undefined, number, number | undefined]>([
    ['nothing fired yet: the first occurrence from arming', undefined, T0, T0],
    ['after a firing: the next one', T0, T0 + 10 * MINUTE, T0 + HOUR],
    ['down for hours: only the latest missed occurrence, once', T0, T0 + 3 * HOUR + 5 * MINUTE, T0 + 3 * HOUR],
    ['an occurrence already fired is never due again', T0 + 3 * HOUR, T0 + 3 * HOUR, T0 + 4 * HOUR],
  ])('%s', (_, lastFired, now, expected) => {
    expect(firstDue(window('rate(1 hour)'), lastFired, now)).toBe(expected);
  });

  test('an at() that passed before the schedule was armed never fires', () => {
    expect(firstDue(window('at(2024-01-01T09:00:00)'), undefined, T0 + MINUTE)).toBeUndefined();
  });
});

describe('flexibleDelayMs', () => {
  test.each([
    [{ Mode: 'OFF' as const }, 0.9, 0],
    [{ Mode: 'FLEXIBLE' as const, MaximumWindowInMinutes: 10 }, 0, 0],
    [{ Mode: 'FLEXIBLE' as const, MaximumWindowInMinutes: 10 }, 0.5, 5 * MINUTE],
    [{ Mode: 'FLEXIBLE' as const, MaximumWindowInMinutes: 10 }, 0.999999, 10 * MINUTE - 1],
  ])('%j with random %p delays %p ms', (flexible, random, expected) => {
    expect(flexibleDelayMs(flexible, () => random)).toBe(expected);
  });
});
