/** `aws scheduler … --endpoint-url` works unchanged against the local endpoint, beside S3 on the same port. */
import { awsCli, describeWithAwsCli } from '../../support/aws-cli';
import { ROLE, startSchedulerHarness, type SchedulerHarness } from './harness';

// Each `aws` call starts a Python process (seconds on a busy machine): the tests get room for a dozen.
describeWithAwsCli('aws scheduler against the local endpoint', () => {
  let h: SchedulerHarness;
  const cli = awsCli(() => h.server.url);
  const aws = (...args: string[]) => cli.json('scheduler', ...args);
  const TARGET = JSON.stringify({ Arn: 'arn:aws:lambda:us-east-1:000000000000:function:tick', RoleArn: ROLE });

  beforeAll(async () => {
    h = await startSchedulerHarness({ functions: { tick: () => null } });
  });
  afterAll(() => h.close());

  test('groups and schedules: create, get, update, list, delete', async () => {
    expect(await aws('create-schedule-group', '--name', 'cli', '--tags', 'Key=team,Value=ml')).toEqual({ ScheduleGroupArn: 'arn:aws:scheduler:us-east-1:000000000000:schedule-group/cli' });
    const created = await aws(
      'create-schedule', '--name', 'nightly', '--group-name', 'cli', '--schedule-expression', 'cron(0 2 * * ? *)',
      '--schedule-expression-timezone', 'America/New_York', '--flexible-time-window', 'Mode=OFF', '--target', TARGET,
    );
    expect(created).toEqual({ ScheduleArn: 'arn:aws:scheduler:us-east-1:000000000000:schedule/cli/nightly' });
    expect(await aws('get-schedule', '--name', 'nightly', '--group-name', 'cli')).toMatchObject({
      Name: 'nightly',
      GroupName: 'cli',
      ScheduleExpressionTimezone: 'America/New_York',
      State: 'ENABLED',
      Target: { RetryPolicy: { MaximumRetryAttempts: 185 } },
    });
    await aws('update-schedule', '--name', 'nightly', '--group-name', 'cli', '--schedule-expression', 'rate(1 day)', '--state', 'DISABLED', '--flexible-time-window', 'Mode=FLEXIBLE,MaximumWindowInMinutes=30', '--target', TARGET);
    expect((await aws('list-schedules', '--group-name', 'cli')).Schedules).toEqual([expect.objectContaining({ Name: 'nightly', State: 'DISABLED' })]);
    expect((await aws('list-schedule-groups')).ScheduleGroups.map((g: { Name: string }) => g.Name)).toEqual(['cli', 'default']);
    expect((await aws('list-tags-for-resource', '--resource-arn', 'arn:aws:scheduler:us-east-1:000000000000:schedule-group/cli')).Tags).toEqual([{ Key: 'team', Value: 'ml' }]);
    await aws('delete-schedule', '--name', 'nightly', '--group-name', 'cli');
    await aws('delete-schedule-group', '--name', 'cli');
    expect((await aws('list-schedules')).Schedules).toEqual([]);
  }, 120_000);

  test('errors come back as the CLI prints AWS errors, and S3 still answers on the same port', async () => {
    await expect(aws('get-schedule', '--name', 'ghost')).rejects.toThrow(/ResourceNotFoundException.*Schedule ghost does not exist/);
    await expect(aws('create-schedule', '--name', 'bad', '--schedule-expression', 'rate(10 seconds)', '--flexible-time-window', 'Mode=OFF', '--target', TARGET)).rejects.toThrow(
      /ValidationException.*Invalid Schedule Expression rate\(10 seconds\)\./,
    );
    await cli('s3', 'mb', 's3://schedules');
    expect((await cli.json('s3api', 'list-buckets')).Buckets.map((b: { Name: string }) => b.Name)).toEqual(['schedules']);
  }, 120_000);
});
