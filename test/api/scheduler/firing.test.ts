/**
 * A cron schedule in a time zone, created through the SDK, fires on the virtual clock at the UTC
 * instants its zone's daylight-saving change implies, and each firing starts an execution.
 */
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { CreateStateMachineCommand, DescribeExecutionCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { VirtualClock } from '../../../src/clock/clock';
import { eventually } from '../../support/eventually';
import { ROLE, startSchedulerHarness, type SchedulerHarness } from './harness';

let h: SchedulerHarness;
beforeEach(async () => {
  h = await startSchedulerHarness({ clock: new VirtualClock(Date.UTC(2024, 2, 28)) });
});
afterEach(async () => {
  await h.close();
});

async function executionStarts(stateMachineArn: string, count: number): Promise<{ start: string; input: unknown }[]> {
  const executions = await eventually(async () => {
    const { executions: listed } = await h.sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    return listed && listed.length >= count ? listed : undefined;
  });
  const described = await Promise.all(executions.map((e) => h.sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }))));
  return described
    .map((e) => ({ start: e.startDate!.toISOString(), input: JSON.parse(e.input!) }))
    .sort((x, y) => x.start.localeCompare(y.start));
}

test('cron(0 9 * * ? *) in Europe/Berlin starts executions at 08:00Z before the spring change and 07:00Z after it', async () => {
  const { stateMachineArn } = await h.sfn.send(
    new CreateStateMachineCommand({ name: 'daily', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }) }),
  );
  await h.client.send(
    new CreateScheduleCommand({
      Name: 'berlin-morning',
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Berlin',
      StartDate: new Date('2024-03-29T00:00:00Z'),
      EndDate: new Date('2024-04-02T12:00:00Z'),
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { Arn: stateMachineArn, RoleArn: ROLE, Input: '{"run":"<aws.scheduler.scheduled-time>"}' },
    }),
  );
  const starts = await executionStarts(stateMachineArn!, 5);
  expect(starts).toEqual([
    { start: '2024-03-29T08:00:00.000Z', input: { run: '2024-03-29T08:00:00Z' } },
    { start: '2024-03-30T08:00:00.000Z', input: { run: '2024-03-30T08:00:00Z' } },
    { start: '2024-03-31T07:00:00.000Z', input: { run: '2024-03-31T07:00:00Z' } },
    { start: '2024-04-01T07:00:00.000Z', input: { run: '2024-04-01T07:00:00Z' } },
    { start: '2024-04-02T07:00:00.000Z', input: { run: '2024-04-02T07:00:00Z' } },
  ]);
});

test('a wall time the spring change skips does not fire that day; one the autumn change repeats fires once', async () => {
  const { stateMachineArn } = await h.sfn.send(
    new CreateStateMachineCommand({ name: 'night', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }) }),
  );
  const create = (name: string, start: string, end: string) =>
    h.client.send(
      new CreateScheduleCommand({
        Name: name,
        ScheduleExpression: 'cron(30 2 * * ? *)',
        ScheduleExpressionTimezone: 'Europe/Berlin',
        StartDate: new Date(start),
        EndDate: new Date(end),
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: stateMachineArn, RoleArn: ROLE },
      }),
    );
  await create('spring', '2024-03-30T00:00:00Z', '2024-04-01T12:00:00Z');
  await create('autumn', '2024-10-26T00:00:00Z', '2024-10-28T12:00:00Z');
  const starts = await executionStarts(stateMachineArn!, 5);
  expect(starts.map((s) => s.start)).toEqual([
    '2024-03-30T01:30:00.000Z',
    '2024-04-01T00:30:00.000Z',
    '2024-10-26T00:30:00.000Z',
    '2024-10-27T00:30:00.000Z',
    '2024-10-28T01:30:00.000Z',
  ]);
});
