/**
 * Every Scheduler operation through `@aws-sdk/client-scheduler` against the local endpoint, and the
 * errors AWS answers with: names, HTTP status and message.
 */
import {
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  DeleteScheduleGroupCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListScheduleGroupsCommand,
  ListSchedulesCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateScheduleCommand,
  type CreateScheduleInput,
} from '@aws-sdk/client-scheduler';
import { expectAwsError, ROLE, startSchedulerHarness, type SchedulerHarness } from './harness';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:tick';
const BASE: CreateScheduleInput = {
  Name: 'daily',
  ScheduleExpression: 'cron(0 9 * * ? *)',
  FlexibleTimeWindow: { Mode: 'OFF' },
  Target: { Arn: FN, RoleArn: ROLE },
};

let h: SchedulerHarness;
beforeEach(async () => {
  h = await startSchedulerHarness({ functions: { tick: () => null } });
});
afterEach(async () => {
  await h.close();
});

describe('CreateSchedule / GetSchedule', () => {
  test('create answers the ARN; get answers the schedule with AWS defaults filled in', async () => {
    const { ScheduleArn } = await h.client.send(new CreateScheduleCommand({ ...BASE, Description: 'morning run', ScheduleExpressionTimezone: 'Europe/Paris' }));
    expect(ScheduleArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule/default/daily');
    const got = await h.client.send(new GetScheduleCommand({ Name: 'daily' }));
    expect(got).toMatchObject({
      Arn: ScheduleArn,
      Name: 'daily',
      GroupName: 'default',
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      Description: 'morning run',
      State: 'ENABLED',
      ActionAfterCompletion: 'NONE',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: FN, RoleArn: ROLE, RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 } },
    });
    expect(got.CreationDate).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(got.LastModificationDate).toEqual(got.CreationDate);
    expect(got.StartDate).toBeUndefined();
  });

  test('start and end dates, a flexible window and a whole target survive the round trip', async () => {
    const input: CreateScheduleInput = {
      ...BASE,
      StartDate: new Date('2024-02-01T00:00:00Z'),
      EndDate: new Date('2024-03-01T00:00:00Z'),
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 },
      State: 'DISABLED',
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: FN,
        RoleArn: ROLE,
        Input: '{"k":1}',
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 600 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:dlq' },
      },
    };
    await h.client.send(new CreateScheduleCommand(input));
    expect(await h.client.send(new GetScheduleCommand({ Name: 'daily' }))).toMatchObject({
      StartDate: input.StartDate,
      EndDate: input.EndDate,
      FlexibleTimeWindow: input.FlexibleTimeWindow,
      State: 'DISABLED',
      ActionAfterCompletion: 'DELETE',
      Target: input.Target,
    });
  });

  test.each<[string, Partial<CreateScheduleInput>, string, string | RegExp]>([
    ['an invalid expression', { ScheduleExpression: 'rate(10 seconds)' }, 'ValidationException', 'Invalid Schedule Expression rate(10 seconds).'],
    ['an unknown time zone', { ScheduleExpressionTimezone: 'Mars/Olympus' }, 'ValidationException', 'Invalid ScheduleExpressionTimezone Mars/Olympus.'],
    ['a bad name', { Name: 'bad name' }, 'ValidationException', /at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern/],
    ['a flexible window without its width', { FlexibleTimeWindow: { Mode: 'FLEXIBLE' } }, 'ValidationException', /MaximumWindowInMinutes/],
    ['a window over a day', { FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 1441 } }, 'ValidationException', /Member must have value between 1 and 1440/],
    ['a target without a role', { Target: { Arn: FN } as never }, 'ValidationException', /at 'target.roleArn' failed to satisfy constraint: Member must not be null/],
    ['too many retries', { Target: { Arn: FN, RoleArn: ROLE, RetryPolicy: { MaximumRetryAttempts: 186 } } }, 'ValidationException', /Member must have value between 0 and 185/],
    ['an end before the start', { StartDate: new Date('2024-02-01T00:00:00Z'), EndDate: new Date('2024-01-15T00:00:00Z') }, 'ValidationException', 'The StartDate must be before the EndDate.'],
    ['an unknown group', { GroupName: 'nope' }, 'ResourceNotFoundException', 'Schedule group nope does not exist.'],
  ])('rejects %s', async (_, change, name, message) => {
    await expectAwsError(h.client.send(new CreateScheduleCommand({ ...BASE, ...change })), name, message);
  });

  test('a second schedule of the same name in the same group is a conflict; in another group it is not', async () => {
    await h.client.send(new CreateScheduleCommand(BASE));
    await expectAwsError(h.client.send(new CreateScheduleCommand(BASE)), 'ConflictException', 'Schedule daily already exists.');
    await h.client.send(new CreateScheduleGroupCommand({ Name: 'team' }));
    const { ScheduleArn } = await h.client.send(new CreateScheduleCommand({ ...BASE, GroupName: 'team' }));
    expect(ScheduleArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule/team/daily');
  });

  test('errors carry their HTTP status', async () => {
    const statusOf = (promise: Promise<unknown>) => promise.then(() => 200, (error: { $metadata: { httpStatusCode: number } }) => error.$metadata.httpStatusCode);
    expect(await statusOf(h.client.send(new GetScheduleCommand({ Name: 'ghost' })))).toBe(404);
    await h.client.send(new CreateScheduleCommand(BASE));
    expect(await statusOf(h.client.send(new CreateScheduleCommand(BASE)))).toBe(409);
    expect(await statusOf(h.client.send(new CreateScheduleCommand({ ...BASE, Name: 'x', ScheduleExpression: 'nope' })))).toBe(400);
  });
});

describe('UpdateSchedule / DeleteSchedule', () => {
  test('update replaces every field, keeps the creation date and moves the modification date', async () => {
    await h.client.send(new CreateScheduleCommand({ ...BASE, Description: 'old' }));
    await (h.clock as import('../../../src/clock/clock').VirtualClock).advance(60_000);
    await h.client.send(new UpdateScheduleCommand({ ...BASE, ScheduleExpression: 'rate(2 hours)', State: 'DISABLED' }));
    const got = await h.client.send(new GetScheduleCommand({ Name: 'daily' }));
    expect(got).toMatchObject({ ScheduleExpression: 'rate(2 hours)', State: 'DISABLED' });
    expect(got.Description).toBeUndefined();
    expect(got.LastModificationDate!.getTime()).toBeGreaterThan(got.CreationDate!.getTime());
  });

  test('update, get and delete of a missing schedule are ResourceNotFoundException', async () => {
    await expectAwsError(h.client.send(new UpdateScheduleCommand(BASE)), 'ResourceNotFoundException', 'Schedule daily does not exist.');
    await expectAwsError(h.client.send(new GetScheduleCommand({ Name: 'daily' })), 'ResourceNotFoundException', 'Schedule daily does not exist.');
    await expectAwsError(h.client.send(new DeleteScheduleCommand({ Name: 'daily' })), 'ResourceNotFoundException', 'Schedule daily does not exist.');
  });

  test('delete removes the schedule from its group only', async () => {
    await h.client.send(new CreateScheduleGroupCommand({ Name: 'team' }));
    await h.client.send(new CreateScheduleCommand(BASE));
    await h.client.send(new CreateScheduleCommand({ ...BASE, GroupName: 'team' }));
    await h.client.send(new DeleteScheduleCommand({ Name: 'daily', GroupName: 'team' }));
    await expectAwsError(h.client.send(new GetScheduleCommand({ Name: 'daily', GroupName: 'team' })), 'ResourceNotFoundException');
    expect((await h.client.send(new GetScheduleCommand({ Name: 'daily' }))).GroupName).toBe('default');
  });
});

describe('ListSchedules', () => {
  beforeEach(async () => {
    await h.client.send(new CreateScheduleGroupCommand({ Name: 'team' }));
    for (const name of ['a1', 'a2', 'b1']) await h.client.send(new CreateScheduleCommand({ ...BASE, Name: name }));
    await h.client.send(new CreateScheduleCommand({ ...BASE, Name: 'a3', GroupName: 'team', State: 'DISABLED' }));
  });

  test('lists every group by group and name, with summaries', async () => {
    const { Schedules } = await h.client.send(new ListSchedulesCommand({}));
    expect(Schedules!.map((s) => `${s.GroupName}/${s.Name}`)).toEqual(['default/a1', 'default/a2', 'default/b1', 'team/a3']);
    expect(Schedules![0]).toMatchObject({ Arn: 'arn:aws:scheduler:us-east-1:000000000000:schedule/default/a1', State: 'ENABLED', Target: { Arn: FN } });
    expect(Schedules![0].CreationDate).toBeInstanceOf(Date);
  });

  test.each([
    [{ GroupName: 'team' }, ['a3']],
    [{ NamePrefix: 'a' }, ['a1', 'a2', 'a3']],
    [{ State: 'DISABLED' as const }, ['a3']],
    [{ GroupName: 'default', NamePrefix: 'a', State: 'ENABLED' as const }, ['a1', 'a2']],
  ])('filters by %j', async (filter, names) => {
    expect((await h.client.send(new ListSchedulesCommand(filter))).Schedules!.map((s) => s.Name)).toEqual(names);
  });

  test('pages with MaxResults and NextToken', async () => {
    const first = await h.client.send(new ListSchedulesCommand({ MaxResults: 3 }));
    expect(first.Schedules!.map((s) => s.Name)).toEqual(['a1', 'a2', 'b1']);
    const second = await h.client.send(new ListSchedulesCommand({ MaxResults: 3, NextToken: first.NextToken }));
    expect(second.Schedules!.map((s) => s.Name)).toEqual(['a3']);
    expect(second.NextToken).toBeUndefined();
    await expectAwsError(h.client.send(new ListSchedulesCommand({ NextToken: 'garbage' })), 'ValidationException', 'The NextToken provided is invalid.');
    await expectAwsError(h.client.send(new ListSchedulesCommand({ MaxResults: 101 })), 'ValidationException', /Member must have value between 1 and 100/);
  });
});

describe('schedule groups and tags', () => {
  test('the default group always exists and can be neither created nor deleted', async () => {
    expect(await h.client.send(new GetScheduleGroupCommand({ Name: 'default' }))).toMatchObject({
      Arn: 'arn:aws:scheduler:us-east-1:000000000000:schedule-group/default',
      Name: 'default',
      State: 'ACTIVE',
    });
    const message = 'This operation cannot be performed on schedule group default.';
    await expectAwsError(h.client.send(new CreateScheduleGroupCommand({ Name: 'default' })), 'ValidationException', message);
    await expectAwsError(h.client.send(new DeleteScheduleGroupCommand({ Name: 'default' })), 'ValidationException', message);
  });

  test('create, get, list, conflict, delete with its schedules', async () => {
    const { ScheduleGroupArn } = await h.client.send(new CreateScheduleGroupCommand({ Name: 'team', Tags: [{ Key: 'owner', Value: 'ml' }] }));
    expect(ScheduleGroupArn).toBe('arn:aws:scheduler:us-east-1:000000000000:schedule-group/team');
    await expectAwsError(h.client.send(new CreateScheduleGroupCommand({ Name: 'team' })), 'ConflictException', 'Schedule group team already exists.');
    await h.client.send(new CreateScheduleGroupCommand({ Name: 'other' }));
    expect((await h.client.send(new ListScheduleGroupsCommand({}))).ScheduleGroups!.map((g) => g.Name)).toEqual(['default', 'other', 'team']);
    expect((await h.client.send(new ListScheduleGroupsCommand({ NamePrefix: 't' }))).ScheduleGroups!.map((g) => g.Name)).toEqual(['team']);
    const paged = await h.client.send(new ListScheduleGroupsCommand({ MaxResults: 2 }));
    expect(paged.ScheduleGroups).toHaveLength(2);
    expect((await h.client.send(new ListScheduleGroupsCommand({ NextToken: paged.NextToken }))).ScheduleGroups!.map((g) => g.Name)).toEqual(['team']);

    await h.client.send(new CreateScheduleCommand({ ...BASE, GroupName: 'team' }));
    await h.client.send(new DeleteScheduleGroupCommand({ Name: 'team' }));
    await expectAwsError(h.client.send(new GetScheduleGroupCommand({ Name: 'team' })), 'ResourceNotFoundException', 'Schedule group team does not exist.');
    expect((await h.client.send(new ListSchedulesCommand({}))).Schedules).toEqual([]);
    await expectAwsError(h.client.send(new DeleteScheduleGroupCommand({ Name: 'team' })), 'ResourceNotFoundException', 'Schedule group team does not exist.');
  });

  test('tags on a group: list, add, remove', async () => {
    const { ScheduleGroupArn } = await h.client.send(new CreateScheduleGroupCommand({ Name: 'team', Tags: [{ Key: 'owner', Value: 'ml' }] }));
    await h.client.send(new TagResourceCommand({ ResourceArn: ScheduleGroupArn, Tags: [{ Key: 'env', Value: 'dev' }, { Key: 'owner', Value: 'data' }] }));
    expect((await h.client.send(new ListTagsForResourceCommand({ ResourceArn: ScheduleGroupArn }))).Tags).toEqual([
      { Key: 'env', Value: 'dev' },
      { Key: 'owner', Value: 'data' },
    ]);
    await h.client.send(new UntagResourceCommand({ ResourceArn: ScheduleGroupArn, TagKeys: ['owner'] }));
    expect((await h.client.send(new ListTagsForResourceCommand({ ResourceArn: ScheduleGroupArn }))).Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
    await expectAwsError(
      h.client.send(new ListTagsForResourceCommand({ ResourceArn: 'arn:aws:scheduler:us-east-1:000000000000:schedule-group/ghost' })),
      'ResourceNotFoundException',
      'Schedule group ghost does not exist.',
    );
  });
});
