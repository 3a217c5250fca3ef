/**
 * Scheduled rules on the virtual clock: every occurrence fires once, in time order, with AWS's
 * "Scheduled Event" shape. The clock runs ahead on its own while work is pending, so each test's
 * target stops the schedules once it has seen the end of the simulated span.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../../src/control';
import { EventBus } from '../../../src/events/bus';
import { START, lambdaArn, newBus, until, type Call } from './helpers';

const opened: EventBus[] = [];
/** Every bus is closed after its test, also a failing one, so no schedule keeps the clock running. */
function open(bus: EventBus): EventBus {
  opened.push(bus);
  return bus;
}
afterEach(() => {
  for (const bus of opened.splice(0)) bus.close();
});

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Disables every rule once an event at or after `endMs` arrives, so nothing later fires. */
function stopAt(bus: () => EventBus, rules: string[], endMs: number) {
  return (payload: unknown) => {
    if (Date.parse((payload as { time: string }).time) >= endMs) for (const name of rules) bus().disableRule({ Name: name });
  };
}

function eventTimes(calls: Call[]): number[] {
  return calls.map((c) => Date.parse((c.payload as { time: string }).time));
}

test('rate(1 minute) fires exactly 60 times in a simulated hour, one minute apart', async () => {
  let busRef!: EventBus;
  const { bus, calls } = newBus({ behaviours: { tick: stopAt(() => busRef, ['every-minute'], START + HOUR) } });
  busRef = open(bus);
  bus.start();
  const { RuleArn } = bus.putRule({ Name: 'every-minute', ScheduleExpression: 'rate(1 minute)' });
  bus.putTargets({ Rule: 'every-minute', Targets: [{ Id: 't', Arn: lambdaArn('tick') }] });
  await until(() => (calls.length >= 60 ? true : undefined));
  await bus.idle();

  expect(eventTimes(calls)).toEqual(Array.from({ length: 60 }, (_, i) => START + (i + 1) * MINUTE));
  expect(calls[0].payload).toEqual({
    version: '0',
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '000000000000',
    time: '2024-01-01T00:01:00Z',
    region: 'us-east-1',
    resources: [RuleArn],
    detail: {},
  });
  expect(new Set(calls.map((c) => (c.payload as { id: string }).id)).size).toBe(60);
});

test('cron rules over a simulated week fire every occurrence in time order', async () => {
  const rules = { daily: 'cron(0 10 * * ? *)', weekly: 'cron(0 12 ? * MON *)', sixHourly: 'cron(30 0/6 * * ? *)' };
  let busRef!: EventBus;
  const { bus, calls } = newBus({ behaviours: { sink: stopAt(() => busRef, Object.keys(rules), START + 7 * DAY) } });
  busRef = open(bus);
  bus.start();
  for (const [name, expression] of Object.entries(rules)) {
    bus.putRule({ Name: name, ScheduleExpression: expression });
    bus.putTargets({ Rule: name, Targets: [{ Id: 't', Arn: lambdaArn('sink') }] });
  }
  await until(() => (eventTimes(calls).some((time) => time >= START + 7 * DAY) ? true : undefined));
  await bus.idle();

  const expected: [number, string][] = [];
  for (let day = 0; day < 7; day++) {
    for (const hour of [0, 6, 12, 18]) expected.push([START + day * DAY + hour * HOUR + 30 * MINUTE, 'sixHourly']);
    expected.push([START + day * DAY + 10 * HOUR, 'daily']);
  }
  expected.push([START + 12 * HOUR, 'weekly']);
  expected.sort((a, b) => a[0] - b[0]);
  const ruleName = (payload: unknown) => (payload as { resources: string[] }).resources[0].split('/').pop();
  const fired = calls.map((c) => [Date.parse((c.payload as { time: string }).time), ruleName(c.payload)]).filter(([time]) => (time as number) < START + 7 * DAY);
  expect(fired).toEqual(expected);
  // Each occurrence was delivered at its own instant on the clock.
  expect(calls.every((c) => c.atMs === Date.parse((c.payload as { time: string }).time))).toBe(true);
});

test('a disabled rule stops firing and an enabled one resumes from the next occurrence', async () => {
  let busRef!: EventBus;
  const { bus, clock, calls } = newBus({ behaviours: { sink: () => busRef.disableRule({ Name: 'r' }) } });
  busRef = open(bus);
  bus.start();
  bus.putRule({ Name: 'r', ScheduleExpression: 'rate(1 hour)', State: 'DISABLED' });
  bus.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: lambdaArn('sink') }] });
  await clock.advance(3 * HOUR);
  expect(calls).toEqual([]);
  bus.enableRule({ Name: 'r' });
  await until(() => (calls.length >= 1 ? true : undefined));
  // rate() counts from the rule's creation; enabling does not fire the occurrences missed while disabled.
  expect(eventTimes(calls)).toEqual([START + 4 * HOUR]);
});

test('the last firing is stored: a restarted bus continues with the next occurrence, never repeating one', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'statecraft-schedule-'));
  let first!: EventBus;
  // Closing right after the delivery completed, before the clock can move on to the next occurrence.
  const one = newBus({ dataDir, behaviours: { sink: () => void setImmediate(() => first.close()) } });
  first = open(one.bus);
  first.start();
  first.putRule({ Name: 'r', ScheduleExpression: 'rate(1 hour)' });
  first.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: lambdaArn('sink') }] });
  await until(() => (one.calls.length >= 1 ? true : undefined));

  let second!: EventBus;
  const two = newBus({ dataDir, clock: one.clock, behaviours: { sink: () => second.disableRule({ Name: 'r' }) } });
  second = open(two.bus);
  second.start();
  await until(() => (two.calls.length >= 1 ? true : undefined));
  await second.idle();
  expect(eventTimes(one.calls)).toEqual([START + HOUR]);
  expect(eventTimes(two.calls)).toEqual([START + 2 * HOUR]);
});

test('a scheduled rule starts its workflow with the Scheduled Event as input', async () => {
  let busRef!: EventBus;
  const { bus, clock } = newBus();
  busRef = open(bus);
  const started: string[] = [];
  const engine = new Engine({
    clock,
    lambda: { invoke: () => Promise.reject(new Error('unused')) },
    onExecutionStatusChange: (change) => {
      if (change.status !== 'RUNNING') return;
      started.push(change.input);
      busRef.disableRule({ Name: 'energy-daily' });
    },
  });
  bus.start(engine);
  const { stateMachineArn } = engine.createStateMachine({
    name: 'energy-ingest',
    roleArn: 'arn:aws:iam::000000000000:role/r',
    definition: JSON.stringify({ StartAt: 'Go', States: { Go: { Type: 'Pass', End: true } } }),
  });
  const { RuleArn } = bus.putRule({ Name: 'energy-daily', ScheduleExpression: 'cron(0 10 * * ? *)' });
  bus.putTargets({ Rule: 'energy-daily', Targets: [{ Id: 'ingest', Arn: stateMachineArn!, RoleArn: 'arn:aws:iam::000000000000:role/r' }] });
  await until(() => (started.length > 0 ? true : undefined));
  expect(started.map((input) => JSON.parse(input))).toEqual([
    expect.objectContaining({ 'detail-type': 'Scheduled Event', source: 'aws.events', time: '2024-01-01T10:00:00Z', resources: [RuleArn] }),
  ]);
  engine.close();
});
