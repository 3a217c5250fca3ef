/** RetryPolicy and dead-letter queues: backoff on the bus clock, both exhaustion conditions, non-retryable errors. */
import { Engine } from '../../../src/control';
import { ENTRY, PATTERN, START, lambdaArn, newBus, until } from './helpers';

const DLQ = 'arn:aws:sqs:us-east-1:000000000000:events-dlq';

test('a failing target is retried with backoff until MaximumRetryAttempts, then dead-lettered with AWS attributes', async () => {
  const { bus, calls } = newBus({ behaviours: { flaky: () => { throw new Error('downstream unavailable'); } } });
  bus.start();
  const { RuleArn } = bus.putRule({ Name: 'r1', EventPattern: PATTERN });
  bus.putTargets({ Rule: 'r1', Targets: [{ Id: 't1', Arn: lambdaArn('flaky'), RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: { Arn: DLQ } }] });
  const { Entries } = bus.putEvents({ Entries: [ENTRY] });

  const [letter] = await until(() => (bus.deadLetters(DLQ).length > 0 ? bus.deadLetters(DLQ) : undefined));
  expect(calls.map((c) => c.atMs - START)).toEqual([0, 1000, 3000]);
  expect(letter.attributes).toEqual({
    RULE_ARN: RuleArn,
    TARGET_ARN: lambdaArn('flaky'),
    ERROR_CODE: 'ERROR_FROM_TARGET',
    ERROR_MESSAGE: expect.stringContaining('downstream unavailable'),
    EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
    RETRY_ATTEMPTS: '2',
  });
  expect(JSON.parse(letter.body)).toMatchObject({ id: Entries![0].EventId, source: 'my.app', detail: { n: 1 } });
  bus.close();
});

test('MaximumEventAgeInSeconds ends retries once the next attempt would come too late', async () => {
  const { bus, calls } = newBus({ behaviours: { flaky: () => { throw new Error('no'); } } });
  bus.start();
  bus.putRule({ Name: 'r1', EventPattern: PATTERN });
  bus.putTargets({ Rule: 'r1', Targets: [{ Id: 't1', Arn: lambdaArn('flaky'), RetryPolicy: { MaximumEventAgeInSeconds: 60 }, DeadLetterConfig: { Arn: DLQ } }] });
  bus.putEvents({ Entries: [ENTRY] });
  const [letter] = await until(() => (bus.deadLetters().length > 0 ? bus.deadLetters() : undefined));
  // 0, 1, 3, 7, 15, 31 s; the next (63 s) would be past the 60 s age limit.
  expect(calls.map((c) => (c.atMs - START) / 1000)).toEqual([0, 1, 3, 7, 15, 31]);
  expect(letter.attributes).toMatchObject({ EXHAUSTED_RETRY_CONDITION: 'MaximumEventAgeInSeconds', RETRY_ATTEMPTS: '5' });
  bus.close();
});

test('a target that recovers is delivered once and nothing is dead-lettered', async () => {
  const { bus, calls } = newBus({ behaviours: { recovers: (_, call) => { if (call < 3) throw new Error('not yet'); } } });
  bus.start();
  bus.putRule({ Name: 'r1', EventPattern: PATTERN });
  bus.putTargets({ Rule: 'r1', Targets: [{ Id: 't1', Arn: lambdaArn('recovers'), DeadLetterConfig: { Arn: DLQ } }] });
  bus.putEvents({ Entries: [ENTRY] });
  await until(() => (calls.length >= 3 ? true : undefined));
  await bus.idle();
  expect(calls).toHaveLength(3);
  expect(bus.deadLetters()).toEqual([]);
  expect(bus.pendingDeliveries()).toBe(0);
  bus.close();
});

test('a missing state machine is not retried: straight to the dead-letter queue without an exhausted condition', async () => {
  const { bus, clock } = newBus();
  const engine = new Engine({ clock, lambda: { invoke: () => Promise.reject(new Error('unused')) } });
  bus.start(engine);
  const machine = 'arn:aws:states:us-east-1:000000000000:stateMachine:gone';
  bus.putRule({ Name: 'r1', EventPattern: PATTERN });
  bus.putTargets({ Rule: 'r1', Targets: [{ Id: 't1', Arn: machine, DeadLetterConfig: { Arn: DLQ } }] });
  bus.putEvents({ Entries: [ENTRY] });
  const [letter] = await until(() => (bus.deadLetters().length > 0 ? bus.deadLetters() : undefined));
  expect(letter.attributes).toEqual({
    RULE_ARN: 'arn:aws:events:us-east-1:000000000000:rule/r1',
    TARGET_ARN: machine,
    ERROR_CODE: 'NO_RESOURCE',
    ERROR_MESSAGE: expect.stringContaining('gone'),
    RETRY_ATTEMPTS: '0',
  });
  bus.close();
  engine.close();
});

test('without a dead-letter queue an exhausted event is dropped and leaves the queue', async () => {
  const { bus, calls } = newBus({ behaviours: { flaky: () => { throw new Error('no'); } } });
  bus.start();
  bus.putRule({ Name: 'r1', EventPattern: PATTERN });
  bus.putTargets({ Rule: 'r1', Targets: [{ Id: 't1', Arn: lambdaArn('flaky'), RetryPolicy: { MaximumRetryAttempts: 0 } }] });
  bus.putEvents({ Entries: [ENTRY] });
  await until(() => (calls.length >= 1 ? true : undefined));
  await bus.idle();
  expect(calls).toHaveLength(1);
  expect(bus.deadLetters()).toEqual([]);
  expect(bus.pendingDeliveries()).toBe(0);
  bus.close();
});
