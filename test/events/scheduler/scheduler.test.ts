/**
 * Schedules firing: at() with ActionAfterCompletion DELETE, context attributes, a flexible window
 * with injected randomness, an event-bus target, retries into the dead-letter queue, and a restart
 * that neither loses nor repeats an occurrence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock, type Clock } from '../../../src/clock/clock';
import { EventBus } from '../../../src/events/bus';
import { Scheduler, type SchedulerOptions } from '../../../src/events/scheduler';
import { lambdaArn, recordingLambda, until, type Behaviour } from '../bus/helpers';

const T0 = Date.UTC(2024, 0, 1);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ROLE = 'arn:aws:iam::000000000000:role/scheduler';
const DLQ = 'arn:aws:sqs:us-east-1:000000000000:dlq';
const OFF = { Mode: 'OFF' as const };

const opened: { close(): void }[] = [];
afterEach(() => {
  for (const resource of opened.splice(0).reverse()) resource.close();
});

function newScheduler(clock: Clock, behaviours: Record<string, Behaviour> = {}, options: Partial<SchedulerOptions> = {}) {
  const { lambda, calls } = recordingLambda(clock as VirtualClock, behaviours);
  const scheduler = new Scheduler({ clock, lambda, ...options });
  opened.push(scheduler);
  scheduler.start();
  return { scheduler, calls };
}

test('at() in its time zone fires once, with the context attributes, and DELETE removes the schedule', async () => {
  const clock = new VirtualClock(T0);
  const { scheduler, calls } = newScheduler(clock);
  const { ScheduleArn } = scheduler.createSchedule({
    Name: 'once',
    ScheduleExpression: 'at(2024-01-01T10:00:00)',
    ScheduleExpressionTimezone: 'Asia/Tokyo',
    FlexibleTimeWindow: OFF,
    ActionAfterCompletion: 'DELETE',
    Target: { Arn: lambdaArn('tick'), RoleArn: ROLE, Input: '{"arn":"<aws.scheduler.schedule-arn>","at":"<aws.scheduler.scheduled-time>","id":"<aws.scheduler.execution-id>"}' },
  });
  await until(() => (calls.length > 0 ? true : undefined));
  await scheduler.idle();
  expect(calls).toEqual([{ functionName: 'tick', payload: { arn: ScheduleArn, at: '2024-01-01T01:00:00Z', id: expect.stringMatching(/^[0-9a-f-]{36}$/) }, atMs: Date.UTC(2024, 0, 1, 1) }]);
  expect(() => scheduler.getSchedule({ Name: 'once' })).toThrow('Schedule once does not exist.');
});

test('with ActionAfterCompletion NONE a finished schedule stays, and a recurring one ends at its EndDate', async () => {
  const clock = new VirtualClock(T0);
  const { scheduler, calls } = newScheduler(clock);
  scheduler.createSchedule({ Name: 'kept', ScheduleExpression: 'at(2024-01-01T00:05:00)', FlexibleTimeWindow: OFF, Target: { Arn: lambdaArn('tick'), RoleArn: ROLE } });
  scheduler.createSchedule({
    Name: 'bounded',
    ScheduleExpression: 'rate(10 minutes)',
    EndDate: new Date(T0 + 30 * MINUTE),
    ActionAfterCompletion: 'DELETE',
    FlexibleTimeWindow: OFF,
    Target: { Arn: lambdaArn('tock'), RoleArn: ROLE },
  });
  await until(() => (calls.length >= 4 ? true : undefined));
  await scheduler.idle();
  expect(calls.map((call) => [call.functionName, call.atMs - T0])).toEqual([
    ['tock', 0],
    ['tick', 5 * MINUTE],
    ['tock', 10 * MINUTE],
    ['tock', 20 * MINUTE],
  ]);
  expect(scheduler.getSchedule({ Name: 'kept' }).State).toBe('ENABLED');
  expect(() => scheduler.getSchedule({ Name: 'bounded' })).toThrow('Schedule bounded does not exist.');
});

test('a flexible window fires at the moment the random source picks within it', async () => {
  const clock = new VirtualClock(T0);
  const { scheduler, calls } = newScheduler(clock, {}, { random: () => 0.25 });
  scheduler.createSchedule({
    Name: 'flex',
    ScheduleExpression: 'at(2024-01-01T06:00:00)',
    FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 60 },
    Target: { Arn: lambdaArn('tick'), RoleArn: ROLE, Input: '{"at":"<aws.scheduler.scheduled-time>"}' },
  });
  await until(() => (calls.length > 0 ? true : undefined));
  expect(calls[0]).toMatchObject({ atMs: Date.UTC(2024, 0, 1, 6, 15), payload: { at: '2024-01-01T06:00:00Z' } });
});

test('an event-bus target puts the input as Detail with the EventBridgeParameters', async () => {
  const clock = new VirtualClock(T0);
  const { lambda, calls } = recordingLambda(clock);
  const bus = new EventBus({ clock, lambda });
  opened.push(bus);
  bus.start();
  bus.putRule({ Name: 'r', EventPattern: JSON.stringify({ source: ['my.scheduler'] }) });
  bus.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: lambdaArn('sink') }] });
  const { scheduler } = newScheduler(clock, {}, { bus });
  const { ScheduleArn } = scheduler.createSchedule({
    Name: 'to-bus',
    ScheduleExpression: 'at(2024-01-01T00:01:00)',
    FlexibleTimeWindow: OFF,
    Target: { Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default', RoleArn: ROLE, Input: '{"n":1}', EventBridgeParameters: { DetailType: 'Tick', Source: 'my.scheduler' } },
  });
  await until(() => (calls.length > 0 ? true : undefined));
  expect(calls[0].payload).toMatchObject({ source: 'my.scheduler', 'detail-type': 'Tick', detail: { n: 1 }, resources: [ScheduleArn], time: '2024-01-01T00:01:00Z' });
});

describe('retry policy and dead-letter queue', () => {
  test('a failing target is retried MaximumRetryAttempts times, then dead-lettered with the input and Scheduler attributes', async () => {
    const clock = new VirtualClock(T0);
    const { scheduler, calls } = newScheduler(clock, {
      fail: () => {
        throw new Error('boom');
      },
    });
    const { ScheduleArn } = scheduler.createSchedule({
      Name: 'failing',
      ScheduleExpression: 'at(2024-01-01T00:10:00)',
      FlexibleTimeWindow: OFF,
      Target: { Arn: lambdaArn('fail'), RoleArn: ROLE, Input: '{"job":7}', RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: { Arn: DLQ } },
    });
    await until(() => (scheduler.deadLetters().length > 0 ? true : undefined));
    expect(calls.map((call) => call.atMs - T0)).toEqual([10 * MINUTE, 10 * MINUTE + 1000, 10 * MINUTE + 3000]);
    expect(scheduler.deadLetters()).toEqual([
      {
        queueArn: DLQ,
        body: '{"job":7}',
        sentAt: T0 + 10 * MINUTE + 3000,
        attributes: {
          SCHEDULE_ARN: ScheduleArn,
          TARGET_ARN: lambdaArn('fail'),
          INVOCATION_ID: expect.stringMatching(/^[0-9a-f-]{36}$/),
          ERROR_CODE: 'ERROR_FROM_TARGET',
          ERROR_MESSAGE: expect.stringContaining('boom'),
          EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
          RETRY_ATTEMPTS: '2',
        },
      },
    ]);
  });

  test('MaximumEventAgeInSeconds ends the retries too', async () => {
    const clock = new VirtualClock(T0);
    const { scheduler, calls } = newScheduler(clock, {
      fail: () => {
        throw new Error('boom');
      },
    });
    scheduler.createSchedule({
      Name: 'old',
      ScheduleExpression: 'at(2024-01-01T00:10:00)',
      FlexibleTimeWindow: OFF,
      Target: { Arn: lambdaArn('fail'), RoleArn: ROLE, RetryPolicy: { MaximumEventAgeInSeconds: 60 }, DeadLetterConfig: { Arn: DLQ } },
    });
    await until(() => (scheduler.deadLetters().length > 0 ? true : undefined));
    // 1 + 2 + 4 + 8 + 16 s of backoff fit in a minute; the next (32 s) would not.
    expect(calls).toHaveLength(6);
    expect(scheduler.deadLetters()[0].attributes.EXHAUSTED_RETRY_CONDITION).toBe('MaximumEventAgeInSeconds');
  });
});

/** A clock that moves only when told to, so a test can stop a process between two occurrences. */
class SteppedClock implements Clock {
  readonly kind = 'virtual' as const;
  private readonly waits: { atMs: number; resolve: () => void; signal?: AbortSignal }[] = [];

  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    if (atMs <= this.current) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waits.push({ atMs, resolve, signal });
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }

  async set(ms: number): Promise<void> {
    this.current = ms;
    for (const wait of this.waits.splice(0)) {
      if (wait.signal?.aborted) continue;
      if (wait.atMs <= ms) wait.resolve();
      else this.waits.push(wait);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('a restart neither repeats a fired occurrence nor fires the whole backlog: the latest missed one fires once, late', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-scheduler-'));
  try {
    const input = '{"at":"<aws.scheduler.scheduled-time>"}';
    const first = new SteppedClock(T0);
    const a = newScheduler(first, {}, { dataDir });
    a.scheduler.createSchedule({ Name: 'hourly', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: OFF, Target: { Arn: lambdaArn('tick'), RoleArn: ROLE, Input: input } });
    await until(() => (a.calls.length > 0 ? true : undefined));
    await a.scheduler.idle();
    a.scheduler.close();

    const soon = new SteppedClock(T0 + 30 * MINUTE);
    const b = newScheduler(soon, {}, { dataDir });
    await soon.set(T0 + 59 * MINUTE);
    await b.scheduler.idle();
    expect(b.calls).toEqual([]);
    b.scheduler.close();

    const later = new SteppedClock(T0 + 3 * HOUR + 20 * MINUTE);
    const c = newScheduler(later, {}, { dataDir });
    await until(() => (c.calls.length > 0 ? true : undefined));
    await later.set(T0 + 4 * HOUR);
    await until(() => (c.calls.length > 1 ? true : undefined));
    await c.scheduler.idle();
    expect([...a.calls, ...c.calls].map((call) => [(call.payload as { at: string }).at, call.atMs - T0])).toEqual([
      ['2024-01-01T00:00:00Z', 0],
      ['2024-01-01T03:00:00Z', 3 * HOUR + 20 * MINUTE],
      ['2024-01-01T04:00:00Z', 4 * HOUR],
    ]);
  } finally {
    for (const resource of opened.splice(0)) resource.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
