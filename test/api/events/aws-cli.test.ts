/** `aws events … --endpoint-url` works unchanged against the local endpoint. */
import { awsCli, describeWithAwsCli } from '../../support/aws-cli';
import { eventually, startEventsHarness, type EventsHarness } from './harness';

describeWithAwsCli('the AWS CLI against the local endpoint', () => {
  let h: EventsHarness;
  const received: unknown[] = [];
  const cli = awsCli(() => h.server.url);
  const aws = (...args: string[]) => cli.json('events', ...args);

  beforeAll(async () => {
    h = await startEventsHarness({ functions: { sink: (event) => void received.push(event) } });
  });
  afterAll(() => h.close());

  test('put-rule, put-targets, put-events, list-rules and test-event-pattern', async () => {
    expect(await aws('put-rule', '--name', 'cli-rule', '--event-pattern', '{"source":["cli.app"]}')).toEqual({ RuleArn: 'arn:aws:events:us-east-1:000000000000:rule/cli-rule' });
    await aws('put-targets', '--rule', 'cli-rule', '--targets', 'Id=t1,Arn=arn:aws:lambda:us-east-1:000000000000:function:sink');
    const put = await aws('put-events', '--entries', JSON.stringify([{ Source: 'cli.app', DetailType: 'Hello', Detail: '{"from":"cli"}' }]));
    expect(put.FailedEntryCount).toBe(0);
    await eventually(() => (received.length > 0 ? true : undefined));
    expect(received[0]).toMatchObject({ id: put.Entries[0].EventId, source: 'cli.app', detail: { from: 'cli' } });
    expect((await aws('list-rules')).Rules.map((r: { Name: string }) => r.Name)).toEqual(['cli-rule']);
    expect(await aws('test-event-pattern', '--event-pattern', '{"source":["a"]}', '--event', JSON.stringify({ id: '1', source: 'a', 'detail-type': 'x', account: '1', region: 'r', time: '2024-01-01T00:00:00Z', resources: [], detail: {} }))).toEqual({ Result: true });
  });

  test('an error comes back as the CLI prints AWS errors', async () => {
    await expect(aws('describe-rule', '--name', 'ghost')).rejects.toThrow(/ResourceNotFoundException.*Rule ghost does not exist on EventBus default/);
  });
});
