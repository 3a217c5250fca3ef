/**
 * The builder's check of schedule expressions accepts exactly what the local Scheduler parses, on a
 * table of the forms the Scheduler guide shows and the mistakes people make.
 */
import { checkScheduleExpression } from '../../src/builder/schedule-expression';
import { parseSchedulerSchedule } from '../../src/events/schedules';

const accepted = [
  'at(2027-03-01T09:30:00)',
  'at(2028-02-29T23:59:59)',
  'rate(1 minute)',
  'rate(5 minutes)',
  'rate(2 minute)',
  'rate(1 day)',
  'rate(12 hours)',
  'cron(0 3 * * ? *)',
  'cron(0/15 8-17 ? * MON-FRI *)',
  'cron(0 4 ? * MON *)',
  'cron(30 2 L * ? *)',
  'cron(0 9 LW * ? *)',
  'cron(0 9 15W * ? *)',
  'cron(0 10 ? * 6#3 *)',
  'cron(0 10 ? * 5L *)',
  'cron(0 10 ? * L *)',
  'cron(5,35 14 * JAN,jul ? 2027-2030)',
  'cron(* * * * ? *)',
  'cron(0 22 ? * FRI-MON *)',
];

const refused: Array<[string, string]> = [
  ['rate(0 minutes)', 'rate() takes a positive whole number'],
  ['rate(5 weeks)', 'rate() takes a positive whole number'],
  ['rate( 5 minutes)', 'rate() takes a positive whole number'],
  ['at(2027-02-29T00:00:00)', '2027-02-29T00:00:00 is not a date and time'],
  ['at(2027-01-01 00:00:00)', 'at() takes a local date and time'],
  ['cron(0 3 * * ?)', 'cron() takes six fields separated by single spaces (minutes hours day-of-month month day-of-week year), not 5'],
  ['cron(0  3 * * ? *)', 'not 7'],
  ['cron(0 3 ? * ? *)', 'one of day-of-month and day-of-week must be ?'],
  ['cron(60 3 * * ? *)', 'minutes: "60" is not a value from 0 to 59'],
  ['cron(0 24 * * ? *)', 'hours: "24" is not a value from 0 to 23'],
  ['cron(0 3 32 * ? *)', 'day-of-month: "32"'],
  ['cron(0 3 * 13 ? *)', 'month: "13" is not a value from 1 to 12 (or JAN-DEC)'],
  ['cron(0 3 ? * SUNDAY *)', 'day-of-week: "SUNDAY"'],
  ['cron(0 3 ? * 8L *)', 'day-of-week: 8 is not a day'],
  ['cron(0 3 * * ? 1969)', 'year: "1969"'],
  ['cron(0/0 3 * * ? *)', 'minutes: "0/0"'],
  ['cron(0 3-*/2 * * ? *)', 'hours: "3-*/2"'],
  [' rate(1 day)', 'expected at('],
  ['RATE(1 day)', 'expected at('],
];

test.each(accepted)('%s is accepted, as the Scheduler accepts it', (expression) => {
  expect(checkScheduleExpression(expression)).toBeUndefined();
  expect(() => parseSchedulerSchedule(expression, 'UTC')).not.toThrow();
});

test.each(refused)('%s is refused, as the Scheduler refuses it: %s', (expression, reason) => {
  expect(checkScheduleExpression(expression)).toContain(reason);
  expect(() => parseSchedulerSchedule(expression, 'UTC')).toThrow();
});
