/**
 * What `statecraft workflows` and the start banner say about Scheduler schedules, read through
 * ListSchedules and GetSchedule: every schedule in every group, with its trigger and target.
 */
import { VirtualClock } from '../../src/clock/clock';
import { deployedSchedules, scheduleName } from '../../src/cli/deployed-schedules';
import { describeDeployment } from '../../src/cli/serve';
import { formatWorkflows } from '../../src/cli/workflows';
import { Scheduler } from '../../src/events/scheduler';

const machine = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;
const ROLE = 'arn:aws:iam::000000000000:role/scheduler';
let scheduler: Scheduler;

beforeAll(() => {
  scheduler = new Scheduler({ clock: new VirtualClock(Date.UTC(2027, 0, 1)) });
  scheduler.createScheduleGroup({ Name: 'ml' });
  scheduler.createSchedule({
    Name: 'weekly',
    GroupName: 'ml',
    Description: 'retrain on Mondays',
    ScheduleExpression: 'cron(0 4 ? * MON *)',
    ScheduleExpressionTimezone: 'Europe/Oslo',
    FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 30 },
    Target: { Arn: machine('train'), RoleArn: ROLE },
  });
  scheduler.createSchedule({ Name: 'hourly', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' }, State: 'DISABLED', Target: { Arn: machine('report'), RoleArn: ROLE } });
});
afterAll(() => scheduler.close());

test('every schedule in every group, with its trigger (zone and window when set) and target', async () => {
  expect(await deployedSchedules(scheduler)).toEqual([
    { group: 'default', name: 'hourly', state: 'DISABLED', trigger: 'rate(1 hour)', targetArn: machine('report') },
    { group: 'ml', name: 'weekly', state: 'ENABLED', trigger: 'cron(0 4 ? * MON *) in Europe/Oslo, within 30 min', description: 'retrain on Mondays', targetArn: machine('train') },
  ]);
});

test('names leave the default group out', () => {
  expect([scheduleName({ group: 'default', name: 'a' }), scheduleName({ group: 'ml', name: 'a' })]).toEqual(['a', 'ml/a']);
});

test('the start banner lists them after the rules', async () => {
  expect(describeDeployment([{ name: 'train' }], [], await deployedSchedules(scheduler))).toEqual([
    'state machines: train',
    'schedule hourly → stateMachine:report (disabled): rate(1 hour)',
    'schedule ml/weekly → stateMachine:train: cron(0 4 ? * MON *) in Europe/Oslo, within 30 min — retrain on Mondays',
  ]);
});

test('statecraft workflows: a schedule is one of its target’s triggers', async () => {
  const text = formatWorkflows([{ name: 'train', stateMachineArn: machine('train'), type: 'STANDARD', creationDate: new Date() }], [], await deployedSchedules(scheduler));
  expect(text.split('\n')[1]).toMatch(/^train\s+STANDARD\s+schedule ml\/weekly \(cron\(0 4 \? \* MON \*\) in Europe\/Oslo, within 30 min\)$/);
});
