/** PutEvents through the real client: AWS's entry validation, per-entry results, the 256 KiB limit, and delivery. */
import { CreateEventBusCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import { loadCorpus } from '../../events/patterns/corpus';
import { eventually, expectAwsError, startEventsHarness, type EventsHarness } from './harness';

const SINK = 'arn:aws:lambda:us-east-1:000000000000:function:sink';
let h: EventsHarness;
let received: unknown[];

beforeEach(async () => {
  received = [];
  h = await startEventsHarness({ functions: { sink: (event) => void received.push(event) } });
});
afterEach(() => h.close());

const valid = { Source: 'my.app', DetailType: 'Thing Happened', Detail: '{"n": 1}' };

describe('entry validation', () => {
  test('each bad entry fails alone with AWS code and message; good ones get an EventId', async () => {
    const result = await h.eb.send(
      new PutEventsCommand({
        Entries: [
          valid,
          { DetailType: 'x', Detail: '{}' },
          { Source: 'a', Detail: '{}' },
          { Source: 'a', DetailType: 'x' },
          { ...valid, Detail: '[1, 2]' },
          { ...valid, Detail: '{not json' },
          { ...valid, Source: 'aws.s3' },
          { ...valid, EventBusName: 'missing' },
        ],
      }),
    );
    expect(result.FailedEntryCount).toBe(7);
    expect(result.Entries![0].EventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.Entries!.slice(1)).toEqual([
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' },
      { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' },
      { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' },
      { ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus missing does not exist.' },
    ]);
  });

  test('no entries or more than ten fail the whole call', async () => {
    await expectAwsError(h.eb.send(new PutEventsCommand({ Entries: [] })), 'ValidationException', /Member must have length greater than or equal to 1/);
    await expectAwsError(h.eb.send(new PutEventsCommand({ Entries: Array(11).fill(valid) })), 'ValidationException', /Member must have length less than or equal to 10/);
  });

  test('256 KiB as AWS counts it is accepted; one byte more is not', async () => {
    const fixed = Buffer.byteLength('my.app') + Buffer.byteLength('Thing Happened') + Buffer.byteLength('{"p":""}');
    const detail = (extra: number) => JSON.stringify({ p: 'x'.repeat(256 * 1024 - fixed + extra) });
    const ok = await h.eb.send(new PutEventsCommand({ Entries: [{ ...valid, Detail: detail(0) }] }));
    expect(ok.FailedEntryCount).toBe(0);
    await expectAwsError(h.eb.send(new PutEventsCommand({ Entries: [{ ...valid, Detail: detail(1) }] })), 'ValidationException', 'Total size of the entries in the request is over the limit.');
  });
});

describe('delivery', () => {
  test('a matching rule delivers the whole event in AWS envelope shape', async () => {
    await h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: JSON.stringify({ source: ['my.app'], detail: { n: [{ numeric: ['>', 0] }] } }) }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'r1', Targets: [{ Id: 't1', Arn: SINK }] }));
    const time = new Date(Date.UTC(2024, 4, 1, 12, 30, 15, 500));
    const { Entries } = await h.eb.send(new PutEventsCommand({ Entries: [{ ...valid, Time: time, Resources: ['arn:aws:s3:::b'] }, { ...valid, Detail: '{"n": 0}' }] }));
    await eventually(() => (received.length > 0 ? true : undefined));
    await h.bus.idle();
    expect(received).toEqual([
      {
        version: '0',
        id: Entries![0].EventId,
        'detail-type': 'Thing Happened',
        source: 'my.app',
        account: '000000000000',
        time: '2024-05-01T12:30:15Z',
        region: 'us-east-1',
        resources: ['arn:aws:s3:::b'],
        detail: { n: 1 },
      },
    ]);
  });

  test('disabled rules and rules on other buses do not see the event', async () => {
    await h.eb.send(new CreateEventBusCommand({ Name: 'other' }));
    await h.eb.send(new PutRuleCommand({ Name: 'off', EventPattern: '{"source": ["my.app"]}', State: 'DISABLED' }));
    await h.eb.send(new PutRuleCommand({ Name: 'elsewhere', EventPattern: '{"source": ["my.app"]}', EventBusName: 'other' }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'off', Targets: [{ Id: 't', Arn: SINK }] }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'elsewhere', EventBusName: 'other', Targets: [{ Id: 't', Arn: SINK }] }));
    await h.eb.send(new PutEventsCommand({ Entries: [valid] }));
    await h.bus.idle();
    expect(received).toEqual([]);
  });

  test('a bus target forwards the event to the other bus, whose rules deliver it', async () => {
    const { EventBusArn } = await h.eb.send(new CreateEventBusCommand({ Name: 'downstream' }));
    await h.eb.send(new PutRuleCommand({ Name: 'fwd', EventPattern: '{"source": ["my.app"]}' }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'fwd', Targets: [{ Id: 'bus', Arn: EventBusArn }] }));
    await h.eb.send(new PutRuleCommand({ Name: 'sink', EventPattern: '{"source": ["my.app"]}', EventBusName: 'downstream' }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'sink', EventBusName: 'downstream', Targets: [{ Id: 't', Arn: SINK, InputPath: '$.detail' }] }));
    await h.eb.send(new PutEventsCommand({ Entries: [valid] }));
    await eventually(() => (received.length > 0 ? true : undefined));
    expect(received).toEqual([{ n: 1 }]);
  });
});

describe('TestEventPattern: the recorded corpus through the API', () => {
  test.each(loadCorpus().map((c) => [c.id, c] as const))('%s', async (_, testCase) => {
    const request = h.eb.send(new TestEventPatternCommand({ EventPattern: testCase.pattern, Event: testCase.event }));
    if (testCase.expect === 'error') {
      const error = await request.then(() => undefined, (err: { name: string; message: string }) => err);
      expect(error?.name).toBe(testCase.errorCode);
      expect(error!.message.split('\n')[0]).toBe(testCase.errorMessage);
    } else {
      expect((await request).Result).toBe(testCase.expect === 'match');
    }
  });
});
