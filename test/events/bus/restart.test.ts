/** What a bus on the same data directory picks up after the previous one stopped. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../../src/clock/clock';
import { ENTRY, PATTERN, START, lambdaArn, newBus, until } from './helpers';

const DAY = 86_400_000;
const BUS_ARN = 'arn:aws:events:us-east-1:000000000000:event-bus/default';

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'statecraft-bus-restart-'));
}

test('events accepted before the bus started delivering are delivered once it starts, also by a new process', async () => {
  const dir = dataDir();
  const first = newBus({ dataDir: dir });
  first.bus.putRule({ Name: 'r', EventPattern: PATTERN });
  first.bus.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: lambdaArn('sink') }] });
  const { Entries } = first.bus.putEvents({ Entries: [ENTRY, ENTRY] });
  first.bus.close();
  expect(first.calls).toEqual([]);

  const second = newBus({ dataDir: dir });
  second.bus.start();
  await until(() => (second.calls.length >= 2 ? true : undefined));
  await second.bus.idle();
  expect(second.calls.map((c) => (c.payload as { id: string }).id)).toEqual(Entries!.map((e) => e.EventId));
  expect(second.bus.pendingDeliveries()).toBe(0);
  second.bus.close();
});

test('a replay interrupted by a stop continues in the next process', async () => {
  const dir = dataDir();
  const first = newBus({ dataDir: dir });
  first.bus.start();
  first.bus.createArchive({ ArchiveName: 'a', EventSourceArn: BUS_ARN });
  first.bus.putEvents({ Entries: [ENTRY] });
  first.bus.putRule({ Name: 'r', EventPattern: PATTERN });
  first.bus.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: lambdaArn('sink') }] });
  first.bus.startReplay({ ReplayName: 'again', EventSourceArn: 'arn:aws:events:us-east-1:000000000000:archive/a', EventStartTime: new Date(START - DAY), EventEndTime: new Date(START + DAY), Destination: { Arn: BUS_ARN } });
  first.bus.close(); // before the replay's first batch ran
  expect(first.calls).toEqual([]);

  const second = newBus({ dataDir: dir });
  second.bus.start();
  await until(() => (second.bus.describeReplay({ ReplayName: 'again' }).State === 'COMPLETED' ? true : undefined));
  await second.bus.idle();
  expect(second.calls.map((c) => (c.payload as Record<string, unknown>)['replay-name'])).toEqual(['again']);
  second.bus.close();
});

test('archived events older than RetentionDays are dropped', async () => {
  const dir = dataDir();
  const clock = new VirtualClock(START);
  const first = newBus({ dataDir: dir, clock });
  first.bus.createArchive({ ArchiveName: 'short', EventSourceArn: BUS_ARN, RetentionDays: 1 });
  first.bus.createArchive({ ArchiveName: 'forever', EventSourceArn: BUS_ARN });
  first.bus.putEvents({ Entries: [ENTRY] });
  first.bus.close();
  await clock.advance(2 * DAY);

  const second = newBus({ dataDir: dir, clock });
  second.bus.start();
  expect(second.bus.describeArchive({ ArchiveName: 'short' }).EventCount).toBe(0);
  expect(second.bus.describeArchive({ ArchiveName: 'forever' }).EventCount).toBe(1);
  second.bus.close();
});
