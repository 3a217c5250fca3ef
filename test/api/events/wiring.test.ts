/**
 * The product's wiring end to end on one endpoint: an S3 upload starts a workflow through a rule,
 * Step Functions status changes reach the bus in AWS's shape, and `events:putEvents` tasks put
 * events that rules deliver.
 */
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateBucketCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateStateMachineCommand, DescribeExecutionCommand, ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { ROLE, definition } from '../sfn-harness';
import { eventually, startEventsHarness, type EventsHarness } from './harness';

const SINK = 'arn:aws:lambda:us-east-1:000000000000:function:sink';
let h: EventsHarness;
let received: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeEach(async () => {
  received = [];
  h = await startEventsHarness({ objects: true, functions: { sink: (event) => void received.push(event as Record<string, unknown>) } });
});
afterEach(() => h.close());

async function createMachine(name: string, states: Parameters<typeof definition>[0]): Promise<string> {
  return (await h.sfn.send(new CreateStateMachineCommand({ name, roleArn: ROLE, definition: definition(states) }))).stateMachineArn!;
}

async function finished(executionArn: string) {
  return eventually(async () => {
    const described = await h.sfn.send(new DescribeExecutionCommand({ executionArn }));
    return described.status === 'RUNNING' ? undefined : described;
  });
}

test('an S3 upload under datasets/kfold/*.csv starts the workflow with the S3 event as input', async () => {
  const stateMachineArn = await createMachine('kfold-cv', { Echo: { Type: 'Pass', End: true } });
  await h.eb.send(
    new PutRuleCommand({
      Name: 'kfold-on-upload',
      EventPattern: JSON.stringify({
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: { bucket: { name: ['data'] }, object: { key: [{ wildcard: 'datasets/kfold/*.csv' }] } },
      }),
    }),
  );
  await h.eb.send(new PutTargetsCommand({ Rule: 'kfold-on-upload', Targets: [{ Id: 'kfold', Arn: stateMachineArn, RoleArn: ROLE }] }));
  await h.s3!.send(new CreateBucketCommand({ Bucket: 'data' }));
  await h.s3!.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'data', NotificationConfiguration: { EventBridgeConfiguration: {} } }));
  await h.s3!.send(new PutObjectCommand({ Bucket: 'data', Key: 'datasets/other/x.csv', Body: 'a,b\n' }));
  await h.s3!.send(new PutObjectCommand({ Bucket: 'data', Key: 'datasets/kfold/iris.txt', Body: 'a,b\n' }));
  await h.s3!.send(new PutObjectCommand({ Bucket: 'data', Key: 'datasets/kfold/iris.csv', Body: 'a,b\n1,2\n' }));
  await h.bus.idle();

  const executions = await eventually(async () => {
    const list = (await h.sfn.send(new ListExecutionsCommand({ stateMachineArn }))).executions!;
    return list.length > 0 ? list : undefined;
  });
  expect(executions).toHaveLength(1);
  const input = JSON.parse((await finished(executions[0].executionArn!)).input!);
  expect(input).toMatchObject({
    version: '0',
    source: 'aws.s3',
    'detail-type': 'Object Created',
    account: '000000000000',
    region: 'us-east-1',
    resources: ['arn:aws:s3:::data'],
    detail: { bucket: { name: 'data' }, object: { key: 'datasets/kfold/iris.csv', size: 8 }, reason: 'PutObject' },
  });
});

test('status changes reach the default bus in AWS shape; an alert rule sees only failures', async () => {
  await h.eb.send(
    new PutRuleCommand({
      Name: 'alert-on-failure',
      EventPattern: JSON.stringify({ source: ['aws.states'], 'detail-type': ['Step Functions Execution Status Change'], detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'] } }),
    }),
  );
  await h.eb.send(new PutTargetsCommand({ Rule: 'alert-on-failure', Targets: [{ Id: 'sink', Arn: SINK }] }));
  const ok = await createMachine('ok', { Done: { Type: 'Pass', Result: { fine: true }, End: true } });
  const bad = await createMachine('bad', { Boom: { Type: 'Fail', Error: 'Model.Diverged', Cause: 'loss is NaN' } });
  await finished((await h.sfn.send(new StartExecutionCommand({ stateMachineArn: ok, name: 'run-ok', input: '{"a":1}' }))).executionArn!);
  const failedArn = (await h.sfn.send(new StartExecutionCommand({ stateMachineArn: bad, name: 'run-bad', input: '{"a":2}' }))).executionArn!;
  const failed = await finished(failedArn);
  await eventually(() => (received.length > 0 ? true : undefined));
  await h.bus.idle();

  expect(received).toHaveLength(1);
  expect(received[0]).toEqual({
    version: '0',
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    account: '000000000000',
    time: new Date(Math.floor(failed.stopDate!.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
    region: 'us-east-1',
    resources: [failedArn],
    detail: {
      executionArn: failedArn,
      stateMachineArn: bad,
      name: 'run-bad',
      status: 'FAILED',
      startDate: failed.startDate!.getTime(),
      stopDate: failed.stopDate!.getTime(),
      input: '{"a":2}',
      output: null,
      inputDetails: { included: true },
      outputDetails: null,
      error: 'Model.Diverged',
      cause: 'loss is NaN',
    },
  });
});

test('RUNNING and SUCCEEDED events carry the input, then the output', async () => {
  await h.eb.send(new PutRuleCommand({ Name: 'all-status', EventPattern: JSON.stringify({ source: ['aws.states'] }) }));
  await h.eb.send(new PutTargetsCommand({ Rule: 'all-status', Targets: [{ Id: 'sink', Arn: SINK, InputPath: '$.detail' }] }));
  const ok = await createMachine('ok', { Done: { Type: 'Pass', Result: { fine: true }, End: true } });
  await finished((await h.sfn.send(new StartExecutionCommand({ stateMachineArn: ok, input: '{"a":1}' }))).executionArn!);
  await eventually(() => (received.length >= 2 ? true : undefined));
  const byStatus = Object.fromEntries(received.map((detail) => [detail.status, detail]));
  expect(byStatus.RUNNING).toMatchObject({ status: 'RUNNING', stopDate: null, input: '{"a":1}', output: null, outputDetails: null });
  expect(byStatus.RUNNING).not.toHaveProperty('error');
  expect(byStatus.SUCCEEDED).toMatchObject({ status: 'SUCCEEDED', output: '{"fine":true}', outputDetails: { included: true } });
  expect(typeof byStatus.SUCCEEDED.stopDate).toBe('number');
});

test('an events:putEvents task puts custom events with the execution and state machine ARNs as resources', async () => {
  await h.eb.send(new PutRuleCommand({ Name: 'on-registered', EventPattern: JSON.stringify({ source: ['statecraft.kfold-cv'], 'detail-type': ['ModelRegistered'] }) }));
  await h.eb.send(new PutTargetsCommand({ Rule: 'on-registered', Targets: [{ Id: 'sink', Arn: SINK }] }));
  const machine = await createMachine('register', {
    Emit: {
      Type: 'Task',
      Resource: 'arn:aws:states:::events:putEvents',
      Parameters: { Entries: [{ Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', 'Detail.$': '$' }] },
      End: true,
    },
  });
  const executionArn = (await h.sfn.send(new StartExecutionCommand({ stateMachineArn: machine, input: '{"version":3}' }))).executionArn!;
  const done = await finished(executionArn);
  expect(done.status).toBe('SUCCEEDED');
  const output = JSON.parse(done.output!);
  expect(output).toEqual({ Entries: [{ EventId: expect.any(String) }], FailedEntryCount: 0 });
  const [event] = await eventually(() => (received.length > 0 ? received : undefined));
  expect(event).toMatchObject({ id: output.Entries[0].EventId, source: 'statecraft.kfold-cv', detail: { version: 3 }, resources: [executionArn, machine] });
});

test('an events:putEvents task with a failed entry fails with EventBridge.FailedEntry', async () => {
  const machine = await createMachine('bad-put', {
    Emit: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ Source: 'x', DetailType: 'y', Detail: {}, EventBusName: 'missing' }] }, End: true },
  });
  const done = await finished((await h.sfn.send(new StartExecutionCommand({ stateMachineArn: machine }))).executionArn!);
  expect(done).toMatchObject({ status: 'FAILED', error: 'EventBridge.FailedEntry' });
  expect(JSON.parse(done.cause!)).toEqual({ Entries: [{ ErrorCode: 'ResourceNotFoundException', ErrorMessage: 'Event bus missing does not exist.' }], FailedEntryCount: 1 });
});
