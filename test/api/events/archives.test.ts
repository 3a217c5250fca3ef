/** Archives and replays through the real client: replayed events carry `replay-name` and are not archived again. */
import {
  CancelReplayCommand,
  CreateArchiveCommand,
  CreateEventBusCommand,
  DeleteArchiveCommand,
  DescribeArchiveCommand,
  DescribeReplayCommand,
  ListArchivesCommand,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
  StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { VirtualClock } from '../../../src/clock/clock';
import { eventually, expectAwsError, startEventsHarness, type EventsHarness } from './harness';

const T0 = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const BUS_ARN = 'arn:aws:events:us-east-1:000000000000:event-bus/default';
const ARCHIVE_ARN = 'arn:aws:events:us-east-1:000000000000:archive/all';
let h: EventsHarness;
let clock: VirtualClock;
let received: { rule: string; event: Record<string, unknown> }[];

beforeEach(async () => {
  received = [];
  clock = new VirtualClock(T0);
  const sink = (rule: string) => (event: unknown) => void received.push({ rule, event: event as Record<string, unknown> });
  h = await startEventsHarness({ clock, functions: { first: sink('first'), second: sink('second') } });
  for (const name of ['first', 'second']) {
    await h.eb.send(new PutRuleCommand({ Name: name, EventPattern: '{"source": ["my.app"]}' }));
    await h.eb.send(new PutTargetsCommand({ Rule: name, Targets: [{ Id: 't', Arn: `arn:aws:lambda:us-east-1:000000000000:function:${name}` }] }));
  }
});
afterEach(() => h.close());

async function putAt(offsetHours: number, n: number): Promise<string> {
  await clock.advance(T0 + offsetHours * HOUR - clock.now());
  const { Entries } = await h.eb.send(new PutEventsCommand({ Entries: [{ Source: 'my.app', DetailType: 'T', Detail: JSON.stringify({ n }) }] }));
  return Entries![0].EventId!;
}

async function replayed(name: string) {
  return eventually(async () => {
    const replay = await h.eb.send(new DescribeReplayCommand({ ReplayName: name }));
    return replay.State === 'COMPLETED' ? replay : undefined;
  });
}

test('an archive keeps matching events; a replay of a window resends them with replay-name', async () => {
  const created = await h.eb.send(new CreateArchiveCommand({ ArchiveName: 'all', EventSourceArn: BUS_ARN, EventPattern: '{"detail": {"n": [{"numeric": [">", 0]}]}}' }));
  expect(created).toMatchObject({ ArchiveArn: ARCHIVE_ARN, State: 'ENABLED' });
  await putAt(0, 1);
  const second = await putAt(1, 2);
  await putAt(1.5, 0); // not archived: the pattern wants n > 0
  await putAt(2, 3);
  await h.bus.idle();
  expect(await h.eb.send(new DescribeArchiveCommand({ ArchiveName: 'all' }))).toMatchObject({ ArchiveName: 'all', EventSourceArn: BUS_ARN, EventCount: 3, RetentionDays: 0 });
  received.length = 0;

  const start = await h.eb.send(
    new StartReplayCommand({
      ReplayName: 'hour-one',
      EventSourceArn: ARCHIVE_ARN,
      EventStartTime: new Date(T0 + 0.5 * HOUR),
      EventEndTime: new Date(T0 + 1.5 * HOUR),
      Destination: { Arn: BUS_ARN },
    }),
  );
  expect(start).toMatchObject({ ReplayArn: 'arn:aws:events:us-east-1:000000000000:replay/hour-one', State: 'STARTING' });
  const done = await replayed('hour-one');
  await h.bus.idle();
  expect(done).toMatchObject({ EventSourceArn: ARCHIVE_ARN, Destination: { Arn: BUS_ARN }, EventLastReplayedTime: new Date(T0 + HOUR) });
  expect(done.ReplayEndTime).toBeInstanceOf(Date);
  expect(received.map((r) => [r.rule, r.event.id, r.event['replay-name'], r.event.detail])).toEqual([
    ['first', second, 'hour-one', { n: 2 }],
    ['second', second, 'hour-one', { n: 2 }],
  ]);
  expect((await h.eb.send(new DescribeArchiveCommand({ ArchiveName: 'all' }))).EventCount).toBe(3);
});

test('Destination.FilterArns limits a replay to some rules', async () => {
  await h.eb.send(new CreateArchiveCommand({ ArchiveName: 'all', EventSourceArn: BUS_ARN }));
  await putAt(0, 1);
  await h.bus.idle();
  received.length = 0;
  await h.eb.send(
    new StartReplayCommand({
      ReplayName: 'only-second',
      EventSourceArn: ARCHIVE_ARN,
      EventStartTime: new Date(T0 - HOUR),
      EventEndTime: new Date(T0 + HOUR),
      Destination: { Arn: BUS_ARN, FilterArns: ['arn:aws:events:us-east-1:000000000000:rule/second'] },
    }),
  );
  await replayed('only-second');
  await h.bus.idle();
  expect(received.map((r) => r.rule)).toEqual(['second']);
});

test('a replay cancelled before it runs sends nothing; a finished one cannot be cancelled', async () => {
  h.bus.createArchive({ ArchiveName: 'all', EventSourceArn: BUS_ARN });
  await putAt(0, 1);
  await h.bus.idle();
  received.length = 0;
  const window = { EventSourceArn: ARCHIVE_ARN, EventStartTime: new Date(T0 - HOUR), EventEndTime: new Date(T0 + HOUR), Destination: { Arn: BUS_ARN } };
  // In-process, so that the cancel lands before the replay's first batch.
  h.bus.startReplay({ ReplayName: 'stopped', ...window });
  expect(h.bus.cancelReplay({ ReplayName: 'stopped' })).toMatchObject({ State: 'CANCELLING' });
  await eventually(async () => ((await h.eb.send(new DescribeReplayCommand({ ReplayName: 'stopped' }))).State === 'CANCELLED' ? true : undefined));
  expect(received).toEqual([]);

  await h.eb.send(new StartReplayCommand({ ReplayName: 'finished', ...window }));
  await replayed('finished');
  await expectAwsError(h.eb.send(new CancelReplayCommand({ ReplayName: 'finished' })), 'IllegalStatusException');
});

test('archive and replay errors', async () => {
  await h.eb.send(new CreateArchiveCommand({ ArchiveName: 'all', EventSourceArn: BUS_ARN }));
  await expectAwsError(h.eb.send(new CreateArchiveCommand({ ArchiveName: 'all', EventSourceArn: BUS_ARN })), 'ResourceAlreadyExistsException', 'Archive all already exists.');
  await expectAwsError(
    h.eb.send(new CreateArchiveCommand({ ArchiveName: 'x', EventSourceArn: 'arn:aws:events:us-east-1:000000000000:event-bus/nope' })),
    'ResourceNotFoundException',
    'Event bus nope does not exist.',
  );
  await expectAwsError(h.eb.send(new CreateArchiveCommand({ ArchiveName: 'x', EventSourceArn: BUS_ARN, EventPattern: '{"a": 1}' })), 'InvalidEventPatternException');
  await expectAwsError(h.eb.send(new DescribeArchiveCommand({ ArchiveName: 'ghost' })), 'ResourceNotFoundException', 'Archive ghost does not exist.');

  const window = { EventStartTime: new Date(T0 - HOUR), EventEndTime: new Date(T0), Destination: { Arn: BUS_ARN } };
  await expectAwsError(
    h.eb.send(new StartReplayCommand({ ReplayName: 'r', EventSourceArn: 'arn:aws:events:us-east-1:000000000000:archive/ghost', ...window })),
    'ResourceNotFoundException',
    'Archive ghost does not exist.',
  );
  await expectAwsError(
    h.eb.send(new StartReplayCommand({ ReplayName: 'r', EventSourceArn: ARCHIVE_ARN, ...window, EventStartTime: new Date(T0) })),
    'ValidationException',
    /EventStartTime must be before EventEndTime/,
  );
  const { EventBusArn } = await h.eb.send(new CreateEventBusCommand({ Name: 'other' }));
  await expectAwsError(
    h.eb.send(new StartReplayCommand({ ReplayName: 'r', EventSourceArn: ARCHIVE_ARN, ...window, Destination: { Arn: EventBusArn } })),
    'ValidationException',
    'Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.',
  );
  await h.eb.send(new StartReplayCommand({ ReplayName: 'r', EventSourceArn: ARCHIVE_ARN, ...window }));
  await expectAwsError(h.eb.send(new StartReplayCommand({ ReplayName: 'r', EventSourceArn: ARCHIVE_ARN, ...window })), 'ResourceAlreadyExistsException');
  await expectAwsError(h.eb.send(new DescribeReplayCommand({ ReplayName: 'ghost' })), 'ResourceNotFoundException', 'Replay ghost does not exist.');
});

test('ListArchives and DeleteArchive', async () => {
  await h.eb.send(new CreateArchiveCommand({ ArchiveName: 'a1', EventSourceArn: BUS_ARN, RetentionDays: 7 }));
  await h.eb.send(new CreateArchiveCommand({ ArchiveName: 'b1', EventSourceArn: BUS_ARN }));
  expect((await h.eb.send(new ListArchivesCommand({ NamePrefix: 'a' }))).Archives!.map((a) => [a.ArchiveName, a.RetentionDays])).toEqual([['a1', 7]]);
  await h.eb.send(new DeleteArchiveCommand({ ArchiveName: 'a1' }));
  expect((await h.eb.send(new ListArchivesCommand({}))).Archives!.map((a) => a.ArchiveName)).toEqual(['b1']);
});
