/**
 * What `statecraft rules`, `statecraft workflows` and the start banner say, read from a bus through
 * ListEventBuses, ListRules and ListTargetsByRule: every rule on every bus, with its trigger and targets.
 */
import { describeDeployment } from '../../src/cli/serve';
import { deployedRules, targetName } from '../../src/cli/deployed-rules';
import { formatRules } from '../../src/cli/rules';
import { formatWorkflows } from '../../src/cli/workflows';
import { EventBus } from '../../src/events/bus';

const machine = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;
const ROLE = 'arn:aws:iam::000000000000:role/statecraft';
let bus: EventBus;

beforeAll(async () => {
  bus = new EventBus({});
  bus.putRule({ Name: 'on-upload', EventPattern: JSON.stringify({ source: ['aws.s3'] }), Description: 'Train on every upload' });
  bus.putTargets({ Rule: 'on-upload', Targets: [{ Id: 'train', Arn: machine('train'), RoleArn: ROLE }] });
  bus.putRule({ Name: 'nightly', ScheduleExpression: 'cron(0 3 * * ? *)' });
  bus.putTargets({ Rule: 'nightly', Targets: [{ Id: 'report', Arn: machine('report'), RoleArn: ROLE }, { Id: 'train', Arn: machine('train'), RoleArn: ROLE }] });
  bus.createEventBus({ Name: 'audit' });
  bus.putRule({ Name: 'mine', EventBusName: 'audit', EventPattern: JSON.stringify({ source: ['my.app'] }), State: 'DISABLED' });
});
afterAll(() => bus.close());

test('every rule on every bus, with its trigger and targets', async () => {
  const rules = await deployedRules(bus);
  expect(rules).toEqual(
    expect.arrayContaining([
      { bus: 'default', name: 'on-upload', state: 'ENABLED', trigger: '{"source":["aws.s3"]}', description: 'Train on every upload', targetArns: [machine('train')] },
      { bus: 'default', name: 'nightly', state: 'ENABLED', trigger: 'cron(0 3 * * ? *)', targetArns: [machine('report'), machine('train')] },
      { bus: 'audit', name: 'mine', state: 'DISABLED', trigger: '{"source":["my.app"]}', targetArns: [] },
    ]),
  );
  expect(rules).toHaveLength(3);
  expect(await deployedRules(bus, 'audit')).toEqual([expect.objectContaining({ name: 'mine' })]);
});

test('statecraft rules: a table of them', async () => {
  const lines = formatRules(await deployedRules(bus)).trimEnd().split('\n').map((line) => line.split(/\s{2,}/));
  expect(lines[0]).toEqual(['BUS', 'RULE', 'STATE', 'TARGETS', 'TRIGGER']);
  expect(lines.slice(1)).toEqual(
    expect.arrayContaining([
      ['default', 'nightly', 'ENABLED', 'stateMachine:report,stateMachine:train', 'cron(0 3 * * ? *)'],
      ['audit', 'mine', 'DISABLED', '-', '{"source":["my.app"]}'],
    ]),
  );
  expect(formatRules([])).toBe('no rules\n');
});

test('statecraft workflows: each state machine with the rules that start it', async () => {
  const rules = await deployedRules(bus);
  const text = formatWorkflows(
    [
      { name: 'train', stateMachineArn: machine('train'), type: 'STANDARD', creationDate: new Date() },
      { name: 'idle', stateMachineArn: machine('idle'), type: 'EXPRESS', creationDate: new Date() },
    ],
    rules,
  );
  expect(text.split('\n')[1]).toMatch(/^train\s+STANDARD\s+(on-upload \(\{"source":\["aws\.s3"\]\}\); nightly \(cron\(0 3 \* \* \? \*\)\)|nightly \(cron\(0 3 \* \* \? \*\)\); on-upload \(\{"source":\["aws\.s3"\]\}\))$/);
  expect(text.split('\n')[2]).toMatch(/^idle\s+EXPRESS\s+-$/);
});

test('the start banner: every state machine and every rule, a description when the rule has one', async () => {
  const lines = describeDeployment([{ name: 'train' }, { name: 'report' }], await deployedRules(bus));
  expect(lines[0]).toBe('state machines: train, report');
  expect(lines.slice(1)).toEqual(
    expect.arrayContaining([
      'rule on-upload → stateMachine:train: Train on every upload',
      'rule nightly → stateMachine:report, stateMachine:train: cron(0 3 * * ? *)',
      'rule audit/mine → no target (disabled): {"source":["my.app"]}',
    ]),
  );
});

test.each([
  [machine('train'), 'stateMachine:train'],
  ['arn:aws:lambda:us-east-1:000000000000:function:resize', 'function:resize'],
  ['arn:aws:events:us-east-1:000000000000:event-bus/audit', 'event-bus:audit'],
])('a target reads %s → %s', (arn, name) => {
  expect(targetName(arn)).toBe(name);
});
