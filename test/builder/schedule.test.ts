/** defineSchedule: Scheduler's defaults filled in, and every mistake refused where the schedule is defined, by name. */
import { defineSchedule, type ScheduleDefinitionProps } from '../../src/builder';

const base: ScheduleDefinitionProps = { name: 'nightly', expression: 'cron(0 3 * * ? *)', target: { workflow: 'train' } };

test('fills in what Scheduler defaults to', () => {
  expect(defineSchedule(base)).toEqual({
    kind: 'schedule',
    name: 'nightly',
    group: 'default',
    expression: 'cron(0 3 * * ? *)',
    timezone: 'UTC',
    enabled: true,
    target: { workflow: 'train', input: {} },
    retryPolicy: { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 },
    actionAfterCompletion: 'NONE',
  });
});

test('keeps every option given, dates as Dates', () => {
  const schedule = defineSchedule({
    ...base,
    group: 'ml',
    description: 'retrain',
    timezone: 'Europe/Oslo',
    flexibleWindowMinutes: 15,
    start: '2027-01-01T00:00:00Z',
    end: new Date('2028-01-01T00:00:00Z'),
    enabled: false,
    target: { workflow: 'train', input: { at: '<aws.scheduler.scheduled-time>' } },
    retryPolicy: { maximumRetryAttempts: 0 },
    deadLetterQueueArn: 'arn:aws:sqs:eu-north-1:123456789012:retrain-dlq.fifo',
    actionAfterCompletion: 'DELETE',
  });
  expect(schedule).toMatchObject({
    group: 'ml',
    description: 'retrain',
    timezone: 'Europe/Oslo',
    flexibleWindowMinutes: 15,
    start: new Date('2027-01-01T00:00:00Z'),
    end: new Date('2028-01-01T00:00:00Z'),
    enabled: false,
    target: { input: { at: '<aws.scheduler.scheduled-time>' } },
    retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeSeconds: 86_400 },
    deadLetterQueueArn: 'arn:aws:sqs:eu-north-1:123456789012:retrain-dlq.fifo',
    actionAfterCompletion: 'DELETE',
  });
});

test.each<[string, Partial<ScheduleDefinitionProps>, string]>([
  ['a name with a space', { name: 'every night' }, `schedule "every night": names are 1–64 letters, digits, '-', '_' or '.'`],
  ['a name over 64 characters', { name: 'n'.repeat(65) }, 'names are 1–64'],
  ['a bad group', { group: 'ml/jobs' }, `schedule nightly: group "ml/jobs": names are`],
  ['an unknown time zone', { timezone: 'Mars/Olympus' }, 'schedule nightly: "Mars/Olympus" is not an IANA time zone'],
  ['an expression of another kind', { expression: 'every(1 day)' }, 'schedule nightly: every(1 day): expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(six fields)'],
  ['a cron with both day fields', { expression: 'cron(0 3 * * * *)' }, 'one of day-of-month and day-of-week must be ?, and only one'],
  ['an at() with an offset', { expression: 'at(2027-01-01T00:00:00Z)' }, 'at() takes a local date and time'],
  ['a zero window', { flexibleWindowMinutes: 0 }, 'flexibleWindowMinutes must be a whole number from 1 to 1440, not 0'],
  ['a day-long-plus window', { flexibleWindowMinutes: 1441 }, 'not 1441'],
  ['a start that is not a date', { start: 'soon' }, 'start "soon" is not a date'],
  ['an end before the start', { start: '2027-02-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }, 'start (2027-02-01T00:00:00.000Z) must be before end (2027-01-01T00:00:00.000Z)'],
  ['too many retries', { retryPolicy: { maximumRetryAttempts: 186 } }, 'retryPolicy.maximumRetryAttempts must be a whole number from 0 to 185, not 186'],
  ['too short an event age', { retryPolicy: { maximumEventAgeSeconds: 59 } }, 'retryPolicy.maximumEventAgeSeconds must be a whole number from 60 to 86400, not 59'],
  ['an input that is not JSON', { target: { workflow: 'train', input: () => 1 } }, 'the target input is not a JSON value'],
  ['an input over 8192 characters', { target: { workflow: 'train', input: { text: 'x'.repeat(8192) } } }, "the target input is 8203 characters as JSON, over Scheduler's 8192"],
  ['a description over 512 characters', { description: 'd'.repeat(513) }, 'the description is longer than 512 characters'],
  ['a dead-letter queue that is not an SQS queue', { deadLetterQueueArn: 'arn:aws:sns:us-east-1:123456789012:topic' }, 'deadLetterQueueArn "arn:aws:sns:us-east-1:123456789012:topic" is not an SQS queue\'s ARN'],
])('refuses %s', (_what, props, message) => {
  expect(() => defineSchedule({ ...base, ...props })).toThrow(message);
});
