/**
 * The registry's Scheduler schedules in a local Scheduler: created with their group, left alone when
 * unchanged across a restart (a schedule starting over would fire again), updated when their
 * definition changed, deleted when no longer declared (a user's own schedules untouched); and, in a running runtime, a schedule firing on the virtual clock starts its workflow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../src/clock/clock';
import { defineRegistry, defineSchedule, type ScheduleDefinition } from '../../src/builder';
import { Scheduler } from '../../src/events/scheduler';
import { createLocalRuntime, LOCAL_SCHEDULER_ROLE_ARN, putSchedules, registrySchedules, removeUndeclaredSchedules, type LocalRuntime } from '../../src/host';
import { examplePackage, FIXTURE_BUCKET, weeklyRescore } from '../fixtures/example-package';
import { eventually } from '../support/eventually';

const MACHINE = 'arn:aws:states:us-east-1:000000000000:stateMachine:fixture-child';
const T0 = Date.UTC(2027, 0, 3, 12); // a Sunday
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'statecraft-schedules-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A Scheduler over `dir`, as one process of the host would open it. */
function withScheduler<T>(clock: VirtualClock, use: (scheduler: Scheduler) => T): T {
  const scheduler = new Scheduler({ dataDir: dir, clock });
  try {
    return use(scheduler);
  } finally {
    scheduler.close();
  }
}
const put = (scheduler: Scheduler, ...schedules: ScheduleDefinition[]) => putSchedules(scheduler, schedules.map((schedule) => ({ schedule, targetArn: MACHINE })));

test('creates the schedule and its group, with every field of the definition, targeting the state machine', () => {
  withScheduler(new VirtualClock(T0), (scheduler) => {
    expect(put(scheduler, weeklyRescore)).toEqual(['created']);
    expect(scheduler.getScheduleGroup({ Name: 'fixture' }).State).toBe('ACTIVE');
    expect(scheduler.getSchedule({ Name: weeklyRescore.name, GroupName: 'fixture' })).toMatchObject({
      Description: weeklyRescore.description,
      ScheduleExpression: 'cron(0 4 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Oslo',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 30 },
      State: 'ENABLED',
      ActionAfterCompletion: 'NONE',
      Target: { Arn: MACHINE, RoleArn: LOCAL_SCHEDULER_ROLE_ARN, Input: '{"part":7}', RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 3600 } },
    });
  });
});

test('across a restart an unchanged schedule is left as it was, a changed one updated', async () => {
  const clock = new VirtualClock(T0);
  const once = defineSchedule({ name: 'soon', expression: 'at(2027-02-01T00:00:00)', start: '2027-01-01T00:00:00Z', target: { workflow: 'fixture-child', input: { part: 1 } } });
  withScheduler(clock, (scheduler) => expect(put(scheduler, weeklyRescore, once)).toEqual(['created', 'created']));
  await clock.advance(60_000);
  const modified = () => withScheduler(clock, (scheduler) => scheduler.getSchedule({ Name: 'soon' }).LastModificationDate?.getTime());
  expect(withScheduler(clock, (scheduler) => put(scheduler, weeklyRescore, once))).toEqual(['unchanged', 'unchanged']);
  expect(modified()).toBe(T0);

  const moved = defineSchedule({ ...once, expression: 'at(2027-03-01T00:00:00)', target: once.target });
  expect(withScheduler(clock, (scheduler) => put(scheduler, weeklyRescore, moved))).toEqual(['unchanged', 'updated']);
  expect(withScheduler(clock, (scheduler) => scheduler.getSchedule({ Name: 'soon' }).ScheduleExpression)).toBe('at(2027-03-01T00:00:00)');
  expect(modified()).toBe(T0 + 60_000);
});

test.each<[string, Partial<ScheduleDefinition>]>([
  ['input', { target: { workflow: 'fixture-child', input: { part: 8 } } }],
  ['window', { flexibleWindowMinutes: undefined }],
  ['state', { enabled: false }],
  ['retry policy', { retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeSeconds: 3600 } }],
  ['time zone', { timezone: 'UTC' }],
  ['end', { end: new Date('2030-01-01T00:00:00Z') }],
  ['dead-letter queue', { deadLetterQueueArn: undefined }],
])('a changed %s is an update', (_what, change) => {
  const clock = new VirtualClock(T0);
  withScheduler(clock, (scheduler) => put(scheduler, weeklyRescore));
  expect(withScheduler(clock, (scheduler) => put(scheduler, { ...weeklyRescore, ...change }))).toEqual(['updated']);
});

test('a schedule the registry no longer declares is deleted; a user’s own schedule is not', () => {
  withScheduler(new VirtualClock(T0), (scheduler) => {
    const dropped = defineSchedule({ name: 'dropped', expression: 'rate(1 day)', target: { workflow: 'fixture-child', input: { part: 2 } } });
    put(scheduler, weeklyRescore, dropped);
    scheduler.createSchedule({ Name: 'mine', ScheduleExpression: 'rate(1 day)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: MACHINE, RoleArn: 'arn:aws:iam::000000000000:role/mine' } });
    expect(removeUndeclaredSchedules(scheduler, [{ schedule: weeklyRescore, targetArn: MACHINE }])).toEqual(['default/dropped']);
    expect((scheduler.listSchedules().Schedules ?? []).map((schedule) => `${schedule.GroupName}/${schedule.Name}`)).toEqual(['default/mine', 'fixture/fixture-weekly-rescore']);
  });
});

describe('in a running runtime', () => {
  let runtime: LocalRuntime;
  afterEach(() => runtime.close());

  test('the example package’s schedule fires on the virtual clock, in its zone and window, and starts its workflow with its input', async () => {
    const registry = defineRegistry({ packages: [examplePackage], modelRegistry: { bucket: FIXTURE_BUCKET, prefix: 'model-registry/' } });
    expect(registrySchedules(registry, (workflow) => `arn:${workflow}`)).toEqual([{ schedule: weeklyRescore, targetArn: 'arn:fixture-child' }]);
    runtime = await createLocalRuntime({ registry, dataDir: dir, workers: 1, bus: true, clock: new VirtualClock(T0) });
    const started = await eventually(() => {
      const executions = runtime.engine.listExecutions({ stateMachineArn: MACHINE }).executions ?? [];
      return executions
        .map((execution) => runtime.engine.describeExecution({ executionArn: execution.executionArn }))
        .find((execution) => execution.input === '{"part":7}' && execution.status === 'SUCCEEDED');
    }, 30_000);
    // Monday 04:00 in Oslo is 03:00 UTC; the flexible window lets it start up to 30 minutes later.
    const monday = Date.UTC(2027, 0, 4, 3);
    expect(started.startDate!.getTime()).toBeGreaterThanOrEqual(monday);
    expect(started.startDate!.getTime()).toBeLessThan(monday + 30 * 60_000);
  });
});
