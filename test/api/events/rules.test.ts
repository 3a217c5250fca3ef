/** Rules, targets and buses through the real EventBridge client: every operation and its errors. */
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  DeleteRuleCommand,
  DescribeRuleCommand,
  DisableRuleCommand,
  EnableRuleCommand,
  ListEventBusesCommand,
  ListRulesCommand,
  ListTargetsByRuleCommand,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { expectAwsError, startEventsHarness, type EventsHarness } from './harness';

const PATTERN = JSON.stringify({ source: ['my.app'] });
const FN = 'arn:aws:lambda:us-east-1:000000000000:function:sink';
let h: EventsHarness;

beforeEach(async () => {
  h = await startEventsHarness();
});
afterEach(() => h.close());

describe('PutRule / DescribeRule / ListRules', () => {
  test('a rule on the default bus round-trips with AWS ARNs', async () => {
    const { RuleArn } = await h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: PATTERN, Description: 'd' }));
    expect(RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/r1');
    const described = await h.eb.send(new DescribeRuleCommand({ Name: 'r1' }));
    expect(described).toMatchObject({ Name: 'r1', Arn: RuleArn, EventPattern: PATTERN, State: 'ENABLED', Description: 'd', EventBusName: 'default', CreatedBy: '000000000000' });
  });

  test('rules on a custom bus name the bus in their ARN; the bus may be given by ARN', async () => {
    const { EventBusArn } = await h.eb.send(new CreateEventBusCommand({ Name: 'orders' }));
    expect(EventBusArn).toBe('arn:aws:events:us-east-1:000000000000:event-bus/orders');
    const { RuleArn } = await h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: PATTERN, EventBusName: EventBusArn }));
    expect(RuleArn).toBe('arn:aws:events:us-east-1:000000000000:rule/orders/r1');
    expect((await h.eb.send(new ListRulesCommand({ EventBusName: 'orders' }))).Rules!.map((r) => r.Name)).toEqual(['r1']);
    expect((await h.eb.send(new ListRulesCommand({}))).Rules).toEqual([]);
  });

  test('ListRules filters by prefix and pages with NextToken', async () => {
    for (const name of ['b-2', 'a-1', 'b-1', 'b-3']) await h.eb.send(new PutRuleCommand({ Name: name, EventPattern: PATTERN }));
    const first = await h.eb.send(new ListRulesCommand({ NamePrefix: 'b-', Limit: 2 }));
    expect(first.Rules!.map((r) => r.Name)).toEqual(['b-1', 'b-2']);
    const second = await h.eb.send(new ListRulesCommand({ NamePrefix: 'b-', Limit: 2, NextToken: first.NextToken }));
    expect(second.Rules!.map((r) => r.Name)).toEqual(['b-3']);
    expect(second.NextToken).toBeUndefined();
  });

  test('PutRule again updates the rule and keeps its targets', async () => {
    await h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: PATTERN }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'r1', Targets: [{ Id: 't1', Arn: FN }] }));
    await h.eb.send(new PutRuleCommand({ Name: 'r1', ScheduleExpression: 'rate(5 minutes)', State: 'DISABLED' }));
    expect(await h.eb.send(new DescribeRuleCommand({ Name: 'r1' }))).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', State: 'DISABLED' });
    expect((await h.eb.send(new DescribeRuleCommand({ Name: 'r1' }))).EventPattern).toBeUndefined();
    expect((await h.eb.send(new ListTargetsByRuleCommand({ Rule: 'r1' }))).Targets).toHaveLength(1);
  });

  test.each([
    ['an invalid pattern', { Name: 'r', EventPattern: '{"source": []}' }, 'InvalidEventPatternException', /^Event pattern is not valid. Reason: Empty arrays are not allowed/],
    ['neither pattern nor schedule', { Name: 'r' }, 'ValidationException', 'Parameter(s) EventPattern or ScheduleExpression must be specified.'],
    ['an invalid schedule', { Name: 'r', ScheduleExpression: 'rate(0 minutes)' }, 'ValidationException', 'Parameter ScheduleExpression is not valid.'],
    ['a bad name', { Name: 'bad name', EventPattern: PATTERN }, 'ValidationException', /at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern/],
    ['an unknown bus', { Name: 'r', EventPattern: PATTERN, EventBusName: 'nope' }, 'ResourceNotFoundException', 'Event bus nope does not exist.'],
  ])('PutRule rejects %s', async (_, input, name, message) => {
    await expectAwsError(h.eb.send(new PutRuleCommand(input)), name, message);
  });

  test.each([
    ['a valid schedule', 'rate(1 minute)'],
    // AWS checks the bus before the expression: even an empty one is refused for the bus (as ACK users met it).
    ['an empty schedule', ''],
  ])('%s on a custom bus is rejected', async (_, expression) => {
    await h.eb.send(new CreateEventBusCommand({ Name: 'custom' }));
    await expectAwsError(
      h.eb.send(new PutRuleCommand({ Name: 'r', ScheduleExpression: expression, EventPattern: PATTERN, EventBusName: 'custom' })),
      'ValidationException',
      'ScheduleExpression is supported only on the default event bus.',
    );
  });

  test('DescribeRule of a missing rule names the rule and the bus', async () => {
    await expectAwsError(h.eb.send(new DescribeRuleCommand({ Name: 'ghost' })), 'ResourceNotFoundException', 'Rule ghost does not exist on EventBus default.');
  });
});

describe('EnableRule / DisableRule / DeleteRule', () => {
  test('state changes are visible in DescribeRule', async () => {
    await h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: PATTERN }));
    await h.eb.send(new DisableRuleCommand({ Name: 'r1' }));
    expect((await h.eb.send(new DescribeRuleCommand({ Name: 'r1' }))).State).toBe('DISABLED');
    await h.eb.send(new EnableRuleCommand({ Name: 'r1' }));
    expect((await h.eb.send(new DescribeRuleCommand({ Name: 'r1' }))).State).toBe('ENABLED');
  });

  test('enabling or disabling a missing rule is ResourceNotFoundException', async () => {
    await expectAwsError(h.eb.send(new EnableRuleCommand({ Name: 'ghost' })), 'ResourceNotFoundException');
    await expectAwsError(h.eb.send(new DisableRuleCommand({ Name: 'ghost' })), 'ResourceNotFoundException');
  });

  test('a rule with targets cannot be deleted; without them it can, and deleting again succeeds', async () => {
    await h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: PATTERN }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'r1', Targets: [{ Id: 't1', Arn: FN }] }));
    await expectAwsError(h.eb.send(new DeleteRuleCommand({ Name: 'r1' })), 'ValidationException', "Rule can't be deleted since it has targets.");
    await h.eb.send(new RemoveTargetsCommand({ Rule: 'r1', Ids: ['t1'] }));
    await h.eb.send(new DeleteRuleCommand({ Name: 'r1' }));
    await h.eb.send(new DeleteRuleCommand({ Name: 'r1' }));
    await expectAwsError(h.eb.send(new DescribeRuleCommand({ Name: 'r1' })), 'ResourceNotFoundException');
  });
});

describe('PutTargets / RemoveTargets / ListTargetsByRule', () => {
  beforeEach(() => h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: PATTERN })));

  test('targets keep every setting and their order; PutTargets with an existing Id replaces it', async () => {
    const transformer = { InputPathsMap: { s: '$.source' }, InputTemplate: '{"from": <s>}' };
    const result = await h.eb.send(
      new PutTargetsCommand({
        Rule: 'r1',
        Targets: [
          { Id: 't1', Arn: FN, InputTransformer: transformer, RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 120 } },
          { Id: 't2', Arn: FN, InputPath: '$.detail', DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:dlq' } },
        ],
      }),
    );
    expect(result).toMatchObject({ FailedEntryCount: 0, FailedEntries: [] });
    await h.eb.send(new PutTargetsCommand({ Rule: 'r1', Targets: [{ Id: 't1', Arn: FN, Input: '{"fixed":1}' }] }));
    const { Targets } = await h.eb.send(new ListTargetsByRuleCommand({ Rule: 'r1' }));
    expect(Targets).toEqual([
      { Id: 't1', Arn: FN, Input: '{"fixed":1}' },
      { Id: 't2', Arn: FN, InputPath: '$.detail', DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:dlq' } },
    ]);
    await h.eb.send(new RemoveTargetsCommand({ Rule: 'r1', Ids: ['t2', 'never-added'] }));
    expect((await h.eb.send(new ListTargetsByRuleCommand({ Rule: 'r1' }))).Targets!.map((t) => t.Id)).toEqual(['t1']);
  });

  test('a rule takes at most five targets', async () => {
    const targets = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ Id: `t${from + i}`, Arn: FN }));
    await h.eb.send(new PutTargetsCommand({ Rule: 'r1', Targets: targets(5) }));
    await expectAwsError(h.eb.send(new PutTargetsCommand({ Rule: 'r1', Targets: targets(1, 5) })), 'LimitExceededException');
  });

  test.each([
    ['two input kinds', { Id: 't1', Arn: FN, Input: '{}', InputPath: '$.detail' }, 'ValidationException', 'Only one of Input, InputPath, or InputTransformer must be provided for target t1.'],
    ['an Input that is not JSON', { Id: 't1', Arn: FN, Input: 'not json' }, 'ValidationException', 'Input for target t1 is not a valid JSON text.'],
    ['a retry policy out of range', { Id: 't1', Arn: FN, RetryPolicy: { MaximumRetryAttempts: 186 } }, 'ValidationException', /Member must have value between 0 and 185/],
    ['a bad target id', { Id: 'bad id', Arn: FN }, 'ValidationException', /failed to satisfy constraint/],
  ])('PutTargets rejects %s', async (_, target, name, message) => {
    await expectAwsError(h.eb.send(new PutTargetsCommand({ Rule: 'r1', Targets: [target] })), name, message);
  });

  test('targets of a missing rule are ResourceNotFoundException', async () => {
    await expectAwsError(h.eb.send(new PutTargetsCommand({ Rule: 'ghost', Targets: [{ Id: 't', Arn: FN }] })), 'ResourceNotFoundException', 'Rule ghost does not exist on EventBus default.');
    await expectAwsError(h.eb.send(new ListTargetsByRuleCommand({ Rule: 'ghost' })), 'ResourceNotFoundException');
    await expectAwsError(h.eb.send(new RemoveTargetsCommand({ Rule: 'ghost', Ids: ['t'] })), 'ResourceNotFoundException');
  });
});

describe('CreateEventBus / DeleteEventBus / ListEventBuses', () => {
  test('custom buses are listed after default; deleting one removes it and its rules', async () => {
    await h.eb.send(new CreateEventBusCommand({ Name: 'orders' }));
    await h.eb.send(new PutRuleCommand({ Name: 'r1', EventPattern: PATTERN, EventBusName: 'orders' }));
    const { EventBuses } = await h.eb.send(new ListEventBusesCommand({}));
    expect(EventBuses!.map((b) => [b.Name, b.Arn])).toEqual([
      ['default', 'arn:aws:events:us-east-1:000000000000:event-bus/default'],
      ['orders', 'arn:aws:events:us-east-1:000000000000:event-bus/orders'],
    ]);
    await h.eb.send(new DeleteEventBusCommand({ Name: 'orders' }));
    expect((await h.eb.send(new ListEventBusesCommand({}))).EventBuses!.map((b) => b.Name)).toEqual(['default']);
    await h.eb.send(new CreateEventBusCommand({ Name: 'orders' }));
    expect((await h.eb.send(new ListRulesCommand({ EventBusName: 'orders' }))).Rules).toEqual([]);
  });

  test('errors: an existing bus, deleting default, a bad name', async () => {
    await h.eb.send(new CreateEventBusCommand({ Name: 'orders' }));
    await expectAwsError(h.eb.send(new CreateEventBusCommand({ Name: 'orders' })), 'ResourceAlreadyExistsException', 'Event bus orders already exists.');
    await expectAwsError(h.eb.send(new DeleteEventBusCommand({ Name: 'default' })), 'ValidationException', 'Cannot delete event bus default.');
    await expectAwsError(h.eb.send(new CreateEventBusCommand({ Name: 'bad name' })), 'ValidationException');
  });

  test('ListEventBuses filters by NamePrefix', async () => {
    await h.eb.send(new CreateEventBusCommand({ Name: 'orders' }));
    await h.eb.send(new CreateEventBusCommand({ Name: 'ops' }));
    expect((await h.eb.send(new ListEventBusesCommand({ NamePrefix: 'or' }))).EventBuses!.map((b) => b.Name)).toEqual(['orders']);
  });
});
